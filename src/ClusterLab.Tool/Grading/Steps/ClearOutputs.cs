using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Empties every code cell's outputs and execution count.</summary>
internal sealed class ClearOutputs : CellStep
{
    /// <inheritdoc/>
    protected override void ApplyToCell(JsonObject cell, CellMeta meta, StepContext context)
    {
        if (NotebookJson.Type(cell) != "code") return;
        cell["outputs"] = new JsonArray();
        cell["execution_count"] = null;
    }
}
