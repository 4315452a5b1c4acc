namespace ClusterLab.Internal;

/// <summary>Argument checks shared by the public entry points. Messages name the parameter, the value and the rule.</summary>
internal static class Validate
{
    /// <summary>Checks that <paramref name="x"/> is a non-empty, rectangular matrix of finite numbers; returns (n, d).</summary>
    public static (int N, int D) Data(double[][]? x, string name = "x")
    {
        if (x is null) throw new ArgumentNullException(name, $"{name} is null: pass the data as double[][] with one row per point.");
        if (x.Length == 0) throw new ArgumentException($"{name} is empty: at least one row is needed.", name);
        var first = x[0] ?? throw new ArgumentException($"{name}[0] is null.", name);
        int d = first.Length;
        if (d == 0) throw new ArgumentException($"{name} has rows of length 0: at least one feature is needed.", name);
        for (int i = 0; i < x.Length; i++)
        {
            var row = x[i] ?? throw new ArgumentException($"{name}[{i}] is null.", name);
            if (row.Length != d)
                throw new ArgumentException($"{name} is ragged: row {i} has {row.Length} values but row 0 has {d}. Every row must have the same number of features.", name);
            for (int j = 0; j < d; j++)
                if (!double.IsFinite(row[j]))
                    throw new ArgumentException($"{name}[{i}][{j}] is {row[j]}: the data must be finite (no NaN or infinity). Remove or impute missing values first.", name);
        }
        return (x.Length, d);
    }

    /// <summary>Checks a one-dimensional sample.</summary>
    public static int Data(double[]? x, string name = "x")
    {
        if (x is null) throw new ArgumentNullException(name, $"{name} is null.");
        if (x.Length == 0) throw new ArgumentException($"{name} is empty: at least one value is needed.", name);
        for (int i = 0; i < x.Length; i++)
            if (!double.IsFinite(x[i]))
                throw new ArgumentException($"{name}[{i}] is {x[i]}: the data must be finite (no NaN or infinity).", name);
        return x.Length;
    }

    /// <summary>Checks 1 ≤ k ≤ n.</summary>
    public static void ClusterCount(int k, int n, string name = "k")
    {
        if (k < 1) throw new ArgumentOutOfRangeException(name, k, $"{name}={k} should be >= 1.");
        if (k > n) throw new ArgumentOutOfRangeException(name, k, $"nSamples={n} should be >= {name}={k}: there cannot be more clusters than points.");
    }

    /// <summary>Checks that <paramref name="value"/> ≥ <paramref name="min"/>.</summary>
    public static void AtLeast(double value, double min, string name)
    {
        if (!(value >= min)) throw new ArgumentOutOfRangeException(name, value, $"{name}={value} should be >= {min}.");
    }

    /// <summary>Checks that <paramref name="value"/> ≥ <paramref name="min"/>.</summary>
    public static void AtLeast(int value, int min, string name)
    {
        if (value < min) throw new ArgumentOutOfRangeException(name, value, $"{name}={value} should be >= {min}.");
    }

    /// <summary>Checks that <paramref name="m"/> is a finite matrix of shape (<paramref name="rows"/>, <paramref name="cols"/>).</summary>
    public static void Shape(double[][]? m, int rows, int cols, string name, string rowMeaning = "row")
    {
        if (m is null) throw new ArgumentNullException(name, $"{name} is null.");
        if (m.Length != rows)
            throw new ArgumentException($"{name} has {m.Length} {rowMeaning}s but {rows} are needed: pass one {rowMeaning} per cluster (shape ({rows}, {cols})).", name);
        for (int i = 0; i < m.Length; i++)
        {
            var row = m[i] ?? throw new ArgumentException($"{name}[{i}] is null.", name);
            if (row.Length != cols)
                throw new ArgumentException($"{name}[{i}] has {row.Length} values but the data has {cols} features: every {rowMeaning} needs shape ({cols}).", name);
            for (int j = 0; j < cols; j++)
                if (!double.IsFinite(row[j]))
                    throw new ArgumentException($"{name}[{i}][{j}] is {row[j]}: values must be finite (no NaN or infinity).", name);
        }
    }

    /// <summary>Checks that <paramref name="labels"/> has one entry per row of the data (n entries).</summary>
    public static void Labels(int[]? labels, int n, string name = "labels")
    {
        if (labels is null) throw new ArgumentNullException(name, $"{name} is null: pass one cluster label per point.");
        if (labels.Length != n)
            throw new ArgumentException($"{name} has {labels.Length} entries but the data has {n} rows: pass one label per point.", name);
    }

    /// <summary>
    /// Checks that the rows of <paramref name="x"/> (n × d, row-major) hold at least <paramref name="k"/> distinct points.
    /// Stops as soon as k distinct rows are seen, so the cost is small unless the check fails.
    /// </summary>
    public static void DistinctPoints(double[] x, int n, int d, int k, string name = "x")
    {
        var seen = new HashSet<int>(new RowComparer(x, d));
        for (int i = 0; i < n && seen.Count < k; i++) seen.Add(i);
        if (seen.Count < k)
            throw new ArgumentException($"{name} has only {seen.Count} distinct points but k={k} clusters were requested: lower k to at most {seen.Count}, or check the data for duplicated rows.", name);
    }

    private sealed class RowComparer(double[] x, int d) : IEqualityComparer<int>
    {
        public bool Equals(int a, int b) => x.AsSpan(a * d, d).SequenceEqual(x.AsSpan(b * d, d));
        public int GetHashCode(int a)
        {
            var h = new HashCode();
            foreach (var v in x.AsSpan(a * d, d)) h.Add(v == 0 ? 0.0 : v); // -0.0 and 0.0 are the same point
            return h.ToHashCode();
        }
    }

    /// <summary>Throws when a computed figure overflowed (data of huge magnitude), instead of returning ∞ or NaN.</summary>
    public static void FiniteResult(double value, string what)
    {
        if (!double.IsFinite(value))
            throw new InvalidOperationException($"The {what} is {value}: the data are too large in magnitude for double precision. Scale the data first (for example Datasets.Standardize).");
    }
}
