using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Validates the grading metadata of an instructor notebook before anything is written (see <see cref="Assignment.Validate"/>).</summary>
internal sealed class CheckCellMetadata : INotebookStep
{
    /// <inheritdoc/>
    public void Apply(JsonObject notebook, StepContext context) => Assignment.Validate(notebook, context.Name);
}
