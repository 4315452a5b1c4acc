using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

public class GradingSanitizeTests
{
    private static (JsonObject Notebook, List<string> Flags) Sanitize(JsonObject student, JsonObject source)
    {
        var ctx = new StepContext("student", source, Released(source));
        Pipelines.Apply(Pipelines.Sanitize(), student, ctx);
        return (student, ctx.Flags);
    }

    [Fact]
    public void UntouchedSubmissionGetsHiddenTestsBackAndNoFlags()
    {
        var source = Source();
        var (nb, flags) = Sanitize(Released(source), source);
        Assert.Empty(flags);
        Assert.Equal(Ids(source), Ids(nb));
        Assert.Equal(Src(source, "q1-tests"), Src(nb, "q1-tests"));
        Assert.Equal(Src(source, "q2-hidden"), Src(nb, "q2-hidden"));
        Assert.Equal(Src(Released(source), "q1-answer"), Src(nb, "q1-answer")); // the student's answer is kept, never the solution
    }

    [Fact]
    public void EditedCheckCellIsRestoredAndFlagged()
    {
        var source = Source();
        var student = Released(source);
        NotebookJson.SetSource(CellById(student, "q1-tests"), "Check.That(\"q1\", 5, () => true);");
        var (nb, flags) = Sanitize(student, source);
        Assert.Equal(Src(source, "q1-tests"), Src(nb, "q1-tests"));
        Assert.Equal("locked cell q1 (cell q1-tests) was edited; the original was restored.", Assert.Single(flags));
    }

    [Fact]
    public void DeletedCellsAreReinsertedInPlaceAndFlagged()
    {
        var source = Source();
        var student = Released(source);
        var cells = NotebookJson.Cells(student);
        cells.Remove(CellById(student, "q2-tests"));
        cells.Remove(CellById(student, "q1-answer"));
        cells.Insert(0, Cell("mine", "code", "var helper = 1;"));
        var (nb, flags) = Sanitize(student, source);
        Assert.Equal(["mine", .. Ids(source)], Ids(nb));
        Assert.Equal(Src(source, "q2-tests"), Src(nb, "q2-tests"));
        Assert.Equal(Src(Released(source), "q1-answer"), Src(nb, "q1-answer")); // an unlocked cell comes back as the stub
        Assert.Equal(2, flags.Count);
        Assert.Contains("cell q2 (cell q2-tests) was deleted; it was re-inserted.", flags);
    }

    [Fact]
    public void CopiedLockedCellIsRenamedSoTheOriginalIsRestored()
    {
        var source = Source();
        var student = Released(source);
        var fake = Cell("q1-tests", "code", "Check.That(\"q1\", 5, () => true);");
        NotebookJson.Cells(student).Insert(1, fake);
        var (nb, flags) = Sanitize(student, source);
        // the first cell with the id keeps it and is restored; the later one is renamed, so it cannot be mistaken for the check cell
        Assert.Equal("q1-tests", Ids(nb)[1]);
        Assert.Equal(Src(source, "q1-tests"), Src(nb, "q1-tests"));
        Assert.Equal("student-cell-5", Ids(nb)[4]);
        Assert.Contains(flags, f => f.StartsWith("cell id q1-tests appears more than once"));
    }

    [Fact]
    public void StudentMetadataAndOutputsDoNotSurvive()
    {
        var source = Source();
        var student = Released(source);
        student["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "python3" } };
        CellById(student, "q1-answer")["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["text"] = "x" });
        var (nb, _) = Sanitize(student, source);
        Assert.Equal(".net-csharp", nb["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Empty(CellById(nb, "q1-answer")["outputs"]!.AsArray());
    }

    [Theory]
    [InlineData("static class Check { public static void That(string id, double p, Func<bool> f) { } }")]
    [InlineData("void Check(string id) { }")]
    [InlineData("class @Check { }")]
    public void CodeThatShadowsTheChecksIsFlaggedAndZeroesItsQuestion(string code)
    {
        var source = Source();
        var student = Released(source);
        NotebookJson.SetSource(CellById(student, "q2-answer"), code);
        var dir = TempDir("shadow");
        var src = Path.Combine(dir, "hwx", "source", "hwx.ipynb");
        NotebookJson.Save(source, src);
        var path = Path.Combine(dir, "s.ipynb");
        NotebookJson.Save(student, path);
        var context = new GradeContext(Assignment.Load(src), new GradeOptions { OutDir = Path.Combine(dir, "out"), Progress = false });
        var s = new Submission("s", path);
        new SanitizeSubmission().Apply(s, context);
        new InspectStudentCode().Apply(s, context);
        Assert.StartsWith("Shadowing (cell q2-answer)", Assert.Single(s.Flags));
        Assert.True(s.Zeroed.ContainsKey("q2"));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"metadata\": {}}")]
    [InlineData("{\"cells\": [{\"source\": \"x\"}]}")]
    public void MalformedFilesAreReportedNotThrown(string text)
    {
        var dir = TempDir("malformed");
        var src = Path.Combine(dir, "hw.ipynb");
        NotebookJson.Save(Source(), src);
        var subs = Path.Combine(dir, "subs");
        Directory.CreateDirectory(subs);
        File.WriteAllText(Path.Combine(subs, "bad.ipynb"), text);
        var s = Grader.Find(subs).Single();
        var ctx = new GradeContext(Assignment.Load(src), new GradeOptions { OutDir = Path.Combine(dir, "out") });
        new SanitizeSubmission().Apply(s, ctx);
        Assert.Equal(GradeStatus.Malformed, s.Status);
        Assert.Null(s.Notebook);
    }
}
