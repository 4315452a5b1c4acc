using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Overwrites every locked cell (tests, hidden tests, setup, prompts) by the instructor's version, matched by cell id; an edited one is flagged.</summary>
internal sealed class RestoreLockedCells : INotebookStep
{
    /// <inheritdoc/>
    public void Apply(JsonObject notebook, StepContext context)
    {
        var source = context.Source ?? throw new InvalidOperationException("RestoreLockedCells needs the source notebook.");
        var released = context.Released is null
            ? new Dictionary<string, JsonObject>()
            : NotebookJson.CellObjects(context.Released).ToDictionary(NotebookJson.Id);
        var cells = NotebookJson.Cells(notebook);
        var index = NotebookJson.CellObjects(notebook).Select((c, i) => (NotebookJson.Id(c), i)).ToDictionary(p => p.Item1, p => p.i);
        foreach (var original in NotebookJson.CellObjects(source))
        {
            var id = NotebookJson.Id(original);
            var meta = CellMeta.Of(original);
            if (!meta.Locked || !index.TryGetValue(id, out var i)) continue;
            var student = (JsonObject)cells[i]!;
            if (released.TryGetValue(id, out var expected) &&
                (NotebookJson.Source(student) != NotebookJson.Source(expected) || NotebookJson.Type(student) != NotebookJson.Type(expected)))
                context.Flags.Add($"locked cell {Describe(id, meta)} was edited; the original was restored.");
            cells[i] = NotebookJson.Clone(original);
        }
    }

    /// <summary>"q1-tests (cell 1a2b3c4d)" or just the cell id.</summary>
    internal static string Describe(string cellId, CellMeta meta) =>
        meta.GradeId.Length > 0 ? $"{meta.GradeId} (cell {cellId})" : cellId;
}
