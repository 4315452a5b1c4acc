using System.Globalization;
using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>Labelled points: the data and the generating cluster of each row. Equality is by value (element by element).</summary>
/// <param name="X">Points, shape (n, nFeatures).</param>
/// <param name="Labels">Generating cluster of every row, length n.</param>
public sealed record LabeledData(double[][] X, int[] Labels)
{
    /// <summary>Value equality: the same points and labels, element by element.</summary>
    public bool Equals(LabeledData? other) => other is not null && DeepArrays.Equal(X, other.X) && DeepArrays.Equal(Labels, other.Labels);

    /// <summary>Consistent with <see cref="Equals(LabeledData)"/>.</summary>
    public override int GetHashCode()
    {
        var h = new HashCode();
        DeepArrays.Add(ref h, X); DeepArrays.Add(ref h, Labels);
        return h.ToHashCode();
    }
}

/// <summary>Seeded datasets for the lessons.</summary>
public static class Datasets
{
    /// <summary>Isotropic Gaussian blobs around given <paramref name="centers"/> with per-cluster standard deviations, rows shuffled.</summary>
    /// <param name="nSamples">Total points, split as evenly as possible over the centres (the first centres get one more). Range: ≥ 1.</param>
    /// <param name="centers">Blob centres, shape (k, nFeatures).</param>
    /// <param name="stdDevs">Standard deviation σ_j of every blob, length k. Range: σ ≥ 0.</param>
    /// <param name="seed">Random seed: the same seed gives the same points.</param>
    /// <returns>Points and the index of the centre that generated each.</returns>
    public static LabeledData Blobs(int nSamples, double[][] centers, double[] stdDevs, int seed)
    {
        Validate.AtLeast(nSamples, 1, nameof(nSamples));
        var (k, d) = Validate.Data(centers, nameof(centers));
        if (stdDevs is null) throw new ArgumentNullException(nameof(stdDevs), "stdDevs is null: pass one standard deviation per centre.");
        if (stdDevs.Length != k)
            throw new ArgumentException($"stdDevs has {stdDevs.Length} values but there are {k} centres: pass one standard deviation per centre.", nameof(stdDevs));
        foreach (var s in stdDevs)
            if (!(s >= 0) || !double.IsFinite(s))
                throw new ArgumentOutOfRangeException(nameof(stdDevs), s, $"stdDevs contains {s}: every standard deviation should be finite and >= 0.");
        return Generate(nSamples, centers, stdDevs, new Random(seed));
    }

    /// <summary>Blobs in a box: <paramref name="k"/> random centres uniform in [−box, box]^d, standard deviation <paramref name="stdDev"/> (scikit-learn's make_blobs).</summary>
    /// <param name="nSamples">Total points, split as evenly as possible. Range: ≥ 1.</param>
    /// <param name="nFeatures">Dimension d. Range: ≥ 1.</param>
    /// <param name="k">Number of blobs. Range: ≥ 1.</param>
    /// <param name="stdDev">Standard deviation σ of every blob. Range: ≥ 0.</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="box">Half-width of the box of centres. Default 10. Range: ≥ 0.</param>
    public static LabeledData Blobs(int nSamples, int nFeatures, int k, double stdDev, int seed, double box = 10.0)
    {
        Validate.AtLeast(nSamples, 1, nameof(nSamples));
        Validate.AtLeast(nFeatures, 1, nameof(nFeatures));
        Validate.AtLeast(k, 1, nameof(k));
        Validate.AtLeast(stdDev, 0.0, nameof(stdDev));
        Validate.AtLeast(box, 0.0, nameof(box));
        var rng = new Random(seed);
        var centers = new double[k][];
        for (int j = 0; j < k; j++)
        {
            centers[j] = new double[nFeatures];
            for (int f = 0; f < nFeatures; f++) centers[j][f] = box * (2 * rng.NextDouble() - 1);
        }
        return Generate(nSamples, centers, Enumerable.Repeat(stdDev, k).ToArray(), rng);
    }

    /// <summary>
    /// Géron's Figure 9-11 elliptical blobs: two blobs (σ = 1) at (4, −4) and (0, 0) mapped through x ↦ x·[[0.374, 0.95], [0.732, 0.598]],
    /// plus a round blob (σ = 1) at (3.4908, 1.0143) — 4/5 of the points in the first two, 1/5 in the third (1000 + 250 for 1250).
    /// </summary>
    /// <param name="nSamples">Total points. Default in the book: 1250. Range: ≥ 3.</param>
    /// <param name="seed">Random seed.</param>
    /// <returns>Points with labels 0, 1 (elongated) and 2 (round).</returns>
    public static LabeledData ElongatedBlobs(int nSamples, int seed)
    {
        Validate.AtLeast(nSamples, 3, nameof(nSamples));
        var rng = new Random(seed);
        int nLong = (int)Math.Round(nSamples * 0.8);
        var a = Generate(nLong, [[4.0, -4.0], [0.0, 0.0]], [1.0, 1.0], rng);
        // make_blobs(centers=1, random_state=42) draws the centre (−2.5092, 9.0143); Géron then adds (6, −8).
        var b = Generate(nSamples - nLong, [[3.49080238, 1.01428613]], [1.0], rng);
        var x = new double[nSamples][];
        var y = new int[nSamples];
        for (int i = 0; i < nLong; i++)
        {
            var p = a.X[i];
            x[i] = [0.374 * p[0] + 0.732 * p[1], 0.95 * p[0] + 0.598 * p[1]];   // row vector times the 2 × 2 map
            y[i] = a.Labels[i];
        }
        for (int i = nLong; i < nSamples; i++) { x[i] = b.X[i - nLong]; y[i] = 2; }
        return new LabeledData(x, y);
    }

