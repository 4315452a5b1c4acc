using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Gives every cell a unique id: a cell without an id gets its released cell's id when <see cref="CellMatcher"/> finds
/// it (by grade_id, then by position), else a fresh one; a copied cell keeps its id only the first time it appears.
/// </summary>
internal sealed class DeduplicateIds : INotebookStep
{
    /// <inheritdoc/>
    public void Apply(JsonObject notebook, StepContext context)
    {
        if (context.Released is { } released) CellMatcher.AssignMissingIds(notebook, released);
        var seen = new HashSet<string>();
        var n = 0;
        foreach (var cell in NotebookJson.CellObjects(notebook))
        {
            n++;
            var id = NotebookJson.Id(cell);
            if (id.Length > 0 && seen.Add(id)) continue;
            var fresh = $"student-cell-{n}";
            for (var k = 1; !seen.Add(fresh); k++) fresh = $"student-cell-{n}-{k}";
            if (id.Length > 0) context.Flags.Add($"cell id {id} appears more than once; the copy was renamed {fresh}.");
            cell["id"] = fresh;
        }
    }
}
