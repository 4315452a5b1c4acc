namespace ClusterLab.Internal;

/// <summary>
/// The data reordered so that every cluster is a contiguous range of points, stored feature-major
/// (<c>Columns[f * N + p]</c>) so that distances from one point to a run of points vectorise. O(n·d) memory.
/// </summary>
internal sealed class ClusterSortedColumns
{
    public required int N { get; init; }
    public required int D { get; init; }
    public required int K { get; init; }
    /// <summary>Feature-major values of the sorted points.</summary>
    public required double[] Columns { get; init; }
    /// <summary>Cluster j holds sorted points Start[j] … Start[j+1]−1; length k + 1.</summary>
    public required int[] Start { get; init; }
    /// <summary>Cluster of every sorted point.</summary>
    public required int[] Cluster { get; init; }
    /// <summary>Original row index of every sorted point.</summary>
    public required int[] Original { get; init; }

    /// <summary>Stable counting sort of the rows of <paramref name="x"/> by <paramref name="ids"/> (values 0 … k−1).</summary>
    public static ClusterSortedColumns Build(double[][] x, int[] ids, int k)
    {
        int n = x.Length, d = x[0].Length;
        var start = new int[k + 1];
        foreach (int j in ids) start[j + 1]++;
        for (int j = 0; j < k; j++) start[j + 1] += start[j];
        var next = (int[])start.Clone();
        var original = new int[n];
        var cluster = new int[n];
        var cols = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            int p = next[ids[i]]++;
            original[p] = i; cluster[p] = ids[i];
            for (int f = 0; f < d; f++) cols[f * n + p] = x[i][f];
        }
        return new ClusterSortedColumns { N = n, D = d, K = k, Columns = cols, Start = start, Cluster = cluster, Original = original };
    }
}
