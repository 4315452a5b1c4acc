namespace ClusterLab.Internal;

/// <summary>
/// ln N(x | μ, Σ) through the Cholesky factor Σ = L·Lᵀ:
/// ln N = −½ d ln 2π − ½ ln|Σ| − ½ ‖L⁻¹(x − μ)‖², with ln|Σ| = 2 Σ_i ln L_ii.
/// Naive equivalent: −½ (d ln 2π + ln det Σ + (x − μ)ᵀ Σ⁻¹ (x − μ)), without forming Σ⁻¹.
/// </summary>
internal static class GaussianLogDensity
{
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);

    /// <summary>The constant part −½ d ln 2π − Σ_i ln L_ii, from the lower Cholesky factor <paramref name="l"/>.</summary>
    public static double LogNormaliser(ReadOnlySpan<double> l, int d) => -0.5 * d * Log2Pi - 0.5 * SmallCholesky.LogDeterminant(l, d);

    /// <summary>
    /// ln N(x | μ, Σ) given μ, W = L⁻¹ (lower, row-major d × d) and <see cref="LogNormaliser"/>.
    /// <paramref name="diff"/> is scratch of length d.
    /// </summary>
    public static double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> mean, ReadOnlySpan<double> inverseFactor,
        double logNormaliser, Span<double> diff)
    {
        int d = x.Length;
        for (int j = 0; j < d; j++) diff[j] = x[j] - mean[j];
        double q = 0; // q = ‖W (x − μ)‖² = (x − μ)ᵀ Σ⁻¹ (x − μ), the squared Mahalanobis distance
        for (int i = 0; i < d; i++)
        {
            var w = inverseFactor.Slice(i * d, i + 1);
            double y = 0;
            for (int j = 0; j <= i; j++) y += w[j] * diff[j];
            q += y * y;
        }
        return logNormaliser - 0.5 * q;
    }
}
