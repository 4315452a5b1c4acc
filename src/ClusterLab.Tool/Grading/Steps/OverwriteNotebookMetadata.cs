using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Replaces the notebook-level metadata (kernelspec, language) and nbformat version by the source's.</summary>
public sealed class OverwriteNotebookMetadata : INotebookStep
{
    /// <inheritdoc/>
    public string Help => "Use the source notebook's kernelspec and nbformat, whatever the submission says.";

    /// <inheritdoc/>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc/>
    public void Apply(JsonObject notebook, StepContext context)
    {
        var source = context.Source ?? throw new InvalidOperationException("OverwriteNotebookMetadata needs the source notebook.");
        foreach (var key in new[] { "metadata", "nbformat", "nbformat_minor" })
            notebook[key] = source[key]?.DeepClone();
    }
}
