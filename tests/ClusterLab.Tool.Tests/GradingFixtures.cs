using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading;

namespace ClusterLab.Tool.Tests;

/// <summary>A small instructor notebook built in code, and helpers shared by the grading tests.</summary>
internal static class GradingFixtures
{
    internal static JsonObject Cell(string id, string type, string source, string? role = null, string? gradeId = null, double? points = null)
    {
        var meta = new JsonObject();
        if (type == "code") meta["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" };
        if (role is not null)
        {
            var m = new JsonObject { ["role"] = role };
            if (gradeId is not null) m["grade_id"] = gradeId;
            if (points is not null) m["points"] = points;
            meta["clusterlab"] = m;
        }
        var cell = new JsonObject { ["cell_type"] = type, ["id"] = id, ["metadata"] = meta };
        if (type == "code")
        {
            cell["execution_count"] = 3;
            cell["outputs"] = new JsonArray(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "old output" });
        }
        NotebookJson.SetSource(cell, source);
        return cell;
    }

    /// <summary>setup, prompt, solution (region), tests (public + hidden), solution (no region), hidden-tests cell, manual.</summary>
    internal static JsonObject Source() => new()
    {
        ["cells"] = new JsonArray(
            Cell("setup", "code", "#r \"../../../artifacts/kit/ClusterLab.dll\"\nKit.Setup()", "setup"),
            Cell("intro", "markdown", "# Homework\nWrite `Mean`.", "prompt"),
            Cell("q1-answer", "code", "double Mean(double[] x)\n{\n    // BEGIN SOLUTION\n    return x.Average();\n    // END SOLUTION\n}", "solution", "q1-answer"),
            Cell("q1-tests", "code",
                "Check.Close(\"q1\", 2, 2.0, () => Mean([1.0, 3.0]));\n// BEGIN HIDDEN TESTS\nCheck.Close(\"q1-hidden\", 3, 42.5, () => Mean([40.0, 45.0]), 1e-9, \"secret hint\");\n// END HIDDEN TESTS",
                "tests", "q1", 5),
            Cell("q2-answer", "code", "double Twice(double x) => 2 * x;", "solution", "q2-answer"),
            Cell("q2-tests", "code", "Check.That(\"q2\", 1, () => Twice(2) == 4);", "tests", "q2", 1),
            Cell("q2-hidden", "code", "Check.That(\"q2-secret\", 4, () => Twice(-7.25) == -14.5);", "hidden-tests", "q2h", 4),
            Cell("q3", "markdown", "$\\hat\\mu = \\bar x$ because …", "manual", "q3", 10),
            Cell("free", "code", "Console.WriteLine(\"scratch\");")),
        ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp" } },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    internal static string Src(JsonObject nb, string id) =>
        NotebookJson.Source(NotebookJson.CellObjects(nb).Single(c => NotebookJson.Id(c) == id));

    internal static JsonObject CellById(JsonObject nb, string id) => NotebookJson.CellObjects(nb).Single(c => NotebookJson.Id(c) == id);

    internal static List<string> Ids(JsonObject nb) => NotebookJson.CellObjects(nb).Select(NotebookJson.Id).ToList();

    internal static JsonObject Released(JsonObject source)
    {
        var nb = NotebookJson.Clone(source);
        Pipelines.Apply(Pipelines.Release(), nb, new StepContext("test"));
        return nb;
    }

    internal static string TempDir(string name)
    {
        var d = Path.Combine(Path.GetTempPath(), "clusterlab-grading-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(d);
        return d;
    }

    /// <summary>SHA-256 of every file under <paramref name="dir"/>, by relative path.</summary>
    internal static SortedDictionary<string, string> Hashes(string dir) => new(
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
