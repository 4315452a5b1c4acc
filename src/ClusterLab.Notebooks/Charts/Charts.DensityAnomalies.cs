namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// Anomaly detection by density (lesson 13): the mixture's ln p(x) as filled contours, the points in grey and the
    /// points flagged as anomalies as red crosses.
    /// </summary>
    /// <param name="x">Points, shape (n, 2).</param>
    /// <param name="p">A fitted 2-D mixture.</param>
    /// <param name="anomalies">Indices of the flagged points (distinct, in 0..n−1).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="resolution">Grid points per axis for the contours. Default 80. Range: 2 … 300.</param>
    /// <exception cref="ArgumentException">Points not 2-D, a mixture not 2-D, or an index out of range.</exception>
    public static Figure DensityAnomalies(double[][] x, MixtureParameters p, int[] anomalies,
        string title = "Anomalies: the points of lowest density", int resolution = 80)
    {
        ChartInput.Points2D(x, nameof(x));
        ChartInput.Mixture2D(p, nameof(p));
        ArgumentNullException.ThrowIfNull(anomalies);
        if (resolution is < 2 or > 300)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"resolution={resolution} should be in 2 … 300.");
        var flagged = new HashSet<int>();
        foreach (var i in anomalies)
            if (i < 0 || i >= x.Length || !flagged.Add(i))
                throw new ArgumentException($"anomalies holds {i}: indices should be distinct and in 0..{x.Length - 1}.", nameof(anomalies));
        var (xMin, xMax) = Numbers.PaddedRange(x.Select(r => r[0]));
        var (yMin, yMax) = Numbers.PaddedRange(x.Select(r => r[1]));
        var b = new PlotBuilder(title, "x₁", "x₂");
        AddLogDensityContour(b, p, (xMin, xMax), (yMin, yMax), resolution, depth: 10, levels: 12);
        var normal = Enumerable.Range(0, x.Length).Where(i => !flagged.Contains(i)).ToArray();
        b.Markers($"normal ({normal.Length})", normal.Select(i => x[i][0]), normal.Select(i => x[i][1]), "#1f77b4", 4);
        var m = b.Markers($"anomaly ({flagged.Count})", anomalies.Select(i => x[i][0]), anomalies.Select(i => x[i][1]), Palette.Color(0), 10, "x");
        ((Props)m["marker"]!)["line"] = new Props { ["color"] = "black", ["width"] = 0.5 };
        WithRange((Props)b.Layout["xaxis"]!, xMin, xMax);
        WithRange((Props)b.Layout["yaxis"]!, yMin, yMax);
        b.EqualAspect();
        return b.Build();
    }
}
