using ClusterLab.Tool.Grading;
using ClusterLab.Tool.Runner;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using KitCheckResult = ClusterLab.Notebooks.CheckResult;
using static ClusterLab.Tool.Tests.RunnerHarness;

namespace ClusterLab.Tool.Tests;

/// <summary>The check-result contract from the kit to the grader, and the runner's output capture.</summary>
public class CheckContractTests
{
    [Fact]
    public void AResultSurvivesPayloadResultsLineAndResultsFile()
    {
        var kit = new KitCheckResult { Id = "q1-mu", Points = 2.5, Earned = 0, Passed = false, Message = "value: expected 1.5, got \"<b>ünï\"\n" };
        var command = new SubmitCode("x", "csharp");
        var results = Path.Combine(TempDir("contract"), "results.jsonl");
        var log = new ResultsLog(results);
        var recorder = new CellRecorder(1, r => log.Check("nb.ipynb", 7, r));
        recorder.Record(new DisplayedValueProduced(kit, command,
            [new FormattedValue("text/html", kit.ToHtml()), new FormattedValue(KitCheckResult.MimeType, kit.ToJson())]));

        var (checks, status) = ResultsFile.Read(results);
        Assert.Null(status);
        Assert.Equal(new CheckLine(kit.Id, kit.Earned, kit.Passed, kit.Message, 7), Assert.Single(checks));
        var line = Assert.Single(ResultLines(results));
        Assert.Equal(2.5, line["points"]!.GetValue<double>());
        Assert.Equal("check", line["type"]!.GetValue<string>());
        Assert.Equal(KitCheckResult.MimeType, ClusterLab.Tool.Shared.CheckResult.MimeType);
        Assert.Equal(KitCheckResult.MimeType, ClusterLab.Notebooks.Check.ResultMimeType);
    }

    [Fact]
    public void AResultsLineMissingAFieldIsNotACheck()
    {
        var results = Path.Combine(TempDir("contract-bad"), "results.jsonl");
        File.WriteAllText(results, """
            {"type":"check","id":"q1","points":2,"earned":2,"passed":true,"message":"ok","cell":3}
            {"type":"check","id":"q2","earned":1,"passed":true,"message":"ok","cell":3}
            {"type":"check","id":"q3","points":2,"earned":"2","passed":true,"message":"ok","cell":3}
            """);
        Assert.Equal(["q1"], ResultsFile.Read(results).Checks.Select(c => c.Id));
    }

    [Fact]
    public void AHugeExceptionMessageFromStudentCodeIsCutAndShowsNoStackTrace()
    {
        ClusterLab.Notebooks.Check.Run("huge", 1, () => throw new InvalidOperationException("<script>" + new string('m', 1 << 20) + "\n   at Student.Secret()"));
        var r = ClusterLab.Notebooks.Check.Results.Last(x => x.Id == "huge");
        Assert.StartsWith("InvalidOperationException: <script>mmm", r.Message);
        Assert.True(r.Message.Length <= 230, $"{r.Message.Length} characters");
        Assert.EndsWith("…", r.Message);
        Assert.DoesNotContain(" at ", r.Message);
        Assert.True(KitCheckResult.FromJson(r.ToJson()).Message.Length <= KitCheckResult.MaxMessageChars);
    }

    [Fact]
    public void TwentyThousandWritesAreRecordedLinearlyAndCapped()
    {
        var command = new SubmitCode("x", "csharp");
        var recorder = new CellRecorder(1, maxChars: 100_000);
        for (var i = 0; i < 200_000; i++)
            recorder.Record(new StandardOutputValueProduced(command, [new FormattedValue(PlainTextFormatter.MimeType, "ab\n")]));
        var outputs = recorder.ToOutputs(100_000);
        Assert.Equal(100_000, Text(outputs[0]!["text"]).Length);
        Assert.Equal(500_000, recorder.DroppedChars);
        Assert.Contains("500000 more characters were written", Text(outputs[^1]!["text"]));

        var unlimited = new CellRecorder(2);
        for (var i = 0; i < 20_000; i++)
            unlimited.Record(new StandardOutputValueProduced(command, [new FormattedValue(PlainTextFormatter.MimeType, i % 2 == 0 ? "a" : "b\n")]));
        var text = Text(unlimited.ToOutputs(null)[0]!["text"]);
        Assert.Equal(30_000, text.Length);
        Assert.StartsWith("ab\nab\n", text);
    }
}

/// <summary>The real runner (a kernel in a child process) capturing many small writes.</summary>
public sealed class RunnerManyWritesTests
{
    [Fact]
    public void TwentyThousandShortWritesInOneCellFinishWellWithinTheCellTimeout()
    {
        var dir = TempDir("writes");
        var nb = WriteNotebook(Path.Combine(dir, "writes.ipynb"),
            ("code", "for (var i = 0; i < 20000; i++) Console.Write(i % 100 == 99 ? \"x\\n\" : \"x\");"),
            ("code", "for (var i = 0; i < 20000; i++) Console.Write(\"yy\");"));
        var outDir = Path.Combine(dir, "out");
        var run = Run(["run", nb, "--out", outDir, "--cell-timeout", "30", "--max-output-chars", "30000"], killAfterSeconds: 180);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var cells = CodeCells(Path.Combine(outDir, "writes.ipynb"));
        var first = Text(cells[0]["outputs"]![0]!["text"]);
        Assert.Equal(20_200, first.Length); // complete: 20,000 x and 200 line breaks
        var second = cells[1]["outputs"]!.AsArray();
        Assert.Equal(30_000, Text(second[0]!["text"]).Length); // capped
        Assert.Contains("10000 more characters were written", Text(second[^1]!["text"]));
    }
}
