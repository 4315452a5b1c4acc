using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Flags student cells that could forge check results: a type or member named like the check API (it would shadow
/// <c>ClusterLab.Notebooks.Check</c> in the restored check cells) or the check result's MIME type. Nothing is changed:
/// the flag asks the instructor to look (feedback page, <c>summary.json</c>).
/// </summary>
public sealed partial class FlagSuspiciousCode : INotebookStep
{
    [GeneratedRegex(@"\b(?:class|struct|record|interface|enum|delegate\s+\S+)\s+(?:Check|CheckResult|Expect|Kit)\b|\b(?:static\s+)?\S+\s+Check\s*\(|vnd\.clusterlab\.check")]
    private static partial Regex Suspicious();

    /// <inheritdoc/>
    public string Help => "Flag student code that declares Check/CheckResult/Expect/Kit or writes the check MIME type.";

    /// <inheritdoc/>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc/>
    public void Apply(JsonObject notebook, StepContext context)
    {
        foreach (var cell in NotebookJson.CellObjects(notebook))
        {
            if (NotebookJson.Type(cell) != "code" || CellMeta.Of(cell).Locked) continue;
            var m = Suspicious().Match(NotebookJson.Source(cell));
            if (m.Success)
                context.Flags.Add($"cell {NotebookJson.Id(cell)} contains '{m.Value.Trim()}', which could forge check results: review it.");
        }
    }
}
