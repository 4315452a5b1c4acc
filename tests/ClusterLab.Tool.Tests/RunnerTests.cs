using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static ClusterLab.Tool.Tests.RunnerHarness;

namespace ClusterLab.Tool.Tests;

/// <summary>Runs <c>Notebooks/good.ipynb</c> once; the tests below read what it wrote.</summary>
public sealed class GoodNotebookRun
{
    public GoodNotebookRun()
    {
        Out = TempDir("good");
        Results = Path.Combine(Out, "results.jsonl");
        Tool = RunnerHarness.Run(["run", Path.Combine(NotebooksDir, "good.ipynb"), "--out", Out, "--results", Results]);
    }

    public string Out { get; }
    public string Results { get; }
    public ToolRun Tool { get; }
    public string Ipynb => Path.Combine(Out, "good.ipynb");
    public string Html => Path.Combine(Out, "good.html");
}

public sealed class RunnerGoodNotebookTests(GoodNotebookRun run) : IClassFixture<GoodNotebookRun>
{
    [Fact]
    public void Exits_zero_and_prints_one_ok_progress_line()
    {
        Assert.True(run.Tool.ExitCode == 0, run.Tool.Stdout + run.Tool.Stderr);
        var line = Assert.Single(run.Tool.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^ok\s+.*good\.ipynb: 4/4 cells, \d+\.\d s, checks 1/2 passed$", line.TrimEnd());
    }

    [Fact]
    public void Records_outputs_as_vscode_does()
    {
        var cells = CodeCells(run.Ipynb);
        Assert.Equal([1, 2, 3, 4], cells.Select(c => c["execution_count"]!.GetValue<int>()));

        var stdout = Assert.Single(cells[0]["outputs"]!.AsArray());
        Assert.Equal("stream", stdout!["output_type"]!.GetValue<string>());
        Assert.Equal("stdout", stdout["name"]!.GetValue<string>());
        Assert.Equal("sum = 6\n", Text(stdout["text"]));

        var second = cells[1]["outputs"]!.AsArray();
        Assert.Equal(2, second.Count);
        Assert.Equal("stderr", second[0]!["name"]!.GetValue<string>());
        Assert.Equal("a warning\n", Text(second[0]!["text"]));
        Assert.Equal("execute_result", second[1]!["output_type"]!.GetValue<string>());
        Assert.Equal(2, second[1]!["execution_count"]!.GetValue<int>());
        Assert.Contains("<pre>2</pre>", Text(second[1]!["data"]!["text/html"]));

        var third = cells[2]["outputs"]!.AsArray();
        Assert.Equal("display_data", third[0]!["output_type"]!.GetValue<string>());
        Assert.Equal("<b id='bold-marker'>bold</b>", Text(third[0]!["data"]!["text/html"]));
        Assert.Equal("a string result", Text(third[1]!["data"]!["text/plain"]));

        var checks = cells[3]["outputs"]!.AsArray();
        Assert.Equal(2, checks.Count);
        var payload = checks[0]!["data"]!["application/vnd.clusterlab.check+json"]!.AsObject();
        Assert.Equal("q1", payload["id"]!.GetValue<string>());
        Assert.True(payload["passed"]!.GetValue<bool>());
        Assert.Contains("PASS q1", Text(checks[0]!["data"]!["text/html"]));
    }

    [Fact]
    public void Executed_notebook_keeps_markdown_and_metadata()
    {
        var source = JsonNode.Parse(File.ReadAllText(Path.Combine(NotebooksDir, "good.ipynb")))!;
        var executed = JsonNode.Parse(File.ReadAllText(run.Ipynb))!;
        Assert.Equal(source["metadata"]!.ToJsonString(), executed["metadata"]!.ToJsonString());
        Assert.Equal(source["cells"]!.AsArray().Count, executed["cells"]!.AsArray().Count);
        Assert.Equal(source["cells"]![0]!["source"]!.ToJsonString(), executed["cells"]![0]!["source"]!.ToJsonString());
        Assert.Equal(4, executed["nbformat"]!.GetValue<int>());
    }

    [Fact]
    public void Results_file_has_each_check_then_a_status_line()
    {
        var lines = ResultLines(run.Results);
        Assert.Equal(["check", "check", "status"], lines.Select(l => l["type"]!.GetValue<string>()));
        Assert.Equal("q1", lines[0]["id"]!.GetValue<string>());
        Assert.True(lines[0]["passed"]!.GetValue<bool>());
        Assert.Equal(2.0, lines[0]["earned"]!.GetValue<double>());
        Assert.Equal("q2", lines[1]["id"]!.GetValue<string>());
        Assert.False(lines[1]["passed"]!.GetValue<bool>());
        Assert.Equal(6, lines[1]["cell"]!.GetValue<int>());
        Assert.Equal("ok", lines[2]["status"]!.GetValue<string>());
        Assert.Equal(1, lines[2]["checks_passed"]!.GetValue<int>());
        Assert.Equal(1, lines[2]["checks_failed"]!.GetValue<int>());
    }

    [Fact]
    public void Html_page_renders_markdown_math_and_outputs_offline()
    {
        var html = File.ReadAllText(run.Html);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<title>A passing notebook</title>", html);
        Assert.Contains("<h1", html);
        Assert.Contains(@"\(\mu_k = \frac{1}{N_k}\sum_n x_n\)", html);           // inline math handed to MathJax intact
        Assert.Contains(@"\[", html);                                             // display math
        Assert.Contains("class=\"cell markdown tex2jax_process\"", html);
        Assert.Contains("<b id='bold-marker'>bold</b>", html);                    // text/html output inserted as is
        Assert.Contains("sum = 6", html);
        Assert.Contains("MathJax", html);
        Assert.True(html.Length > 2_000_000, "MathJax (tex-svg-full.js) must be inlined");
        Assert.Contains("tex2jax_ignore", html);
        foreach (Match m in Regex.Matches(html, @"<script\b[^>]*>", RegexOptions.IgnoreCase))
        {
            Assert.DoesNotContain("src=", m.Value, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotMatch(@"<link\b[^>]*href=[""']?(https?:)?//", html);
    }
}

public sealed class RunnerFailureTests
{
    [Fact]
    public void Exception_cell_fails_the_run_with_an_error_output_and_stops()
    {
        var outDir = TempDir("exception");
        var results = Path.Combine(outDir, "r.jsonl");
        var run = Run(["run", Path.Combine(NotebooksDir, "exception.ipynb"), "--out", outDir, "--results", results]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAILED", run.Stdout);
        Assert.Contains("boom from cell two", run.Stdout);
        var cells = CodeCells(Path.Combine(outDir, "exception.ipynb"));
        var error = Assert.Single(cells[1]["outputs"]!.AsArray())!;
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Equal("InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Equal("boom from cell two", error["evalue"]!.GetValue<string>());
        Assert.NotEmpty(error["traceback"]!.AsArray());
        Assert.Empty(cells[2]["outputs"]!.AsArray());                 // not run after the failure
        Assert.Null(cells[2]["execution_count"]);
        var status = Assert.Single(ResultLines(results));
        Assert.Equal("failed", status["status"]!.GetValue<string>());
        Assert.Equal(2, status["failed_cell"]!.GetValue<int>());
        Assert.True(File.Exists(Path.Combine(outDir, "exception.html")));
    }

    [Fact]
    public void Continue_on_error_runs_the_remaining_cells_but_still_fails()
    {
        var outDir = TempDir("continue");
        var run = Run(["run", Path.Combine(NotebooksDir, "exception.ipynb"), "--out", outDir, "--continue-on-error"]);
        Assert.Equal(1, run.ExitCode);
        var cells = CodeCells(Path.Combine(outDir, "exception.ipynb"));
        Assert.Equal("never reached\n", Text(cells[2]["outputs"]![0]!["text"]));
    }

    [Fact]
    public void Endless_loop_times_out_with_exit_code_3()
    {
        var outDir = TempDir("endless");
        var results = Path.Combine(outDir, "r.jsonl");
        var run = Run(["run", Path.Combine(NotebooksDir, "endless.ipynb"), "--out", outDir, "--cell-timeout", "30", "--results", results], killAfterSeconds: 300);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("TIMEOUT", run.Stdout);
        var cells = CodeCells(Path.Combine(outDir, "endless.ipynb"));
        Assert.Equal("start\n", Text(cells[0]["outputs"]![0]!["text"]));
        var error = Assert.Single(cells[1]["outputs"]!.AsArray())!;
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.StartsWith("timeout", error["evalue"]!.GetValue<string>());
        Assert.Contains("--cell-timeout", error["evalue"]!.GetValue<string>());
        Assert.Empty(cells[2]["outputs"]!.AsArray());
        Assert.Equal("timeout", Assert.Single(ResultLines(results))["status"]!.GetValue<string>());
    }

    [Fact]
    public void Malformed_notebook_is_rejected_naming_file_and_problem()
    {
        var outDir = TempDir("malformed");
        var run = Run(["run", Path.Combine(NotebooksDir, "malformed.ipynb"), "--out", outDir]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("MALFORMED", run.Stdout);
        Assert.Contains("malformed.ipynb: not valid JSON (line 2", run.Stdout);
        Assert.False(File.Exists(Path.Combine(outDir, "malformed.ipynb")));
    }

    [Fact]
    public void Not_a_notebook_structure_is_rejected()
    {
        var dir = TempDir("structure");
        var path = Path.Combine(dir, "nocells.ipynb");
        File.WriteAllText(path, """{"nbformat": 4, "metadata": {}}""");
        var e = Assert.Throws<ClusterLab.Tool.Runner.NotebookFormatException>(() => ClusterLab.Tool.Runner.NotebookDocument.Load(path));
        Assert.Contains("nocells.ipynb", e.Message);
        Assert.Contains("\"cells\"", e.Message);
        File.WriteAllText(path, """{"nbformat": 4, "cells": [{"cell_type": "code", "source": 42}]}""");
        e = Assert.Throws<ClusterLab.Tool.Runner.NotebookFormatException>(() => ClusterLab.Tool.Runner.NotebookDocument.Load(path));
        Assert.Contains("cell 1", e.Message);
        File.WriteAllText(path, """{"nbformat": 3, "worksheets": []}""");
        e = Assert.Throws<ClusterLab.Tool.Runner.NotebookFormatException>(() => ClusterLab.Tool.Runner.NotebookDocument.Load(path));
        Assert.Contains("nbformat", e.Message);
    }

    [Fact]
    public void Folder_run_reports_each_notebook_and_the_worst_exit_code()
    {
        var dir = TempDir("folder");
        File.Copy(Path.Combine(NotebooksDir, "exception.ipynb"), Path.Combine(dir, "a-exception.ipynb"));
        WriteNotebook(Path.Combine(dir, "b-ok.ipynb"), ("code", "1 + 1"));
        var outDir = Path.Combine(dir, "out");
        var run = Run(["run", dir, "--out", outDir]);
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("FAILED", lines[0]);
        Assert.StartsWith("ok", lines[1]);
        Assert.StartsWith("2 notebooks, 1 not ok", lines[2]);
        Assert.True(File.Exists(Path.Combine(outDir, "b-ok.html")));
    }

    [Fact]
    public void Usage_errors_exit_with_2()
    {
        Assert.Equal(2, Program.Main(["run"]));
        Assert.Equal(2, Program.Main(["run", "x.ipynb", "--cell-timeout", "soon"]));
        Assert.Equal(2, Program.Main(["run", "/no/such/folder"]));
        Assert.Equal(2, Program.Main(["frobnicate"]));
        Assert.Throws<ClusterLab.Tool.UsageException>(() => ClusterLab.Tool.Runner.RunOptions.Parse(["a.ipynb", "--timeout", "-1"]));
    }
}

public sealed class RunnerNotebookTimeoutTests
{
    [Fact]
    public void Notebook_time_budget_stops_an_endless_loop_without_a_cell_timeout()
    {
        var outDir = TempDir("budget");
        var run = Run(["run", Path.Combine(NotebooksDir, "endless.ipynb"), "--out", outDir, "--timeout", "25"], killAfterSeconds: 300);
        Assert.Equal(3, run.ExitCode);
        // Normally cell 2 (the loop); on a very busy machine the budget may already run out in cell 1.
        var errors = CodeCells(Path.Combine(outDir, "endless.ipynb")).SelectMany(c => c["outputs"]!.AsArray())
            .Where(o => o!["output_type"]!.GetValue<string>() == "error").ToList();
        Assert.Contains("--timeout", Assert.Single(errors)!["evalue"]!.GetValue<string>());
    }
}

public sealed class RunnerReferenceTests
{
    [Theory]
    [InlineData("#r \"../artifacts/kit/ClusterLab.dll\"", "/repo/notebooks", "#r \"/repo/artifacts/kit/ClusterLab.dll\"")]
    [InlineData("  #r \"lib/x.dll\" // comment", "/a/b", "  #r \"/a/b/lib/x.dll\" // comment")]
    [InlineData("#r \"nuget: Plotly.NET, 6.0.0\"", "/a", "#r \"nuget: Plotly.NET, 6.0.0\"")]
    [InlineData("#r \"/abs/y.dll\"", "/a", "#r \"/abs/y.dll\"")]
    [InlineData("var s = \"#r \\\"x.dll\\\"\";", "/a", "var s = \"#r \\\"x.dll\\\"\";")]
    public void Relative_pound_r_paths_become_absolute(string code, string baseDir, string expected)
    {
        Assert.Equal(expected, ClusterLab.Tool.Runner.ReferencePaths.MakeAbsolute(code, baseDir));
    }

    [Fact]
    public void Relative_pound_r_resolves_against_the_notebook_folder_or_base_dir()
    {
        // An assembly the tool itself does not reference: xunit.assert.dll from this test's output.
        var dll = typeof(Assert).Assembly.Location;
        var source = TempDir("source");
        Directory.CreateDirectory(Path.Combine(source, "lib"));
        File.Copy(dll, Path.Combine(source, "lib", "xunit.assert.dll"));
        var nb = WriteNotebook(Path.Combine(source, "refs.ipynb"),
            ("code", "#r \"lib/xunit.assert.dll\"\nConsole.WriteLine(typeof(Xunit.Assert).Assembly.Location);\nConsole.WriteLine(System.IO.Directory.GetCurrentDirectory());"));

        var outDir = TempDir("refs-out");
        var run = Run(["run", nb, "--out", outDir]);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var printed = Text(CodeCells(Path.Combine(outDir, "refs.ipynb"))[0]["outputs"]![0]!["text"]).Split('\n');
        Assert.Equal(Path.Combine(source, "lib", "xunit.assert.dll"), printed[0]);
        Assert.Equal(source, printed[1]);

        // A copy elsewhere (as the grader runs students' notebooks) resolves against --base-dir.
        var elsewhere = TempDir("copy");
        var copy = Path.Combine(elsewhere, "refs.ipynb");
        File.Copy(nb, copy);
        var failing = Run(["run", copy, "--out", outDir]);
        Assert.Equal(1, failing.ExitCode);
        var withBase = Run(["run", copy, "--out", outDir, "--base-dir", source]);
        Assert.True(withBase.ExitCode == 0, withBase.Stdout + withBase.Stderr);
    }
}

public sealed class RunnerOutputLimitTests
{
    [Fact]
    public void Long_output_is_truncated_with_a_note_except_in_the_setup_cell()
    {
        var dir = TempDir("limit");
        var nb = WriteNotebook(Path.Combine(dir, "limit.ipynb"),
            ("code", "// Kit.Setup( stands in for the setup cell\nConsole.Write(new string('s', 5000));"),
            ("code", "Console.Write(new string('x', 5000));"));
        var outDir = Path.Combine(dir, "out");
        var run = Run(["run", nb, "--out", outDir, "--max-output-chars", "1000"]);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var cells = CodeCells(Path.Combine(outDir, "limit.ipynb"));
        Assert.Equal(5000, Text(cells[0]["outputs"]![0]!["text"]).Length);
        var outputs = cells[1]["outputs"]!.AsArray();
        Assert.Equal(1000, Text(outputs[0]!["text"]).Length);
        Assert.Contains("truncated", Text(outputs[^1]!["text"]));
    }
}

public sealed class RunnerNuGetExtensionTests
{
    [Fact]
    public void Pound_r_nuget_loads_the_package_kernel_extension()
    {
        var outDir = TempDir("nuget");
        var run = Run(["run", Path.Combine(NotebooksDir, "nuget-extension.ipynb"), "--out", outDir]);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var cells = CodeCells(Path.Combine(outDir, "nuget-extension.ipynb"));
        Assert.Contains("Plotly.NET.Interactive, 6.0.0", Text(cells[0]["outputs"]![0]!["data"]!["text/html"]));
        // Without Plotly.NET.Interactive's extension, a GenericChart would show as the default tree view.
        var html = Text(cells[1]["outputs"]![0]!["data"]!["text/html"]);
        Assert.Contains("Plotly chart will be drawn inside this DIV", html);
        Assert.DoesNotContain("dni-treeview", html);
    }
}

public sealed class RunnerPlotlyChartTests
{
    [Fact]
    public void Cell_ending_with_a_plotly_chart_draws_it_offline_without_extra_references()
    {
        var dir = TempDir("plotly");
        var kit = Path.Combine(RepoRoot, "artifacts", "kit");
        var notebook = WriteNotebook(Path.Combine(dir, "plotly.ipynb"),
            ("code", $"#r \"{kit}/ClusterLab.dll\"\n#r \"{kit}/ClusterLab.Notebooks.dll\"\nusing ClusterLab;\nusing ClusterLab.Notebooks;\nKit.Setup()"),
            ("code", "var xs = new double[] { 1, 2, 3 };\nPlotly.NET.CSharp.Chart.Point<double, double, string>(x: xs, y: xs)"));

        var run = Run(["run", notebook, "--out", Path.Combine(dir, "out")]);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var outputs = CodeCells(Path.Combine(dir, "out", "plotly.ipynb"))[1]["outputs"]!.AsArray();
        var html = Text(Assert.Single(outputs)!["data"]!["text/html"]);
        RealKernelTests.AssertOfflineChart(html);
    }
}
