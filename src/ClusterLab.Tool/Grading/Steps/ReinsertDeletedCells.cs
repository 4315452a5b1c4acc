using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Puts back every source cell the student deleted, after the nearest earlier source cell still present: locked cells in
/// the instructor's version, others in the released version (so later code still compiles). Each one is flagged.
/// Instructor-only cells (role instructor) are never put back: the student copy never had them.
/// </summary>
internal sealed class ReinsertDeletedCells : INotebookStep
{
    /// <inheritdoc/>
    public void Apply(JsonObject notebook, StepContext context)
    {
        var source = context.Source ?? throw new InvalidOperationException("ReinsertDeletedCells needs the source notebook.");
        var released = context.Released is null
            ? new Dictionary<string, JsonObject>()
            : NotebookJson.CellObjects(context.Released).ToDictionary(NotebookJson.Id);
        var cells = NotebookJson.Cells(notebook);
        string? previous = null;
        foreach (var original in NotebookJson.CellObjects(source))
        {
            var id = NotebookJson.Id(original);
            if (CellMeta.Of(original).Role == CellRole.Instructor) continue;
            var position = IndexOf(cells, id);
            if (position < 0)
            {
                var meta = CellMeta.Of(original);
                var copy = NotebookJson.Clone(meta.Locked || !released.TryGetValue(id, out var r) ? original : r);
                var at = previous is null ? 0 : IndexOf(cells, previous) + 1;
                cells.Insert(at, copy);
                context.Flags.Add($"cell {RestoreLockedCells.Describe(id, meta)} was deleted; it was re-inserted.");
            }
            previous = id;
        }
    }

    private static int IndexOf(JsonArray cells, string id)
    {
        for (var i = 0; i < cells.Count; i++)
            if (cells[i] is JsonObject c && NotebookJson.Id(c) == id) return i;
        return -1;
    }
}
