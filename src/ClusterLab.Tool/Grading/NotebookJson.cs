using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Thrown when a file is not a readable .ipynb notebook; the message names the file and the problem.</summary>
public sealed class MalformedNotebookException(string message) : Exception(message);

/// <summary>Reads and writes .ipynb files as JSON (nbformat 4), keeping unknown fields untouched.</summary>
public static class NotebookJson
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses <paramref name="path"/>; throws <see cref="MalformedNotebookException"/> for bad JSON or a missing <c>cells</c> array.</summary>
    public static JsonObject Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (IOException e) { throw new MalformedNotebookException($"{path}: cannot read ({e.Message})."); }
        return Parse(text, path);
    }

    /// <summary>Parses notebook JSON text; <paramref name="name"/> is used in error messages.</summary>
    public static JsonObject Parse(string text, string name)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(text); }
        catch (JsonException e) { throw new MalformedNotebookException($"{name}: not valid JSON ({e.Message})."); }
        if (node is not JsonObject nb) throw new MalformedNotebookException($"{name}: the top level is not a JSON object.");
        if (nb["cells"] is not JsonArray cells) throw new MalformedNotebookException($"{name}: no \"cells\" array.");
        foreach (var c in cells)
        {
            if (c is not JsonObject cell || cell["cell_type"]?.GetValueKind() != JsonValueKind.String)
                throw new MalformedNotebookException($"{name}: a cell without \"cell_type\".");
            if (cell["source"] is not (JsonArray or JsonValue))
                throw new MalformedNotebookException($"{name}: cell {Id(cell)} has no \"source\".");
        }
        return nb;
    }

    /// <summary>The notebook as text: one-space indentation, non-ASCII kept, trailing newline (like scripts/nbtool.py).</summary>
    public static string Serialize(JsonObject nb) => nb.ToJsonString(WriteOptions) + "\n";

    /// <summary>Writes the notebook to <paramref name="path"/>, creating its folder.</summary>
    public static void Save(JsonObject nb, string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, Serialize(nb), new UTF8Encoding(false));
    }

    /// <summary>The cells array.</summary>
    public static JsonArray Cells(JsonObject nb) => (JsonArray)nb["cells"]!;

    /// <summary>The cells as objects, in order.</summary>
    public static IEnumerable<JsonObject> CellObjects(JsonObject nb) => Cells(nb).OfType<JsonObject>();

    /// <summary>The cell's id, or "" when absent.</summary>
    public static string Id(JsonObject cell) => cell["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>"code" or "markdown" (or "raw").</summary>
    public static string Type(JsonObject cell) => cell["cell_type"]!.GetValue<string>();

    /// <summary>The cell's source joined into one string.</summary>
    public static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray a => string.Concat(a.Select(x => x?.GetValue<string>() ?? "")),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => "",
    };

    /// <summary>Sets the source as a list of lines, each but the last ending in "\n" (nbformat convention).</summary>
    public static void SetSource(JsonObject cell, string text)
    {
        var parts = text.Split('\n');
        var arr = new JsonArray();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i < parts.Length - 1) arr.Add(parts[i] + "\n");
            else if (parts[i].Length > 0) arr.Add(parts[i]);
        }
        cell["source"] = arr;
    }

    /// <summary>A deep copy of a node.</summary>
    public static T Clone<T>(T node) where T : JsonNode => (T)node.DeepClone();
}
