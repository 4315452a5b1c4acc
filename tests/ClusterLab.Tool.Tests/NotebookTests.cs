using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static ClusterLab.Tool.Tests.RunnerHarness;

namespace ClusterLab.Tool.Tests;

/// <summary>
/// Every instructor notebook (lessons <c>notebooks/source/*.ipynb</c>, assignments <c>assignments/*/source/*.ipynb</c>)
/// runs with <c>clusterlab run</c> without a failed cell or a failed check; they and the lessons' student editions
/// (<c>notebooks/*.ipynb</c>, run by <see cref="LessonEditionTests"/>) start with the standard setup cell (the template
/// of <c>scripts/nbtool.py</c> for their depth) and have the metadata VS Code needs.
/// </summary>
public sealed class NotebookTests
{
    /// <summary>Placeholder row while there are no notebooks yet (xunit rejects a theory without data).</summary>
    private const string None = "(no notebooks yet)";

    public static TheoryData<string> All() => Data(FindAll());

    /// <summary>The instructor notebooks only (their solutions must pass every check).</summary>
    public static TheoryData<string> Sources() => Data(FindAll().Where(p => p.Contains("/source/")).ToList());

    private static TheoryData<string> Data(List<string> found)
    {
        var data = new TheoryData<string>();
        foreach (var nb in found) data.Add(nb);
        if (found.Count == 0) data.Add(None);
        return data;
    }

    /// <summary>Repository-relative paths (forward slashes) of the notebooks to check, sorted.</summary>
    public static List<string> FindAll()
    {
        var list = new List<string>();
        var lessons = Path.Combine(RepoRoot, "notebooks");
        if (Directory.Exists(lessons))
            list.AddRange(Directory.EnumerateFiles(lessons, "*.ipynb", SearchOption.AllDirectories)
                .Where(p => !p.Contains(".ipynb_checkpoints")));
        var assignments = Path.Combine(RepoRoot, "assignments");
        if (Directory.Exists(assignments))
            foreach (var a in Directory.EnumerateDirectories(assignments))
            {
                var source = Path.Combine(a, "source");
                if (Directory.Exists(source)) list.AddRange(Directory.EnumerateFiles(source, "*.ipynb"));
            }
        return list.Select(p => Path.GetRelativePath(RepoRoot, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Runs_without_a_failed_cell_or_check(string notebook)
    {
        if (notebook == None) return;
        var kit = Path.Combine(RepoRoot, "artifacts", "kit", "ClusterLab.Notebooks.dll");
        Assert.True(File.Exists(kit), $"{kit} is missing: run `dotnet build` at the repository root first (it builds the kit the setup cell loads).");
        var outDir = TempDir("lesson");
        var results = Path.Combine(outDir, "results.jsonl");
        var run = Run(["run", Path.Combine(RepoRoot, notebook), "--out", outDir, "--results", results, "--no-html"], killAfterSeconds: 900);
        var lines = File.Exists(results) ? ResultLines(results) : [];
        var failedChecks = lines.Where(l => l["type"]!.GetValue<string>() == "check" && l["passed"]?.GetValue<bool>() != true)
            .Select(l => $"{l["id"]}: {l["message"]}").ToList();
        Assert.True(run.ExitCode == 0, $"{notebook}: exit code {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
        Assert.True(failedChecks.Count == 0, $"{notebook}: failed checks: {string.Join("; ", failedChecks)}");
        Assert.Equal("ok", lines.Last()["status"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Starts_with_the_standard_setup_cell(string notebook)
    {
        if (notebook == None) return;
        var path = Path.Combine(RepoRoot, notebook);
        var first = CodeCells(path).FirstOrDefault();
        Assert.True(first is not null, $"{notebook} has no code cell");
        Assert.Equal("setup", first!["id"]?.GetValue<string>());
        Assert.Equal(ExpectedSetupCell(path), Text(first["source"]));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Has_the_polyglot_metadata(string notebook)
    {
        if (notebook == None) return;
        var path = Path.Combine(RepoRoot, notebook);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(".net-csharp", root["metadata"]?["kernelspec"]?["name"]?.GetValue<string>());
        Assert.Equal(4, root["nbformat"]!.GetValue<int>());
        foreach (var (cell, i) in CodeCells(path).Select((c, i) => (c, i)))
        {
            Assert.True(cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>() == "csharp",
                $"{notebook}: code cell {i + 1} lacks metadata.polyglot_notebook.kernelName = \"csharp\"");
        }
    }

    [Fact]
    public void Setup_template_is_read_from_nbtool()
    {
        var expected = "#r \"../artifacts/kit/ClusterLab.dll\"\n#r \"../artifacts/kit/ClusterLab.Notebooks.dll\"\nusing ClusterLab;\nusing ClusterLab.Notebooks;\nKit.Setup()";
        Assert.Equal(expected, ExpectedSetupCell(Path.Combine(RepoRoot, "notebooks", "any.ipynb")));
        Assert.StartsWith("#r \"../../../artifacts/kit/", ExpectedSetupCell(Path.Combine(RepoRoot, "assignments", "a1", "source", "a1.ipynb")));
        Assert.StartsWith("#r \"../../artifacts/kit/", ExpectedSetupCell(Path.Combine(RepoRoot, "notebooks", "source", "01.ipynb")));
    }

    /// <summary>The setup cell for a notebook at <paramref name="notebookPath"/>, from SETUP_TEMPLATE and KIT in scripts/nbtool.py.</summary>
    private static string ExpectedSetupCell(string notebookPath)
    {
        var script = File.ReadAllText(Path.Combine(RepoRoot, "scripts", "nbtool.py"));
        var template = Regex.Match(script, "SETUP_TEMPLATE = \"\"\"(.*?)\"\"\"", RegexOptions.Singleline).Groups[1].Value;
        var kit = Regex.Match(script, "^KIT = \"([^\"]*)\"", RegexOptions.Multiline).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(template), "SETUP_TEMPLATE not found in scripts/nbtool.py");
        var rel = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(notebookPath))!, RepoRoot).Replace('\\', '/');
        var prefix = rel == "." ? "" : rel + "/";
        return template.Replace("{prefix}", prefix).Replace("{kit}", kit);
    }
}
