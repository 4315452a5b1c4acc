using System.Diagnostics;
using System.Text.Json;
using ClusterLab.Notebooks;

namespace ClusterLab.Tool.Tests;

/// <summary>
/// Runs notebooks in the REAL kernel students get (dotnet-repl 0.3.259 bundles the kernel of the
/// Microsoft.dotnet-interactive 1.0.712001 tool, both pinned in .config/dotnet-tools.json): our in-process runner is
/// not proof that VS Code works. Each notebook runs from its own folder, as VS Code does, so its setup cell's
/// relative #r paths resolve against artifacts/kit (refreshed by building this test project).
/// </summary>
public class RealKernelTests
{
    internal static readonly string Repo = FindRepo();

    [Fact]
    public void Kit_smoke_notebook_runs_in_the_real_kernel_with_chart_and_checks()
    {
        var outputs = RunInRealKernel(Path.Combine(Repo, "tests", "ClusterLab.Tool.Tests", "Notebooks", "kit-smoke.ipynb"));

        AssertNoErrors(outputs);
        AssertPlotlyOnceAndChartDrawn(outputs);
        var checks = CheckResults(outputs).ToDictionary(r => r.Id);
        Assert.Equal(3, checks.Count);
        Assert.True(checks["smoke-mean"].Passed);
        Assert.Equal(2, checks["smoke-mean"].Earned);
        Assert.True(checks["smoke-run"].Passed);
        Assert.False(checks["smoke-unanswered"].Passed);
        Assert.StartsWith("not answered yet", checks["smoke-unanswered"].Message);
    }

    [Fact]
    public void Plain_plotly_chart_draws_inline_and_offline_without_extra_references()
    {
        var outputs = RunInRealKernel(Path.Combine(Repo, "tests", "ClusterLab.Tool.Tests", "Notebooks", "plotly-chart.ipynb"));

        AssertNoErrors(outputs);
        var chart = Assert.Single(outputs, o => o.Cell == 3);
        AssertOfflineChart(chart.Data.GetValueOrDefault("text/html", ""));
    }

    /// <summary>A chart's HTML: the kit's plot div drawn with the embedded plotly.js, not a tree view or a CDN script.</summary>
    internal static void AssertOfflineChart(string html)
    {
        Assert.Contains("class=\"clusterlab-figure\"", html);
        Assert.Contains("window.Plotly.newPlot", html);
        Assert.DoesNotContain("dni-treeview", html);
        Assert.DoesNotContain("<script src=", html);
        Assert.DoesNotContain("cdn.plot.ly", html);
    }

    /// <summary>One output of an executed notebook: its cell index, output type and data (MIME type → text).</summary>
    internal sealed record Output(int Cell, string Type, Dictionary<string, string> Data, string Text);

