using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Validates the grading metadata of an instructor notebook before anything is written (see <see cref="Assignment.Validate"/>).</summary>
public sealed class CheckCellMetadata : INotebookStep
{
    /// <inheritdoc/>
    public string Help => "Fail early on missing or duplicate ids, unknown roles, or points that do not add up.";

    /// <inheritdoc/>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc/>
    public void Apply(JsonObject notebook, StepContext context) => Assignment.Validate(notebook, context.Name);
}
