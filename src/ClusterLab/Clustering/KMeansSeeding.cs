using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// Initial centroids for K-means. Prior validation of the data is assumed (finite, at least k distinct rows).
/// Returns k × d centroids, row-major, in the frame of <c>x</c>.
/// </summary>
internal static class KMeansSeeding
{
    private const int BlockRows = 512;

    /// <summary>Chooses the initial centroids by <paramref name="init"/>.</summary>
    public static double[] Choose(RowMatrix x, int k, KMeansInit init, Random rng) => init switch
    {
        KMeansInit.KMeansPlusPlus => PlusPlus(x, k, rng),
        KMeansInit.Random => RandomRows(x, k, rng),
        _ => throw new ArgumentOutOfRangeException(nameof(init), init, $"init={init} is not a KMeansInit value: use KMeansInit.KMeansPlusPlus or KMeansInit.Random."),
    };

    /// <summary>k distinct rows (distinct indices) drawn uniformly: a partial Fisher–Yates shuffle.</summary>
    public static double[] RandomRows(RowMatrix x, int k, Random rng)
    {
        int n = x.Rows, d = x.Cols;
        var idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        var centers = new double[k * d];
        for (int j = 0; j < k; j++)
        {
            int r = j + rng.Next(n - j);
            (idx[j], idx[r]) = (idx[r], idx[j]);
            x.Row(idx[j]).CopyTo(centers.AsSpan(j * d, d));
        }
        return centers;
    }

    /// <summary>
    /// Greedy k-means++ (scikit-learn's <c>_kmeans_plusplus</c>): the first centroid is a uniform row; each next one is
    /// the best of 2 + ⌊ln k⌋ candidates drawn with probability ∝ D(x)², the squared distance to the closest chosen
    /// centroid, "best" meaning the lowest potential Σ_i min(D(x_i)², ‖x_i − candidate‖²).
    /// </summary>
    public static double[] PlusPlus(RowMatrix x, int k, Random rng)
    {
        int n = x.Rows, d = x.Cols, blocks = Parallelism.BlockCount(n, BlockRows);
        int trials = LocalTrials(k);
        var centers = new double[k * d];
        var closest = new double[n];
        var candDist = new double[trials * n];
        var partial = new double[trials * blocks];
        var cumsum = new double[n];
        var candidates = new int[trials];
        var candidateRows = new double[trials * d];
        var columns = x.FeatureMajor();

        int first = rng.Next(n);
        x.Row(first).CopyTo(centers.AsSpan(0, d));
        var c0 = x.Row(first).ToArray();
        var pot0 = new double[blocks];
        Parallelism.For(blocks, (long)BlockRows * d, b =>
        {
            int s = b * BlockRows, e = Math.Min(n, s + BlockRows);
            double acc = 0;
            for (int i = s; i < e; i++) { closest[i] = SquaredDistance.Compute(x.Data.AsSpan(i * d, d), c0); acc += closest[i]; }
            pot0[b] = acc;
        });
        double pot = 0;
        for (int b = 0; b < blocks; b++) pot += pot0[b];

        for (int c = 1; c < k; c++)
        {
            double run = 0;
            for (int i = 0; i < n; i++) { run += closest[i]; cumsum[i] = run; }
            for (int t = 0; t < trials; t++)
            {
                double r = (1.0 - rng.NextDouble()) * pot;            // in (0, pot]: never picks a point at distance 0
                int i0 = SearchLeft(cumsum, r);                        // first i with cumsum[i] ≥ r
                if (i0 >= n) { i0 = n - 1; while (i0 > 0 && closest[i0] == 0) i0--; } // r beyond the rounded total
                candidates[t] = i0;
            }
            for (int t = 0; t < trials; t++) x.Row(candidates[t]).CopyTo(candidateRows.AsSpan(t * d, d));
            Parallelism.For(blocks, (long)BlockRows * trials * d, b =>
            {
                int s = b * BlockRows, e = Math.Min(n, s + BlockRows);
                Span<double> acc = stackalloc double[trials];
                TrialDistances.Block(columns, n, d, candidateRows, closest, candDist, s, e, acc); // potential Σ_i min(D(x_i)², ‖x_i − c_t‖²)
                for (int t = 0; t < trials; t++) partial[t * blocks + b] = acc[t];
            });
            int best = 0; double bestPot = double.PositiveInfinity;
            for (int t = 0; t < trials; t++)
            {
                double p = 0;
                for (int b = 0; b < blocks; b++) p += partial[t * blocks + b];
                if (p < bestPot) { bestPot = p; best = t; }
            }
            pot = bestPot;
            candDist.AsSpan(best * n, n).CopyTo(closest);
            x.Row(candidates[best]).CopyTo(centers.AsSpan(c * d, d));
        }
        return centers;
    }

    /// <summary>Candidates tried for each new centroid: 2 + ⌊ln k⌋ (Arthur and Vassilvitskii; scikit-learn's default).</summary>
    public static int LocalTrials(int k) => 2 + (int)Math.Log(k);

    /// <summary>numpy's searchsorted(a, v, side="left") on a non-decreasing array.</summary>
    private static int SearchLeft(double[] a, double v)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
