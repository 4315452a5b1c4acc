using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>Argument checks specific to mixtures: parameters, responsibilities, settings. Messages name the problem and the way out.</summary>
internal static class MixtureValidation
{
    /// <summary>Tolerance on Σ π_k = 1 and on every Σ_k γ(z_nk) = 1.</summary>
    public const double SumTolerance = 1e-6;

    /// <summary>
    /// Checks the shapes and values of <paramref name="p"/> against d features (and k components when given), and packs it.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong shape, non-finite value, weights outside [0, 1] or not summing to 1, a covariance not symmetric or not positive definite.</exception>
    public static PackedMixture Parameters(MixtureParameters? p, int d, int? k, string name)
    {
        if (p is null) throw new ArgumentNullException(name, $"{name} is null: pass a MixtureParameters(weights, means, covariances).");
        if (p.WeightsView is null || p.MeansView is null || p.CovariancesView is null)
            throw new ArgumentException($"{name} has a null Weights, Means or Covariances.", name);
        int kk = p.WeightsView.Length;
        if (kk < 1) throw new ArgumentException($"{name}.Weights is empty: a mixture needs at least one component.", name);
        if (k is int expected && kk != expected)
            throw new ArgumentException($"{name} has {kk} components but k={expected}: pass {expected} weights, means and covariances, or change k.", name);
        if (p.MeansView.Length != kk)
            throw new ArgumentException($"{name}.Means has {p.MeansView.Length} rows but Weights has {kk}: one mean per component is needed.", name);
        if (p.CovariancesView.Length != kk)
            throw new ArgumentException($"{name}.Covariances has {p.CovariancesView.Length} matrices but Weights has {kk}: one covariance per component is needed.", name);

        double sum = 0;
        for (int c = 0; c < kk; c++)
        {
            double w = p.WeightsView[c];
            if (!double.IsFinite(w) || w < 0 || w > 1)
                throw new ArgumentException($"{name}.Weights[{c}] is {w}: mixing coefficients must lie in [0, 1].", name);
            sum += w;
        }
        if (Math.Abs(sum - 1) > SumTolerance)
            throw new ArgumentException($"{name}.Weights sum to {sum:R}, not 1 (tolerance {SumTolerance}): divide them by their sum.", name);

        for (int c = 0; c < kk; c++)
        {
            var mu = p.MeansView[c] ?? throw new ArgumentException($"{name}.Means[{c}] is null.", name);
            if (mu.Length != d)
                throw new ArgumentException($"{name}.Means[{c}] has {mu.Length} values but the data have {d} features.", name);
            for (int j = 0; j < d; j++)
                if (!double.IsFinite(mu[j])) throw new ArgumentException($"{name}.Means[{c}][{j}] is {mu[j]}: means must be finite.", name);
            CheckCovariance(p.CovariancesView[c], d, $"{name}.Covariances[{c}]", name);
        }

        var packed = PackedMixture.TryCreate(p, out int failed);
        return packed ?? throw new ArgumentException(
            $"{name}.Covariances[{failed}] is not positive definite (its Cholesky factorisation failed): every covariance must be " +
            "symmetric positive definite. Add a small value to its diagonal.", name);
    }

    /// <summary>Checks <paramref name="p"/> on its own, taking d from its first mean.</summary>
    public static PackedMixture Parameters(MixtureParameters? p, string name)
    {
        if (p is null) throw new ArgumentNullException(name, $"{name} is null: pass a MixtureParameters(weights, means, covariances).");
        if (p.MeansView is null || p.MeansView.Length == 0 || p.MeansView[0] is null || p.MeansView[0].Length == 0)
            throw new ArgumentException($"{name}.Means is null or empty: one mean of length nFeatures ≥ 1 per component is needed.", name);
        return Parameters(p, p.MeansView[0].Length, null, name);
    }

    /// <summary>Checks that <paramref name="s"/> is d × d, finite and symmetric (to 1e-10 of its largest diagonal entry).</summary>
    public static void CheckCovariance(double[][]? s, int d, string what, string name)
    {
        if (s is null) throw new ArgumentException($"{what} is null.", name);
        if (s.Length != d) throw new ArgumentException($"{what} has {s.Length} rows but the data have {d} features: it must be {d} × {d}.", name);
        double scale = 0;
        for (int i = 0; i < d; i++)
        {
            if (s[i] is null || s[i].Length != d)
                throw new ArgumentException($"{what}[{i}] has {s[i]?.Length ?? 0} values: the covariance must be {d} × {d}.", name);
            for (int j = 0; j < d; j++)
                if (!double.IsFinite(s[i][j])) throw new ArgumentException($"{what}[{i}][{j}] is {s[i][j]}: covariances must be finite.", name);
            scale = Math.Max(scale, Math.Abs(s[i][i]));
        }
        for (int i = 0; i < d; i++)
            for (int j = 0; j < i; j++)
                if (Math.Abs(s[i][j] - s[j][i]) > 1e-10 * scale)
                    throw new ArgumentException($"{what} is not symmetric: [{i}][{j}] = {s[i][j]:R} but [{j}][{i}] = {s[j][i]:R}.", name);
    }

    /// <summary>Checks that <paramref name="r"/> is n × k (k ≥ 1), finite, non-negative, with rows summing to 1; packs it row-major.</summary>
    public static double[] Responsibilities(double[][]? r, int n, string name)
    {
        if (r is null) throw new ArgumentNullException(name, $"{name} is null: pass an n × k matrix γ(z_nk).");
        if (r.Length != n)
            throw new ArgumentException($"{name} has {r.Length} rows but x has {n}: one row of responsibilities per point is needed.", name);
        int k = r[0]?.Length ?? 0;
        if (k < 1) throw new ArgumentException($"{name}[0] is empty: at least one component is needed.", name);
        var packed = new double[checked(n * k)];
        for (int i = 0; i < n; i++)
        {
            var row = r[i];
            if (row is null || row.Length != k)
                throw new ArgumentException($"{name} is ragged: row {i} has {row?.Length ?? 0} values but row 0 has {k}.", name);
            double sum = 0;
            for (int c = 0; c < k; c++)
            {
                double g = row[c];
                if (!double.IsFinite(g) || g < 0)
                    throw new ArgumentException($"{name}[{i}][{c}] is {g}: responsibilities must be finite and ≥ 0.", name);
                sum += g;
                packed[i * k + c] = g;
            }
            if (Math.Abs(sum - 1) > SumTolerance)
                throw new ArgumentException($"{name}[{i}] sums to {sum:R}, not 1 (tolerance {SumTolerance}): each row is a distribution over the components.", name);
        }
        return packed;
    }

    /// <summary>Checks regCovar: finite and ≥ 0.</summary>
    public static void RegCovar(double regCovar, string name)
    {
        if (!double.IsFinite(regCovar) || regCovar < 0)
            throw new ArgumentOutOfRangeException(name, regCovar, $"{name}={regCovar} should be finite and >= 0.");
    }

    /// <summary>The exception for a covariance that cannot be factorised even with regCovar (scikit-learn's advice).</summary>
    public static InvalidOperationException IllDefinedCovariance(int component, double regCovar) => new(
        $"Fitting the mixture model failed because some components have ill-defined empirical covariance (component {component}: " +
        $"Σ_k + regCovar·I is not positive definite with regCovar={regCovar}), for instance caused by singleton or collapsed samples. " +
        "Try to decrease the number of components, increase RegCovar, or scale the input data.");
}
