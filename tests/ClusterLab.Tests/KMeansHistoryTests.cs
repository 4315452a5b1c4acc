using ClusterLab.Internal;
using static ClusterLab.Tests.KMeansTestData;

namespace ClusterLab.Tests;

/// <summary>
/// K-means history that costs nothing until read: a fit keeps k·d numbers per iteration, and the labels it recomputes on
/// access are the ones a scalar Lloyd produces iteration by iteration (what the old eager history stored). Runs in the
/// "Parallelism" collection because it measures this thread's allocations with one thread.
/// </summary>
[Collection("Parallelism")]
public sealed class KMeansHistoryTests
{
    [Theory]
    [InlineData(3000, 2, 6, 3.0, 1)]    // points in SIMD lanes (feature-major copy)
    [InlineData(1200, 16, 30, 4.0, 2)]  // centroids in SIMD lanes (rows)
    public void Recomputed_labels_are_those_of_a_scalar_Lloyd(int n, int d, int k, double sd, int seed)
    {
        var x = Blobs(n, d, k, sd, seed);
        var init = x.Take(k).Select(r => (double[])r.Clone()).ToArray();
        var m = new KMeans(k) { InitialCentroids = init, Tol = 0, MaxIter = 300 }.Fit(x);
        AssertHistoryMatchesReference(x, init, m);
    }

    [Fact]
    public void Recomputed_labels_include_the_points_moved_to_empty_clusters()
    {
        var x = Blobs(900, 2, 3, 1.0, 4);
        // The third centroid is far from every point: iteration 1 leaves it empty, and the farthest point is moved to it.
        double[][] init = [(double[])x[0].Clone(), (double[])x[1].Clone(), [1e4, 1e4]];
        var m = new KMeans(3) { InitialCentroids = init, Tol = 0, MaxIter = 100 }.Fit(x);
        var reference = ReferenceHistory(x, init, 100);
        Assert.NotNull(reference[0].Relocated);
        AssertHistoryMatchesReference(x, init, m);
    }

    [Fact]
    public void A_default_fit_keeps_no_n_sized_array_per_iteration_until_the_labels_are_read()
    {
        const int n = 100_000, k = 25, iterations = 30;
        var rng = new Random(3);
        var x = Enumerable.Range(0, n).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray();
        var init = x.Take(k).Select(r => (double[])r.Clone()).ToArray();
        KMeansModel Fit(bool history) => new KMeans(k) { InitialCentroids = init, Tol = 0, MaxIter = iterations, KeepHistory = history }.Fit(x);
        int saved = Parallelism.MaxThreads;
        Parallelism.MaxThreads = 1;   // all work, and all allocation, on this thread
        try
        {
            Fit(true); Fit(false);    // warm-up (JIT)
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            Fit(false);
            long a1 = GC.GetAllocatedBytesForCurrentThread();
            var m = Fit(true);
            long a2 = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(iterations, m.History.Count);   // uniform data, k = 25: far from converged after 30 iterations
            long historyBytes = (a2 - a1) - (a1 - a0);
            // O(iterations·k·d): centroids (twice: centred and in the data's frame), array headers, the entry objects.
            long bound = iterations * (2L * k * (2 * sizeof(double) + 32) + 512);
            Assert.True(historyBytes <= bound, $"the history allocated {historyBytes} bytes, more than {bound} = O(iterations·k·d); one label vector is {n * sizeof(int)} bytes");
            long b0 = GC.GetAllocatedBytesForCurrentThread();
            var labels = m.History[5].Labels;
            long b1 = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(n, labels.Length);
            Assert.True(b1 - b0 >= n * sizeof(int), "reading the labels recomputes them into a new array");
        }
        finally { Parallelism.MaxThreads = saved; }
    }

    [Fact]
    public void Reading_labels_gives_a_fresh_array_each_time()
    {
        var x = Blobs(400, 2, 3, 1.0, 6);
        var m = new KMeans(3) { Seed = 1 }.Fit(x);
        var first = m.History[0].Labels;
        first[0] = 99;
        Assert.NotEqual(99, m.History[0].Labels[0]);
        Assert.NotSame(m.History[0].Labels, m.History[0].Labels);
    }

