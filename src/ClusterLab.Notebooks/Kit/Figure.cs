using Plotly.NET;

namespace ClusterLab.Notebooks;

/// <summary>
/// A chart ready to display: wraps a Plotly.NET <see cref="GenericChart"/> so that notebook cells need no Plotly reference.
/// In a notebook it renders inline (offline: plotly.js comes from <see cref="Kit.Setup"/>, never a CDN);
/// elsewhere <see cref="SaveHtml"/> writes a self-contained page.
/// </summary>
[TypeFormatterSource(typeof(KitFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class Figure
{
    /// <summary>Wraps <paramref name="chart"/>.</summary>
    public Figure(GenericChart chart) => Chart = chart ?? throw new ArgumentNullException(nameof(chart));

    /// <summary>The underlying Plotly.NET chart, for customisation (after the setup cell, Plotly.NET needs no <c>#r</c>).</summary>
    public GenericChart Chart { get; }

    /// <summary>The chart as plotly.js JSON: <c>{"data":[…],"layout":{…},"config":{…}}</c>.</summary>
    public string ToJson() => GenericChart.toJson(Chart);

    /// <summary>An HTML fragment (a div and a script) that draws the chart with an already-loaded plotly.js.</summary>
    /// <remarks>If <c>window.Plotly</c> is missing the script waits up to 10 s, then shows "run the setup cell".</remarks>
    public string ToHtmlFragment() => FigureHtml.Fragment(ToJson());

    /// <summary>A whole HTML page with plotly.js embedded: works offline.</summary>
    public string ToStandaloneHtml() => FigureHtml.Page([ToHtmlFragment()]);

    /// <summary>Writes <see cref="ToStandaloneHtml()"/> to <paramref name="path"/> (creating its folder) and returns the full path.</summary>
    public string SaveHtml(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, ToStandaloneHtml());
        return full;
    }

    /// <summary>A standalone page (plotly.js embedded once) showing <paramref name="figures"/> one below the other.</summary>
    public static string ToStandaloneHtml(IEnumerable<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return FigureHtml.Page(figures.Select(f => f.ToHtmlFragment()));
    }

    /// <inheritdoc/>
    public override string ToString() => $"Figure ({GenericChart.countTrace(Chart)} traces)";
}
