using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

/// <summary>What each side of the trust boundary is given: the checker runs the source's checks with proxies, the sandbox gets no test code.</summary>
public class CheckerNotebookTests
{
    [Fact]
    public void TheCheckerCallsTheStudentsFunctionsThroughProxiesAndSwitchesHiddenCallsToTheirOwnWorker()
    {
        var problems = new List<string>();
        var checker = CheckerNotebook.Build(Source(), problems);
        Assert.Empty(problems);
        Assert.Equal(Ids(Source()), Ids(checker));                                // cell for cell: the scores' cell numbers match the source
        var mean = Src(checker, "q1-answer");
        Assert.Contains("double Mean(double[] x) => global::ClusterLab.Notebooks.Remote.Call<double>(\"Mean\", new string[] { \"double[]\" }, \"double\", new object?[] { x });", mean);
        Assert.DoesNotContain("x.Average()", mean);                               // never the instructor's solution
        Assert.Contains("Remote.Call<double>(\"Twice\"", Src(checker, "q2-answer"));
        var tests = Src(checker, "q1-tests");
        Assert.True(tests.IndexOf("Remote.Hidden = true;", StringComparison.Ordinal) < tests.IndexOf("q1-hidden", StringComparison.Ordinal));
        Assert.EndsWith("Remote.Hidden = false;", tests);
        Assert.StartsWith("global::ClusterLab.Notebooks.Remote.Hidden = true;", Src(checker, "q2-hidden"));
        Assert.DoesNotContain("scratch", Src(checker, "free"));                   // a student cell does not run on the trusted side
    }

    [Fact]
    public void TheVisiblePassHasNoHiddenTestCodeAndKeepsTheCellNumbers()
    {
        var source = Source();
        var visible = CheckerNotebook.Build(source, [], visibleOnly: true);
        var all = CheckerNotebook.Build(source, []);
        Assert.Equal(Ids(source), Ids(visible));                                 // cell for cell, like the whole checker
        var text = NotebookJson.Serialize(visible);
        foreach (var hidden in new[] { "q1-hidden", "q2-secret", "Remote.Hidden = true", "-7.25", "secret hint" })
            Assert.DoesNotContain(hidden, text);
        Assert.Contains("Check.Close(\"q1\"", Src(visible, "q1-tests"));        // the visible checks stay
        Assert.Equal(CheckerNotebook.HiddenPlaceholder, Src(visible, "q2-hidden"));
        Assert.False(CheckerNotebook.HasHiddenTests(visible));
        Assert.True(CheckerNotebook.HasHiddenTests(all));                         // so the grader runs a second pass
    }

    [Fact]
    public void TheSandboxGetsTheStudentsCellsButNoTestCode()
    {
        var source = Source();
        var released = Released(source);
        var submission = NotebookJson.Clone(source);                             // as if the sanitized submission held the source's cells
        var student = StudentNotebook.Build(submission, source, released);
        Assert.DoesNotContain("q1-tests", Ids(student));
        Assert.DoesNotContain("q2-tests", Ids(student));
        Assert.DoesNotContain("q2-hidden", Ids(student));
        var text = NotebookJson.Serialize(student);
        foreach (var secret in new[] { "42.5", "-7.25", "Check.", "secret hint" })
            Assert.DoesNotContain(secret, text);
        Assert.Contains("q1-answer", Ids(student));
    }

    [Fact]
    public void SolutionVariablesNeedAnExplicitTypeAndGenericsAreReported()
    {
        var problems = new List<string>();
        var code = Proxies.For("double[] mu = [1.0];\nvar sigma = 2.0;\nT Id<T>(T t) => t;", "cell x", problems);
        Assert.Contains("double[] mu => global::ClusterLab.Notebooks.Remote.Call<double[]>(\"mu\", null!, \"double[]\");", code);
        Assert.Contains(problems, p => p.Contains("sigma") && p.Contains("explicit type"));
        Assert.Contains(problems, p => p.Contains("generic method Id"));
    }
}
