using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

/// <summary>
/// The two assignments, graded for real: sample submissions under Submissions/&lt;hw&gt;/ run in child processes of this
/// tool (<c>clusterlab run</c> with the C# kernel). Slow (a few minutes): each notebook starts its own kernel.
/// </summary>
public class GradingAssignmentTests
{
    private static string Repo([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));
    private static string SourceOf(string hw) => Path.Combine(Repo(), "assignments", hw, "source", hw + ".ipynb");
    private static string SubmissionsOf(string hw) => Path.Combine(Repo(), "tests", "ClusterLab.Tool.Tests", "Submissions", hw);

    private static IReadOnlyList<Submission> Grade(string hw, string folder, string outDir, string? manual = null)
    {
        var options = new GradeOptions { OutDir = outDir, CellTimeout = 60, Timeout = 150, Grace = 30, Jobs = 2, Progress = false, ManualCsv = manual };
        var subs = Grader.Find(folder);
        return Grader.Grade(GradeCommand.Create(Assignment.Load(SourceOf(hw)), options, subs), subs);
    }

    [Theory]
    [InlineData("hw1-gaussian-mle")]
    [InlineData("hw2-em")]
    public void CommittedReleaseIsUpToDateAndHidesSolutions(string hw)
    {
        var dir = TempDir("release-" + hw);
        var made = ReleaseCommand.Release(SourceOf(hw), dir);
        var committed = Path.Combine(Repo(), "assignments", hw, "release", hw + ".ipynb");
        Assert.Equal(File.ReadAllText(made), File.ReadAllText(committed));
        var text = File.ReadAllText(committed);
        foreach (var marker in new[] { "BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "-hidden\"", "Enumerable.Range(0, 40)" })
            Assert.DoesNotContain(marker, text);
        Assert.Equal(20, Assignment.Load(SourceOf(hw)).Points);
    }

    [Fact]
    public void Hw1ClassIsGradedWithEveryNumberAndStatus()
    {
        var dir = TempDir("hw1");
        var folder = SubmissionsOf("hw1-gaussian-mle");
        var before = Hashes(folder);
        var outDir = Path.Combine(dir, "graded");
        var subs = Grade("hw1-gaussian-mle", folder, outDir);

        Assert.Equal(
            """
            student,q1-derivation,q2-mu,q3-sigma,q4-loglik,total,bonus,status,isolation
            compile-error,,0,0,2,0,2,ok,sandbox
            complete,,2,2,2,0,6,ok,sandbox
            exit,,2,2,0,0,4,crashed,sandbox
            hang,,2,0,2,0,4,timeout,sandbox
            huge,,2,2,2,0,6,ok,sandbox
            malformed,,0,0,0,0,0,malformed,sandbox
            partial,,0,0,0,0,0,ok,sandbox
            stackoverflow,,0,0,2,0,2,crashed,sandbox
            tampered,,2,0,2,0,4,ok,sandbox

            """.Replace("\r", ""),
            File.ReadAllText(Path.Combine(outDir, "gradebook.csv")));
        Assert.Equal(before, Hashes(folder));
        var compileError = File.ReadAllText(Path.Combine(outDir, "feedback", "compile-error.html"));
        Assert.Contains("your cell q2-answer failed: CodeSubmissionCompilationErrorException", compileError);   // the student's own error
        Assert.Contains("is not declared in your notebook", compileError);                                       // what the check then found

        // partial hard-coded the public answer: the public check (0 points) passes, the hidden one (the points) does not
        var partial = subs.Single(s => s.Student == "partial").Scores["q2-mu"].Checks;
        Assert.Equal([true, false], partial.Select(c => c.Passed));
        Assert.Equal(
            ["locked cell q3-sigma (cell q3-tests) was edited; the original was restored.", "cell q4-loglik (cell q4-tests) was deleted; it was re-inserted."],
            subs.Single(s => s.Student == "tampered").Flags);

        var feedback = File.ReadAllText(Path.Combine(outDir, "feedback", "tampered.html"));
        Assert.Contains("q3-sigma-hidden (hidden test)", feedback);
        Assert.Contains("expected 0.69622, got 0.762671", feedback);         // the public check's message
        foreach (var secret in new[] { "HiddenData.Seed", "hidden3", "rng3", "sigma4", "BEGIN HIDDEN" })
            Assert.DoesNotContain(secret, feedback);

        var manual = Csv.Parse(File.ReadAllText(Path.Combine(outDir, "manual.csv")));
        Assert.Equal(1 + 9 * 7, manual.Count);                               // one row per student × rubric line
        Assert.Equal(["partial", "q1-derivation", "likelihood", "3", "", "The mean is the average, $\\hat\\mu=\\bar x$."],
            manual.First(r => r[0] == "partial").Where((_, i) => i != 3));

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!;
        Assert.Equal(0, summary["earned"]!.GetValue<double>());             // the code part is bonus
        Assert.Equal(6, summary["bonus_possible_per_student"]!.GetValue<double>());
        Assert.Equal(180, summary["possible"]!.GetValue<double>());
        Assert.Equal(2, summary["status_counts"]!["crashed"]!.GetValue<int>());

        // hand-given points merge into the gradebook; nothing is re-run for this check of the report alone
        var scores = Path.Combine(dir, "scores.csv");
        File.WriteAllText(scores, "student,question,points\ncomplete,q1-derivation,7\npartial,q1-derivation,1.5\n");
        var context = GradeCommand.Create(Assignment.Load(SourceOf("hw1-gaussian-mle")), new GradeOptions { OutDir = outDir, ManualCsv = scores }, subs);
        foreach (var s in subs) new CollectManualAnswers().Apply(s, context);
        new WriteGradebook().Apply(subs, context);
        var book = File.ReadAllText(Path.Combine(outDir, "gradebook.csv"));
        Assert.Contains("\ncomplete,7,2,2,2,7,6,ok,sandbox\n", book);
        Assert.Contains("\npartial,1.5,0,0,0,1.5,0,ok,sandbox\n", book);
    }

    [Fact]
    public void Hw2SubmissionsAreGradedAgainstTheLibrary()
    {
        var dir = TempDir("hw2");
        var outDir = Path.Combine(dir, "graded");
        var subs = Grade("hw2-em", SubmissionsOf("hw2-em"), outDir);
        Assert.Equal(
            """
            student,q1-estep,q2-mstep,q3-loglik,q4-faithful,total,status,isolation
            complete,6,6,4,4,20,ok,sandbox
            partial,0,6,0,0,6,ok,sandbox

            """.Replace("\r", ""),
            File.ReadAllText(Path.Combine(outDir, "gradebook.csv")));
        // the naive E-step (no log-sum-exp) passes the visible checks (0 points) and fails the hidden one on far-away components
        var estep = subs.Single(s => s.Student == "partial").Scores["q1-estep"].Checks;
        Assert.Equal(["q1-estep-hidden"], estep.Where(c => !c.Passed).Select(c => c.Spec.Id));
        Assert.Contains("far-away", estep.Single(c => c.Spec.Id == "q1-estep-hidden").Message);
    }
}
