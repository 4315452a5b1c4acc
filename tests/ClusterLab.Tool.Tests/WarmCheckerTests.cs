using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

/// <summary>
/// Students graded one after another by the same warm checker (<c>--jobs 1</c>, the real tool, bubblewrap workers):
/// nothing one submission leaves in the checker process changes the next one's grade.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class WarmCheckerTests
{
    [SandboxFact]
    public void AHiddenCellThatEndsInAnExceptionLeavesNothingForTheNextStudent()
    {
        var dir = TempDir("warm-checker");
        var source = AttackSubmissions.Source(Path.Combine(RunnerHarness.RepoRoot, "artifacts", "kit"));
        // The hidden-tests cell calls Twice outside a check: when that throws, the cell ends with Remote.Hidden still on.
        NotebookJson.SetSource(CellById(source, "q2-hidden"), "double twice = Twice(613.0625);\nCheck.Close(\"q2-secret\", 4, 1226.125, () => twice);");
        var src = Path.Combine(dir, "lab", "source", "lab.ipynb");
        NotebookJson.Save(source, src);
        var subs = Directory.CreateDirectory(Path.Combine(dir, "subs")).FullName;
        var released = Released(source);
        void Submit(string student, string twice)
        {
            var nb = NotebookJson.Clone(released);
            NotebookJson.SetSource(CellById(nb, "q1-answer"), "double Mean(double[] x) => x.Average();");
            NotebookJson.SetSource(CellById(nb, "q2-answer"), twice);
            NotebookJson.Save(nb, Path.Combine(subs, student + ".ipynb"));
        }
        Submit("a-thrower", "double Twice(double x) => x > 100 ? throw new InvalidOperationException(\"too big\") : 2 * x;");
        Submit("b-honest", "double Twice(double x) => 2 * x;");

        var options = new GradeOptions
        {
            OutDir = Path.Combine(dir, "out"), CellTimeout = 60, Timeout = 120, Grace = 30, CallTimeout = 10, Jobs = 1,
            Progress = false, CourseSecret = "warm-checker-test",
        };
        var found = Grader.Find(subs);
        var context = GradeCommand.Create(Assignment.Load(src), options, found);
        var graded = Grader.Grade(context, found);

        Assert.Equal(1, context.Checkers.Started);                                   // one warm process graded both
        var a = graded.Single(s => s.Student == "a-thrower").Scores;
        var b = graded.Single(s => s.Student == "b-honest").Scores;
        Assert.Equal((5.0, 1.0, 0.0), (a["q1"].Earned, a["q2"].Earned, a["q2h"].Earned));
        Assert.True((b["q1"].Earned, b["q2"].Earned, b["q2h"].Earned) == (5.0, 1.0, 4.0),
            $"the honest student after the thrower: q1 {b["q1"].Earned}, q2 {b["q2"].Earned}, q2h {b["q2h"].Earned} (want 5, 1, 4): "
            + string.Join(" / ", b.Values.SelectMany(q => q.Checks).Select(c => $"{c.Spec.Id}: {c.Message}")));
    }
}
