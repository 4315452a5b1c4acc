using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Deletes the cells with role <c>instructor</c> (a solution appendix, notes for graders): they exist in the source only.</summary>
internal sealed class RemoveInstructorCells : INotebookStep
{
    /// <inheritdoc/>
    public void Apply(JsonObject notebook, StepContext context)
    {
        var cells = NotebookJson.Cells(notebook);
        for (var i = cells.Count - 1; i >= 0; i--)
            if (cells[i] is JsonObject cell && CellMeta.Of(cell).Role == CellRole.Instructor) cells.RemoveAt(i);
    }
}
