namespace ClusterLab.Notebooks;

/// <summary>
/// Chart builders: one static method per figure of the lecture, each returning a <see cref="Figure"/> that displays inline.
/// Every builder gives a title, axis labels and a legend, and colours cluster c with <see cref="Palette.Color"/>(c).
/// </summary>
public static partial class Charts
{
    /// <summary>Points coloured by cluster (one trace per cluster), with the centroids as big crosses (one more trace).</summary>
    /// <param name="x">Points, shape (nSamples, ≥ 2); the first two features are plotted.</param>
    /// <param name="labels">Cluster of every point, length nSamples, values ≥ 0.</param>
    /// <param name="centroids">Centroids, shape (k, ≥ 2), or null for none. Default null.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis. Default "x₁".</param>
    /// <param name="yLabel">Label of the vertical axis. Default "x₂".</param>
    /// <exception cref="ArgumentException">Empty, ragged or non-finite points, labels of the wrong length or negative, bad centroids.</exception>
    public static Figure Clusters(double[][] x, int[] labels, double[][]? centroids = null, string title = "Clusters",
        string xLabel = "x₁", string yLabel = "x₂")
    {
        ChartInput.Points2D(x, nameof(x));
        ChartInput.Labels(labels, x.Length, nameof(labels));
        if (centroids is not null) ChartInput.Points2D(centroids, nameof(centroids));
        var b = new PlotBuilder(title, xLabel, yLabel);
        AddClusterPoints(b, x, labels);
        if (centroids is not null) AddCentroids(b, centroids);
        return b.Build();
    }

    /// <summary>One marker trace per distinct label, in ascending order, coloured by the palette.</summary>
    private static void AddClusterPoints(PlotBuilder b, double[][] x, int[] labels, string axis = "", bool showLegend = true, int size = 6)
    {
        foreach (var c in labels.Distinct().Order())
        {
            var idx = Enumerable.Range(0, x.Length).Where(i => labels[i] == c).ToArray();
            var t = b.Markers($"cluster {c}", idx.Select(i => x[i][0]), idx.Select(i => x[i][1]), Palette.Color(c), size, axis: axis);
            t["legendgroup"] = $"cluster {c}";
            t["showlegend"] = showLegend;
        }
    }

    /// <summary>The centroids as one trace of big crosses, cross c in the colour of cluster c with a black outline.</summary>
    private static Props AddCentroids(PlotBuilder b, double[][] centroids, string axis = "", bool showLegend = true, string name = "centroids")
    {
        var t = b.Markers(name, centroids.Select(c => c[0]), centroids.Select(c => c[1]), Enumerable.Range(0, centroids.Length).Select(Palette.Color).ToArray(), 16, "x", axis);
        ((Props)t["marker"]!)["line"] = new Props { ["color"] = "black", ["width"] = 1.5 };
        t["showlegend"] = showLegend;
        t["legendgroup"] = name;
        return t;
    }
}