    internal static List<Output> RunInRealKernel(string notebook)
    {
        Assert.True(File.Exists(Path.Combine(Repo, "artifacts", "kit", "ClusterLab.Notebooks.dll")), "artifacts/kit is missing: build first");
        Dotnet(Repo, "tool restore", TimeSpan.FromMinutes(10));

        var outPath = Path.Combine(Path.GetTempPath(), "clusterlab-real-kernel", Guid.NewGuid().ToString("N"), Path.GetFileName(notebook));
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        var log = Dotnet(Path.GetDirectoryName(notebook)!,
            $"repl --run \"{notebook}\" --exit-after-run --output-path \"{outPath}\"", TimeSpan.FromMinutes(10), allowFailure: true);
        try
        {
            Assert.True(File.Exists(outPath), $"dotnet repl wrote no notebook:\n{log}");
            return ReadOutputs(outPath);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(outPath)!, recursive: true);
        }
    }

    private static List<Output> ReadOutputs(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var list = new List<Output>();
        int cell = 0;
        foreach (var c in doc.RootElement.GetProperty("cells").EnumerateArray())
        {
            cell++;
            if (c.GetProperty("cell_type").GetString() != "code" || !c.TryGetProperty("outputs", out var outs)) continue;
            foreach (var o in outs.EnumerateArray())
            {
                var data = new Dictionary<string, string>();
                if (o.TryGetProperty("data", out var d))
                    foreach (var p in d.EnumerateObject()) data[p.Name] = Text(p.Value);
                var text = string.Join("", new[] { "text", "ename", "evalue", "traceback" }
                    .Where(k => o.TryGetProperty(k, out _)).Select(k => Text(o.GetProperty(k))));
                list.Add(new Output(cell, o.GetProperty("output_type").GetString() ?? "", data, text));
            }
        }
        return list;
    }

    /// <summary>nbformat text: a string, a list of lines, or (JSON MIME types) an object.</summary>
    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Array => string.Concat(e.EnumerateArray().Select(Text)),
        _ => e.GetRawText(),
    };

    internal static void AssertNoErrors(List<Output> outputs)
    {
        var errors = outputs.Where(o => o.Type == "error" || (o.Type == "stream" && o.Text.Contains("Exception"))).ToList();
        Assert.True(errors.Count == 0, "error outputs:\n" + string.Join("\n", errors.Select(e => $"cell {e.Cell}: {e.Text[..Math.Min(600, e.Text.Length)]}")));
    }

    internal static void AssertPlotlyOnceAndChartDrawn(List<Output> outputs)
    {
        var html = outputs.Select(o => o.Data.GetValueOrDefault("text/html", "")).ToList();
        Assert.Equal(1, html.Count(h => h.Contains("plotly.js v2.")));
        var charts = html.Where(h => h.Contains("class=\"clusterlab-figure\"")).ToList();
        Assert.NotEmpty(charts);
        Assert.All(charts, h => Assert.Contains("window.Plotly.newPlot", h));
        Assert.DoesNotContain(html, h => h.Contains("requirejs") || h.Contains("<script src="));
    }

    internal static IEnumerable<CheckResult> CheckResults(List<Output> outputs) =>
        outputs.Where(o => o.Data.ContainsKey(Check.ResultMimeType)).Select(o => CheckResult.FromJson(o.Data[Check.ResultMimeType]));

    private static string Dotnet(string workingDirectory, string arguments, TimeSpan timeout, bool allowFailure = false)
    {
        var psi = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {arguments} did not finish within {timeout}");
        }
        var log = stdout.Result + stderr.Result;
        if (!allowFailure) Assert.True(p.ExitCode == 0, $"dotnet {arguments} exited with {p.ExitCode}:\n{log}");
        return log;
    }

    // --artifacts-path puts the test binaries outside the repository, so start from this source file's location.
    private static string FindRepo([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ClusterLab.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (ClusterLab.sln) not found");
    }
}

/// <summary>
/// The first lesson's student edition (notebooks/) in the real kernel (a separate class so that it runs in parallel
/// with the smoke test): it runs to the end, draws its charts, and its checks fail only as "not answered yet".
/// </summary>
public class RealKernelLessonTests
{
    [Fact]
    public void First_lesson_runs_in_the_real_kernel_and_its_charts_are_drawn()
    {
        var lesson = Directory.Exists(Path.Combine(RealKernelTests.Repo, "notebooks"))
            ? Directory.GetFiles(Path.Combine(RealKernelTests.Repo, "notebooks"), "*.ipynb")
                .Where(p => char.IsDigit(Path.GetFileName(p)[0])).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (lesson is null) return; // no lesson yet: the smoke notebook above covers the kernel

        var outputs = RealKernelTests.RunInRealKernel(lesson);

        RealKernelTests.AssertNoErrors(outputs);
        RealKernelTests.AssertPlotlyOnceAndChartDrawn(outputs);
        Assert.All(RealKernelTests.CheckResults(outputs), r => Assert.True(r.Passed || r.Message.StartsWith("not answered yet", StringComparison.Ordinal),
            $"{Path.GetFileName(lesson)}: {r.ToLine()}"));
        Assert.Contains(RealKernelTests.CheckResults(outputs), r => !r.Passed); // the student edition: exercises are open
    }
}
