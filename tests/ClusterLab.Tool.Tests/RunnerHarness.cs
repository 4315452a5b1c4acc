using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Tests;

/// <summary>Runs <c>clusterlab</c> as a child process (isolation: a fresh kernel, and a timed-out cell cannot linger in the test host).</summary>
public static class RunnerHarness
{
    /// <summary>The repository root (from this source file's location, so it works with any --artifacts-path).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The test notebooks folder in the source tree.</summary>
    public static string NotebooksDir => Path.Combine(RepoRoot, "tests", "ClusterLab.Tool.Tests", "Notebooks");

    /// <summary>Result of one tool run.</summary>
    public sealed record ToolRun(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <c>dotnet clusterlab.dll args...</c> (kills it after <paramref name="killAfterSeconds"/>).</summary>
    public static ToolRun Run(IEnumerable<string> args, int killAfterSeconds = 300, string? workingDir = null)
    {
        var dll = typeof(ClusterLab.Tool.Program).Assembly.Location;
        var psi = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDir ?? RepoRoot,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(killAfterSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"clusterlab {string.Join(' ', args)} still running after {killAfterSeconds} s");
        }
        p.WaitForExit();
        return new ToolRun(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A fresh empty temporary folder.</summary>
    public static string TempDir(string tag)
    {
        var dir = Path.Combine(Path.GetTempPath(), "clusterlab-tests", $"{tag}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The code cells of a notebook file.</summary>
    public static List<JsonObject> CodeCells(string ipynb) =>
        ((JsonArray)JsonNode.Parse(File.ReadAllText(ipynb))!["cells"]!).OfType<JsonObject>()
            .Where(c => c["cell_type"]!.GetValue<string>() == "code").ToList();

    /// <summary>All lines of a results file as JSON objects.</summary>
    public static List<JsonObject> ResultLines(string jsonl) =>
        File.ReadAllLines(jsonl).Where(l => l.Length > 0).Select(l => (JsonObject)JsonNode.Parse(l)!).ToList();

    /// <summary>Joins a list-of-lines or string JSON value.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray a => string.Concat(a.Select(x => x!.GetValue<string>())),
        JsonValue v => v.GetValue<string>(),
        _ => "",
    };

    /// <summary>Writes a notebook with the given (type, source) cells and the standard metadata.</summary>
    public static string WriteNotebook(string path, params (string Type, string Source)[] cells)
    {
        var array = new JsonArray();
        var i = 0;
        foreach (var (type, source) in cells)
        {
            var cell = new JsonObject { ["cell_type"] = type, ["id"] = type == "code" && source.Contains("Kit.Setup(") ? "setup" : $"c{i++}", ["metadata"] = new JsonObject(), ["source"] = source };
            if (type == "code")
            {
                cell["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } };
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
            }
            array.Add(cell);
        }
        var nb = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, nb.ToJsonString());
        return path;
    }

    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h)) return h;
        if (Environment.ProcessPath is { } exe && Path.GetFileNameWithoutExtension(exe) == "dotnet") return exe;
        return "dotnet";
    }

    private static string FindRepoRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
