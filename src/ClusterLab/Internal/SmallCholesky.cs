namespace ClusterLab.Internal;

/// <summary>
/// Cholesky factorisation of a small symmetric positive definite matrix: A = L·Lᵀ with L lower triangular, and the inverse
/// factor L⁻¹. Matrices are d × d, row-major, contiguous (d is small: the number of features).
/// </summary>
internal static class SmallCholesky
{
    /// <summary>Smallest accepted pivot relative to its diagonal entry: 1 − ρ² for a 2 × 2 correlation ρ.</summary>
    public const double RelativePivotTolerance = 1e-12;

    /// <summary>
    /// Writes the lower factor L of <paramref name="a"/> (only its lower triangle is read) into <paramref name="l"/>.
    /// Returns false when a pivot is not positive and finite (A is not positive definite), as LAPACK's potrf, and also when
    /// a pivot is below <see cref="RelativePivotTolerance"/> × A_ii: A is then singular to working precision (for example
    /// the covariance of a component that collapsed onto one point with regCovar = 0), and its density would be meaningless.
    /// </summary>
    public static bool TryFactor(ReadOnlySpan<double> a, Span<double> l, int d)
    {
        l[..(d * d)].Clear();
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = a[i * d + j];
                for (int p = 0; p < j; p++) s -= l[i * d + p] * l[j * d + p];
                if (i == j)
                {
                    if (!(s > RelativePivotTolerance * a[i * d + i]) || !double.IsFinite(s)) return false; // L_ii = √(A_ii − Σ_{p<i} L_ip²) needs a positive pivot
                    l[i * d + i] = Math.Sqrt(s);
                }
                else l[i * d + j] = s / l[j * d + j];                 // L_ij = (A_ij − Σ_{p<j} L_ip L_jp) / L_jj
            }
        }
        return true;
    }

    /// <summary>Writes W = L⁻¹ (lower triangular) into <paramref name="w"/>, column by column, by forward substitution L·w_c = e_c.</summary>
    public static void InvertLower(ReadOnlySpan<double> l, Span<double> w, int d)
    {
        w[..(d * d)].Clear();
        for (int c = 0; c < d; c++)
        {
            for (int i = c; i < d; i++)
            {
                double s = i == c ? 1.0 : 0.0;
                for (int p = c; p < i; p++) s -= l[i * d + p] * w[p * d + c];
                w[i * d + c] = s / l[i * d + i];
            }
        }
    }

    /// <summary>ln |A| = 2 Σ_i ln L_ii.</summary>
    public static double LogDeterminant(ReadOnlySpan<double> l, int d)
    {
        double s = 0;
        for (int i = 0; i < d; i++) s += Math.Log(l[i * d + i]);
        return 2 * s;
    }
}
