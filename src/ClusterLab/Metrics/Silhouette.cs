namespace ClusterLab;

/// <summary>
/// Silhouette coefficients s = (b − a) / max(a, b): a is the mean distance to the other points of the same cluster,
/// b the mean distance to the points of the nearest other cluster. Memory O(n·k), never an n × n matrix.
/// </summary>
public static class Silhouette
{
    /// <summary>Silhouette coefficient of every sample; 0 for a point alone in its cluster.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 or more than n − 1 distinct labels, or bad data.</exception>
    public static double[] Samples(double[][] x, int[] labels) => throw new NotImplementedException();

    /// <summary>Silhouette score: the mean of <see cref="Samples"/>.</summary>
    public static double Score(double[][] x, int[] labels) => throw new NotImplementedException();
}
