using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>A univariate Gaussian's maximum-likelihood estimate.</summary>
/// <param name="Mean">μ̂ = (1/N) Σ x_n (eq. 18).</param>
/// <param name="Variance">σ̂² = (1/N) Σ (x_n − μ̂)², the N normalizer (maximum likelihood), not N − 1 (Bessel).</param>
public sealed record GaussianEstimate(double Mean, double Variance)
{
    /// <summary>σ̂ = √σ̂².</summary>
    public double StdDev => Math.Sqrt(Variance);

    /// <summary>ln L(μ̂, σ̂²) = Σ_n ln N(x_n | μ̂, σ̂²) of the sample <paramref name="x"/> (eq. 16).</summary>
    public double LogLikelihood(double[] x) => GaussianMle.LogLikelihood(x, Mean, Variance);

    /// <summary><c>Gaussian(μ = …, σ² = …)</c>.</summary>
    public override string ToString() => $"Gaussian(μ = {NumberFormat.Number(Mean)}, σ² = {NumberFormat.Number(Variance)})";
}

/// <summary>A multivariate Gaussian's maximum-likelihood estimate. Equality is by value (element by element).</summary>
/// <param name="Mean">μ̂, length d.</param>
/// <param name="Covariance">Σ̂ = (1/N) Σ (x_n − μ̂)(x_n − μ̂)ᵀ, shape (d, d).</param>
public sealed record MultivariateGaussianEstimate(double[] Mean, double[][] Covariance)
{
    /// <summary>ln L(μ̂, Σ̂) = Σ_n ln N(x_n | μ̂, Σ̂) of the rows of <paramref name="x"/>.</summary>
    public double LogLikelihood(double[][] x) => GaussianMle.LogLikelihood(x, Mean, Covariance);

    /// <summary>Value equality: the same μ̂ and Σ̂, element by element.</summary>
    public bool Equals(MultivariateGaussianEstimate? other) => other is not null && DeepArrays.Equal(Mean, other.Mean) && DeepArrays.Equal(Covariance, other.Covariance);

    /// <summary>Consistent with <see cref="Equals(MultivariateGaussianEstimate)"/>.</summary>
    public override int GetHashCode()
    {
        var h = new HashCode();
        DeepArrays.Add(ref h, Mean); DeepArrays.Add(ref h, Covariance);
        return h.ToHashCode();
    }

    /// <summary><c>Gaussian(μ = […], Σ = [[…], …])</c>.</summary>
    public override string ToString() => $"Gaussian(μ = {NumberFormat.Vector(Mean)}, Σ = {NumberFormat.Matrix(Covariance)})";
}

