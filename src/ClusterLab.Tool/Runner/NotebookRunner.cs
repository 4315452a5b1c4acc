using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Runner;

/// <summary>The outcome of running one notebook.</summary>
internal sealed record NotebookRunResult
{
    /// <summary>The notebook's path as given.</summary>
    public required string NotebookPath { get; init; }
    /// <summary><c>ok</c>, <c>failed</c>, <c>timeout</c> or <c>malformed</c>.</summary>
    public required string Status { get; init; }
    /// <summary>0 ok, 1 a cell failed (or a check failed with --fail-on-check), 2 malformed, 3 timeout.</summary>
    public required int ExitCode { get; init; }
    /// <summary>Code cells submitted.</summary>
    public int CellsRun { get; init; }
    /// <summary>Code cells in the notebook.</summary>
    public int CodeCells { get; init; }
    /// <summary>1-based index (among all cells) of the first failed or timed-out cell, or null.</summary>
    public int? FailedCell { get; init; }
    /// <summary>What went wrong, or null.</summary>
    public string? Message { get; init; }
    /// <summary>Checks that passed.</summary>
    public int ChecksPassed { get; init; }
    /// <summary>Checks that failed.</summary>
    public int ChecksFailed { get; init; }
    /// <summary>Wall-clock run time in seconds.</summary>
    public double Seconds { get; init; }
    /// <summary>Written executed notebook, or null.</summary>
    public string? OutNotebook { get; init; }
    /// <summary>Written HTML page, or null.</summary>
    public string? OutHtml { get; init; }
    /// <summary>True when a cell ignored cancellation and is still running on an abandoned thread.</summary>
    public bool KernelAbandoned { get; init; }
}