    private static void AssertHistoryMatchesReference(double[][] x, double[][] init, KMeansModel m)
    {
        var reference = ReferenceHistory(x, init, 300);
        Assert.Equal(reference.Count, m.History.Count);
        // The model numbers clusters canonically; find the renumbering from the last centroids, then compare every iteration exactly.
        int k = init.Length;
        var last = m.History[^1].Centroids;
        var perm = new int[k];
        for (int j = 0; j < k; j++)
            perm[j] = Enumerable.Range(0, k).MinBy(c => last[c].Zip(reference[^1].Centroids[j], (a, b) => (a - b) * (a - b)).Sum());
        Assert.Equal(k, perm.Distinct().Count());
        for (int t = 0; t < reference.Count; t++)
        {
            Assert.Equal(reference[t].Labels.Select(l => perm[l]), m.History[t].Labels);
            var c = m.History[t].Centroids;
            for (int j = 0; j < k; j++)
                for (int f = 0; f < c[0].Length; f++) Close(reference[t].Centroids[j][f], c[perm[j]][f], 1e-9, $"iteration {t} centroid {j}");
        }
    }

    private sealed record Step(int[] Labels, double[][] Centroids, int[]? Relocated);

    /// <summary>
    /// Scalar Lloyd as scikit-learn's <c>_kmeans_single_lloyd</c> with tol = 0, recording every iteration as the old eager
    /// history did: the labels of the assignment to the previous centroids (after empty clusters took the points farthest
    /// from their centroid, largest first, ties by lower index) and the centroids after the move.
    /// </summary>
    private static List<Step> ReferenceHistory(double[][] x, double[][] init, int maxIter)
    {
        int n = x.Length, d = x[0].Length, k = init.Length;
        var c = init.Select(r => (double[])r.Clone()).ToArray();
        var labels = Enumerable.Repeat(-1, n).ToArray();
        var steps = new List<Step>();
        for (int it = 0; it < maxIter; it++)
        {
            var fresh = new int[n];
            var dist = new double[n];
            for (int i = 0; i < n; i++)
            {
                double best = double.PositiveInfinity;
                for (int j = 0; j < k; j++)
                {
                    double s = 0;
                    for (int f = 0; f < d; f++) { double u = x[i][f] - c[j][f]; s += u * u; }
                    if (s < best) { best = s; fresh[i] = j; }
                }
                dist[i] = best;
            }
            bool changed = !fresh.SequenceEqual(labels);
            labels = fresh;
            var counts = new int[k];
            foreach (int l in labels) counts[l]++;
            var empty = Enumerable.Range(0, k).Where(j => counts[j] == 0).ToArray();
            int[]? moved = null;
            if (empty.Length > 0)
            {
                var order = Enumerable.Range(0, n).OrderByDescending(i => dist[i]).ThenBy(i => i).ToArray();
                moved = new int[empty.Length];
                for (int e = 0; e < empty.Length; e++) { labels[order[e]] = empty[e]; moved[e] = order[e]; }
            }
            var next = new double[k][];
            for (int j = 0; j < k; j++)
            {
                var members = Enumerable.Range(0, n).Where(i => labels[i] == j).ToArray();
                next[j] = members.Length == 0 ? (double[])c[j].Clone()
                    : Enumerable.Range(0, d).Select(f => members.Sum(i => x[i][f]) / members.Length).ToArray();
            }
            double shift = 0;
            for (int j = 0; j < k; j++) for (int f = 0; f < d; f++) { double u = next[j][f] - c[j][f]; shift += u * u; }
            c = next;
            steps.Add(new Step((int[])labels.Clone(), c.Select(r => (double[])r.Clone()).ToArray(), moved));
            if (!changed || shift <= 0) break;
        }
        return steps;
    }
}