    /// <summary>Old Faithful: 272 eruptions, columns eruptions (minutes), waiting (minutes). Härdle (1991), R datasets::faithful.</summary>
    /// <returns>A fresh copy, shape (272, 2).</returns>
    public static double[][] OldFaithful()
    {
        using var stream = typeof(Datasets).Assembly.GetManifestResourceStream("ClusterLab.Data.faithful.csv")
            ?? throw new InvalidOperationException("The embedded resource ClusterLab.Data.faithful.csv is missing: rebuild ClusterLab.");
        using var reader = new StreamReader(stream);
        return CsvReader.Read(reader, "faithful.csv", out _);
    }

    /// <summary>Reads a numeric CSV with a header row (comma-separated, invariant culture); blank lines are skipped.</summary>
    /// <param name="path">File path.</param>
    /// <param name="header">The column names of the header row.</param>
    /// <returns>The rows, shape (nRows, nColumns).</returns>
    /// <exception cref="FormatException">A value that is not a finite number, or a row with the wrong number of values; the message gives the line and column.</exception>
    public static double[][] ReadCsv(string path, out string[] header)
    {
        if (path is null) throw new ArgumentNullException(nameof(path), "path is null: pass the path of a CSV file.");
        if (!File.Exists(path)) throw new FileNotFoundException($"No CSV file at '{Path.GetFullPath(path)}': check the path (relative paths start at {Environment.CurrentDirectory}).", path);
        using var reader = new StreamReader(path);
        return CsvReader.Read(reader, path, out header);
    }

    /// <summary>Scales every column to mean 0 and variance 1 (the biased, 1/n variance, like scikit-learn's StandardScaler); a constant column becomes 0.</summary>
    /// <param name="x">Data, shape (nSamples, nFeatures); not modified.</param>
    /// <returns>A new standardised array of the same shape.</returns>
    public static double[][] Standardize(double[][] x)
    {
        var (n, d) = Validate.Data(x);
        var m = RowMatrix.FromJagged(x);
        var mean = m.ColumnMeans();
        var sd = m.ColumnVariances(mean).Select(v => v > 0 ? Math.Sqrt(v) : 1.0).ToArray();
        var scale = new double[d];
        for (int f = 0; f < d; f++)
        {
            scale[f] = 1;
            if (!double.IsFinite(mean[f]) || !double.IsFinite(sd[f]))   // huge values: the sums overflowed, redo the column divided by max |x|
                (scale[f], mean[f], sd[f]) = ScaledMoments(x, f);
        }
        var r = new double[n][];
        for (int i = 0; i < n; i++)
        {
            r[i] = new double[d];
            for (int f = 0; f < d; f++) r[i][f] = (x[i][f] / scale[f] - mean[f]) / sd[f];   // z = (x − mean) / σ
        }
        return r;
    }

    /// <summary>s = max_i |x_if|, then the mean and standard deviation (1 for a constant column) of x_if / s, which cannot overflow.</summary>
    private static (double Scale, double Mean, double Sd) ScaledMoments(double[][] x, int f)
    {
        double s = 0, sum = 0, ss = 0;
        foreach (var row in x) s = Math.Max(s, Math.Abs(row[f]));
        foreach (var row in x) sum += row[f] / s;
        double mean = sum / x.Length;
        foreach (var row in x) ss += (row[f] / s - mean) * (row[f] / s - mean);
        return (s, mean, ss > 0 ? Math.Sqrt(ss / x.Length) : 1.0);
    }

    /// <summary>Blob j gets ⌊n/k⌋ points (+1 for the first n mod k); points are centre + σ_j·N(0, I); rows then shuffled.</summary>
    private static LabeledData Generate(int n, double[][] centers, double[] sd, Random rng)
    {
        int k = centers.Length, d = centers[0].Length;
        var normal = new NormalSampler(rng);
        var x = new double[n][];
        var y = new int[n];
        int i = 0;
        for (int j = 0; j < k; j++)
        {
            int count = n / k + (j < n % k ? 1 : 0);
            for (int c = 0; c < count; c++, i++)
            {
                x[i] = new double[d];
                for (int f = 0; f < d; f++) x[i][f] = centers[j][f] + sd[j] * normal.Next();
                y[i] = j;
            }
        }
        for (int t = n - 1; t > 0; t--)
        {
            int r = rng.Next(t + 1);
            (x[t], x[r]) = (x[r], x[t]);
            (y[t], y[r]) = (y[r], y[t]);
        }
        return new LabeledData(x, y);
    }
}
