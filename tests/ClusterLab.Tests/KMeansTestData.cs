using System.Text.Json;

namespace ClusterLab.Tests;

/// <summary>Fixture loading and small helpers shared by the K-means, silhouette and dataset tests.</summary>
internal static class KMeansTestData
{
    public static JsonElement Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", file);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static IEnumerable<JsonElement> Cases(string file) => Load(file).GetProperty("cases").EnumerateArray();

    public static double[][] Matrix(JsonElement e) =>
        e.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>Seeded Gaussian blobs with a plain generator (independent of the library's <c>Datasets</c>).</summary>
    public static double[][] Blobs(int n, int d, int k, double sd, int seed, double spread = 10)
    {
        var rng = new Random(seed);
        var centers = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, d).Select(_ => spread * (2 * rng.NextDouble() - 1)).ToArray()).ToArray();
        var x = new double[n][];
        for (int i = 0; i < n; i++)
        {
            var c = centers[i % k];
            x[i] = new double[d];
            for (int f = 0; f < d; f++)
            {
                double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
                x[i][f] = c[f] + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }
        }
        return x;
    }

    public static void Close(double expected, double actual, double rel, string what)
    {
        double tol = rel * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tol, $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(expected - actual):E2} > {tol:E2})");
    }

    /// <summary>Bitwise equality of two jagged arrays.</summary>
    public static void BitEqual(double[][] a, double[][] b, string what)
    {
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j < a[i].Length; j++)
                Assert.True(BitConverter.DoubleToInt64Bits(a[i][j]) == BitConverter.DoubleToInt64Bits(b[i][j]), $"{what}[{i}][{j}]: {a[i][j]:R} vs {b[i][j]:R}");
    }
}

/// <summary>Tests that change <c>Parallelism.MaxThreads</c> run alone, after the others.</summary>
[CollectionDefinition("Parallelism", DisableParallelization = true)]
public sealed class ParallelismCollection;
