using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// The notebook the grader's trusted checker runs: the source notebook cell for cell (so cell numbers match the source),
/// with the setup, locked prompt and test cells as the instructor wrote them, every solution cell replaced by
/// <see cref="Proxies"/> that call the student's code in the sandbox, and every other code cell emptied. Hidden tests
/// switch <c>Remote.Hidden</c> on, so their calls go to the worker that never answers a visible check.
/// </summary>
internal static class CheckerNotebook
{
    private const string HiddenSwitch = "global::ClusterLab.Notebooks.Remote.Hidden";

    /// <summary>Builds the checker notebook from the instructor's <paramref name="source"/>; <paramref name="problems"/> lists what cannot be graded across the boundary.</summary>
    public static JsonObject Build(JsonObject source, List<string> problems)
    {
        var nb = NotebookJson.Clone(source);
        foreach (var cell in NotebookJson.CellObjects(nb))
        {
            if (NotebookJson.Type(cell) != "code") continue;
            var meta = CellMeta.Of(cell);
            var code = NotebookJson.Source(cell);
            var where = $"cell {NotebookJson.Id(cell)}";
            var text = meta.Role switch
            {
                CellRole.Setup => code,
                CellRole.Tests => $"{HiddenSwitch} = false;\n"
                                  + Regions.ReplaceMarkers(code, Regions.HiddenTests, HiddenSwitch + " = true;", HiddenSwitch + " = false;")
                                  + $"\n{HiddenSwitch} = false;",
                CellRole.HiddenTests => $"{HiddenSwitch} = true;\n{code}\n{HiddenSwitch} = false;",
                CellRole.Solution => Proxies.For(code, where, problems),
                CellRole.Prompt when meta.Locked => code,
                _ => "// (a student cell: it runs in the student's own process, not here)",
            };
            NotebookJson.SetSource(cell, text);
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
        }
        return nb;
    }
}
