using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading;
using static ClusterLab.Tool.Tests.GradingFixtures;
using ToolCheckResult = ClusterLab.Tool.Shared.CheckResult;

namespace ClusterLab.Tool.Tests;

/// <summary>Input and output hygiene of the grader: student ids, deletes inside OUT, CSV injection, bounded messages.</summary>
public class GradingHygieneTests
{
    private static string FakeRunner([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Submissions", "fake-checker.py");

    /// <summary>Grading options with Submissions/fake-checker.py as the runner (seconds, no kernel).</summary>
    internal static GradeOptions Options(string outDir) => new()
    {
        OutDir = outDir, Timeout = 10, Grace = 2, CellTimeout = 5, Jobs = 2, Progress = false,
        Runner = new RunnerCommand("python3", [FakeRunner()]),
    };

    [Theory]
    [InlineData("ana")]
    [InlineData("Ana-Maria_2.b")]
    [InlineData("josé")]
    [InlineData("-1")]
    [InlineData("con1")]
    public void SafeStudentIdsAreAccepted(string id) => Assert.Null(StudentId.Problem(id));

    [Theory]
    [InlineData("", "empty")]
    [InlineData(".", "starts with '.'")]
    [InlineData("..", "starts with '.'")]
    [InlineData(".hidden", "starts with '.'")]
    [InlineData("ana.", "ends with '.'")]
    [InlineData("a/b", "path separator")]
    [InlineData("a\\b", "path separator")]
    [InlineData("=1+2", "'='")]
    [InlineData("a b", "U+0020")]
    [InlineData("a\u202Eb", "U+202E")]
    [InlineData("CON", "device name")]
    [InlineData("nul.backup", "device name")]
    [InlineData("Com1", "device name")]
    public void UnsafeStudentIdsAreRefusedWithTheReason(string id, string reason) =>
        Assert.Contains(reason, StudentId.Problem(id));

    [Fact]
    public void AnIdLongerThan64CharactersIsRefused()
    {
        Assert.Null(StudentId.Problem(new string('a', 64)));
        Assert.Contains("65 characters", StudentId.Problem(new string('a', 65)));
    }

    [Fact]
    public void AVisibleCheckCountsFromTheFirstPassNeverFromTheHiddenOne()
    {
        var dir = TempDir("passes");
        var source = Source();
        var src = Path.Combine(dir, "hwx", "source", "hwx.ipynb");
        NotebookJson.Save(source, src);
        var folder = Directory.CreateDirectory(Path.Combine(dir, "subs")).FullName;
        var nb = Released(source);
        NotebookJson.SetSource(CellById(nb, "q1-answer"), "double Mean(double[] x)\n{\n    return x.Average();\n}");
        NotebookJson.SetSource(CellById(nb, "q2-answer"), "double Twice(double x) => x + x;");
        NotebookJson.SetSource(CellById(nb, "free"), "// leak:q1 leak:q2 (the fake checker fails these in its second pass)");
        NotebookJson.Save(nb, Path.Combine(folder, "ana.ipynb"));
        var subs = Grader.Find(folder);
        var graded = Grader.Grade(GradeCommand.Create(Assignment.Load(src), Options(Path.Combine(dir, "out")), subs), subs).Single();
        Assert.Equal(5, graded.Scores["q1"].Earned);                                   // q1 (visible) and q1-hidden, both passed
        Assert.Equal(1, graded.Scores["q2"].Earned);
        var feedback = File.ReadAllText(Path.Combine(dir, "out", "feedback", "ana.html"));
        Assert.DoesNotContain("LEAKED", feedback);
        Assert.Contains("LEAKED", File.ReadAllText(Path.Combine(dir, "out", "work", "ana", "results-hidden.jsonl"))); // the fake did try
    }

    [Fact]
    public void HostileFileNamesAreRefusedListedAndTouchNothingOutsideTheirWorkFolder()
    {
        var dir = TempDir("hostile");
        var source = Source();
        var src = Path.Combine(dir, "hwx", "source", "hwx.ipynb");
        NotebookJson.Save(source, src);
        var folder = Path.Combine(dir, "submissions");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "ana", "...", "..", ".", "=1+2", "-x", "CON", "Ana", ".secret" })
            NotebookJson.Save(Released(source), Path.Combine(folder, name + ".ipynb"));
        var outDir = Path.Combine(dir, "graded");
        Directory.CreateDirectory(Path.Combine(outDir, "work"));
        File.WriteAllText(Path.Combine(outDir, "keep.txt"), "instructor's file in OUT");
        File.WriteAllText(Path.Combine(outDir, "work", "keep.txt"), "instructor's file in OUT/work");
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "next to OUT");

