using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using ClusterLab.Notebooks;

namespace ClusterLab.Tool.Tests;

/// <summary>Kit outside a kernel: set-up, assembly resolution, figure HTML (fragment without plotly.js, page with it once).</summary>
public class KitTests
{
    private static Figure SmallFigure() =>
        new(Plotly.NET.CSharp.Chart.Point<double, double, string>(x: new[] { 1.0, 2.0, 3.0 }, y: new[] { 4.0, 5.0, 6.0 }));

    private static int Count(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    [Fact]
    public void Setup_outside_a_kernel_is_idempotent_and_says_so()
    {
        var first = Kit.Setup();
        var second = Kit.Setup();
        Assert.Contains("ClusterLab ready", first.Note);
        Assert.Contains("no kernel", second.Note);
        Assert.True(File.Exists(Path.Combine(Kit.Folder, "ClusterLab.Notebooks.dll")));
    }

    [Fact]
    public void Setup_display_embeds_the_full_plotly_js_from_Plotly_NET_not_a_cdn()
    {
        var html = Kit.Setup().ToHtml();
        Assert.Equal(1, Count(html, "plotly.js v2."));
        Assert.True(html.Length > 3_000_000, $"plotly.js looks truncated: {html.Length} chars");
        Assert.DoesNotContain("<script src=", html);
        Assert.DoesNotContain("requirejs", html);
        Assert.Contains("ClusterLab ready", html);
    }

    [Fact]
    public void Resolver_answers_a_newer_version_request_with_the_loaded_assembly()
    {
        Kit.Setup();
        var loaded = typeof(Microsoft.FSharp.Core.Unit).Assembly; // FSharp.Core, whatever version this host has
        var request = new AssemblyName($"FSharp.Core, Version=99.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");
        Assert.Same(loaded, AssemblyResolution.Resolve(AssemblyLoadContext.Default, request));
        Assert.Null(AssemblyResolution.Resolve(AssemblyLoadContext.Default, new AssemblyName("No.Such.Assembly.Anywhere")));
    }

    [Fact]
    public void Figure_fragment_draws_with_window_Plotly_and_carries_no_plotly_js()
    {
        var html = SmallFigure().ToHtmlFragment();
        Assert.Contains("class=\"clusterlab-figure\"", html);
        Assert.Contains("window.Plotly.newPlot", html);
        Assert.Contains("run the setup cell", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"x\":[1.0,2.0,3.0]", html);
        Assert.Equal(0, Count(html, "plotly.js v2."));
        Assert.True(html.Length < 20_000, $"fragment is {html.Length} chars");
    }

    [Fact]
    public void Two_displays_of_a_figure_get_different_div_ids()
    {
        var f = SmallFigure();
        string Id(string html) => Regex.Match(html, "<div id=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEqual(Id(f.ToHtmlFragment()), Id(f.ToHtmlFragment()));
    }

    [Fact]
    public void Standalone_page_embeds_plotly_js_once_for_several_figures_and_saves()
    {
        var page = Figure.ToStandaloneHtml([SmallFigure(), SmallFigure(), SmallFigure()]);
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Equal(1, Count(page, "plotly.js v2."));
        Assert.Equal(3, Count(page, "class=\"clusterlab-figure\""));
        Assert.DoesNotContain("<script src=", page);

        var path = Path.Combine(Path.GetTempPath(), "clusterlab-kit-tests", Guid.NewGuid().ToString("N"), "fig.html");
        var full = SmallFigure().SaveHtml(path);
        Assert.Equal(Path.GetFullPath(path), full);
        var saved = File.ReadAllText(full);
        Assert.Equal(1, Count(saved, "plotly.js v2."));
        Assert.Contains("clusterlab-figure", saved);
    }

    [Fact]
    public void Text_in_a_chart_cannot_close_the_script_element()
    {
        var chart = Plotly.NET.CSharp.Chart.Point<double, double, string>(x: new[] { 1.0 }, y: new[] { 2.0 }, Name: "</script><!--<script>");
        var html = new Figure(chart).ToHtmlFragment();
        Assert.Equal(1, Count(html.ToLowerInvariant(), "</script"));
        Assert.DoesNotContain("<!--", html);
    }

    [Fact]
    public void Figure_rejects_a_null_chart()
    {
        Assert.Throws<ArgumentNullException>(() => new Figure(null!));
    }
}
