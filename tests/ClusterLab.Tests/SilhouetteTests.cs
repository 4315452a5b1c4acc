using ClusterLab.Internal;
using static ClusterLab.Tests.KMeansTestData;

namespace ClusterLab.Tests;

public class SilhouetteTests
{
    public static TheoryData<string> FixtureNames()
    {
        var t = new TheoryData<string>();
        foreach (var c in Cases("silhouette.json")) t.Add(c.GetProperty("name").GetString()!);
        return t;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void MatchesScikitLearnSamples(string name)
    {
        var c = Cases("silhouette.json").Single(e => e.GetProperty("name").GetString() == name);
        var x = Matrix(c.GetProperty("x"));
        var labels = Ints(c.GetProperty("labels"));
        var expected = Doubles(c.GetProperty("samples"));
        var s = Silhouette.Samples(x, labels);
        Assert.Equal(expected.Length, s.Length);
        for (int i = 0; i < s.Length; i++) Assert.True(Math.Abs(expected[i] - s[i]) <= 1e-12, $"sample {i}: expected {expected[i]:R}, got {s[i]:R}");
        Assert.True(Math.Abs(expected.Average() - Silhouette.Score(x, labels)) <= 1e-12);
    }

    [Fact]
    public void ScikitLearnDocumentationCase()
    {
        var s = Silhouette.Samples([[0.0], [0.1], [1.0]], [0, 0, 1]);
        Assert.Equal(0.9, s[0], 12);            // a = 0.1, b = 1
        Assert.Equal(8.0 / 9.0, s[1], 12);      // a = 0.1, b = 0.9
        Assert.Equal(0.0, s[2]);                // alone in its cluster
    }

    [Theory]
    [InlineData(300, 2, 3, 1)]
    [InlineData(257, 9, 5, 2)]
    [InlineData(50, 1, 7, 3)]
    public void MatchesQuadraticReference(int n, int d, int k, int seed)
    {
        var x = Blobs(n, d, k, 2.0, seed);
        var rng = new Random(seed);
        var labels = x.Select((_, i) => i < k ? i : rng.Next(k)).ToArray();
        var s = Silhouette.Samples(x, labels);
        var r = Reference(x, labels);
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(r[i] - s[i]) <= 1e-12, $"sample {i}: {r[i]:R} vs {s[i]:R}");
    }

    [Fact]
    public void DistanceSumKernelMatchesScalar()
    {
        var rng = new Random(4);
        int n = 103;
        foreach (int d in new[] { 1, 2, 5, 16 })
        {
            var cols = Enumerable.Range(0, n * d).Select(_ => rng.NextDouble()).ToArray();
            var x = Enumerable.Range(0, d).Select(_ => rng.NextDouble()).ToArray();
            foreach (var (s, e) in new[] { (0, n), (3, 4), (5, 11), (17, 100), (9, 9) })
            {
                double a = DistanceSums.Range(cols, n, x, s, e), b = DistanceSums.RangeScalar(cols, n, x, s, e);
                Assert.True(Math.Abs(a - b) <= 1e-13 * Math.Max(1, b), $"d={d} [{s},{e}): {a} vs {b}");
            }
        }
    }

    /// <summary>Textbook O(n²) silhouette with exact distances.</summary>
    private static double[] Reference(double[][] x, int[] labels)
    {
        int n = x.Length;
        var ids = labels.Distinct().ToArray();
        var s = new double[n];
        for (int i = 0; i < n; i++)
        {
            var sum = ids.ToDictionary(l => l, _ => 0.0);
            var count = ids.ToDictionary(l => l, _ => 0);
            for (int j = 0; j < n; j++)
            {
                sum[labels[j]] += Math.Sqrt(x[i].Zip(x[j], (u, v) => (u - v) * (u - v)).Sum());
                count[labels[j]]++;
            }
            int own = labels[i];
            if (count[own] == 1) { s[i] = 0; continue; }
            double a = sum[own] / (count[own] - 1);
            double b = ids.Where(l => l != own).Min(l => sum[l] / count[l]);
            s[i] = (b - a) / Math.Max(a, b);
        }
        return s;
    }
}
