using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// What the sandbox runs: the sanitized submission without a line of test code. Tests and hidden-tests cells are
/// removed, and so is every cell the student copy does not contain (instructor-only cells); the student's own cells,
/// prompts and setup stay, with the setup and prompts as restored from the source.
/// </summary>
internal static class StudentNotebook
{
    /// <summary>Builds it from the sanitized <paramref name="submission"/>; neither argument is changed.</summary>
    public static JsonObject Build(JsonObject submission, JsonObject source, JsonObject released)
    {
        var roles = NotebookJson.CellObjects(source).ToDictionary(NotebookJson.Id, c => CellMeta.Of(c).Role);
        var inRelease = NotebookJson.CellObjects(released).Select(NotebookJson.Id).ToHashSet();
        var nb = NotebookJson.Clone(submission);
        var cells = NotebookJson.Cells(nb);
        for (var i = cells.Count - 1; i >= 0; i--)
        {
            var id = cells[i] is JsonObject c ? NotebookJson.Id(c) : "";
            var fromSource = roles.TryGetValue(id, out var role);
            if (fromSource && (role is CellRole.Tests or CellRole.HiddenTests || !inRelease.Contains(id))) cells.RemoveAt(i);
        }
        return nb;
    }
}