/// <summary>Maximum-likelihood estimation for Gaussians (lecture eq. 14-18).</summary>
public static class GaussianMle
{
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);

    /// <summary>The MLE of (μ, σ²) for i.i.d. samples <paramref name="x"/>: the mean and the biased (1/N) variance.</summary>
    /// <param name="x">Samples, length N ≥ 1, finite.</param>
    /// <remarks>MATLAB: normfit (which returns the N − 1 standard deviation instead). One sample gives σ̂² = 0.</remarks>
    /// <exception cref="ArgumentException">Null, empty or non-finite samples.</exception>
    /// <exception cref="InvalidOperationException">The samples are too large in magnitude: μ̂ or σ̂² overflows double precision.</exception>
    public static GaussianEstimate Estimate(double[] x)
    {
        int n = Validate.Data(x);
        double mean = SampleMean(x);
        Validate.FiniteResult(mean, "mean");
        double ss = 0;
        foreach (var v in x) ss += (v - mean) * (v - mean);
        Validate.FiniteResult(ss, "variance");
        return new GaussianEstimate(mean, ss / n);                // σ̂² = (1/N) Σ_n (x_n − μ̂)²
    }

    /// <summary>The MLE of (μ, Σ) for i.i.d. rows of <paramref name="x"/>: the mean and the biased (1/N) covariance.</summary>
    /// <param name="x">Samples, shape (N, d), N ≥ 1, finite.</param>
    /// <exception cref="ArgumentException">Null, empty, ragged or non-finite data.</exception>
    /// <exception cref="InvalidOperationException">The data are too large in magnitude: μ̂ or Σ̂ overflows double precision.</exception>
    public static MultivariateGaussianEstimate Estimate(double[][] x)
    {
        var (n, d) = Validate.Data(x);
        var mean = new double[d];
        foreach (var row in x) for (int j = 0; j < d; j++) mean[j] += row[j];
        for (int j = 0; j < d; j++) mean[j] /= n;                 // μ̂ = (1/N) Σ_n x_n  (eq. 18)
        var cov = new double[d][];
        for (int i = 0; i < d; i++) cov[i] = new double[d];
        var diff = new double[d];
        foreach (var row in x)
        {
            for (int j = 0; j < d; j++) diff[j] = row[j] - mean[j];
            for (int i = 0; i < d; i++) for (int j = 0; j <= i; j++) cov[i][j] += diff[i] * diff[j];
        }
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++) cov[i][j] = cov[j][i] = cov[i][j] / n; // Σ̂ = (1/N) Σ_n (x_n − μ̂)(x_n − μ̂)ᵀ
        foreach (var m in mean) Validate.FiniteResult(m, "mean");
        foreach (var row in cov) foreach (var c in row) Validate.FiniteResult(c, "covariance");
        return new MultivariateGaussianEstimate(mean, cov);
    }

    /// <summary>ln L(μ, σ²) = Σ_n ln N(x_n | μ, σ²) (eq. 16) = −(N/2) ln(2πσ²) − Σ_n (x_n − μ)² / (2σ²).</summary>
    /// <param name="x">Samples, length N ≥ 1, finite.</param>
    /// <param name="mean">μ, finite.</param>
    /// <param name="variance">σ². Range: σ² &gt; 0, finite.</param>
    /// <exception cref="ArgumentException">Bad samples, a non-finite mean, or σ² ≤ 0.</exception>
    /// <exception cref="InvalidOperationException">The samples are too far from μ for σ²: ln L overflows double precision.</exception>
    public static double LogLikelihood(double[] x, double mean, double variance)
    {
        int n = Validate.Data(x);
        if (!double.IsFinite(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, $"mean={mean} should be finite.");
        if (!double.IsFinite(variance) || variance <= 0)
            throw new ArgumentOutOfRangeException(nameof(variance), variance, $"variance={variance} should be finite and > 0: the likelihood of a zero-variance Gaussian is not defined.");
        double ss = 0;
        foreach (var v in x) ss += (v - mean) * (v - mean);
        double logL = -0.5 * n * (Log2Pi + Math.Log(variance)) - ss / (2 * variance); // (16) ln L = Σ_n ln N(x_n | μ, σ²)
        return double.IsFinite(logL) ? logL : throw new InvalidOperationException(
            $"The log-likelihood is {logL}: the samples are too far from mean={mean} for variance={variance} to be represented in double precision. Scale the data, or check the variance.");
    }

    /// <summary>ln L(μ, Σ) = Σ_n ln N(x_n | μ, Σ), through the Cholesky factor of Σ.</summary>
    /// <param name="x">Samples, shape (N, d).</param>
    /// <param name="mean">μ, length d.</param>
    /// <param name="covariance">Σ, shape (d, d), symmetric positive definite.</param>
    /// <exception cref="ArgumentException">Bad samples, shapes that do not match, or Σ not symmetric positive definite.</exception>
    public static double LogLikelihood(double[][] x, double[] mean, double[][] covariance)
    {
        var (_, d) = Validate.Data(x);
        if (mean is null) throw new ArgumentNullException(nameof(mean), "mean is null.");
        if (mean.Length != d) throw new ArgumentException($"mean has {mean.Length} values but x has {d} features.", nameof(mean));
        foreach (var m in mean) if (!double.IsFinite(m)) throw new ArgumentException($"mean contains {m}: it must be finite.", nameof(mean));
        MixtureValidation.CheckCovariance(covariance, d, nameof(covariance), nameof(covariance));
        var packed = PackedMixture.TryCreate(new MixtureParameters([1.0], [mean], [covariance]), out _)
            ?? throw new ArgumentException("covariance is not positive definite (its Cholesky factorisation failed).", nameof(covariance));
        return Em.LogLikelihood(x, packed);
    }

    private static double SampleMean(double[] x)
    {
        double s = 0;
        foreach (var v in x) s += v;
        return s / x.Length; // (18) μ̂ = (1/N) Σ_n x_n
    }
}
