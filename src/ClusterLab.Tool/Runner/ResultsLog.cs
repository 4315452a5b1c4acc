using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterLab.Tool.Shared;

namespace ClusterLab.Tool.Runner;

/// <summary>
/// The <c>--results FILE.jsonl</c> log: one JSON line per check result, appended (and flushed) as soon as the check
/// is displayed, then one status line per notebook, so that partial results survive a crash.
/// </summary>
/// <remarks>
/// Check line: the check result as <see cref="CheckResult.ToJson"/> writes it (<c>id, points, earned, passed, message</c>) plus <c>"type": "check"</c>,
/// <c>"notebook"</c> (file path) and <c>"cell"</c> (1-based cell index).
/// Status line: <c>"type": "status"</c>, <c>"notebook"</c>, <c>"status"</c> (<c>ok|failed|timeout|malformed</c>),
/// <c>"exit_code"</c>, <c>"cells_run"</c>, <c>"code_cells"</c>, <c>"failed_cell"</c> (1-based or null),
/// <c>"message"</c>, <c>"checks_passed"</c>, <c>"checks_failed"</c>, <c>"seconds"</c>.
/// </remarks>
internal sealed class ResultsLog(string? path)
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly object _gate = new();

    /// <summary>Appends one check line.</summary>
    public void Check(string notebook, int cellIndex, CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var line = (JsonObject)JsonNode.Parse(result.ToJson())!;
        line["type"] = "check";
        line["notebook"] = notebook;
        line["cell"] = cellIndex;
        Append(line);
    }

    /// <summary>Appends one status line.</summary>
    public void Status(NotebookRunResult r) => Append(new JsonObject
    {
        ["type"] = "status",
        ["notebook"] = r.NotebookPath,
        ["status"] = r.Status,
        ["exit_code"] = r.ExitCode,
        ["cells_run"] = r.CellsRun,
        ["code_cells"] = r.CodeCells,
        ["failed_cell"] = r.FailedCell,
        ["message"] = r.Message,
        ["checks_passed"] = r.ChecksPassed,
        ["checks_failed"] = r.ChecksFailed,
        ["seconds"] = Math.Round(r.Seconds, 2),
    });

    private void Append(JsonObject line)
    {
        if (path is null) return;
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new StreamWriter(stream);
            writer.Write(line.ToJsonString(Options) + "\n");
            writer.Flush();
            stream.Flush(true);
        }
    }
}
