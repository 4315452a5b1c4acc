using ClusterLab.Internal;
using static ClusterLab.Tests.KMeansTestData;

namespace ClusterLab.Tests;

public class KMeansTests
{
    public static TheoryData<string> FixtureNames()
    {
        var t = new TheoryData<string>();
        foreach (var c in Cases("kmeans.json")) t.Add(c.GetProperty("name").GetString()!);
        return t;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void MatchesScikitLearnFromGivenCentroids(string name)
    {
        var c = Cases("kmeans.json").Single(e => e.GetProperty("name").GetString() == name);
        var x = Matrix(c.GetProperty("x"));
        var init = Matrix(c.GetProperty("init"));
        var km = new KMeans(init.Length) { InitialCentroids = init, MaxIter = c.GetProperty("max_iter").GetInt32(), Tol = c.GetProperty("tol").GetDouble() };
        var m = km.Fit(x);
        Assert.Equal(Ints(c.GetProperty("labels")), m.Labels);
        var expected = Matrix(c.GetProperty("centroids"));
        for (int j = 0; j < expected.Length; j++)
            for (int f = 0; f < expected[j].Length; f++)
                Close(expected[j][f], m.Centroids[j][f], 1e-9, $"centroid[{j}][{f}]");
        Close(c.GetProperty("inertia").GetDouble(), m.Inertia, 1e-9, "inertia");
        Assert.Equal(c.GetProperty("n_iter").GetInt32(), m.Iterations);
    }

    [Theory]
    [InlineData(KMeansInit.KMeansPlusPlus, 1)]
    [InlineData(KMeansInit.KMeansPlusPlus, 2)]
    [InlineData(KMeansInit.Random, 3)]
    [InlineData(KMeansInit.Random, 4)]
    public void InertiaNeverRisesOverLloydIterations(KMeansInit init, int seed)
    {
        var x = Blobs(600, 3, 6, 2.5, seed);
        var m = new KMeans(6) { Init = init, Seed = seed, Tol = 0 }.Fit(x);
        Assert.Equal(m.Iterations, m.History.Count);
        Assert.True(m.History.Count >= 2);
        for (int t = 1; t < m.History.Count; t++)
            Assert.True(m.History[t].Inertia <= m.History[t - 1].Inertia * (1 + 1e-12), $"iteration {t}: {m.History[t].Inertia} > {m.History[t - 1].Inertia}");
        Assert.True(m.Inertia <= m.History[^1].Inertia * (1 + 1e-12));
    }

    [Fact]
    public void HistoryEntriesAreConsistent()
    {
        var x = Blobs(300, 2, 4, 2.0, 7);
        var m = new KMeans(4) { Seed = 7 }.Fit(x);
        foreach (var h in m.History)
        {
            Close(ReferenceInertia(x, h.Centroids, h.Labels), h.Inertia, 1e-12, "history inertia");
            // Centroids after the move are the means of the assignment's points.
            var means = Means(x, h.Labels, 4, h.Centroids);
            for (int j = 0; j < 4; j++)
                for (int f = 0; f < 2; f++) Close(means[j][f], h.Centroids[j][f], 1e-12, "history centroid");
        }
        Assert.Equal(m.Labels, m.History[^1].Labels);
    }

    [Theory]
    [InlineData(2000, 2, 5, 11)]
    [InlineData(1500, 16, 12, 12)]
    [InlineData(700, 7, 3, 13)]
    public void MatchesScalarReferenceLloyd(int n, int d, int k, int seed)
    {
        var x = Blobs(n, d, k, 3.0, seed);
        var init = x.Take(k).Select(r => (double[])r.Clone()).ToArray();
        var m = new KMeans(k) { InitialCentroids = init, Tol = 0, MaxIter = 500 }.Fit(x);
        var (refCenters, refLabels) = ReferenceLloyd(x, init, 500);
        var map = CanonicalLabels.Map(refLabels, k);
        Assert.Equal(CanonicalLabels.Apply(refLabels, map), m.Labels);
        for (int j = 0; j < k; j++)
            for (int f = 0; f < d; f++) Close(refCenters[j][f], m.Centroids[map[j]][f], 1e-9, $"centroid[{j}][{f}]");
        Close(ReferenceInertia(x, m.Centroids, m.Labels), m.Inertia, 1e-12, "inertia");
    }

    [Fact]
    public void LabelsAreCanonicalAndMatchPredict()
    {
        var x = Blobs(500, 2, 5, 1.0, 21);
        var m = new KMeans(5) { Seed = 3, NInit = 3 }.Fit(x);
        int next = 0;
        var seen = new HashSet<int>();
        foreach (var l in m.Labels)
            if (seen.Add(l)) Assert.Equal(next++, l);
        Assert.Equal(m.Labels, m.Predict(x));
        var dist = m.Transform(x);
        for (int i = 0; i < x.Length; i++)
            for (int j = 0; j < 5; j++)
                Close(Math.Sqrt(x[i].Zip(m.Centroids[j], (a, b) => (a - b) * (a - b)).Sum()), dist[i][j], 1e-12, "transform");
        Close(x.Select((r, i) => dist[i][m.Labels[i]] * dist[i][m.Labels[i]]).Sum(), m.Inertia, 1e-10, "inertia from Transform");
    }

    [Fact]
    public void RestartsKeepTheLowestInertia()
    {
        var x = Blobs(400, 2, 8, 2.0, 5);
        for (int seed = 0; seed < 5; seed++)
        {
            var one = new KMeans(8) { Seed = seed, Init = KMeansInit.Random }.Fit(x);
            var ten = new KMeans(8) { Seed = seed, Init = KMeansInit.Random, NInit = 10 }.Fit(x);
            Assert.True(ten.Inertia <= one.Inertia, $"seed {seed}: NInit=10 gave {ten.Inertia} > first run {one.Inertia}");
        }
    }

    [Fact]
    public void SameSeedSameResult()
    {
        var x = Blobs(800, 3, 4, 2.0, 9);
        var a = new KMeans(4) { Seed = 42, NInit = 3 }.Fit(x);
        var b = new KMeans(4) { Seed = 42, NInit = 3 }.Fit(x);
        BitEqual(a.Centroids, b.Centroids, "centroids");
        Assert.Equal(a.Labels, b.Labels);
    }

    [Fact]
    public void KMeansPlusPlusFindsSeparatedBlobs()
    {
        // Five tight blobs far apart: D² sampling with local trials puts one seed in each.
        var x = Blobs(500, 2, 5, 0.05, 31, spread: 100);
        for (int seed = 0; seed < 5; seed++)
        {
            var m = new KMeans(5) { Seed = seed, MaxIter = 1 }.Fit(x);
            Assert.Equal(5, m.Labels.Distinct().Count());
            Assert.True(m.Inertia < 500 * 2 * 0.05 * 0.05 * 2, $"seed {seed}: inertia {m.Inertia}");
        }
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(8, 4)]
    [InlineData(20, 4)]
    [InlineData(21, 5)]
    [InlineData(64, 6)]
    public void GreedyKMeansPlusPlusTriesTwoPlusFloorLnKCandidates(int k, int trials) =>
        Assert.Equal(trials, KMeansSeeding.LocalTrials(k));

    [Fact]
    public void RandomInitDrawsDistinctRows()
    {
        var x = RowMatrix.FromJagged(Enumerable.Range(0, 10).Select(i => new double[] { i }).ToArray());
        for (int seed = 0; seed < 20; seed++)
        {
            var c = KMeansSeeding.RandomRows(x, 10, new Random(seed));
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), c.Order());
        }
    }

    [Fact]
    public void KMeansPlusPlusUsesOnlyDistinctPoints()
    {
        // Many duplicates of few points: every seed must be a different point.
        var x = RowMatrix.FromJagged(Enumerable.Range(0, 400).Select(i => new double[] { i % 4, (i % 4) * 2 }).ToArray());
        for (int seed = 0; seed < 20; seed++)
        {
            var c = KMeansSeeding.PlusPlus(x, 4, new Random(seed));
            Assert.Equal(4, Enumerable.Range(0, 4).Select(j => (c[2 * j], c[2 * j + 1])).Distinct().Count());
        }
    }

    [Fact]
    public void NearestCentroidKernelMatchesScalarAndExactArgmin()
    {
        var rng = new Random(1);
        foreach (var (k, d) in new[] { (1, 1), (3, 2), (8, 2), (64, 16), (13, 5), (30, 2), (5, 17) })
        {
            var centers = Enumerable.Range(0, k * d).Select(_ => rng.NextDouble() * 10 - 5).ToArray();
            var kernel = new NearestCentroid(k, d);
            kernel.Prepare(centers);
            for (int t = 0; t < 500; t++)
            {
                var x = Enumerable.Range(0, d).Select(_ => rng.NextDouble() * 12 - 6).ToArray();
                int v = kernel.Nearest(x);
                Assert.Equal(kernel.NearestScalar(x), v);
                var exact = Enumerable.Range(0, k).Select(j => SquaredDistance.Scalar(x, centers.AsSpan(j * d, d))).ToArray();
                Assert.True(exact[v] <= exact.Min() + 1e-9, $"k={k} d={d}: picked {exact[v]} but min is {exact.Min()}");
            }
            // A tile of four points gives the labels of one point at a time.
            var rows = Enumerable.Range(0, 4 * 37 * d).Select(_ => rng.NextDouble() * 12 - 6).ToArray();
            var labels = new int[4 * 37];
            kernel.AssignRows(rows, 3, labels.Length, labels.AsSpan(3));
            for (int i = 3; i < labels.Length; i++) Assert.Equal(kernel.Nearest(rows.AsSpan(i * d, d)), labels[i]);
        }
    }

    [Fact]
    public void TiesGoToTheLowestCentroid()
    {
        var kernel = new NearestCentroid(6, 1);
        kernel.Prepare([5, -1, 1, 7, -1, 1]);
        Assert.Equal(1, kernel.Nearest([-1.0]));
        Assert.Equal(2, kernel.Nearest([1.0]));
        Assert.Equal(1, kernel.Nearest([0.0]));
        var four = new int[4];
        kernel.AssignRows([-1.0, 1.0, 0.0, 6.0], 0, 4, four);
        Assert.Equal([1, 2, 1, 0], four);   // 6 is as far from 5 as from 7: the lower id wins
    }

    [Fact]
    public void KOfOneGivesTheMean()
    {
        var x = Blobs(100, 3, 2, 1.0, 4);
        var m = new KMeans(1).Fit(x);
        for (int f = 0; f < 3; f++) Close(x.Average(r => r[f]), m.Centroids[0][f], 1e-12, "mean");
        Assert.All(m.Labels, l => Assert.Equal(0, l));
    }

    [Fact]
    public void KEqualsNPutsEveryPointAlone()
    {
        var x = new[] { new[] { 0.0, 0 }, new[] { 1.0, 0 }, new[] { 0.0, 3 }, new[] { 5.0, 5 } };
        var m = new KMeans(4) { Seed = 1 }.Fit(x);
        Assert.Equal([0, 1, 2, 3], m.Labels);
        Assert.Equal(0, m.Inertia, 12);
    }

    // ---- scalar reference ----

    internal static double ReferenceInertia(double[][] x, double[][] c, int[] labels)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
            for (int f = 0; f < x[i].Length; f++) { double t = x[i][f] - c[labels[i]][f]; s += t * t; }
        return s;
    }

    private static double[][] Means(double[][] x, int[] labels, int k, double[][] fallback)
    {
        int d = x[0].Length;
        var sums = new double[k][];
        var counts = new int[k];
        for (int j = 0; j < k; j++) sums[j] = new double[d];
        for (int i = 0; i < x.Length; i++) { counts[labels[i]]++; for (int f = 0; f < d; f++) sums[labels[i]][f] += x[i][f]; }
        return sums.Select((s, j) => counts[j] == 0 ? fallback[j] : s.Select(v => v / counts[j]).ToArray()).ToArray();
    }

    /// <summary>Textbook Lloyd with exact distances, stopping when the labels stop changing (no empty clusters expected).</summary>
    private static (double[][] Centers, int[] Labels) ReferenceLloyd(double[][] x, double[][] init, int maxIter)
    {
        int k = init.Length;
        var c = init.Select(r => (double[])r.Clone()).ToArray();
        var labels = Enumerable.Repeat(-1, x.Length).ToArray();
        for (int it = 0; it < maxIter; it++)
        {
            bool changed = false;
            for (int i = 0; i < x.Length; i++)
            {
                int best = 0; double bd = double.PositiveInfinity;
                for (int j = 0; j < k; j++)
                {
                    double dd = 0;
                    for (int f = 0; f < x[i].Length; f++) { double t = x[i][f] - c[j][f]; dd += t * t; }
                    if (dd < bd) { bd = dd; best = j; }
                }
                if (labels[i] != best) { labels[i] = best; changed = true; }
            }
            if (!changed) break;
            c = Means(x, labels, k, c);
        }
        return (c, labels);
    }
}
