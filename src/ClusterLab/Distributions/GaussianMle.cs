namespace ClusterLab;

/// <summary>A univariate Gaussian's maximum-likelihood estimate.</summary>
/// <param name="Mean">μ̂ = (1/N) Σ x_n (eq. 18).</param>
/// <param name="Variance">σ̂² = (1/N) Σ (x_n − μ̂)², the N normalizer (maximum likelihood), not N − 1 (Bessel).</param>
public sealed record GaussianEstimate(double Mean, double Variance)
{
    /// <summary>σ̂ = √σ̂².</summary>
    public double StdDev => Math.Sqrt(Variance);
}

/// <summary>A multivariate Gaussian's maximum-likelihood estimate.</summary>
/// <param name="Mean">μ̂, length d.</param>
/// <param name="Covariance">Σ̂ = (1/N) Σ (x_n − μ̂)(x_n − μ̂)ᵀ, shape (d, d).</param>
public sealed record MultivariateGaussianEstimate(double[] Mean, double[][] Covariance);

/// <summary>Maximum-likelihood estimation for Gaussians (lecture eq. 14-18).</summary>
public static class GaussianMle
{
    /// <summary>The MLE of (μ, σ²) for i.i.d. samples <paramref name="x"/>.</summary>
    public static GaussianEstimate Estimate(double[] x) => throw new NotImplementedException();
    /// <summary>The MLE of (μ, Σ) for i.i.d. rows of <paramref name="x"/>.</summary>
    public static MultivariateGaussianEstimate Estimate(double[][] x) => throw new NotImplementedException();
    /// <summary>ln L(μ, σ²) = Σ_n ln N(x_n | μ, σ²) (eq. 16).</summary>
    public static double LogLikelihood(double[] x, double mean, double variance) => throw new NotImplementedException();
}
