using System.Diagnostics;
using ClusterLab.Tool.Export;
using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool.Tests;

/// <summary><c>clusterlab export --to cs</c>: the conversion rules, then every lesson exported and run with <c>dotnet run</c>.</summary>
public class ExportTests
{
    private static string Convert(params (string Type, string Source)[] cells)
    {
        var path = RunnerHarness.WriteNotebook(Path.Combine(RunnerHarness.TempDir("export"), "lesson.ipynb"), cells);
        return FileBasedApp.Convert(NotebookDocument.Load(path), "../src/ClusterLab.Notebooks/ClusterLab.Notebooks.csproj");
    }

    [Fact]
    public void Setup_cell_becomes_a_project_directive_and_markdown_becomes_comments()
    {
        var app = Convert(("markdown", "# Title\n\nSome $x^2$ text"),
                          ("code", "#r \"../artifacts/kit/ClusterLab.dll\"\n#r \"../artifacts/kit/ClusterLab.Notebooks.dll\"\nusing ClusterLab;\nKit.Setup()"),
                          ("code", "var x = 1;"));
        Assert.Contains("#:project ../src/ClusterLab.Notebooks/ClusterLab.Notebooks.csproj", app);
        Assert.DoesNotContain("#r ", app);
        Assert.DoesNotContain("Kit.Setup()", app);
        Assert.Contains("// # Title", app);
        Assert.Contains("// Some $x^2$ text", app);
        Assert.Contains("ScriptHost.Begin(\"lesson\");", app);
        Assert.EndsWith("return ScriptHost.End();\n", app.Replace("\r", ""));
    }

    [Fact]
    public void Last_expression_is_shown_usings_are_hoisted_and_types_move_to_the_end()
    {
        var app = Convert(("code", "using System.Text;\nrecord P(int A);\nvar p = new P(2);\np.A * 21"),
                          ("code", "Console.WriteLine(\"hi\");"));
        Assert.Contains("ScriptHost.Show(() => p.A * 21);", app);
        Assert.Contains("Console.WriteLine(\"hi\");", app);
        Assert.DoesNotContain("ScriptHost.Show(() => Console", app);
        Assert.True(app.IndexOf("using System.Text;") < app.IndexOf("ScriptHost.Begin"), "usings must precede statements");
        Assert.True(app.IndexOf("record P(int A);") > app.IndexOf("return ScriptHost.End();"), "types must follow the top-level statements");
    }

    [Fact]
    public void Bad_usage_and_a_notebook_outside_the_repository_are_reported_not_thrown()
    {
        var noTo = RunnerHarness.Run(["export", "x.ipynb"]);
        Assert.Equal(2, noTo.ExitCode);
        Assert.Contains("--to must be 'cs' (got '')", noTo.Stderr);
        var two = RunnerHarness.Run(["export", "a.ipynb", "b.ipynb", "--to", "cs"]);
        Assert.Equal(2, two.ExitCode);
        Assert.Contains("only one notebook or folder", two.Stderr);
        var unknown = RunnerHarness.Run(["export", "a.ipynb", "--to", "cs", "--format", "x"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown option --format", unknown.Stderr);
        var lone = RunnerHarness.WriteNotebook(Path.Combine(RunnerHarness.TempDir("export-outside"), "lone.ipynb"), ("code", "var a = 1;"));
        var outside = RunnerHarness.Run(["export", lone, "--to", "cs"]);
        Assert.Equal(2, outside.ExitCode);
        Assert.Contains("not inside a ClusterLab repository", outside.Stderr);
        Assert.DoesNotContain("   at ", outside.Stderr);   // no stack trace
    }

    [Fact]
    public void Every_lesson_exports_and_runs_with_dotnet_run()
    {
        var outDir = Path.Combine(RunnerHarness.RepoRoot, "out", $"export-test-{Guid.NewGuid():N}");
        try
        {
            // The instructor editions: every check passes (a student edition's open exercises would print FAIL).
            var export = RunnerHarness.Run(["export", Path.Combine(RunnerHarness.RepoRoot, "notebooks", "source"), "--to", "cs", "--out", outDir]);
            Assert.True(export.ExitCode == 0, export.Stderr);
            var apps = Directory.GetFiles(outDir, "*.cs").Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(Directory.GetFiles(Path.Combine(RunnerHarness.RepoRoot, "notebooks", "source"), "*.ipynb").Length, apps.Length);
            var failures = new List<string>();
            foreach (var app in apps) // one at a time: every app builds the same kit project
            {
                var (code, output) = DotnetRun(app, outDir);
                var name = Path.GetFileNameWithoutExtension(app);
                if (code != 0 || !output.Contains($"== {name}:") || output.Contains("FAIL "))
                    failures.Add($"{name}: exit {code}\n{Tail(output)}");
                foreach (var line in output.Split('\n').Where(l => l.StartsWith("[chart] ")))
                    if (!File.Exists(line["[chart] ".Length..].Trim())) failures.Add($"{name}: chart file missing: {line}");
            }
            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
            var chart = Directory.GetFiles(outDir, "*.html").First();
            var html = File.ReadAllText(chart);
            Assert.DoesNotMatch("<script[^>]*src=[\"']?https?:", html); // plotly.js is inline: the page works offline
            Assert.Contains("Plotly.newPlot", html);
        }
        finally
        {
            try { Directory.Delete(outDir, recursive: true); } catch (IOException) { }
        }
    }

    private static (int Code, string Output) DotnetRun(string app, string workingDir)
    {
        var psi = new ProcessStartInfo(RunnerHarness.DotnetHost()) { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("run");
        psi.ArgumentList.Add(app);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000)) { p.Kill(entireProcessTree: true); return (-1, "timeout after 300 s"); }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Tail(string s) => string.Join('\n', s.Split('\n').TakeLast(25));
}
