using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>Parameters of a Gaussian mixture p(x) = Σ_k π_k N(x | μ_k, Σ_k) (lecture eq. 6).</summary>
/// <param name="Weights">Mixing coefficients π_k, length k, 0 ≤ π_k ≤ 1, Σ π_k = 1.</param>
/// <param name="Means">Means μ_k, shape (k, nFeatures).</param>
/// <param name="Covariances">Full covariances Σ_k, shape (k, nFeatures, nFeatures), symmetric positive definite.</param>
public sealed record MixtureParameters(double[] Weights, double[][] Means, double[][][] Covariances)
{
    /// <summary>Number of components k.</summary>
    public int K => Weights.Length;
    /// <summary>Number of features d.</summary>
    public int Dimension => Means.Length == 0 ? 0 : Means[0].Length;

    /// <summary>Draws <paramref name="n"/> points with the component that drew each (complete data): z ~ π (eq. 7-8), then x ~ N(μ_z, Σ_z) (eq. 9).</summary>
    /// <param name="n">Number of points. Range: ≥ 1.</param>
    /// <param name="seed">Random seed; the same seed gives the same sample.</param>
    /// <exception cref="ArgumentException">Inconsistent shapes, weights not summing to 1, or a covariance that is not positive definite.</exception>
    public MixtureSample Sample(int n, int seed) => MixtureSampling.Sample(MixtureValidation.Parameters(this, "parameters"), n, seed);

    /// <summary>The values, e.g. <c>MixtureParameters(π = [0.4, 0.6], μ = [[0, 0], [3, 1]], Σ = [[[1, 0], [0, 1]], …])</c>.</summary>
    public override string ToString() =>
        $"MixtureParameters(π = {NumberFormat.Vector(Weights)}, μ = {NumberFormat.Matrix(Means)}, " +
        $"Σ = [{(Covariances is null ? "null" : string.Join(", ", Covariances.Select(NumberFormat.Matrix)))}])";
}
