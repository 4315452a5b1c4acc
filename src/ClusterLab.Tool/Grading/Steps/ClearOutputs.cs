using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Empties every code cell's outputs and execution count.</summary>
public sealed class ClearOutputs : CellStep
{
    /// <inheritdoc/>
    public override string Help => "Remove the outputs and execution counts of every code cell.";

    /// <inheritdoc/>
    protected override void ApplyToCell(JsonObject cell, CellMeta meta, StepContext context)
    {
        if (NotebookJson.Type(cell) != "code") return;
        cell["outputs"] = new JsonArray();
        cell["execution_count"] = null;
    }
}
