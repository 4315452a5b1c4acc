using System.Text;
using System.Text.Json.Nodes;
using ClusterLab.Tool.Shared;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace ClusterLab.Tool.Runner;

/// <summary>
/// Turns the kernel events of one code cell into nbformat outputs, as VS Code's notebook does: display_data,
/// execute_result, stream (stdout/stderr, consecutive writes merged) and error. Thread-safe.
/// </summary>
/// <remarks>
/// Stream text is appended to one <see cref="StringBuilder"/> per stream output (linear in the text written, however
/// many writes); beyond the recorder's character limit it is not kept, only counted (<see cref="DroppedChars"/>).
/// </remarks>
internal sealed class CellRecorder
{
    private readonly object _gate = new();
    private readonly List<JsonObject> _outputs = [];
    private readonly Dictionary<JsonObject, StringBuilder> _streamText = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, JsonObject> _byDisplayId = [];
    private readonly Action<CheckResult>? _onCheck;
    private readonly long _keepChars;
    private long _keptChars;

    /// <summary>
    /// Creates a recorder; <paramref name="onCheck"/> is called with every check result as soon as it is displayed.
    /// Stream text beyond <paramref name="maxChars"/> characters in total is dropped and counted (no limit when null).
    /// </summary>
    public CellRecorder(int executionCount, Action<CheckResult>? onCheck = null, int? maxChars = null)
    {
        if (maxChars is < 0) throw new ArgumentOutOfRangeException(nameof(maxChars), maxChars, "the output limit must be ≥ 0 characters");
        ExecutionCount = executionCount;
        _onCheck = onCheck;
        _keepChars = maxChars ?? long.MaxValue;
    }

    /// <summary>The execution count given to this cell (1-based, in run order).</summary>
    public int ExecutionCount { get; }

    /// <summary>Check results seen in this cell, in order.</summary>
    public List<CheckResult> Checks { get; } = [];

    /// <summary>Check payloads that could not be read as a <see cref="CheckResult"/> (each counts as a failed check).</summary>
    public int UnreadableChecks { get; private set; }

    /// <summary>Stream characters written beyond the limit and not kept.</summary>
    public long DroppedChars { get { lock (_gate) return _dropped; } }

    private long _dropped;

    /// <summary>Records one kernel event (others than outputs are ignored).</summary>
    public void Record(KernelEvent e)
    {
        lock (_gate)
        {
            switch (e)
            {
                case StandardOutputValueProduced so:
                    AppendStream("stdout", PlainText(so.FormattedValues));
                    break;
                case StandardErrorValueProduced se:
                    AppendStream("stderr", PlainText(se.FormattedValues));
                    break;
                case ReturnValueProduced rv:
                    AddDisplay("execute_result", rv.FormattedValues, rv.ValueId);
                    break;
                case DisplayedValueUpdated du when du.ValueId is { } id && _byDisplayId.TryGetValue(id, out var existing):
                    existing["data"] = MimeBundle(du.FormattedValues);
                    break;
                case DisplayedValueProduced dv:
                    AddDisplay("display_data", dv.FormattedValues, dv.ValueId);
                    break;
                case DisplayedValueUpdated du2:
                    AddDisplay("display_data", du2.FormattedValues, du2.ValueId);
                    break;
                case ErrorProduced ep:
                    AddError("Error", ep.Message, ep.Message);
                    break;
                case CommandFailed cf when cf.Exception is { } ex:
                    AddError(ex.GetType().Name, ex.Message, cf.Message);
                    break;
                case CommandFailed cf:
                    AddError("Error", cf.Message, cf.Message);
                    break;
            }
        }
    }

    /// <summary>Adds an error output written by the runner itself (for example a timeout).</summary>
    public void AddRunnerError(string ename, string message)
    {
        lock (_gate) AddError(ename, message, message);
    }

