using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Replaces the instructor's model answer in manual (graded by hand) cells by a prompt.</summary>
internal sealed class ReplaceManualAnswers : CellStep
{
    /// <summary>The prompt students replace with their answer.</summary>
    public const string Prompt = "YOUR ANSWER HERE";

    /// <inheritdoc/>
    protected override void ApplyToCell(JsonObject cell, CellMeta meta, StepContext context)
    {
        if (meta.Role == CellRole.Manual) NotebookJson.SetSource(cell, Prompt);
    }
}
