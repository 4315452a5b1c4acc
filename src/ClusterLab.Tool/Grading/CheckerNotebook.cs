using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// The notebook the grader's trusted checker runs: the source notebook cell for cell (so cell numbers match the source),
/// with the setup, locked prompt and test cells as the instructor wrote them, every solution cell replaced by
/// <see cref="Proxies"/> that call the student's code in the sandbox, and every other code cell emptied. The grader runs
/// it in two passes against one sandboxed worker: first <see cref="Build"/> with <c>visibleOnly</c> (the hidden tests
/// removed, as in the released notebook), whose messages may reach the feedback; then the whole notebook, of which only
/// the hidden checks count (reported by id and pass/fail only). So nothing the student's code says after it has seen a
/// hidden input can reach the feedback. Hidden tests switch <c>Remote.Hidden</c> on: a hidden call in the first pass is refused.
/// </summary>
internal static class CheckerNotebook
{
    private const string HiddenSwitch = "global::ClusterLab.Notebooks.Remote.Hidden";

    /// <summary>What a hidden-tests cell becomes in the first (visible) pass.</summary>
    public const string HiddenPlaceholder = "// (hidden tests: they run in the grader's second pass)";

    /// <summary>True when <paramref name="checker"/> (as built here) contains hidden tests, so a second pass is needed.</summary>
    public static bool HasHiddenTests(JsonObject checker) =>
        NotebookJson.CellObjects(checker).Any(c => NotebookJson.Source(c).Contains(HiddenSwitch + " = true;", StringComparison.Ordinal));

    /// <summary>
    /// Builds the checker notebook from the instructor's <paramref name="source"/>; <paramref name="problems"/> lists what
    /// cannot be graded across the boundary. With <paramref name="visibleOnly"/> the hidden tests are left out.
    /// </summary>
    public static JsonObject Build(JsonObject source, List<string> problems, bool visibleOnly = false)
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
                CellRole.Tests when visibleOnly => Regions.Replace(code, Regions.HiddenTests, _ => [], where).TrimEnd(),
                CellRole.HiddenTests when visibleOnly => HiddenPlaceholder,
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
