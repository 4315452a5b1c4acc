using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// Silhouette coefficients s = (b − a) / max(a, b): a is the mean distance to the other points of the same cluster,
/// b the mean distance to the points of the nearest other cluster. Memory O(n·k), never an n × n matrix.
/// </summary>
public static class Silhouette
{
    private const int BlockRows = 64;

    /// <summary>Silhouette coefficient of every sample; 0 for a point alone in its cluster.</summary>
    /// <param name="x">Data, shape (nSamples, nFeatures).</param>
    /// <param name="labels">Cluster of every point, length nSamples; any integer ids.</param>
    /// <returns>s_i ∈ [−1, 1], length nSamples.</returns>
    /// <exception cref="ArgumentException">Fewer than 2 or more than n − 1 distinct labels, or bad data.</exception>
    /// <exception cref="InvalidOperationException">The data are too large in magnitude: distances overflow double precision.</exception>
    public static double[] Samples(double[][] x, int[] labels)
    {
        var (n, d) = Validate.Data(x);
        Validate.Labels(labels, n);
        var (ids, k) = DenseIds(labels);
        if (k < 2 || k > n - 1)
            throw new ArgumentException($"Number of labels is {k}. Valid values are 2 to nSamples - 1 = {n - 1} (inclusive): the silhouette needs at least two clusters and at least one cluster with two points.", nameof(labels));
        var sorted = ClusterSortedColumns.Build(x, ids, k);
        var s = new double[n];
        Parallelism.For(Parallelism.BlockCount(n, BlockRows), b => SampleBlock(sorted, b, s));
        foreach (var v in s) Validate.FiniteResult(v, "silhouette coefficient");
        return s;
    }

    /// <summary>Silhouette score: the mean of <see cref="Samples"/>.</summary>
    /// <exception cref="ArgumentException">As <see cref="Samples"/>.</exception>
    public static double Score(double[][] x, int[] labels)
    {
        var s = Samples(x, labels);
        double sum = 0;
        foreach (var v in s) sum += v;
        return sum / s.Length;
    }

    /// <summary>Coefficients of the points in block <paramref name="b"/> (in sorted order), written to their original index.</summary>
    private static void SampleBlock(ClusterSortedColumns c, int b, double[] s)
    {
        int k = c.K, d = c.D;
        Span<double> xi = d <= 64 ? stackalloc double[d] : new double[d];
        Span<double> sums = k <= 64 ? stackalloc double[k] : new double[k];
        int start = b * BlockRows, end = Math.Min(c.N, start + BlockRows);
        for (int p = start; p < end; p++)
        {
            for (int f = 0; f < d; f++) xi[f] = c.Columns[f * c.N + p];
            for (int j = 0; j < k; j++) sums[j] = DistanceSums.Range(c.Columns, c.N, xi, c.Start[j], c.Start[j + 1]);
            int own = c.Cluster[p], size = c.Start[own + 1] - c.Start[own];
            s[c.Original[p]] = Coefficient(sums, own, size, c.Start);
        }
    }

    /// <summary>s = (b − a) / max(a, b), with a the mean distance within the own cluster and b the lowest mean distance to another cluster; 0 for a singleton.</summary>
    private static double Coefficient(ReadOnlySpan<double> sums, int own, int size, int[] start)
    {
        if (size == 1) return 0;                        // scikit-learn: a point alone in its cluster scores 0
        double a = sums[own] / (size - 1);              // mean intra-cluster distance (the point itself adds 0)
        double b = double.PositiveInfinity;
        for (int j = 0; j < sums.Length; j++)
            if (j != own) b = Math.Min(b, sums[j] / (start[j + 1] - start[j]));   // mean nearest-cluster distance
        double m = Math.Max(a, b);
        return m == 0 ? 0 : (b - a) / m;                // (b − a) / max(a, b)
    }

    /// <summary>Maps arbitrary label values to 0 … k−1 in increasing value order.</summary>
    private static (int[] Ids, int K) DenseIds(int[] labels)
    {
        var values = labels.Distinct().Order().ToArray();
        var index = new Dictionary<int, int>(values.Length);
        for (int j = 0; j < values.Length; j++) index[values[j]] = j;
        var ids = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++) ids[i] = index[labels[i]];
        return (ids, values.Length);
    }
}
