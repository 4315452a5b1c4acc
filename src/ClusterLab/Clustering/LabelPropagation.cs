namespace ClusterLab;

/// <summary>
/// Semi-supervised labelling with K-means (lesson 12, after Géron ch. 9): label only the image closest to each
/// centroid, then give its label to its cluster, or to the part of the cluster closest to the centroid.
/// </summary>
public static class LabelPropagation
{
    /// <summary>For every cluster c, the row i with the smallest distance d[i][c] (the first on ties), length k.</summary>
    /// <param name="distances">Distances from every point to every centroid, shape (n, k), as <see cref="KMeansModel.Transform"/> returns.</param>
    public static int[] Representatives(double[][] distances)
    {
        var (n, k) = Internal.Validate.Data(distances, nameof(distances));
        var best = new int[k];
        for (var c = 0; c < k; c++)
            for (var i = 1; i < n; i++)
                if (distances[i][c] < distances[best[c]][c]) best[c] = i;
        return best;
    }

    /// <summary>Every point gets the label of its cluster's representative: result[i] = representativeLabels[clusters[i]].</summary>
    /// <param name="clusters">Cluster of every point, values in 0..k−1.</param>
    /// <param name="representativeLabels">The label given to each cluster's representative, length k.</param>
    public static int[] Propagate(int[] clusters, int[] representativeLabels)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(representativeLabels);
        return clusters.Select((c, i) => c >= 0 && c < representativeLabels.Length ? representativeLabels[c]
            : throw new ArgumentOutOfRangeException(nameof(clusters), $"clusters[{i}]={c} should be in 0..{representativeLabels.Length - 1}.")).ToArray();
    }

    /// <summary>
    /// The points that lie closest to their own centroid: in each cluster of m points the ⌈fraction·m⌉ with the smallest
    /// distances[i][clusters[i]] (ties by index); indices ascending.
    /// </summary>
    /// <param name="distances">Distances to every centroid, shape (n, k).</param>
    /// <param name="clusters">Cluster of every point, length n.</param>
    /// <param name="fraction">Share of each cluster kept. Range: 0 &lt; fraction ≤ 1.</param>
    public static int[] ClosestFraction(double[][] distances, int[] clusters, double fraction)
    {
        var (n, k) = Internal.Validate.Data(distances, nameof(distances));
        ArgumentNullException.ThrowIfNull(clusters);
        if (clusters.Length != n) throw new ArgumentException($"clusters has {clusters.Length} entries but distances has {n} rows.", nameof(clusters));
        if (!(fraction > 0 && fraction <= 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, $"fraction={fraction} should be in (0, 1].");
        var kept = new List<int>();
        for (var c = 0; c < k; c++)
        {
            var members = Enumerable.Range(0, n).Where(i => clusters[i] == c).OrderBy(i => distances[i][c]).ThenBy(i => i).ToArray();
            kept.AddRange(members.Take((int)Math.Ceiling(fraction * members.Length)));
        }
        kept.Sort();
        return kept.ToArray();
    }
}
