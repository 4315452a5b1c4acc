namespace ClusterLab.Notebooks;

/// <summary>
/// Chart builders: one static method per figure of the lecture, each returning a <see cref="Figure"/> that displays inline.
/// Every builder gives a title, axis labels and a legend, and colours cluster c with <see cref="Palette.Color"/>(c).
/// </summary>
public static partial class Charts
{
    /// <summary>Points coloured by cluster (one trace per cluster), with the centroids as big crosses (one more trace).</summary>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="labels">Cluster of every point, length nSamples, values ≥ 0.</param>
    /// <param name="centroids">Centroids, shape (k, 2), or null for none. Default null.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis. Default "x₁".</param>
    /// <param name="yLabel">Label of the vertical axis. Default "x₂".</param>
    public static Figure Clusters(double[][] x, int[] labels, double[][]? centroids = null, string title = "Clusters",
        string xLabel = "x₁", string yLabel = "x₂") => throw new NotImplementedException();
}
