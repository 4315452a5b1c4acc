using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Runner;

/// <summary>A notebook file that is not a valid nbformat-4 notebook; the message names the file and the problem.</summary>
internal sealed class NotebookFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// An nbformat-4 <c>.ipynb</c> notebook held as a JSON tree, so that everything the runner does not touch
/// (metadata, cell ids, attachments) is written back unchanged.
/// </summary>
internal sealed class NotebookDocument
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private NotebookDocument(string path, JsonObject root, IReadOnlyList<JsonObject> cells)
    {
        Path = path;
        Root = root;
        Cells = cells;
    }

    /// <summary>Full path the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The whole notebook.</summary>
    public JsonObject Root { get; }

    /// <summary>The cells in order (each a JSON object with <c>cell_type</c> and <c>source</c>).</summary>
    public IReadOnlyList<JsonObject> Cells { get; }

    /// <summary>File name without extension: the base name of the written outputs.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Reads and validates <paramref name="path"/>; throws <see cref="NotebookFormatException"/> naming the problem.</summary>
    public static NotebookDocument Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        string text;
        try { text = File.ReadAllText(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException($"{full}: cannot read the notebook: {e.Message}", e);
        }
        return Parse(text, full);
    }

    /// <summary>Parses notebook JSON <paramref name="json"/>; <paramref name="path"/> is used in error messages and for output names.</summary>
    public static NotebookDocument Parse(string json, string path)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false }); }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{path}: not valid JSON (line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}): {JsonProblem(e.Message)}", e);
        }
        if (node is not JsonObject root)
            throw new NotebookFormatException($"{path}: not a notebook: the top level must be a JSON object with \"cells\".");
        if (root["nbformat"] is not JsonValue v || !v.TryGetValue<int>(out var major) || major != 4)
            throw new NotebookFormatException($"{path}: not an nbformat 4 notebook (\"nbformat\" must be 4).");
        if (root["cells"] is not JsonArray cellArray)
            throw new NotebookFormatException($"{path}: not a notebook: missing the \"cells\" array.");
        var cells = new List<JsonObject>();
        for (var i = 0; i < cellArray.Count; i++)
        {
            if (cellArray[i] is not JsonObject cell)
                throw new NotebookFormatException($"{path}: cell {i + 1} is not a JSON object.");
            var type = (cell["cell_type"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
            if (type is not ("code" or "markdown" or "raw"))
                throw new NotebookFormatException($"{path}: cell {i + 1} has no valid \"cell_type\" (code, markdown or raw).");
            if (!TryGetSource(cell, out _))
                throw new NotebookFormatException($"{path}: cell {i + 1} has no valid \"source\" (a string or an array of strings).");
            cells.Add(cell);
        }
        if (root["metadata"] is not JsonObject) root["metadata"] = new JsonObject();
        return new NotebookDocument(path, root, cells);
    }

    /// <summary>
    /// Index of the setup cell (the code cell with id <c>setup</c>, else the first code cell if it calls <c>Kit.Setup(</c>), or -1:
    /// the runner exempts it from the output limit, the exporter replaces it with <c>#:project</c>.
    /// </summary>
    public int SetupCellIndex()
    {
        for (var i = 0; i < Cells.Count; i++)
            if (CellType(Cells[i]) == "code" && Id(Cells[i]) == "setup") return i;
        for (var i = 0; i < Cells.Count; i++)
        {
            if (CellType(Cells[i]) != "code") continue;
            return Source(Cells[i]).Contains("Kit.Setup(", StringComparison.Ordinal) ? i : -1;
        }
        return -1;
    }

    /// <summary>The cell's type: <c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public static string CellType(JsonObject cell) => cell["cell_type"]!.GetValue<string>();

    /// <summary>The cell's source as one string.</summary>
    public static string Source(JsonObject cell) => TryGetSource(cell, out var s) ? s : "";

    /// <summary>The cell's <c>id</c>, or null.</summary>
    public static string? Id(JsonObject cell) => (cell["id"] as JsonValue)?.TryGetValue<string>(out var id) == true ? id : null;

    /// <summary>The kernel name a code cell asks for (<c>metadata.polyglot_notebook.kernelName</c>), or null.</summary>
    public static string? KernelName(JsonObject cell) =>
        (cell["metadata"]?["polyglot_notebook"]?["kernelName"] as JsonValue)?.TryGetValue<string>(out var k) == true ? k : null;

    /// <summary>Replaces a code cell's outputs and execution count.</summary>
    public static void SetOutputs(JsonObject cell, JsonArray outputs, int? executionCount)
    {
        cell["outputs"] = outputs;
        cell["execution_count"] = executionCount is { } n ? JsonValue.Create(n) : null;
    }

    /// <summary>An nbformat multi-line string (a string, or an array of strings) as one string; other JSON as its JSON text; null as "".</summary>
    public static string JoinText(JsonNode? node) => node switch
    {
        JsonArray a => string.Concat(a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : x?.ToJsonString())),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => "",
        _ => node.ToJsonString(),
    };

    /// <summary>Splits text into nbformat's list-of-lines form (each line keeps its newline).</summary>
    public static JsonArray ToLines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            array.Add(text[start..end]);
            start = end;
        }
        return array;
    }

    /// <summary>The notebook as nbformat JSON (one-space indentation, like Jupyter and nbtool.py).</summary>
    public string ToJson() => ToJson(Root);

    /// <summary>Notebook JSON <paramref name="root"/> as text: one-space indentation, non-ASCII kept, trailing newline.</summary>
    public static string ToJson(JsonObject root) => root.ToJsonString(WriteOptions) + "\n";

    /// <summary>Writes the notebook to <paramref name="path"/>, creating the folder.</summary>
    public void Save(string path) => Save(Root, path);

    /// <summary>Writes notebook JSON <paramref name="root"/> to <paramref name="path"/> (UTF-8, no BOM), creating the folder.</summary>
    public static void Save(JsonObject root, string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson(root));
    }

    private static bool TryGetSource(JsonObject cell, out string source)
    {
        source = "";
        switch (cell["source"])
        {
            case JsonValue v when v.TryGetValue<string>(out var s):
                source = s;
                return true;
            case JsonArray a:
                var sb = new System.Text.StringBuilder();
                foreach (var line in a)
                {
                    if (line is not JsonValue lv || !lv.TryGetValue<string>(out var ls)) return false;
                    sb.Append(ls);
                }
                source = sb.ToString();
                return true;
            default:
                return false;
        }
    }

    private static string JsonProblem(string message)
    {
        var i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (i < 0 ? message : message[..i]).Trim();
    }
}