/// <summary>Runs one notebook in a fresh in-process kernel and writes the executed notebook and its HTML page.</summary>
internal static class NotebookRunner
{
    /// <summary>Runs <paramref name="notebookPath"/> with <paramref name="options"/>; never throws for notebook problems.</summary>
    /// <param name="notebookPath">The notebook.</param>
    /// <param name="options">Time limits, folders, output.</param>
    /// <param name="log">Where check results and the status line go.</param>
    /// <param name="afterCells">Called after the last cell, while the kernel still holds the notebook's state (the grader's worker serves calls from it), unless a cell timed out.</param>
    /// <param name="beforeCell">Called with each code cell before it runs (the grader's worker reports progress, so a cell that ends the process can be skipped on a re-run).</param>
    public static async Task<NotebookRunResult> RunAsync(string notebookPath, RunOptions options, ResultsLog log,
        Func<NotebookKernel, NotebookRunResult, Task>? afterCells = null, Action<JsonObject>? beforeCell = null)
    {
        var clock = Stopwatch.StartNew();
        NotebookDocument doc;
        try
        {
            doc = NotebookDocument.Load(notebookPath);
        }
        catch (NotebookFormatException e)
        {
            var malformed = new NotebookRunResult { NotebookPath = notebookPath, Status = "malformed", ExitCode = 2, Message = e.Message, Seconds = clock.Elapsed.TotalSeconds };
            log.Status(malformed);
            return malformed;
        }

        var baseDir = options.BaseDir ?? Path.GetDirectoryName(doc.Path)!;
        var codeCells = doc.Cells.Count(c => NotebookDocument.CellType(c) == "code");
        var setupIndex = doc.SetupCellIndex();
        int cellsRun = 0, checksPassed = 0, checksFailed = 0, executionCount = 0;
        int? failedCell = null;
        string? message = null;
        var status = "ok";
        var abandoned = false;

        // Clear all outputs first: cells not reached keep no stale outputs.
        foreach (var cell in doc.Cells.Where(c => NotebookDocument.CellType(c) == "code"))
            NotebookDocument.SetOutputs(cell, [], null);

        var previousDir = Environment.CurrentDirectory;
        var kernel = new NotebookKernel();
        try
        {
            // Like VS Code, the kernel's working folder is the notebook's folder (relative file paths in cells).
            Environment.CurrentDirectory = options.WorkingDirectory ?? baseDir;
            var warmedUp = await kernel.WarmUpAsync(options.CellTimeout > TimeSpan.FromMinutes(2) ? options.CellTimeout : TimeSpan.FromMinutes(2));
            if (!warmedUp)
            {
                status = "timeout";
                message = "the C# kernel did not start within its time budget";
                abandoned = true;
            }
            for (var i = 0; warmedUp && i < doc.Cells.Count; i++)
            {
                var cell = doc.Cells[i];
                if (NotebookDocument.CellType(cell) != "code") continue;
                var cellNumber = i + 1;
                beforeCell?.Invoke(cell);
                var outputLimit = i == setupIndex ? (int?)null : options.MaxOutputChars;
                var recorder = new CellRecorder(++executionCount, result => log.Check(notebookPath, cellNumber, result), outputLimit);
                var cellStatus = CellStatus.Ok;
                var kernelName = NotebookDocument.KernelName(cell);
                var remaining = options.NotebookTimeout is { } total ? total - clock.Elapsed : TimeSpan.MaxValue;
                if (kernelName is not null and not "csharp" and not "C#" and not "c#")
                {
                    recorder.AddRunnerError("NotSupportedException", $"cell {cellNumber} asks for kernel '{kernelName}'; clusterlab run only runs C# (\"csharp\") cells.");
                    cellStatus = CellStatus.Failed;
                }
                else if (remaining <= TimeSpan.Zero)
                {
                    recorder.AddRunnerError("TimeoutException", $"timeout: the notebook's time budget of {options.NotebookTimeout!.Value.TotalSeconds:0.#} s is used up.");
                    cellStatus = CellStatus.TimedOut;
                }
                else
                {
                    var code = ReferencePaths.MakeAbsolute(NotebookDocument.Source(cell), baseDir);
                    var notebookLimited = remaining < options.CellTimeout;
                    var budget = notebookLimited ? remaining : options.CellTimeout;
                    cellStatus = await kernel.RunCellAsync(code, recorder, budget, options.CancelGrace);
                    cellsRun++;
                    if (cellStatus == CellStatus.TimedOut)
                        recorder.AddRunnerError("TimeoutException", notebookLimited
                            ? $"timeout: the notebook's time budget of {options.NotebookTimeout!.Value.TotalSeconds:0.#} s (--timeout) ran out during this cell, which was stopped."
                            : $"timeout: the cell did not finish within {budget.TotalSeconds:0.#} s (--cell-timeout) and was stopped.");
                }
                NotebookDocument.SetOutputs(cell, recorder.ToOutputs(outputLimit), recorder.ExecutionCount);
                checksPassed += recorder.Checks.Count(c => c.Passed);
                checksFailed += recorder.Checks.Count(c => !c.Passed) + recorder.UnreadableChecks;
                if (cellStatus == CellStatus.Ok) continue;
                failedCell ??= cellNumber;
                if (cellStatus == CellStatus.TimedOut)
                {
                    status = "timeout";
                    message ??= $"cell {cellNumber} timed out";
                    abandoned = true;
                    break; // the kernel is busy for good: nothing more can run in it
                }
                status = "failed";
                message ??= $"cell {cellNumber} failed: {FirstErrorLine(cell)}";
                if (!options.ContinueOnError) break;
            }
        }
        catch
        {
            if (!abandoned) kernel.Dispose();
            throw;
        }
        finally
        {
            Environment.CurrentDirectory = previousDir;
        }

        if (status == "ok" && options.FailOnCheck && checksFailed > 0)
        {
            status = "failed";
            message = $"{checksFailed} check(s) failed";
        }

        Directory.CreateDirectory(options.OutDir);
        var outNotebook = Path.Combine(options.OutDir, doc.Name + ".ipynb");
        doc.Save(outNotebook);
        string? outHtml = null;
        if (!options.NoHtml)
        {
            outHtml = Path.Combine(options.OutDir, doc.Name + ".html");
            File.WriteAllText(outHtml, HtmlPage.Render(doc));
        }
        var result = new NotebookRunResult
        {
            NotebookPath = notebookPath,
            Status = status,
            ExitCode = status switch { "ok" => 0, "failed" => 1, "timeout" => 3, _ => 2 },
            CellsRun = cellsRun,
            CodeCells = codeCells,
            FailedCell = failedCell,
            Message = message,
            ChecksPassed = checksPassed,
            ChecksFailed = checksFailed,
            Seconds = clock.Elapsed.TotalSeconds,
            OutNotebook = outNotebook,
            OutHtml = outHtml,
            KernelAbandoned = abandoned,
        };
        log.Status(result);
        if (abandoned) return result;
        try
        {
            if (afterCells is not null) await afterCells(kernel, result);
        }
        finally
        {
            kernel.Dispose();
        }
        return result;
    }

    private static string FirstErrorLine(JsonObject cell)
    {
        var error = (cell["outputs"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(o => o["output_type"]?.GetValue<string>() == "error");
        var text = error?["evalue"]?.GetValue<string>() ?? "error";
        var nl = text.IndexOf('\n');
        text = nl < 0 ? text : text[..nl];
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
