namespace ClusterLab;

/// <summary>Renumbers clusters by the first appearance of their label in the data, so that "cluster 0" is the cluster of the first point.</summary>
internal static class CanonicalLabels
{
    /// <summary>
    /// The map old id → new id: ids in order of first appearance in <paramref name="labels"/>, then the ids that never
    /// appear, in their old order.
    /// </summary>
    public static int[] Map(int[] labels, int k)
    {
        var map = new int[k];
        Array.Fill(map, -1);
        int next = 0;
        foreach (int l in labels)
            if (map[l] < 0) { map[l] = next++; if (next == k) return map; }
        for (int j = 0; j < k; j++) if (map[j] < 0) map[j] = next++;
        return map;
    }

    /// <summary>New labels: <c>map[labels[i]]</c>.</summary>
    public static int[] Apply(int[] labels, int[] map)
    {
        var r = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++) r[i] = map[labels[i]];
        return r;
    }

    /// <summary>Centroids (k × d, row-major) reordered so that new cluster <c>map[j]</c> is old cluster j, shifted by <paramref name="offset"/>, as jagged rows.</summary>
    public static double[][] Reorder(double[] centers, int[] map, int d, ReadOnlySpan<double> offset)
    {
        int k = map.Length;
        var r = new double[k][];
        for (int j = 0; j < k; j++)
        {
            var row = new double[d];
            for (int f = 0; f < d; f++) row[f] = centers[j * d + f] + offset[f];
            r[map[j]] = row;
        }
        return r;
    }
}
