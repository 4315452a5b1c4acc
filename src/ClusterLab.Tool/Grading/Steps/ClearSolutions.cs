using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Replaces each <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c> region by a stub that throws; a solution cell without markers is replaced whole.</summary>
internal sealed class ClearSolutions : CellStep
{
    /// <summary>The lines that replace a solution region (indented like its BEGIN line).</summary>
    public static IEnumerable<string> Stub(string indent) =>
        [indent + "// YOUR CODE HERE", indent + "throw new NotImplementedException(\"your code here\");"];

    /// <inheritdoc/>
    protected override void ApplyToCell(JsonObject cell, CellMeta meta, StepContext context)
    {
        if (NotebookJson.Type(cell) != "code") return;
        var code = NotebookJson.Source(cell);
        var where = $"{context.Name}: cell {NotebookJson.Id(cell)}";
        if (Regions.Contains(code, Regions.Solution))
        {
            if (meta.Locked) throw new FormatException($"{where}: a locked cell cannot hold a solution region.");
            NotebookJson.SetSource(cell, Regions.Replace(code, Regions.Solution, Stub, where));
        }
        else if (meta.Role == CellRole.Solution)
            NotebookJson.SetSource(cell, string.Join('\n', Stub("")));
    }
}
