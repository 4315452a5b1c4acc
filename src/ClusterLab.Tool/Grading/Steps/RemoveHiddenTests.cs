using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Deletes <c>// BEGIN HIDDEN TESTS</c> … <c>// END HIDDEN TESTS</c> regions; a hidden-tests cell keeps only a comment (its id stays, so the grader can restore it).</summary>
internal sealed class RemoveHiddenTests : CellStep
{
    /// <summary>What a hidden-tests cell shows students.</summary>
    public const string Placeholder = "// Hidden tests: they run when your notebook is graded.";

    /// <inheritdoc/>
    protected override void ApplyToCell(JsonObject cell, CellMeta meta, StepContext context)
    {
        if (NotebookJson.Type(cell) != "code") return;
        if (meta.Role == CellRole.HiddenTests)
        {
            NotebookJson.SetSource(cell, Placeholder);
            return;
        }
        var code = NotebookJson.Source(cell);
        if (Regions.Contains(code, Regions.HiddenTests))
            NotebookJson.SetSource(cell, Regions.Replace(code, Regions.HiddenTests, _ => [], $"{context.Name}: cell {NotebookJson.Id(cell)}").TrimEnd());
    }
}
