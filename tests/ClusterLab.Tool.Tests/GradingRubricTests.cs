using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

/// <summary>Hand grading with a rubric (manual.csv, manual.html, --manual by rubric line, feedback), bonus questions and instructor-only cells.</summary>
public class GradingRubricTests
{
    private static JsonArray Rubric(params (string Id, double Points, string Text)[] lines) =>
        new([.. lines.Select(l => (JsonNode)new JsonObject { ["id"] = l.Id, ["points"] = l.Points, ["text"] = l.Text })]);

    /// <summary>The fixture with a rubric on the manual question q3 (10 = 4 + 6) and q2 (1 point) marked bonus.</summary>
    private static JsonObject RubricSource()
    {
        var s = Source();
        CellById(s, "q3")["metadata"]!["clusterlab"]!["rubric"] = Rubric(("log", 4, "takes the log (16)"), ("solve", 6, "solves for $\\hat\\mu$"));
        CellById(s, "q2-tests")["metadata"]!["clusterlab"]!["bonus"] = true;
        return s;
    }

    private static (Submission, GradeContext, string) Prepared(JsonObject source, JsonObject? student = null, string? manual = null)
    {
        var dir = TempDir("rubric");
        var src = Path.Combine(dir, "hw.ipynb");
        NotebookJson.Save(source, src);
        var subDir = Directory.CreateDirectory(Path.Combine(dir, "submissions")).FullName;
        var nb = student ?? Released(source);
        NotebookJson.Save(nb, Path.Combine(subDir, "ana.ipynb"));
        var s = new Submission("ana", Path.Combine(subDir, "ana.ipynb")) { Notebook = nb };
        var options = new GradeOptions { OutDir = Path.Combine(dir, "out"), ManualCsv = manual is null ? null : WriteText(dir, manual) };
        Directory.CreateDirectory(options.OutDir);
        var ctx = GradeCommand.Create(Assignment.Load(src), options, [s]);
        return (s, ctx, dir);
    }

    private static string WriteText(string dir, string text)
    {
        var p = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(p, text);
        return p;
    }

    [Fact]
    public void RubricAndBonusAreReadAndTotalsSplit()
    {
        var q = Assignment.Validate(RubricSource(), "hw");
        Assert.Equal(["log", "solve"], q.Single(x => x.Id == "q3").Rubric.Select(l => l.Id));
        Assert.True(q.Single(x => x.Id == "q2").Bonus);
        var (_, ctx, _) = Prepared(RubricSource());
        Assert.Equal(5 + 4 + 10, ctx.Assignment.Points);
        Assert.Equal(1, ctx.Assignment.BonusPoints);
    }

    public static TheoryData<string, string> BadRubrics => new()
    {
        { "sum", "points=10 but its rubric lines add up to 9 (log 4 + solve 5)" },
        { "dup", "id log appears twice in the rubric" },
        { "zero", "points=0 should be > 0" },
        { "text", "text should say what the answer must show" },
        { "on-tests", "a rubric belongs on a manual cell, not on a Tests cell" },
        { "bonus-prompt", "bonus belongs on a tests, hidden-tests or manual cell" },
        { "shape", "rubric should be a list" },
    };

    [Theory, MemberData(nameof(BadRubrics))]
    public void BadRubricIsRejectedWithAClearMessage(string kind, string message)
    {
        var s = Source();
        var m = CellById(s, "q3")["metadata"]!["clusterlab"]!;
        switch (kind)
        {
            case "sum": m["rubric"] = Rubric(("log", 4, "a"), ("solve", 5, "b")); break;
            case "dup": m["rubric"] = Rubric(("log", 4, "a"), ("log", 6, "b")); break;
            case "zero": m["rubric"] = Rubric(("log", 0, "a"), ("solve", 10, "b")); break;
            case "text": m["rubric"] = Rubric(("log", 4, " "), ("solve", 6, "b")); break;
            case "on-tests": CellById(s, "q1-tests")["metadata"]!["clusterlab"]!["rubric"] = Rubric(("x", 5, "a")); break;
            case "bonus-prompt": CellById(s, "intro")["metadata"]!["clusterlab"]!["bonus"] = true; break;
            case "shape": m["rubric"] = "likelihood 3"; break;
        }
        Assert.Contains(message, Assert.Throws<FormatException>(() => Assignment.Validate(s, "hw")).Message);
    }

    [Fact]
    public void InstructorCellsAreRemovedByRelease()
    {
        var s = Source();
        NotebookJson.Cells(s).Add(Cell("appendix", "markdown", "## Solution appendix\n$\\hat\\sigma^2$", "instructor"));
        NotebookJson.Cells(s).Add(Cell("appendix-code", "code", "double SigmaHat() => 1;", "instructor"));
        Assert.Equal(4, Assignment.Validate(s, "hw").Count);
        var r = Released(s);
        Assert.DoesNotContain("appendix", Ids(r));
        Assert.DoesNotContain("appendix-code", Ids(r));
        Assert.Equal(Ids(Source()), Ids(r));
        // a submission of that copy gets no instructor cell back and no "deleted" flag
        var step = new StepContext("ana", s, r);
        var submission = NotebookJson.Clone(r);
        Pipelines.Apply(Pipelines.Sanitize(), submission, step);
        Assert.Empty(step.Flags);
        Assert.DoesNotContain("appendix", Ids(submission));
    }