    /// <summary>
    /// The recorded outputs; text beyond <paramref name="maxChars"/> in total is cut with a note
    /// (no limit when <paramref name="maxChars"/> is null, as for the setup cell whose output embeds plotly.js).
    /// </summary>
    public JsonArray ToOutputs(int? maxChars)
    {
        lock (_gate)
        {
            var array = new JsonArray();
            var budget = maxChars ?? int.MaxValue;
            var truncated = false;
            foreach (var output in _outputs)
            {
                var copy = (JsonObject)output.DeepClone();
                if (_streamText.TryGetValue(output, out var builder)) copy["text"] = NotebookDocument.ToLines(builder.ToString());
                var size = Size(copy);
                if (size <= budget)
                {
                    budget -= size;
                    array.Add(copy);
                    continue;
                }
                truncated = true;
                if (copy["output_type"]?.GetValue<string>() == "stream" && budget > 0)
                {
                    var text = NotebookDocument.JoinText(copy["text"]);
                    copy["text"] = NotebookDocument.ToLines(text[..Math.Min(text.Length, budget)]);
                    array.Add(copy);
                }
                budget = 0;
                break;
            }
            if (truncated || _dropped > 0)
            {
                var limit = maxChars ?? (int)Math.Min(int.MaxValue, _keepChars);
                array.Add(new JsonObject
                {
                    ["name"] = "stderr",
                    ["output_type"] = "stream",
                    ["text"] = NotebookDocument.ToLines(
                        $"\n[clusterlab run: this cell's output exceeded {limit / 1_000_000.0:0.######} MB and was truncated" +
                        (_dropped > 0 ? $"; {_dropped} more characters were written]\n" : "]\n")),
                });
            }
            return array;
        }
    }

    private void AppendStream(string name, string text)
    {
        if (text.Length == 0) return;
        var room = (int)Math.Min(text.Length, Math.Max(0, _keepChars - _keptChars));
        _dropped += text.Length - room;
        if (room == 0) return;
        var kept = room == text.Length ? text : text[..room];
        _keptChars += room;
        if (_outputs.Count > 0 && _streamText.TryGetValue(_outputs[^1], out var last) && _outputs[^1]["name"]?.GetValue<string>() == name)
        {
            last.Append(kept);
            return;
        }
        var output = new JsonObject { ["name"] = name, ["output_type"] = "stream", ["text"] = "" };
        _outputs.Add(output);
        _streamText[output] = new StringBuilder(kept);
    }

    private void AddDisplay(string outputType, IReadOnlyCollection<FormattedValue> values, string? valueId)
    {
        var visible = values.Where(v => !v.SuppressDisplay).ToList();
        if (visible.Count == 0) return;
        var output = new JsonObject { ["data"] = MimeBundle(visible) };
        if (outputType == "execute_result") output["execution_count"] = ExecutionCount;
        output["metadata"] = new JsonObject();
        output["output_type"] = outputType;
        _outputs.Add(output);
        if (valueId is not null) _byDisplayId[valueId] = output;
        foreach (var v in visible.Where(v => v.MimeType == CheckResult.MimeType))
        {
            CheckResult result;
            try { result = CheckResult.FromJson(v.Value); }
            catch (System.Text.Json.JsonException) { UnreadableChecks++; continue; }
            Checks.Add(result);
            _onCheck?.Invoke(result);
        }
    }

    private void AddError(string ename, string evalue, string traceback)
    {
        // The kernel sometimes reports the same failure twice (ErrorProduced, then CommandFailed): keep one.
        if (_outputs.Any(o => o["output_type"]?.GetValue<string>() == "error" && o["evalue"]?.GetValue<string>() == evalue)) return;
        _outputs.Add(new JsonObject
        {
            ["ename"] = ename,
            ["evalue"] = evalue,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(traceback.Split('\n').Select(l => (JsonNode?)JsonValue.Create(l.TrimEnd('\r'))).ToArray()),
        });
    }

    private static JsonObject MimeBundle(IEnumerable<FormattedValue> values)
    {
        var data = new JsonObject();
        foreach (var v in values)
        {
            if (v.SuppressDisplay) continue;
            if (v.MimeType.EndsWith("json", StringComparison.Ordinal))
            {
                try
                {
                    data[v.MimeType] = JsonNode.Parse(v.Value);
                    continue;
                }
                catch (System.Text.Json.JsonException) { }
            }
            data[v.MimeType] = NotebookDocument.ToLines(v.Value);
        }
        return data;
    }

    private static string PlainText(IReadOnlyCollection<FormattedValue> values) =>
        (values.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType) ?? values.FirstOrDefault())?.Value ?? "";

    private static int Size(JsonObject output) => output["output_type"]?.GetValue<string>() switch
    {
        "stream" => NotebookDocument.JoinText(output["text"]).Length,
        "error" => (output["evalue"]?.GetValue<string>().Length ?? 0) + (output["traceback"]?.ToJsonString().Length ?? 0),
        _ => output["data"]?.ToJsonString().Length ?? 0,
    };
}
