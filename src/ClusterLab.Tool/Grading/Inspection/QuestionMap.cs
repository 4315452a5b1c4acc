using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>
/// Which question each student code cell answers: the <c>grade_id</c> of the next <c>tests</c> or <c>hidden-tests</c> cell
/// of the source in source order, unless the source solution cell's <c>metadata.clusterlab.question</c> names one.
/// Locked status always comes from the source (by cell id), never from the student's metadata.
/// </summary>
internal static class QuestionMap
{
    /// <summary>Metadata key (under <c>metadata.clusterlab</c> of a solution cell) naming its question's <c>grade_id</c>.</summary>
    public const string QuestionKey = "question";

    /// <summary>The question of every code cell of the source itself (solution, prompt, setup): cell id → grade_id or null.</summary>
    public static IReadOnlyDictionary<string, string?> OfSource(JsonObject source) => Map(source, source);

    /// <summary>
    /// The question of every code cell of <paramref name="student"/> (a submission or the sanitized student notebook):
    /// cells with a source id take their source position; other cells the position after the previous known cell.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Map(JsonObject source, JsonObject student)
    {
        var cells = NotebookJson.CellObjects(source).ToList();
        var index = new Dictionary<string, int>();
        for (var i = 0; i < cells.Count; i++) index.TryAdd(NotebookJson.Id(cells[i]), i);
        var map = new Dictionary<string, string?>();
        double position = -0.5;
        foreach (var cell in NotebookJson.CellObjects(student))
        {
            var id = NotebookJson.Id(cell);
            position = index.TryGetValue(id, out var i) ? i : Math.Floor(position) + 0.5;
            if (NotebookJson.Type(cell) != "code" || map.ContainsKey(id)) continue;
            map[id] = index.TryGetValue(id, out i) && Named(cells[i]) is { } named ? named : NextTests(cells, position);
        }
        return map;
    }

    /// <summary>
    /// The inspector's input: <paramref name="student"/>'s code cells in order, tests cells left out, locked cells with the
    /// source's code, <see cref="CodeCell.Student"/> from the source's locked status (unknown ids are the student's).
    /// </summary>
    public static IReadOnlyList<CodeCell> Cells(JsonObject source, JsonObject student)
    {
        var byId = new Dictionary<string, JsonObject>();
        foreach (var c in NotebookJson.CellObjects(source)) byId.TryAdd(NotebookJson.Id(c), c);
        var questions = Map(source, student);
        var list = new List<CodeCell>();
        foreach (var cell in NotebookJson.CellObjects(student))
        {
            if (NotebookJson.Type(cell) != "code") continue;
            var id = NotebookJson.Id(cell);
            var original = byId.GetValueOrDefault(id);
            var meta = original is null ? null : CellMeta.Of(original);
            if (meta is { Role: CellRole.Tests or CellRole.HiddenTests }) continue;
            var locked = meta is { Locked: true };
            list.Add(new CodeCell(id, NotebookJson.Source(locked ? original! : cell), !locked, questions.GetValueOrDefault(id)));
        }
        return list;
    }

    private static string? NextTests(List<JsonObject> cells, double position)
    {
        for (var i = (int)Math.Ceiling(position); i < cells.Count; i++)
        {
            var meta = CellMeta.Of(cells[i]);
            if (meta.Role is CellRole.Tests or CellRole.HiddenTests) return meta.GradeId;
        }
        return null;
    }

    private static string? Named(JsonObject cell) =>
        cell["metadata"]?[CellMeta.Key]?[QuestionKey] is JsonValue v && v.TryGetValue<string>(out var q) && q.Length > 0 ? q : null;
}
