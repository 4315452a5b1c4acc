using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>One criterion of a hand-graded question: <c>{"id": "likelihood", "points": 3, "text": "writes the likelihood (15) …"}</c>.</summary>
/// <param name="Id">Short id, unique in its question (the <c>rubric_id</c> column of <c>manual.csv</c>): letters, digits, '-' and '_'.</param>
/// <param name="Points">Points for the criterion. Range: &gt; 0.</param>
/// <param name="Text">What the answer must show, one sentence.</param>
internal sealed record RubricLine(string Id, double Points, string Text)
{
    /// <summary>
    /// Reads <c>metadata.clusterlab.rubric</c> (a list of objects with id, points, text) of cell <paramref name="cellId"/>;
    /// a missing key is an empty rubric. A wrong shape, a repeated id or points ≤ 0 throw naming the cell and the line.
    /// </summary>
    public static IReadOnlyList<RubricLine> Parse(JsonNode? node, string cellId)
    {
        if (node is null) return [];
        if (node is not JsonArray list) throw new FormatException($"cell {cellId}: rubric should be a list of {{\"id\", \"points\", \"text\"}}, not {node.ToJsonString()}.");
        var lines = new List<RubricLine>();
        for (var i = 0; i < list.Count; i++)
        {
            var where = $"cell {cellId}: rubric line {i + 1}";
            if (list[i] is not JsonObject o) throw new FormatException($"{where} should be an object {{\"id\", \"points\", \"text\"}}.");
            var id = o["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "";
            if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                throw new FormatException($"{where}: id should be a non-empty string of letters, digits, '-' or '_' (got {o["id"]?.ToJsonString() ?? "nothing"}).");
            if (o["points"] is not JsonValue p || p.GetValueKind() != JsonValueKind.Number)
                throw new FormatException($"{where} ({id}): points should be a number.");
            var points = double.Parse(p.ToJsonString(), CultureInfo.InvariantCulture);
            if (!(points > 0)) throw new FormatException($"{where} ({id}): points={p.ToJsonString()} should be > 0.");
            var text = o["text"] is JsonValue t && t.TryGetValue<string>(out var ts) ? ts.Trim() : "";
            if (text.Length == 0) throw new FormatException($"{where} ({id}): text should say what the answer must show.");
            if (lines.Any(l => l.Id == id)) throw new FormatException($"{where}: id {id} appears twice in the rubric.");
            lines.Add(new RubricLine(id, points, text));
        }
        return lines;
    }
}