        var subs = Grader.Find(folder);
        Assert.Equal(["-x", "Ana"], subs.Select(s => s.Student));
        string[] expected =
            ["....ipynb: the student id starts with '.'", "...ipynb: the student id starts with '.'", "..ipynb: the student id starts with '.'",
             ".secret.ipynb: the student id starts with '.'", "=1+2.ipynb: the student id contains the character '=' (allowed: letters, digits, _ - .)",
             "CON.ipynb: the student id 'CON' is a reserved device name on Windows",
             "ana.ipynb: another file has the student id 'ana' up to upper/lower case"];
        Assert.Equal(string.Join("\n", expected.Order(StringComparer.Ordinal)), string.Join("\n", subs.Refused.Select(r => $"{r.File}: {r.Reason}").Order(StringComparer.Ordinal)));
        Grader.Grade(GradeCommand.Create(Assignment.Load(src), Options(outDir), subs), subs);

        Assert.True(File.Exists(Path.Combine(outDir, "keep.txt")));
        Assert.True(File.Exists(Path.Combine(outDir, "work", "keep.txt")));
        Assert.True(File.Exists(Path.Combine(dir, "keep.txt")));
        Assert.True(File.Exists(src));
        Assert.Equal(["-x", "Ana"], Directory.GetDirectories(Path.Combine(outDir, "work")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal));

