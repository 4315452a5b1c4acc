using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// One EM iteration: the parameters after the M-step and the total log-likelihood at them. Holds O(k·d²) numbers, nothing
/// per data point; equality is by value (<see cref="MixtureParameters"/> compares its arrays element by element).
/// </summary>
/// <param name="Parameters">θ_t, the parameters after this iteration's M-step.</param>
/// <param name="LogLikelihood">ln p(X | θ_t), total over the training data (eq. 5).</param>
public sealed record EmIteration(MixtureParameters Parameters, double LogLikelihood)
{
    /// <summary>The training data, when the iteration comes from <see cref="GaussianMixture.Fit"/> (for <see cref="Responsibilities"/>).</summary>
    internal double[][]? TrainingData { get; init; }

    /// <summary>
    /// γ(z_nk) of the training data at <see cref="Parameters"/> (eq. 13), shape (nSamples, k): recomputed on every call
    /// (one E-step, O(n·k·d²)), not stored, so that a history costs nothing per data point until it is read. The fit keeps
    /// a reference to the x it was given, not a copy: change x after fitting and this follows the changed data.
    /// </summary>
    /// <exception cref="InvalidOperationException">The iteration was not produced by a fit (constructed by hand): use <see cref="Em.EStep"/> with your data.</exception>
    public double[][] Responsibilities() =>
        Em.EStep(TrainingData ?? throw new InvalidOperationException("This EmIteration was not produced by GaussianMixture.Fit, so it has no training data: call Em.EStep(x, iteration.Parameters)."), Parameters);

    /// <summary>Value equality of the parameters and the log-likelihood (the training data reference is not compared).</summary>
    public bool Equals(EmIteration? other) => other is not null && Parameters == other.Parameters && LogLikelihood.Equals(other.LogLikelihood);

    /// <summary>Consistent with <see cref="Equals(EmIteration)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Parameters, LogLikelihood);
}

/// <summary>A sample drawn from a mixture: the points and the component that drew each (the complete data, z). Equality is by value.</summary>
/// <param name="X">Points, shape (n, nFeatures). The caller's own arrays (a fresh sample).</param>
/// <param name="Components">Component of every point, length n, in 0 … k − 1.</param>
public sealed record MixtureSample(double[][] X, int[] Components)
{
    /// <summary>Value equality: the same points and components, element by element.</summary>
    public bool Equals(MixtureSample? other) => other is not null && DeepArrays.Equal(X, other.X) && DeepArrays.Equal(Components, other.Components);

    /// <summary>Consistent with <see cref="Equals(MixtureSample)"/>.</summary>
    public override int GetHashCode()
    {
        var h = new HashCode();
        DeepArrays.Add(ref h, X); DeepArrays.Add(ref h, Components);
        return h.ToHashCode();
    }
}

/// <summary>
/// A fitted Gaussian mixture. Immutable: <see cref="Parameters"/> is immutable, <see cref="Weights"/>, <see cref="Means"/>
/// and <see cref="Covariances"/> return fresh copies, and every prediction uses exactly the parameters they show.
/// </summary>
public sealed class GaussianMixtureModel
{
    private readonly PackedMixture _packed;

    /// <summary>Creates a model from fitted state (validated as <see cref="FromParameters"/>).</summary>
    /// <exception cref="ArgumentException">Parameters of inconsistent shapes, weights not summing to 1, or a covariance not positive definite.</exception>
    public GaussianMixtureModel(MixtureParameters parameters, double logLikelihood, bool converged, int iterations, IReadOnlyList<EmIteration> history)
        : this(MixtureValidation.Parameters(parameters, nameof(parameters)), logLikelihood, converged, iterations,
               history ?? throw new ArgumentNullException(nameof(history), "history is null: pass an empty list when there is none."), null, CovarianceType.Full)
    {
    }

    internal GaussianMixtureModel(PackedMixture packed, double logLikelihood, bool converged, int iterations, IReadOnlyList<EmIteration> history, int? seedUsed,
        CovarianceType covarianceType)
    {
        CovarianceType = covarianceType;
        _packed = packed;
        Parameters = packed.ToParameters(); LogLikelihood = logLikelihood; Converged = converged; Iterations = iterations;
        History = history.ToList().AsReadOnly(); SeedUsed = seedUsed;
    }

