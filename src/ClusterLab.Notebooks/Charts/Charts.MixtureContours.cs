namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// Contours of the 2-D mixture's log-density ln p(x), p(x) = Σ_k π_k N(x | μ_k, Σ_k) (eq. 6), with the 1σ (solid) and 2σ
    /// (dashed) ellipses of every component (from the eigen-decomposition of Σ_k), its mean, and the points.
    /// </summary>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="p">Mixture parameters with <see cref="MixtureParameters.Dimension"/> = 2, every Σ_k positive definite.</param>
    /// <param name="labels">Component of every point to colour by, or null for grey points. Default null.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="resolution">Grid points per axis for the contours. Default 60. Range: 2 … 300.</param>
    /// <exception cref="ArgumentException">Bad points or labels, a mixture that is not 2-D, or a Σ_k that is not positive definite.</exception>
    public static Figure MixtureContours(double[][] x, MixtureParameters p, int[]? labels = null,
        string title = "Gaussian mixture: ln p(x) and 1σ/2σ ellipses", int resolution = 60)
    {
        ChartInput.Points2D(x, nameof(x));
        ChartInput.Mixture2D(p, nameof(p));
        if (labels is not null) ChartInput.Labels(labels, x.Length, nameof(labels));
        if (resolution is < 2 or > 300)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"resolution={resolution} should be in 2 … 300.");
        var ellipses = Enumerable.Range(0, p.K).Select(k => Gaussian2D.Ellipse(p.Means[k], p.Covariances[k], 2, k)).ToArray();
        var (xMin, xMax) = Numbers.PaddedRange(x.Select(r => r[0]).Concat(ellipses.SelectMany(e => e.X)));
        var (yMin, yMax) = Numbers.PaddedRange(x.Select(r => r[1]).Concat(ellipses.SelectMany(e => e.Y)));

        var b = new PlotBuilder(title, "x₁", "x₂");
        AddLogDensityContour(b, p, (xMin, xMax), (yMin, yMax), resolution, depth: 12, levels: 14);
        if (labels is null)
            b.Markers("points", x.Select(r => r[0]), x.Select(r => r[1]), "#444444", 5);
        else
            AddClusterPoints(b, x, labels, size: 5);
        AddComponents(b, p);
        WithRange((Props)b.Layout["xaxis"]!, xMin, xMax);
        WithRange((Props)b.Layout["yaxis"]!, yMin, yMax);
        b.EqualAspect();
        return b.Build();
    }

    /// <summary>
    /// Per component k, three traces in one legend group: the 1σ ellipse (solid), the 2σ ellipse (dashed) and the mean μ_k
    /// (the legend entry "component k (π = …)"). Returns the added traces.
    /// </summary>
    private static List<Props> AddComponents(PlotBuilder b, MixtureParameters p, string axis = "", bool showLegend = true)
    {
        var added = new List<Props>();
        for (var k = 0; k < p.K; k++)
        {
            var color = Palette.Color(k);
            var group = $"component {k}";
            foreach (var s in new[] { 1, 2 })
            {
                var (ex, ey) = Gaussian2D.Ellipse(p.Means[k], p.Covariances[k], s, k);
                var e = b.Lines($"component {k}: {s}σ", ex, ey, color, s == 1 ? 2.5 : 1.5, s == 1 ? "solid" : "dash", axis);
                e["legendgroup"] = group;
                e["showlegend"] = false;
                e["hoverinfo"] = "name";
                added.Add(e);
            }
            var m = b.Markers($"component {k} (π = {Numbers.Text(p.Weights[k], 3)})", [p.Means[k][0]], [p.Means[k][1]], color, 13, "diamond", axis);
            ((Props)m["marker"]!)["line"] = new Props { ["color"] = "black", ["width"] = 1.5 };
            m["legendgroup"] = group;
            m["showlegend"] = showLegend;
            added.Add(m);
        }
        return added;
    }
}
