using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;

namespace ClusterLab.Tool.Tests;

public class GradingScoreTests
{
    private static (Submission, GradeContext) Prepared(params CheckLine[] lines)
    {
        var dir = TempDir("score");
        var src = Path.Combine(dir, "hw.ipynb");
        NotebookJson.Save(Source(), src);
        var ctx = new GradeContext(Assignment.Load(src), new GradeOptions { OutDir = dir });
        var s = new Submission("ana", src) { Notebook = Released(Source()) };
        s.Results.AddRange(lines);
        return (s, ctx);
    }

    // cell indexes (1-based) in Source(): q1-tests 4, q2-tests 6, q2-hidden 7
    [Fact]
    public void ChecksCountOnlyFromTheirOwnCellAndTheLowestScoreWins()
    {
        var (s, ctx) = Prepared(
            new CheckLine("q1", 2, true, "ok", 4),
            new CheckLine("q1-hidden", 0, false, "expected 42.5, got 0", 4),
            new CheckLine("q1-hidden", 3, true, "ok", 9),        // faked in the student's own cell: ignored
            new CheckLine("q2", 1, true, "ok", 6),
            new CheckLine("q2", 0, false, "expected True", 6),  // reported twice: the lower counts
            new CheckLine("q2-secret", 99, true, "ok", 7));     // earned above the source's points: capped
        new ScoreCheckCells().Apply(s, ctx);
        Assert.Equal(2, s.Scores["q1"].Earned);
        Assert.Equal(0, s.Scores["q2"].Earned);
        Assert.Equal("expected True", s.Scores["q2"].Checks.Single().Message);
        Assert.Equal(4, s.Scores["q2h"].Earned);
        Assert.Equal(6, s.Total);
    }

    [Fact]
    public void ChecksThatNeverRanEarnZeroWithAReason()
    {
        var (s, ctx) = Prepared(new CheckLine("q1", 2, true, "ok", 4));
        s.Status = GradeStatus.Crashed;
        new ScoreCheckCells().Apply(s, ctx);
        var hidden = s.Scores["q1"].Checks[1];
        Assert.False(hidden.Ran);
        Assert.Equal(0, hidden.Earned);
        Assert.Contains("process ended", hidden.Message);
        Assert.Equal(2, s.Total);
    }

    [Fact]
    public void FeedbackShowsPublicMessagesButHiddenChecksByNameOnly()
    {
        var (s, ctx) = Prepared(
            new CheckLine("q1", 0, false, "expected 2, got 3", 4),
            new CheckLine("q1-hidden", 0, false, "expected 42.5, got 41", 4),
            new CheckLine("q2-secret", 0, false, "expected -14.5, got 3", 7));
        new ScoreCheckCells().Apply(s, ctx);
        new CollectManualAnswers().Apply(s, ctx);
        var html = WriteFeedback.Render(s, ctx.Assignment);
        Assert.Contains("expected 2, got 3", html);
        Assert.Contains("q1-hidden (hidden test)", html);
        Assert.Contains("q2-secret (hidden test)", html);
        foreach (var secret in new[] { "42.5", "41", "-14.5", "Mean([40", "secret hint", "Twice(-7.25)" })
            Assert.DoesNotContain(secret, html);
        Assert.Contains("10 points still to be graded by hand", html);
    }

    [Theory]
    [InlineData(false, "ok", "Ready", GradeStatus.Ok)]
    [InlineData(false, "failed", "Ready", GradeStatus.Ok)]
    [InlineData(false, "ok", "TimedOut", GradeStatus.Timeout)]
    [InlineData(true, null, null, GradeStatus.Timeout)]
    [InlineData(true, "ok", "Ready", GradeStatus.Timeout)]
    [InlineData(false, "ok", "Crashed", GradeStatus.Crashed)]
    [InlineData(false, null, "Ready", GradeStatus.Crashed)]
    public void RunOutcomesMapToStatuses(bool killed, string? checkerStatus, string? worker, object expected) => // object: GradeStatus is internal, a test method is public
        Assert.Equal((GradeStatus)expected, RunChecks.Classify(killed, checkerStatus, worker, new GradeOptions()).Item1);

    [Fact]
    public void ManualScoresAreCheckedAgainstTheAssignment()
    {
        var (_, ctx) = Prepared();
        var dir = TempDir("manual");
        string Write(string text) { var p = Path.Combine(dir, Guid.NewGuid() + ".csv"); File.WriteAllText(p, text); return p; }
        var students = new HashSet<string> { "ana", "ben" };
        var ok = ManualScores.Read(Write("student,question,points\nana,q3,7.5\nben,q3,0\n"), ctx.Assignment, students);
        Assert.Equal(7.5, ok[("ana", "q3")]);
        Assert.Contains("has no submission", Assert.Throws<FormatException>(() => ManualScores.Read(Write("zed,q3,1"), ctx.Assignment, students)).Message);
        Assert.Contains("graded automatically", Assert.Throws<FormatException>(() => ManualScores.Read(Write("ana,q1,1"), ctx.Assignment, students)).Message);
        Assert.Contains("should be in [0, 10]", Assert.Throws<FormatException>(() => ManualScores.Read(Write("ana,q3,11"), ctx.Assignment, students)).Message);
        Assert.Contains("given twice", Assert.Throws<FormatException>(() => ManualScores.Read(Write("ana,q3,1\nana,q3,2"), ctx.Assignment, students)).Message);
    }

    [Fact]
    public void CsvQuotesAndParsesRoundTrip()
    {
        var line = Csv.Line(["a", "b,c", "say \"hi\"\nthen"]);
        Assert.Equal(["a", "b,c", "say \"hi\"\nthen"], Csv.Parse(line + "\n").Single());
        Assert.Equal("0.3333", Csv.Number(1.0 / 3));
        Assert.Equal("20", Csv.Number(20.0));
    }

    [Fact]
    public void ProgressBarRendersFilledFraction() =>
        Assert.Equal("[#####     ] 5/10 ana", ProgressBar.Render(5, 10, "ana", 10));
}
