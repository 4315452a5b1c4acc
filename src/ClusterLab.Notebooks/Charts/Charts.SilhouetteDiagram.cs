namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// Silhouette diagram (Géron Fig 9-10): per cluster, its coefficients sorted and drawn as a filled horizontal knife,
    /// and the silhouette score (their mean) as a dashed vertical line.
    /// </summary>
    /// <param name="silhouetteSamples">Silhouette coefficient of every point, length nSamples, in [−1, 1].</param>
    /// <param name="labels">Cluster of every point, length nSamples, values ≥ 0.</param>
    /// <param name="title">Chart title.</param>
    public static Figure SilhouetteDiagram(double[] silhouetteSamples, int[] labels, string title = "Silhouette diagram")
        => throw new NotImplementedException();

    /// <summary>Silhouette diagram of a clustering: computes <see cref="Silhouette.Samples"/>(x, labels) and draws it.</summary>
    /// <param name="x">Points, shape (nSamples, nFeatures).</param>
    /// <param name="labels">Cluster of every point, length nSamples, values ≥ 0.</param>
    /// <param name="title">Chart title.</param>
    public static Figure SilhouetteDiagram(double[][] x, int[] labels, string title = "Silhouette diagram")
        => SilhouetteDiagram(Silhouette.Samples(x, labels), labels, title);
}
