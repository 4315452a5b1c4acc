using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>One EM iteration: the parameters after the M-step and the total log-likelihood at them.</summary>
/// <param name="Parameters">θ_t, the parameters after this iteration's M-step.</param>
/// <param name="LogLikelihood">ln p(X | θ_t), total over the training data (eq. 5).</param>
public sealed record EmIteration(MixtureParameters Parameters, double LogLikelihood);

/// <summary>A sample drawn from a mixture: the points and the component that drew each (the complete data, z).</summary>
/// <param name="X">Points, shape (n, nFeatures).</param>
/// <param name="Components">Component of every point, length n, in 0 … k − 1.</param>
public sealed record MixtureSample(double[][] X, int[] Components);

/// <summary>A fitted Gaussian mixture.</summary>
public sealed class GaussianMixtureModel
{
    private readonly PackedMixture _packed;

    /// <summary>Creates a model from fitted state.</summary>
    /// <exception cref="ArgumentException">Parameters of inconsistent shapes, weights not summing to 1, or a covariance not positive definite.</exception>
    public GaussianMixtureModel(MixtureParameters parameters, double logLikelihood, bool converged, int iterations, IReadOnlyList<EmIteration> history)
        : this(MixtureValidation.Parameters(parameters, nameof(parameters)), logLikelihood, converged, iterations,
               history ?? throw new ArgumentNullException(nameof(history), "history is null: pass an empty list when there is none."))
    {
    }

    internal GaussianMixtureModel(PackedMixture packed, double logLikelihood, bool converged, int iterations, IReadOnlyList<EmIteration> history)
    {
        _packed = packed;
        Parameters = packed.ToParameters(); LogLikelihood = logLikelihood; Converged = converged; Iterations = iterations; History = history;
    }

    /// <summary>Fitted parameters.</summary>
    public MixtureParameters Parameters { get; }
    /// <summary>Mixing coefficients π_k, length k.</summary>
    public double[] Weights => Parameters.Weights;
    /// <summary>Means μ_k, shape (k, nFeatures).</summary>
    public double[][] Means => Parameters.Means;
    /// <summary>Full covariances Σ_k, shape (k, nFeatures, nFeatures).</summary>
    public double[][][] Covariances => Parameters.Covariances;
    /// <summary>Total log-likelihood of the training data at <see cref="Parameters"/> (eq. 5), i.e. after the last M-step.</summary>
    public double LogLikelihood { get; }
    /// <summary>Whether the change of the mean log-likelihood fell under Tol (scikit-learn's <c>converged_</c>).</summary>
    public bool Converged { get; }
    /// <summary>EM iterations run (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }
    /// <summary>One entry per EM iteration of the kept run; the last one holds <see cref="Parameters"/> and <see cref="LogLikelihood"/> (empty when MaxIter = 0).</summary>
    public IReadOnlyList<EmIteration> History { get; }
    /// <summary>Number of components k.</summary>
    public int K => _packed.K;
    /// <summary>Number of features d.</summary>
    public int Dimension => _packed.D;
    /// <summary>Free parameters p = (k − 1) + k·d + k·d(d+1)/2: weights, means, full covariances.</summary>
    public int FreeParameters => (K - 1) + K * Dimension + K * Dimension * (Dimension + 1) / 2;

    /// <summary>Responsibilities γ(z_nk) for new data, shape (nSamples, k); rows sum to 1.</summary>
    /// <param name="x">Data, shape (nSamples, nFeatures).</param>
    public double[][] Responsibilities(double[][] x) => Em.Responsibilities(Checked(x), _packed);

    /// <summary>Hard assignment argmax_k γ(z_nk) (the first maximum on ties), length nSamples.</summary>
    public int[] Predict(double[][] x)
    {
        var gamma = Responsibilities(x);
        var labels = new int[gamma.Length];
        for (int n = 0; n < gamma.Length; n++)
        {
            int best = 0;
            for (int c = 1; c < gamma[n].Length; c++) if (gamma[n][c] > gamma[n][best]) best = c;
            labels[n] = best;
        }
        return labels;
    }

    /// <summary>Akaike information criterion −2·LL + 2p, p = (k − 1) + k·d + k·d(d+1)/2, LL the total log-likelihood of <paramref name="x"/>.</summary>
    public double Aic(double[][] x) => -2 * Em.LogLikelihood(Checked(x), _packed) + 2 * FreeParameters;

    /// <summary>Bayesian information criterion −2·LL + p·ln n, LL the total log-likelihood of <paramref name="x"/>, n its number of rows.</summary>
    public double Bic(double[][] x)
    {
        var data = Checked(x);
        return -2 * Em.LogLikelihood(data, _packed) + FreeParameters * Math.Log(data.Length);
    }

    /// <summary>Draws <paramref name="n"/> points: first z ~ π, then x ~ N(μ_z, Σ_z) (eq. 8-10).</summary>
    /// <param name="n">Number of points. Range: ≥ 1.</param>
    /// <param name="seed">Random seed; the same seed gives the same sample.</param>
    public MixtureSample Sample(int n, int seed) => MixtureSampling.Sample(_packed, n, seed);

    private double[][] Checked(double[][] x)
    {
        var (_, d) = Validate.Data(x);
        if (d != Dimension) throw new ArgumentException($"x has {d} features but the model was fitted on {Dimension}.", nameof(x));
        return x;
    }
}
