using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterLab.Tool.Shared;

namespace ClusterLab.Tool.Grading;

/// <summary>One check result streamed by <c>clusterlab run --results</c>.</summary>
/// <param name="Id">Check id.</param>
/// <param name="Earned">Points earned as reported.</param>
/// <param name="Passed">Passed as reported.</param>
/// <param name="Message">The check's message.</param>
/// <param name="Cell">1-based index of the cell that displayed it, or null.</param>
internal sealed record CheckLine(string Id, double Earned, bool Passed, string Message, int? Cell);

/// <summary>
/// Reads a results file (JSON lines): check lines (a <see cref="CheckResult"/> as <see cref="CheckResult.ToJson"/>
/// writes it, plus <c>type</c>, <c>notebook</c>, <c>cell</c>), then the runner's final status line.
/// </summary>
internal static class ResultsFile
{
    /// <summary>Largest results file read; the rest is ignored (a student printing fake lines in a loop).</summary>
    public const long MaxBytes = 16 << 20;

    /// <summary>The check lines and the final status ("ok", "failed", "timeout", … or null when the run never finished).</summary>
    public static (List<CheckLine> Checks, string? Status) Read(string path)
    {
        var checks = new List<CheckLine>();
        string? status = null;
        if (!File.Exists(path)) return (checks, null);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        long read = 0;
        while (reader.ReadLine() is { } line && read < MaxBytes)
        {
            read += line.Length + 1;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonObject? o;
            try { o = JsonNode.Parse(line) as JsonObject; }
            catch (JsonException) { continue; } // a line cut short by a crash
            if (o is null) continue;
            var type = Text(o, "type");
            if (type == "status") { status = Text(o, "status"); continue; }
            if (type is not ("check" or "") || o["id"] is null) continue;
            CheckResult r;
            try { r = CheckResult.FromJson(line); }
            catch (JsonException) { continue; } // a field missing or of the wrong type: not a check result
            checks.Add(new CheckLine(r.Id, r.Earned, r.Passed, r.Message, o["cell"] is JsonValue c && c.TryGetValue<int>(out var ci) ? ci : null));
        }
        return (checks, status);
    }

    private static string Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
