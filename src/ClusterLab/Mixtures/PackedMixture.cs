using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// A mixture's parameters in contiguous row-major arrays, with every covariance's Cholesky factor L, its inverse L⁻¹ and the
/// log normaliser of N(x | μ_k, Σ_k) precomputed: the form the E-step kernel reads. Built only from factorisable covariances.
/// </summary>
internal sealed class PackedMixture
{
    private PackedMixture(int k, int d)
    {
        K = k; D = d;
        Weights = new double[k]; LogWeights = new double[k]; LogNormalisers = new double[k];
        Means = new double[k * d]; Covariances = new double[k * d * d];
        Factors = new double[k * d * d]; InverseFactors = new double[k * d * d];
    }

    public int K { get; }
    public int D { get; }
    /// <summary>π_k, length k.</summary>
    public double[] Weights { get; }
    /// <summary>ln π_k (−∞ for a zero weight).</summary>
    public double[] LogWeights { get; }
    /// <summary>μ_k, k × d row-major.</summary>
    public double[] Means { get; }
    /// <summary>Σ_k, k blocks of d × d row-major.</summary>
    public double[] Covariances { get; }
    /// <summary>L_k with Σ_k = L_k L_kᵀ, lower triangular, k blocks of d × d.</summary>
    public double[] Factors { get; }
    /// <summary>L_k⁻¹, lower triangular, k blocks of d × d.</summary>
    public double[] InverseFactors { get; }
    /// <summary>−½ d ln 2π − ½ ln|Σ_k|.</summary>
    public double[] LogNormalisers { get; }

    public ReadOnlySpan<double> Mean(int c) => Means.AsSpan(c * D, D);
    public ReadOnlySpan<double> InverseFactor(int c) => InverseFactors.AsSpan(c * D * D, D * D);
    public ReadOnlySpan<double> Factor(int c) => Factors.AsSpan(c * D * D, D * D);

    /// <summary>
    /// Packs and factorises. Returns null and the index of the first component whose covariance is not positive definite.
    /// Inputs are copied; the caller has checked the shapes.
    /// </summary>
    public static PackedMixture? TryCreate(ReadOnlySpan<double> weights, ReadOnlySpan<double> means, ReadOnlySpan<double> covariances,
        int k, int d, out int failedComponent)
    {
        var m = new PackedMixture(k, d);
        weights.CopyTo(m.Weights); means.CopyTo(m.Means); covariances.CopyTo(m.Covariances);
        int dd = d * d;
        for (int c = 0; c < k; c++)
        {
            var l = m.Factors.AsSpan(c * dd, dd);
            if (!SmallCholesky.TryFactor(m.Covariances.AsSpan(c * dd, dd), l, d)) { failedComponent = c; return null; }
            SmallCholesky.InvertLower(l, m.InverseFactors.AsSpan(c * dd, dd), d);
            m.LogNormalisers[c] = GaussianLogDensity.LogNormaliser(l, d);
            if (!double.IsFinite(m.LogNormalisers[c]) || !AllFinite(m.InverseFactors.AsSpan(c * dd, dd))) { failedComponent = c; return null; }
            m.LogWeights[c] = Math.Log(m.Weights[c]);
        }
        failedComponent = -1;
        return m;
    }

    /// <summary>Packs validated public parameters (shapes checked by <see cref="MixtureValidation"/>).</summary>
    public static PackedMixture? TryCreate(MixtureParameters p, out int failedComponent)
    {
        int k = p.K, d = p.Dimension;
        var means = new double[k * d];
        var covariances = new double[k * d * d];
        for (int c = 0; c < k; c++)
        {
            p.MeansView[c].CopyTo(means, c * d);
            for (int i = 0; i < d; i++) p.CovariancesView[c][i].CopyTo(covariances, (c * d + i) * d);
        }
        return TryCreate(p.WeightsView, means, covariances, k, d, out failedComponent);
    }

    /// <summary>A fresh public copy (jagged arrays).</summary>
    public MixtureParameters ToParameters()
    {
        var means = new double[K][];
        var covariances = new double[K][][];
        for (int c = 0; c < K; c++)
        {
            means[c] = Mean(c).ToArray();
            covariances[c] = new double[D][];
            for (int i = 0; i < D; i++) covariances[c][i] = Covariances.AsSpan((c * D + i) * D, D).ToArray();
        }
        return new MixtureParameters((double[])Weights.Clone(), means, covariances);
    }

    private static bool AllFinite(ReadOnlySpan<double> v)
    {
        foreach (var t in v) if (!double.IsFinite(t)) return false;
        return true;
    }
}
