namespace ClusterLab;

/// <summary>
/// The M-step's covariances for the constrained <see cref="CovarianceType"/>s (scikit-learn's
/// <c>_estimate_gaussian_covariances_tied/_diag/_spherical</c>), from the per-component scatter sums
/// S_k = Σ_n γ(z_nk)(x_n − μ_k)(x_n − μ_k)ᵀ (lower triangles) of eq. (25). Each is the maximum-likelihood Σ under its
/// constraint, plus regCovar on the diagonal. Written as full d × d matrices, k blocks, over the full ones.
/// </summary>
internal static class CovarianceShapes
{
    public static void Apply(CovarianceType type, ReadOnlySpan<double> scatter, ReadOnlySpan<double> nk, double regCovar, Span<double> covariances, int k, int d)
    {
        int dd = d * d;
        switch (type)
        {
            case CovarianceType.Full:
                return;                                                   // (25) as computed
            case CovarianceType.Tied:
            {
                double total = 0;
                for (int c = 0; c < k; c++) total += nk[c];
                var tied = new double[dd];
                for (int i = 0; i < d; i++)
                    for (int j = 0; j <= i; j++)
                    {
                        double s = 0;
                        for (int c = 0; c < k; c++) s += scatter[c * dd + i * d + j];
                        tied[i * d + j] = tied[j * d + i] = s / total;    // (25) tied: Σ = (1/N) Σ_k Σ_n γ(z_nk)(x_n − μ_k)(x_n − μ_k)ᵀ
                    }
                for (int i = 0; i < d; i++) tied[i * d + i] += regCovar;
                for (int c = 0; c < k; c++) tied.CopyTo(covariances.Slice(c * dd, dd));
                return;
            }
            case CovarianceType.Diagonal:
                for (int c = 0; c < k; c++)
                {
                    var sigma = covariances.Slice(c * dd, dd);
                    sigma.Clear();
                    for (int i = 0; i < d; i++)
                        sigma[i * d + i] = scatter[c * dd + i * d + i] / nk[c] + regCovar; // (25) diagonal: σ²_ki = (1/N_k) Σ_n γ(z_nk)(x_ni − μ_ki)²
                }
                return;
            case CovarianceType.Spherical:
                for (int c = 0; c < k; c++)
                {
                    double v = 0;
                    for (int i = 0; i < d; i++) v += scatter[c * dd + i * d + i] / nk[c] + regCovar;
                    v /= d;                                                // (25) spherical: σ²_k = (1/d) Σ_i σ²_ki
                    var sigma = covariances.Slice(c * dd, dd);
                    sigma.Clear();
                    for (int i = 0; i < d; i++) sigma[i * d + i] = v;
                }
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, $"CovarianceType={type} is not a CovarianceType value.");
        }
    }

    /// <summary>Free covariance parameters of k components in d features (scikit-learn's <c>_n_parameters</c>).</summary>
    public static int Count(CovarianceType type, int k, int d) => type switch
    {
        CovarianceType.Full => k * d * (d + 1) / 2,
        CovarianceType.Tied => d * (d + 1) / 2,
        CovarianceType.Diagonal => k * d,
        CovarianceType.Spherical => k,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"CovarianceType={type} is not a CovarianceType value."),
    };

    /// <summary>
    /// Checks that full matrices have the structure of <paramref name="type"/> (tied: all equal; diagonal: zero off the
    /// diagonal; spherical: also equal diagonal entries), to 1e-12 of the largest diagonal entry.
    /// </summary>
    /// <exception cref="ArgumentException">The first covariance that breaks the structure, and how.</exception>
    public static void CheckStructure(CovarianceType type, double[][][] covariances, string name)
    {
        if (type == CovarianceType.Full) return;
        int k = covariances.Length, d = covariances[0].Length;
        for (int c = 0; c < k; c++)
        {
            var s = covariances[c];
            double scale = 0;
            for (int i = 0; i < d; i++) scale = Math.Max(scale, Math.Abs(s[i][i]));
            double tol = 1e-12 * Math.Max(scale, double.Epsilon);
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                {
                    if (type == CovarianceType.Tied && Math.Abs(s[i][j] - covariances[0][i][j]) > tol)
                        throw new ArgumentException($"{name}.Covariances[{c}] differs from Covariances[0] at [{i}][{j}] ({s[i][j]:R} vs {covariances[0][i][j]:R}), but CovarianceType=Tied shares one Σ: pass the same matrix for every component.", name);
                    if (type != CovarianceType.Tied && i != j && Math.Abs(s[i][j]) > tol)
                        throw new ArgumentException($"{name}.Covariances[{c}][{i}][{j}] is {s[i][j]:R}, but CovarianceType={type} needs zeros off the diagonal.", name);
                }
            if (type == CovarianceType.Spherical)
                for (int i = 1; i < d; i++)
                    if (Math.Abs(s[i][i] - s[0][0]) > tol)
                        throw new ArgumentException($"{name}.Covariances[{c}] has diagonal entries {s[0][0]:R} and {s[i][i]:R}, but CovarianceType=Spherical needs σ²·I (one variance per component).", name);
        }
    }
}
