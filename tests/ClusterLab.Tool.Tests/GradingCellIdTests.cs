using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

/// <summary>Submissions saved without cell ids (nbformat 4.4 front ends) are matched to the source by grade_id and position.</summary>
public class GradingCellIdTests
{
    private static JsonObject Complete(JsonObject source)
    {
        var nb = Released(source);
        NotebookJson.SetSource(CellById(nb, "q1-answer"), "double Mean(double[] x)\n{\n    return x.Average();\n}");
        NotebookJson.SetSource(CellById(nb, "q2-answer"), "double Twice(double x) => x + x;");
        NotebookJson.SetSource(CellById(nb, "q3"), "The mean.");
        return nb;
    }

    private static JsonObject WithoutIds(JsonObject nb, bool dropMetadata = false)
    {
        foreach (var cell in NotebookJson.CellObjects(nb))
        {
            cell.Remove("id");
            if (dropMetadata) (cell["metadata"] as JsonObject)?.Remove(CellMeta.Key);
        }
        nb["nbformat_minor"] = 4;
        return nb;
    }

    private static (JsonObject Notebook, List<string> Flags) Sanitize(JsonObject student, JsonObject source)
    {
        var ctx = new StepContext("student", source, Released(source));
        Pipelines.Apply(Pipelines.Sanitize(), student, ctx);
        return (student, ctx.Flags);
    }

    [Fact]
    public void CellsWithoutIdsGetTheirReleasedIdsAndKeepTheAnswers()
    {
        var source = Source();
        var (nb, flags) = Sanitize(WithoutIds(Complete(source)), source);
        Assert.Empty(flags);
        Assert.Equal(Ids(source), Ids(nb));
        Assert.Equal("double Twice(double x) => x + x;", Src(nb, "q2-answer"));
        Assert.Equal(Src(source, "q2-hidden"), Src(nb, "q2-hidden"));
    }

    [Fact]
    public void GradeIdMatchesWhatPositionCannot()
    {
        var source = Source();
        var student = WithoutIds(Complete(source));
        var cells = NotebookJson.Cells(student);
        var answer = cells.OfType<JsonObject>().First(c => NotebookJson.Source(c).Contains("Twice"));
        cells.Remove(answer);
        cells.Insert(2, answer); // moved above q1's answer: same role, so only its grade_id tells them apart
        cells.Insert(0, Cell("x", "code", "var scratch = 1;"));
        ((JsonObject)cells[0]!).Remove("id");
        var (nb, _) = Sanitize(student, source);
        Assert.Equal("double Twice(double x) => x + x;", Src(nb, "q2-answer"));
        Assert.Contains("return x.Average();", Src(nb, "q1-answer"));
    }

    [Fact]
    public void AnEditedLockedCellWithoutIdIsStillRestoredAndFlagged()
    {
        var source = Source();
        var student = WithoutIds(Complete(source));
        var tests = NotebookJson.CellObjects(student).First(c => NotebookJson.Source(c).Contains("Check.Close(\"q1\""));
        NotebookJson.SetSource(tests, "Check.That(\"q1\", 5, () => true);");
        var (nb, flags) = Sanitize(student, source);
        Assert.Equal(Src(source, "q1-tests"), Src(nb, "q1-tests"));
        Assert.Equal("locked cell q1 (cell q1-tests) was edited; the original was restored.", Assert.Single(flags));
        Assert.DoesNotContain(NotebookJson.CellObjects(nb), c => NotebookJson.Source(c).Contains("() => true"));
    }

    [Fact]
    public void WithoutIdsOrRolesTheReleasedCellsComeBackAndNothingIsTrustedFromTheStudent()
    {
        var source = Source();
        var (nb, flags) = Sanitize(WithoutIds(Complete(source), dropMetadata: true), source);
        Assert.Equal(Src(source, "q1-tests"), Src(nb, "q1-tests"));
        Assert.Equal(Src(source, "q2-hidden"), Src(nb, "q2-hidden"));
        Assert.NotEmpty(flags);
    }

    [Fact]
    public void ACompleteSubmissionWithoutIdsGetsFullMarksAndAnEditedOneIsRestored()
    {
        var dir = TempDir("noids");
        var source = Source();
        var src = Path.Combine(dir, "hwx", "source", "hwx.ipynb");
        NotebookJson.Save(source, src);
        var folder = Path.Combine(dir, "submissions");
        Directory.CreateDirectory(folder);
        NotebookJson.Save(WithoutIds(Complete(source)), Path.Combine(folder, "ana.ipynb"));
        var edited = WithoutIds(Complete(source));
        var cells = NotebookJson.CellObjects(edited).ToList();
        NotebookJson.SetSource(cells.First(c => NotebookJson.Source(c).Contains("Check.Close(\"q1\"")), "Check.That(\"q1\", 2, () => true);");
        NotebookJson.SetSource(cells.First(c => NotebookJson.Source(c).Contains("Twice")), "double Twice(double x) => 0; // wrong:q2");
        NotebookJson.Save(edited, Path.Combine(folder, "ben.ipynb"));

        var outDir = Path.Combine(dir, "graded");
        var subs = Grader.Find(folder);
        Grader.Grade(GradeCommand.Create(Assignment.Load(src), GradingHygieneTests.Options(outDir), subs), subs);
        var book = File.ReadAllText(Path.Combine(outDir, "gradebook.csv"));
        Assert.Contains("\nana,5,1,4,,10,ok,sandbox\n", book);
        Assert.Contains("\nben,5,0,4,,9,ok,sandbox\n", book);
        Assert.Contains("locked cell q1 (cell q1-tests) was edited; the original was restored.", subs.Single(s => s.Student == "ben").Flags);
    }
}
