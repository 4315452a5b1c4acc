using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Gives every cell a unique id: a copied cell keeps its id only the first time it appears; cells without an id get one.</summary>
public sealed class DeduplicateIds : INotebookStep
{
    /// <inheritdoc/>
    public string Help => "Rename repeated cell ids (a copied locked cell must not replace the original) and fill in missing ones.";

    /// <inheritdoc/>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc/>
    public void Apply(JsonObject notebook, StepContext context)
    {
        var seen = new HashSet<string>();
        var n = 0;
        foreach (var cell in NotebookJson.CellObjects(notebook))
        {
            n++;
            var id = NotebookJson.Id(cell);
            if (id.Length > 0 && seen.Add(id)) continue;
            var fresh = $"student-cell-{n}";
            for (var k = 1; !seen.Add(fresh); k++) fresh = $"student-cell-{n}-{k}";
            if (id.Length > 0) context.Flags.Add($"cell id {id} appears more than once; the copy was renamed {fresh}.");
            cell["id"] = fresh;
        }
    }
}
