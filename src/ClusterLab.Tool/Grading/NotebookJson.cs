using System.Text.Json.Nodes;
using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// The grader's view of an .ipynb file: the notebook as a bare <see cref="JsonObject"/>, read, validated and written by
/// <see cref="NotebookDocument"/> (one reader for the runner, the exporter and the grader), plus cell helpers.
/// </summary>
internal static class NotebookJson
{
    /// <summary>Reads and validates <paramref name="path"/>; throws <see cref="NotebookFormatException"/> naming the file and the problem.</summary>
    public static JsonObject Load(string path) => NotebookDocument.Load(path).Root;

    /// <summary>The notebook as text: one-space indentation, non-ASCII kept, trailing newline (like scripts/nbtool.py).</summary>
    public static string Serialize(JsonObject nb) => NotebookDocument.ToJson(nb);

    /// <summary>Writes the notebook to <paramref name="path"/>, creating its folder.</summary>
    public static void Save(JsonObject nb, string path) => NotebookDocument.Save(nb, path);

    /// <summary>The cells array.</summary>
    public static JsonArray Cells(JsonObject nb) => (JsonArray)nb["cells"]!;

    /// <summary>The cells as objects, in order.</summary>
    public static IEnumerable<JsonObject> CellObjects(JsonObject nb) => Cells(nb).OfType<JsonObject>();

    /// <summary>The cell's id, or "" when absent.</summary>
    public static string Id(JsonObject cell) => NotebookDocument.Id(cell) ?? "";

    /// <summary>"code" or "markdown" (or "raw").</summary>
    public static string Type(JsonObject cell) => NotebookDocument.CellType(cell);

    /// <summary>The cell's source joined into one string.</summary>
    public static string Source(JsonObject cell) => NotebookDocument.Source(cell);

    /// <summary>Sets the source as a list of lines, each but the last ending in "\n" (nbformat convention).</summary>
    public static void SetSource(JsonObject cell, string text) => cell["source"] = NotebookDocument.ToLines(text);

    /// <summary>A deep copy of a node.</summary>
    public static T Clone<T>(T node) where T : JsonNode => (T)node.DeepClone();
}
