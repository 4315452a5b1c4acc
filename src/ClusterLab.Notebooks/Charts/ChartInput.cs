namespace ClusterLab.Notebooks;

/// <summary>Validation of chart inputs: a bad argument gets an exception naming it, never a blank or NaN chart.</summary>
internal static class ChartInput
{
    /// <summary>Checks that <paramref name="x"/> is non-empty, rectangular, finite, with at least 2 columns (the first two are plotted).</summary>
    public static void Points2D(double[][] x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Length == 0) throw new ArgumentException($"{name} is empty: need at least one point.", name);
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] is null) throw new ArgumentException($"{name}[{i}] is null.", name);
            if (x[i].Length < 2) throw new ArgumentException($"{name}[{i}] has {x[i].Length} features: a 2-D chart needs 2 (shape (nSamples, 2)).", name);
            if (x[i].Length != x[0].Length) throw new ArgumentException($"{name} is ragged: row {i} has {x[i].Length} features, row 0 has {x[0].Length}.", name);
            if (!double.IsFinite(x[i][0]) || !double.IsFinite(x[i][1])) throw new ArgumentException($"{name}[{i}] is not finite ({x[i][0]}, {x[i][1]}).", name);
        }
    }

    /// <summary>Checks that <paramref name="labels"/> has length <paramref name="n"/> and values ≥ 0.</summary>
    public static void Labels(int[] labels, int n, string name)
    {
        ArgumentNullException.ThrowIfNull(labels, name);
        if (labels.Length != n) throw new ArgumentException($"{name} has length {labels.Length}, should be nSamples={n}.", name);
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] < 0) throw new ArgumentException($"{name}[{i}]={labels[i]} should be >= 0.", name);
    }

    /// <summary>Checks that <paramref name="values"/> is non-empty and finite.</summary>
    public static void Finite(IReadOnlyList<double> values, string name, int minLength = 1)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count < minLength) throw new ArgumentException($"{name} has {values.Count} values, need at least {minLength}.", name);
        for (var i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i])) throw new ArgumentException($"{name}[{i}]={values[i]} is not finite.", name);
    }

    /// <summary>Checks that two arrays have the same length.</summary>
    public static void SameLength(int a, int b, string nameA, string nameB)
    {
        if (a != b) throw new ArgumentException($"{nameA} has length {a} but {nameB} has length {b}: they should match.", nameB);
    }

    /// <summary>Checks 0 ≤ t ≤ count for every requested iteration number t (t = 0 is the initialisation, t ≥ 1 is history[t − 1]).</summary>
    public static void IterationNumbers(int[] iterations, int count, string name)
    {
        ArgumentNullException.ThrowIfNull(iterations, name);
        if (iterations.Length == 0) throw new ArgumentException($"{name} is empty: choose at least one iteration.", name);
        foreach (var t in iterations)
            if (t < 0 || t > count)
                throw new ArgumentOutOfRangeException(name, t, $"iteration {t} should be in 0 … {count} (0 = the initialisation, t = history[t − 1]; history has {count} entries).");
    }

    /// <summary>Checks that the mixture is 2-D with consistent shapes.</summary>
    public static void Mixture2D(MixtureParameters p, string name)
    {
        ArgumentNullException.ThrowIfNull(p, name);
        if (p.K == 0) throw new ArgumentException($"{name} has no components.", name);
        if (p.Means.Length != p.K || p.Covariances.Length != p.K)
            throw new ArgumentException($"{name} has {p.K} weights, {p.Means.Length} means and {p.Covariances.Length} covariances: they should match.", name);
        for (var k = 0; k < p.K; k++)
        {
            if (p.Means[k] is null || p.Means[k].Length != 2)
                throw new ArgumentException($"{name}.Means[{k}] should have 2 features (a 2-D chart).", name);
            var s = p.Covariances[k];
            if (s is null || s.Length != 2 || s[0] is null || s[1] is null || s[0].Length != 2 || s[1].Length != 2)
                throw new ArgumentException($"{name}.Covariances[{k}] should be 2 × 2.", name);
        }
    }
}
