using System.Text.Json;

namespace ClusterLab.Tests;

/// <summary>The scikit-learn fixtures of the mixture tests (Fixtures/mixture.json, made by make_mixture_fixtures.py) and shared checks.</summary>
internal static class MixtureTestData
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "mixture.json"))).RootElement);

    public static IEnumerable<JsonElement> Section(string name) => Root.Value.GetProperty(name).EnumerateArray();

    public static JsonElement Case(string section, string name) => Section(section).Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> Names(string section) => Section(section).Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static double[] Vector(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
    public static double[][] Matrix(JsonElement e) => e.EnumerateArray().Select(Vector).ToArray();
    public static double[][][] Tensor(JsonElement e) => e.EnumerateArray().Select(Matrix).ToArray();

    public static MixtureParameters Parameters(JsonElement e) =>
        new(Vector(e.GetProperty("weights")), Matrix(e.GetProperty("means")), Tensor(e.GetProperty("covariances")));

    /// <summary>|expected − actual| ≤ rel · max(1, |expected|).</summary>
    public static void Close(double expected, double actual, double rel, string what)
    {
        double tol = rel * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tol,
            $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(expected - actual):E2} > {tol:E2})");
    }

    public static void Close(double[] expected, double[] actual, double rel, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Close(expected[i], actual[i], rel, $"{what}[{i}]");
    }

    public static void Close(double[][] expected, double[][] actual, double rel, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Close(expected[i], actual[i], rel, $"{what}[{i}]");
    }

    public static void Close(MixtureParameters expected, MixtureParameters actual, double rel, string what)
    {
        Close(expected.Weights, actual.Weights, rel, $"{what}.Weights");
        Close(expected.Means, actual.Means, rel, $"{what}.Means");
        Assert.Equal(expected.Covariances.Length, actual.Covariances.Length);
        for (int c = 0; c < expected.Covariances.Length; c++) Close(expected.Covariances[c], actual.Covariances[c], rel, $"{what}.Covariances[{c}]");
    }

    /// <summary>Weights in [0, 1] summing to 1; every covariance symmetric and positive definite (Cholesky by MathNet).</summary>
    public static void AssertValid(MixtureParameters p, string what)
    {
        Assert.All(p.Weights, w => Assert.InRange(w, 0.0, 1.0));
        Assert.True(Math.Abs(p.Weights.Sum() - 1) <= 1e-12, $"{what}: weights sum to {p.Weights.Sum():R}");
        for (int c = 0; c < p.K; c++)
        {
            var s = p.Covariances[c];
            for (int i = 0; i < s.Length; i++)
                for (int j = 0; j < s.Length; j++)
                    Assert.True(s[i][j] == s[j][i], $"{what}: Σ_{c} not symmetric at [{i}][{j}]");
            var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(s);
            Assert.True(m.Evd().EigenValues.All(e => e.Real > 0), $"{what}: Σ_{c} is not positive definite");
        }
    }

    /// <summary>Every row sums to 1 (to 1e-12) and every entry lies in [0, 1].</summary>
    public static void AssertRowsSumToOne(double[][] gamma)
    {
        foreach (var row in gamma)
        {
            Assert.All(row, g => Assert.InRange(g, 0.0, 1.0));
            Assert.True(Math.Abs(row.Sum() - 1) <= 1e-12, $"row sums to {row.Sum():R}");
        }
    }

    public static void BitEqual(double[] a, double[] b, string what)
    {
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(a[i]) == BitConverter.DoubleToInt64Bits(b[i]), $"{what}[{i}]: {a[i]:R} vs {b[i]:R}");
    }

    public static void BitEqual(MixtureParameters a, MixtureParameters b, string what)
    {
        BitEqual(a.Weights, b.Weights, $"{what}.Weights");
        for (int c = 0; c < a.K; c++)
        {
            BitEqual(a.Means[c], b.Means[c], $"{what}.Means[{c}]");
            for (int i = 0; i < a.Covariances[c].Length; i++) BitEqual(a.Covariances[c][i], b.Covariances[c][i], $"{what}.Covariances[{c}][{i}]");
        }
    }

    /// <summary>Two well-separated 2-D blobs (independent of the library's datasets).</summary>
    public static double[][] TwoBlobs(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n][];
        for (int i = 0; i < n; i++)
        {
            double cx = i % 3 == 0 ? 6 : 0, cy = i % 3 == 0 ? 2 : 0;
            x[i] = [cx + Gaussian(rng), cy + 0.5 * Gaussian(rng)];
        }
        return x;
    }

    /// <summary>Seeded points around <paramref name="k"/> random centres in <paramref name="d"/> dimensions.</summary>
    public static double[][] Blobs(int n, int d, int k, int seed)
    {
        var rng = new Random(seed);
        var centres = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, d).Select(_ => 8 * (2 * rng.NextDouble() - 1)).ToArray()).ToArray();
        return Enumerable.Range(0, n).Select(i => centres[i % k].Select(c => c + Gaussian(rng)).ToArray()).ToArray();
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