        var book = File.ReadAllText(Path.Combine(outDir, "gradebook.csv"));
        Assert.Contains("\n'-x,0,0,0,,0,ok,sandbox\n", book);            // a student id that starts with '-' is inert text
        Assert.Contains("\n'=1+2.ipynb,,,,,,refused,\n", book);   // refused files are rows too, never silently dropped
        Assert.Contains("\n....ipynb,,,,,,refused,\n", book);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!;
        var refused = summary["refused"]!.AsArray().Select(r => r!["file"]!.GetValue<string>() + ": " + r["reason"]!.GetValue<string>()).ToList();
        Assert.Contains("=1+2.ipynb: the student id contains the character '=' (allowed: letters, digits, _ - .)", refused);
        Assert.Equal(7, refused.Count);
    }

    [Fact]
    public void GradeCommandPrintsTheRefusedFiles()
    {
        var dir = TempDir("refused-console");
        var src = Path.Combine(dir, "hwx", "source", "hwx.ipynb");
        NotebookJson.Save(Source(), src);
        var folder = Path.Combine(dir, "submissions");
        Directory.CreateDirectory(folder);
        NotebookJson.Save(Released(Source()), Path.Combine(folder, "..ipynb"));
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try { GradeCommand.Run([src, folder, "--out", Path.Combine(dir, "out")]); } // nothing left to run
        finally { Console.SetError(previous); }
        Assert.Contains("not grading '..ipynb': the student id starts with '.'", error.ToString());
    }

    [Fact]
    public void OutputFolderRefusesPathsOutsideOutAndSymbolicLinks()
    {
        var dir = TempDir("outfolder");
        var outDir = Path.Combine(dir, "out");
        var outside = Path.Combine(dir, "outside");
        Directory.CreateDirectory(Path.Combine(outDir, "work"));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "precious.txt"), "x");

        Assert.Throws<IOException>(() => OutputFolder.CleanFolder(outDir, outDir));
        Assert.Throws<IOException>(() => OutputFolder.CleanFolder(outDir, Path.Combine(outDir, "work", "..")));
        Assert.Throws<IOException>(() => OutputFolder.CleanFolder(outDir, Path.Combine(outDir, "..", "outside")));
        Assert.Throws<IOException>(() => OutputFolder.CleanFolder(outDir, Path.Combine(outDir, "work", "..", "..", "outside")));
        Assert.Throws<IOException>(() => OutputFolder.WriteText(outDir, Path.Combine(outDir + "-sibling", "x.txt"), "x"));

        Directory.CreateSymbolicLink(Path.Combine(outDir, "work", "evil"), outside);
        var e = Assert.Throws<IOException>(() => OutputFolder.CleanFolder(outDir, Path.Combine(outDir, "work", "evil")));
        Assert.Contains("symbolic link", e.Message);
        Assert.Throws<IOException>(() => OutputFolder.WriteText(outDir, Path.Combine(outDir, "work", "evil", "precious.txt"), "gone"));
        File.CreateSymbolicLink(Path.Combine(outDir, "gradebook.csv"), Path.Combine(outside, "precious.txt"));
        Assert.Throws<IOException>(() => OutputFolder.WriteText(outDir, Path.Combine(outDir, "gradebook.csv"), "gone"));
        Assert.Equal("x", File.ReadAllText(Path.Combine(outside, "precious.txt")));

        var work = OutputFolder.CleanFolder(outDir, Path.Combine(outDir, "work", "ana"));
        Assert.True(Directory.Exists(work));
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-x", "'-x")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("-1", "-1")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("3", "3")]
    [InlineData("ana", "ana")]
    [InlineData("", "")]
    public void CsvFieldsThatASpreadsheetWouldRunAreInert(string field, string written)
    {
        Assert.Equal(written, Csv.Inert(field));
        Assert.Equal(field, Csv.Parse(Csv.Line([field, "x"]) + "\n").Single()[0]); // read back as written
    }

    [Fact]
    public void CsvQuotesAFormulaThatHoldsACarriageReturn()
    {
        var line = Csv.Line(["\r=HYPERLINK(\"x\")", "2"]);
        Assert.Equal("\"'\r=HYPERLINK(\"\"x\"\")\",2", line);
        Assert.Equal(["\r=HYPERLINK(\"x\")", "2"], Csv.Parse(line + "\n").Single());
    }

    private static (Submission, GradeContext) Scored(string message)
    {
        var dir = TempDir("bounded");
        var src = Path.Combine(dir, "hw.ipynb");
        NotebookJson.Save(Source(), src);
        var ctx = new GradeContext(Assignment.Load(src), new GradeOptions { OutDir = dir });
        var s = new Submission("ana", src) { Notebook = Released(Source()) };
        s.Results.Add(new CheckLine("q1", 0, false, message, 4));
        s.Results.Add(new CheckLine("q1-hidden", 0, false, "expected 42.5, got " + message, 4));
        s.Flags.Add("flag " + message);
        new ScoreCheckCells().Apply(s, ctx);
        return (s, ctx);
    }

    [Fact]
    public void AHugeOrScriptMessageIsBoundedAndEscapedInFeedbackAndSummary()
    {
        var message = "<script>alert(1)</script>" + new string('x', 1 << 20);
        var (s, ctx) = Scored(message);
        var html = WriteFeedback.Render(s, ctx.Assignment);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;xxx", html);
        Assert.True(html.Length < 10_000, $"feedback page is {html.Length} characters");
        Assert.DoesNotContain("42.5", html); // the hidden check: id and pass/fail only

        var json = WriteSummary.Render([s], ctx.Assignment);
        Assert.DoesNotContain("<script>", json);
        Assert.True(json.Length < 10_000, $"summary.json is {json.Length} characters");
        var tests = JsonNode.Parse(json)!["students"]![0]!["classroom"]!["tests"]!.AsArray();
        var q1 = tests.Single(t => t!["name"]!.GetValue<string>() == "q1")!["message"]!.GetValue<string>();
        Assert.StartsWith("q1: <script>alert(1)</script>xxx", q1); // the same text to a JSON reader
        Assert.Contains("…; q1-hidden: failed", q1);
        Assert.DoesNotContain("42.5", q1);
    }

    [Fact]
    public void BoundCutsWithAnEllipsisAndNeverSplitsASurrogatePair()
    {
        Assert.Equal("abc", ToolCheckResult.Bound("abc", 3));
        Assert.Equal("ab…", ToolCheckResult.Bound("abcd", 3));
        Assert.Equal("a…", ToolCheckResult.Bound("a😀b", 3));
        Assert.Equal("", ToolCheckResult.Bound(null));
        Assert.Equal(ToolCheckResult.MaxMessageChars, ToolCheckResult.Bound(new string('x', 1 << 20)).Length);
    }
}
