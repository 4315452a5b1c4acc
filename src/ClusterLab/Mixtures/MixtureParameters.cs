using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// Parameters of a Gaussian mixture p(x) = Σ_k π_k N(x | μ_k, Σ_k) (lecture eq. 6). Immutable: the constructor copies the
/// arrays it is given and every getter returns a fresh copy, so changing an array you passed in or got out changes nothing
/// here (to change one number, copy the arrays, change the copy and construct new parameters). Equality is by value:
/// two parameter sets are equal when every weight, mean and covariance entry is equal.
/// </summary>
/// <remarks>
/// Construction does not validate (intermediate values in a lesson may be anything); everything that uses parameters
/// does, with a message naming the problem: <see cref="GaussianMixtureModel.FromParameters"/>, <see cref="Em"/>,
/// <see cref="Sample"/>. Getters copy, so inside long loops read an array once into a local.
/// </remarks>
public sealed record MixtureParameters
{
    private readonly double[] _weights = null!;
    private readonly double[][] _means = null!;
    private readonly double[][][] _covariances = null!;

    /// <summary>Creates a parameter set from copies of the given arrays.</summary>
    /// <param name="Weights">Mixing coefficients π_k, length k, 0 ≤ π_k ≤ 1, Σ π_k = 1.</param>
    /// <param name="Means">Means μ_k, shape (k, nFeatures).</param>
    /// <param name="Covariances">Covariances Σ_k, shape (k, nFeatures, nFeatures), symmetric positive definite (full d × d matrices whatever the <see cref="CovarianceType"/>).</param>
    public MixtureParameters(double[] Weights, double[][] Means, double[][][] Covariances)
    {
        this.Weights = Weights; this.Means = Means; this.Covariances = Covariances;
    }

    /// <summary>Mixing coefficients π_k, length k (a copy).</summary>
    public double[] Weights { get => DeepArrays.Copy(_weights)!; init => _weights = DeepArrays.Copy(value)!; }
    /// <summary>Means μ_k, shape (k, nFeatures) (a copy).</summary>
    public double[][] Means { get => DeepArrays.Copy(_means)!; init => _means = DeepArrays.Copy(value)!; }
    /// <summary>Covariances Σ_k, shape (k, nFeatures, nFeatures) (a copy).</summary>
    public double[][][] Covariances { get => DeepArrays.Copy(_covariances)!; init => _covariances = DeepArrays.Copy(value)!; }

    /// <summary>Number of components k.</summary>
    public int K => _weights?.Length ?? 0;
    /// <summary>Number of features d.</summary>
    public int Dimension => _means is null || _means.Length == 0 || _means[0] is null ? 0 : _means[0].Length;

    /// <summary>The library's read-only access to π without a copy.</summary>
    internal double[] WeightsView => _weights;
    /// <summary>The library's read-only access to μ without a copy.</summary>
    internal double[][] MeansView => _means;
    /// <summary>The library's read-only access to Σ without a copy.</summary>
    internal double[][][] CovariancesView => _covariances;

    /// <summary>Copies of the three arrays: <c>var (w, mu, sigma) = p;</c>.</summary>
    public void Deconstruct(out double[] Weights, out double[][] Means, out double[][][] Covariances)
    {
        Weights = this.Weights; Means = this.Means; Covariances = this.Covariances;
    }

    /// <summary>Draws <paramref name="n"/> points with the component that drew each (complete data): z ~ π (eq. 7-8), then x ~ N(μ_z, Σ_z) (eq. 9).</summary>
    /// <param name="n">Number of points. Range: ≥ 1.</param>
    /// <param name="seed">Random seed; the same seed gives the same sample.</param>
    /// <exception cref="ArgumentException">Inconsistent shapes, weights not summing to 1, or a covariance that is not positive definite.</exception>
    public MixtureSample Sample(int n, int seed) => MixtureSampling.Sample(MixtureValidation.Parameters(this, "parameters"), n, seed);

    /// <summary>Value equality: the same k, d and every π_k, μ_k and Σ_k entry equal (<see cref="double.Equals(double)"/>).</summary>
    public bool Equals(MixtureParameters? other) =>
        other is not null && DeepArrays.Equal(_weights, other._weights) && DeepArrays.Equal(_means, other._means) &&
        DeepArrays.Equal(_covariances, other._covariances);

    /// <summary>A hash of every value, consistent with <see cref="Equals(MixtureParameters)"/>.</summary>
    public override int GetHashCode()
    {
        var h = new HashCode();
        DeepArrays.Add(ref h, _weights); DeepArrays.Add(ref h, _means); DeepArrays.Add(ref h, _covariances);
        return h.ToHashCode();
    }

    /// <summary>The values, e.g. <c>MixtureParameters(π = [0.4, 0.6], μ = [[0, 0], [3, 1]], Σ = [[[1, 0], [0, 1]], …])</c>.</summary>
    public override string ToString() =>
        $"MixtureParameters(π = {NumberFormat.Vector(_weights)}, μ = {NumberFormat.Matrix(_means)}, " +
        $"Σ = [{(_covariances is null ? "null" : string.Join(", ", _covariances.Select(NumberFormat.Matrix)))}])";
}
