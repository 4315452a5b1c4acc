using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Marks locked cells read-only for Jupyter front ends (<c>editable</c>/<c>deletable</c> false); the grader restores them anyway.</summary>
internal sealed class LockCells : CellStep
{
    /// <inheritdoc/>
    protected override void ApplyToCell(JsonObject cell, CellMeta meta, StepContext context)
    {
        if (!meta.Locked) return;
        if (cell["metadata"] is not JsonObject m) cell["metadata"] = m = new JsonObject();
        m["editable"] = false;
        m["deletable"] = false;
    }
}
