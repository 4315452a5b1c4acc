using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Replaces the notebook-level metadata (kernelspec, language) and nbformat version by the source's.</summary>
internal sealed class OverwriteNotebookMetadata : INotebookStep
{
    /// <inheritdoc/>
    public void Apply(JsonObject notebook, StepContext context)
    {
        var source = context.Source ?? throw new InvalidOperationException("OverwriteNotebookMetadata needs the source notebook.");
        foreach (var key in new[] { "metadata", "nbformat", "nbformat_minor" })
            notebook[key] = source[key]?.DeepClone();
    }
}
