using Plotly.NET;

namespace ClusterLab.Notebooks;

/// <summary>
/// A chart ready to display: wraps a Plotly.NET <see cref="GenericChart"/> so that notebook cells need no Plotly reference.
/// In a notebook it renders inline (offline: plotly.js comes from <see cref="Kit.Setup"/>, never a CDN);
/// elsewhere <see cref="SaveHtml"/> writes a self-contained page.
/// </summary>
public sealed class Figure
{
    /// <summary>Wraps <paramref name="chart"/>.</summary>
    public Figure(GenericChart chart) => Chart = chart;

    /// <summary>The underlying Plotly.NET chart, for customisation (needs <c>#r "Plotly.NET.dll"</c>).</summary>
    public GenericChart Chart { get; }

    /// <summary>An HTML fragment (a div and a script) that draws the chart with an already-loaded plotly.js.</summary>
    public string ToHtmlFragment() => throw new NotImplementedException();

    /// <summary>A whole HTML page with plotly.js embedded: works offline.</summary>
    public string ToStandaloneHtml() => throw new NotImplementedException();

    /// <summary>Writes <see cref="ToStandaloneHtml"/> to <paramref name="path"/> and returns the full path.</summary>
    public string SaveHtml(string path) => throw new NotImplementedException();
}
