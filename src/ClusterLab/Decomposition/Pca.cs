using ClusterLab.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace ClusterLab;

/// <summary>
/// Principal component analysis (주성분 분석) by the singular value decomposition of the centred data,
/// X − 1μᵀ = U S Vᵀ (MathNet.Numerics): the components are the first rows of Vᵀ, the explained variances s_j² / (n − 1).
/// Contract of scikit-learn's <c>PCA(n_components)</c> with the full SVD solver.
/// </summary>
/// <param name="nComponents">Number of components kept. Range: 1 ≤ nComponents ≤ min(nSamples, nFeatures).</param>
public sealed class Pca(int nComponents)
{
    /// <summary>Number of components kept.</summary>
    public int NComponents { get; } = nComponents;

    /// <summary>Fits the components to <paramref name="x"/>.</summary>
    /// <param name="x">Data, shape (nSamples, nFeatures), nSamples ≥ 2.</param>
    /// <exception cref="ArgumentException">Empty, ragged or non-finite data, fewer than 2 rows, or NComponents out of range.</exception>
    public PcaModel Fit(double[][] x)
    {
        var (n, d) = Validate.Data(x);
        if (n < 2) throw new ArgumentException($"x has {n} row; PCA needs at least 2.", nameof(x));
        if (NComponents < 1 || NComponents > Math.Min(n, d))
            throw new ArgumentOutOfRangeException(nameof(NComponents), NComponents, $"nComponents={NComponents} should be in 1..min(nSamples={n}, nFeatures={d}).");
        var mean = new double[d];
        foreach (var row in x) for (var j = 0; j < d; j++) mean[j] += row[j] / n;
        var centred = Matrix<double>.Build.Dense(n, d, (i, j) => x[i][j] - mean[j]);
        var svd = centred.Svd(computeVectors: true);
        var s = svd.S.ToArray();
        var totalVariance = s.Sum(v => v * v) / (n - 1);
        var components = new double[NComponents][];
        for (var c = 0; c < NComponents; c++)
        {
            var v = svd.VT.Row(c).ToArray();
            // Deterministic sign: the entry of largest magnitude is positive.
            var big = v.MaxBy(Math.Abs);
            components[c] = big < 0 ? v.Select(a => -a).ToArray() : v;
        }
        var variance = s.Take(NComponents).Select(v => v * v / (n - 1)).ToArray();
        return new PcaModel(mean, components, variance, variance.Select(v => totalVariance > 0 ? v / totalVariance : 0).ToArray());
    }
}

/// <summary>A fitted PCA: the mean μ, the orthonormal components w_1 … w_m and their variances.</summary>
public sealed class PcaModel
{
    private readonly double[] _mean;
    private readonly double[][] _components;

    internal PcaModel(double[] mean, double[][] components, double[] explainedVariance, double[] explainedVarianceRatio)
    {
        _mean = mean;
        _components = components;
        ExplainedVariance = explainedVariance;
        ExplainedVarianceRatio = explainedVarianceRatio;
    }

    /// <summary>The mean μ of the training data, length nFeatures (a copy).</summary>
    public double[] Mean => (double[])_mean.Clone();
    /// <summary>The components, shape (nComponents, nFeatures): orthonormal rows, largest variance first (a copy).</summary>
    public double[][] Components => _components.Select(c => (double[])c.Clone()).ToArray();
    /// <summary>Variance of the data along each component, s_j² / (n − 1), decreasing.</summary>
    public double[] ExplainedVariance { get; }
    /// <summary>Share of the total variance along each component; sums to 1 when all components are kept.</summary>
    public double[] ExplainedVarianceRatio { get; }

    /// <summary>Coordinates z = W (x − μ) of every row, shape (nSamples, nComponents).</summary>
    /// <param name="x">Data, shape (nSamples, nFeatures) with the training data's nFeatures.</param>
    public double[][] Transform(double[][] x)
    {
        Checked(x, _mean.Length, "nFeatures");
        return x.Select(row => _components.Select(w => Dot(w, row, _mean)).ToArray()).ToArray();
    }

    /// <summary>Back to the data space: x̂ = μ + Wᵀ z, shape (nSamples, nFeatures).</summary>
    /// <param name="z">Coordinates, shape (nSamples, nComponents).</param>
    public double[][] InverseTransform(double[][] z)
    {
        Checked(z, _components.Length, "nComponents");
        return z.Select(row =>
        {
            var x = (double[])_mean.Clone();
            for (var c = 0; c < row.Length; c++)
                for (var j = 0; j < x.Length; j++) x[j] += row[c] * _components[c][j];
            return x;
        }).ToArray();
    }

    private static double Dot(double[] w, double[] x, double[] mean)
    {
        var s = 0.0;
        for (var j = 0; j < w.Length; j++) s += w[j] * (x[j] - mean[j]);
        return s;
    }

    private static void Checked(double[][] x, int width, string what)
    {
        var (_, d) = Validate.Data(x);
        if (d != width) throw new ArgumentException($"x has {d} columns but the model has {what}={width}.", nameof(x));
    }
}
