using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

public class GradingReleaseTests
{
    [Fact]
    public void SolutionRegionBecomesStubKeepingSignatureAndIndent()
    {
        var r = Released(Source());
        Assert.Equal(
            "double Mean(double[] x)\n{\n    // YOUR CODE HERE\n    throw new NotImplementedException(\"your code here\");\n}",
            Src(r, "q1-answer"));
    }

    [Fact]
    public void SolutionCellWithoutMarkersIsReplacedWhole() =>
        Assert.Equal("// YOUR CODE HERE\nthrow new NotImplementedException(\"your code here\");", Src(Released(Source()), "q2-answer"));

    [Fact]
    public void HiddenTestsAreRemovedAndHiddenCellKeepsOnlyAPlaceholder()
    {
        var r = Released(Source());
        Assert.Equal("Check.Close(\"q1\", 2, 2.0, () => Mean([1.0, 3.0]));", Src(r, "q1-tests"));
        Assert.Equal(RemoveHiddenTests.Placeholder, Src(r, "q2-hidden"));
        var text = NotebookJson.Serialize(r);
        foreach (var secret in new[] { "q1-hidden", "42.5", "secret hint", "q2-secret", "-14.5", "BEGIN", "x.Average()", "because" })
            Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public void ManualAnswerBecomesPromptAndOutputsAreCleared()
    {
        var r = Released(Source());
        Assert.Equal(ReplaceManualAnswers.Prompt, Src(r, "q3"));
        foreach (var c in NotebookJson.CellObjects(r).Where(c => NotebookJson.Type(c) == "code"))
        {
            Assert.Empty(c["outputs"]!.AsArray());
            Assert.Null(c["execution_count"]);
        }
    }

    [Fact]
    public void IdsOrderAndMetadataAreKeptAndLockedCellsAreMarkedReadOnly()
    {
        var s = Source();
        var r = Released(s);
        Assert.Equal(Ids(s), Ids(r));
        Assert.Equal("tests", CellById(r, "q1-tests")["metadata"]!["clusterlab"]!["role"]!.GetValue<string>());
        Assert.False(CellById(r, "q1-tests")["metadata"]!["editable"]!.GetValue<bool>());
        Assert.Null(CellById(r, "q1-answer")["metadata"]!["editable"]);
        Assert.Equal("Console.WriteLine(\"scratch\");", Src(r, "free"));
    }

    [Fact]
    public void ReleaseCommandWritesTheDefaultPathAndIsIdempotent()
    {
        var dir = TempDir("release");
        var src = Path.Combine(dir, "hwx", "source", "hwx.ipynb");
        NotebookJson.Save(Source(), src);
        Assert.Equal(0, ReleaseCommand.Run([src]));
        var out1 = File.ReadAllText(Path.Combine(dir, "hwx", "release", "hwx.ipynb"));
        Assert.Equal(0, ReleaseCommand.Run([src]));
        Assert.Equal(out1, File.ReadAllText(Path.Combine(dir, "hwx", "release", "hwx.ipynb")));
        Assert.Equal(0, ReleaseCommand.Run([src, "--out", Path.Combine(dir, "elsewhere")]));
        Assert.True(File.Exists(Path.Combine(dir, "elsewhere", "hwx.ipynb")));
    }

    [Fact]
    public void QuestionsComeFromGradedCells()
    {
        var qs = Assignment.Validate(Source(), "t");
        Assert.Equal(["q1", "q2", "q2h", "q3"], qs.Select(q => q.Id));
        Assert.Equal([5.0, 1, 4, 10], qs.Select(q => q.Points));
        Assert.Equal([false, true], qs[0].Checks.Select(c => c.Hidden));
        Assert.True(qs[2].Checks.Single().Hidden);
        Assert.Equal(QuestionKind.Manual, qs[3].Kind);
    }

    public static TheoryData<string, string> BadSources => new()
    {
        { "points", "points=5 but its checks add up to 6" },
        { "dup-grade", "grade_id q1 appears twice" },
        { "dup-cell", "cell id q1-tests appears twice" },
        { "unterminated", "never closed" },
        { "role", "role \"answer\" is unknown" },
        { "no-check", "no Check.That/Close/Run" },
        { "manual-code", "a manual cell should be Markdown" },
    };

    [Theory, MemberData(nameof(BadSources))]
    public void BadMetadataIsRejectedWithAClearMessage(string kind, string message)
    {
        var s = Source();
        var cells = NotebookJson.Cells(s);
        JsonObject tests = CellById(s, "q1-tests");
        switch (kind)
        {
            case "points": tests["metadata"]!["clusterlab"]!["points"] = 5; NotebookJson.SetSource(tests, "Check.That(\"a\", 6, () => true);"); break;
            case "dup-grade": CellById(s, "q2-tests")["metadata"]!["clusterlab"]!["grade_id"] = "q1"; break;
            case "dup-cell": cells.Add(NotebookJson.Clone(tests)); break;
            case "unterminated": NotebookJson.SetSource(CellById(s, "q1-answer"), "int F() {\n// BEGIN SOLUTION\nreturn 1;\n}"); break;
            case "role": CellById(s, "q1-answer")["metadata"]!["clusterlab"]!["role"] = "answer"; break;
            case "no-check": NotebookJson.SetSource(tests, "Console.WriteLine(1);"); break;
            case "manual-code": CellById(s, "q3")["cell_type"] = "code"; break;
        }
        var e = Assert.Throws<FormatException>(() => Released(s));
        Assert.Contains(message, e.Message);
    }
}