    [Fact]
    public void ManualScoresByRubricLineAddUpAndAreChecked()
    {
        var (_, ctx, dir) = Prepared(RubricSource());
        var students = new HashSet<string> { "ana", "ben" };
        ManualSheet Read(string text) => ManualScores.ReadSheet(WriteText(dir, text), ctx.Assignment, students);
        var sheet = Read("ana,q3,log,3\nana,q3,solve,6\nben,q3,7\n");
        Assert.Equal(9, sheet.Points[("ana", "q3")]);
        Assert.Equal(7, sheet.Points[("ben", "q3")]);
        Assert.Equal(3, sheet.Lines[("ana", "q3", "log")]);
        // the filled-in manual.csv is read by its header; empty points are "not graded yet"
        var filled = Read(WriteManualList.Header + "\nana,q3,log,takes the log,4,4,answer\nana,q3,solve,solves,6,5.5,\nben,q3,log,takes the log,4,,\n");
        Assert.Equal(9.5, filled.Points[("ana", "q3")]);
        Assert.False(filled.Points.ContainsKey(("ben", "q3")));
        Assert.Contains("not for solve", Assert.Throws<FormatException>(() => Read("ana,q3,log,3")).Message);
        Assert.Contains("should be in [0, 4]", Assert.Throws<FormatException>(() => Read("ana,q3,log,5\nana,q3,solve,0")).Message);
        Assert.Contains("rubric line 'likelihood' is not in question q3 (rubric: log, solve)", Assert.Throws<FormatException>(() => Read("ana,q3,likelihood,1")).Message);
        Assert.Contains("is given twice", Assert.Throws<FormatException>(() => Read("ana,q3,7\nana,q3,log,3\nana,q3,solve,1")).Message);
        Assert.Contains("expected 3 fields", Assert.Throws<FormatException>(() => Read("ana,q3")).Message);
        Assert.Contains("no 'points' column", Assert.Throws<FormatException>(() => Read("student,question,score\nana,q3,1")).Message);
    }

    [Fact]
    public void ManualListAndPageShowTheRubricBesideEachAnswerWithItsFiles()
    {
        var source = RubricSource();
        var student = Released(source);
        var answer = CellById(student, "q3");
        NotebookJson.SetSource(answer, "$$\\hat\\mu=\\frac1N\\sum_n x_n$$ <script>alert(1)</script> ![page 1](attachment:scan.png) and [page 2](scan.pdf) [x](javascript:alert(2))");
        answer["attachments"] = new JsonObject { ["scan.png"] = new JsonObject { ["image/png"] = Convert.ToBase64String([137, 80, 78, 71]) } };
        var (s, ctx, dir) = Prepared(source, student);
        File.WriteAllBytes(Path.Combine(dir, "submissions", "ana.scan.pdf"), [37, 80, 68, 70]);
        new CollectManualAnswers().Apply(s, ctx);
        new WriteManualList().Apply([s], ctx);
        var rows = Csv.Parse(File.ReadAllText(Path.Combine(ctx.Options.OutDir, "manual.csv")));
        Assert.Equal(WriteManualList.Header.Split(','), rows[0]);
        Assert.Equal(["ana", "q3", "log", "takes the log (16)", "4", ""], rows[1][..6]);
        Assert.Equal(["ana", "q3", "solve", "solves for $\\hat\\mu$", "6", "", ""], rows[2]);
        Assert.Contains("manual-files/ana/q3/ana.scan.pdf", rows[1][6]);
        Assert.True(File.Exists(Path.Combine(ctx.Options.OutDir, "manual-files", "ana", "q3", "scan.png")));
        var html = File.ReadAllText(Path.Combine(ctx.Options.OutDir, "manual.html"));
        Assert.Contains("MathJax-script", html);
        Assert.Contains("<img src=\"manual-files/ana/q3/scan.png\"", html);
        Assert.Contains("<embed src=\"manual-files/ana/q3/ana.scan.pdf\" type=\"application/pdf\">", html);
        Assert.Contains("takes the log (16)", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Empty(s.Flags);
    }

    [Fact]
    public void AMissingScanIsFlaggedNamingTheFileExpected()
    {
        var source = RubricSource();
        var student = Released(source);
        NotebookJson.SetSource(CellById(student, "q3"), "see [my derivation](scan.pdf)");
        var (s, ctx, _) = Prepared(source, student);
        new CollectManualAnswers().Apply(s, ctx);
        Assert.Equal(["q3: the answer names scan.pdf but ana.scan.pdf is not beside the submission."], s.Flags);
    }

    [Fact]
    public void MergedRubricLinesReachFeedbackAndGradebookHasABonusColumn()
    {
        var (s, ctx, _) = Prepared(RubricSource(), manual: "ana,q3,log,4\nana,q3,solve,2.5\n");
        s.Results.Add(new CheckLine("q2", 1, true, "ok", 6));
        new ScoreCheckCells().Apply(s, ctx);
        new CollectManualAnswers().Apply(s, ctx);
        Assert.Equal(6.5, s.Scores["q3"].Earned);
        var html = WriteFeedback.Render(s, ctx.Assignment, ctx);
        Assert.Contains("log: takes the log (16)</td><td>4/4", html);
        Assert.Contains("solve: solves for $\\hat\\mu$</td><td>2.5/6", html);
        Assert.Contains("bonus: <b>1 / 1</b>", html);
        Assert.Equal("student,q1,q2,q2h,q3,total,bonus,status,isolation\nana,0,1,0,6.5,6.5,1,ok,sandbox\n", WriteGradebook.Render([s], ctx.Assignment));
        new WriteManualList().Apply([s], ctx);
        var rows = Csv.Parse(File.ReadAllText(Path.Combine(ctx.Options.OutDir, "manual.csv")));
        Assert.Equal(["4", "2.5"], rows.Skip(1).Select(r => r[5]));
    }
}