    /// <summary>
    /// A model with given parameters, e.g. to predict with or sample from a known mixture. Validated: every problem is named
    /// (wrong shapes, a non-finite value, weights outside [0, 1] or not summing to 1, a covariance not symmetric or not
    /// positive definite). No training data: <see cref="LogLikelihood"/> is NaN, <see cref="Iterations"/> 0,
    /// <see cref="History"/> empty.
    /// </summary>
    /// <param name="parameters">π, μ, Σ (copied).</param>
    /// <param name="covarianceType">The form of the covariances, which sets <see cref="FreeParameters"/>; they must have it (e.g. all equal for Tied). Default Full.</param>
    /// <exception cref="ArgumentException">The parameters are not a valid mixture, or the covariances lack the form of <paramref name="covarianceType"/> (the message says which part and why).</exception>
    public static GaussianMixtureModel FromParameters(MixtureParameters parameters, CovarianceType covarianceType = CovarianceType.Full)
    {
        var packed = MixtureValidation.Parameters(parameters, nameof(parameters));
        if (!Enum.IsDefined(covarianceType))
            throw new ArgumentOutOfRangeException(nameof(covarianceType), covarianceType, $"covarianceType={covarianceType} is not a CovarianceType value.");
        CovarianceShapes.CheckStructure(covarianceType, parameters.CovariancesView, nameof(parameters));
        return new(packed, double.NaN, false, 0, [], null, covarianceType);
    }

    /// <summary>The form of the covariances (the fit's <see cref="GaussianMixture.CovarianceType"/>); <see cref="Covariances"/> are full d × d matrices of this form.</summary>
    public CovarianceType CovarianceType { get; }

    /// <summary>Fitted parameters (immutable).</summary>
    public MixtureParameters Parameters { get; }
    /// <summary>Mixing coefficients π_k, length k (a copy).</summary>
    public double[] Weights => Parameters.Weights;
    /// <summary>Means μ_k, shape (k, nFeatures) (a copy).</summary>
    public double[][] Means => Parameters.Means;
    /// <summary>Covariances Σ_k as full d × d matrices, shape (k, nFeatures, nFeatures) (a copy).</summary>
    public double[][][] Covariances => Parameters.Covariances;
    /// <summary>The seed the fit used: <see cref="GaussianMixture.Seed"/>, or the one drawn when it was null (pass it back as Seed to repeat the fit). Null for a model not made by a fit.</summary>
    public int? SeedUsed { get; }
    /// <summary>Total log-likelihood of the training data at <see cref="Parameters"/> (eq. 5), i.e. after the last M-step.</summary>
    public double LogLikelihood { get; }
    /// <summary>Whether the change of the mean log-likelihood fell under Tol (scikit-learn's <c>converged_</c>).</summary>
    public bool Converged { get; }
    /// <summary>EM iterations run (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }
    /// <summary>
    /// One entry per EM iteration of the kept run; the last one holds <see cref="Parameters"/> and <see cref="LogLikelihood"/>
    /// (empty when MaxIter = 0). Read-only; each entry holds θ_t and ln L only (O(k·d²)); its responsibilities are
    /// recomputed on request (<see cref="EmIteration.Responsibilities"/>).
    /// </summary>
    public IReadOnlyList<EmIteration> History { get; }
    /// <summary>Number of components k.</summary>
    public int K => _packed.K;
    /// <summary>Number of features d.</summary>
    public int Dimension => _packed.D;
    /// <summary>
    /// Free parameters p = (k − 1) + k·d + c: weights, means, and c covariance parameters, k·d(d+1)/2 full, d(d+1)/2 tied,
    /// k·d diagonal, k spherical (scikit-learn's <c>_n_parameters</c>).
    /// </summary>
    public int FreeParameters => (K - 1) + K * Dimension + CovarianceShapes.Count(CovarianceType, K, Dimension);

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

    /// <summary>Akaike information criterion −2·LL + 2p, p = <see cref="FreeParameters"/>, LL the total log-likelihood of <paramref name="x"/>.</summary>
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
