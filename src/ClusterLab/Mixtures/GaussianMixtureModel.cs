namespace ClusterLab;

/// <summary>One EM iteration: the parameters after the M-step and the total log-likelihood at them.</summary>
public sealed record EmIteration(MixtureParameters Parameters, double LogLikelihood);

/// <summary>A sample drawn from a mixture: the points and the component that drew each (the complete data, z).</summary>
public sealed record MixtureSample(double[][] X, int[] Components);

/// <summary>A fitted Gaussian mixture.</summary>
public sealed class GaussianMixtureModel
{
    /// <summary>Creates a model from fitted state.</summary>
    public GaussianMixtureModel(MixtureParameters parameters, double logLikelihood, bool converged, int iterations, IReadOnlyList<EmIteration> history)
    {
        Parameters = parameters; LogLikelihood = logLikelihood; Converged = converged; Iterations = iterations; History = history;
    }

    /// <summary>Fitted parameters.</summary>
    public MixtureParameters Parameters { get; }
    /// <summary>Mixing coefficients π_k.</summary>
    public double[] Weights => Parameters.Weights;
    /// <summary>Means μ_k.</summary>
    public double[][] Means => Parameters.Means;
    /// <summary>Full covariances Σ_k.</summary>
    public double[][][] Covariances => Parameters.Covariances;
    /// <summary>Total log-likelihood of the training data at <see cref="Parameters"/> (eq. 5).</summary>
    public double LogLikelihood { get; }
    /// <summary>Whether the change of the mean log-likelihood fell under Tol.</summary>
    public bool Converged { get; }
    /// <summary>EM iterations run.</summary>
    public int Iterations { get; }
    /// <summary>One entry per EM iteration.</summary>
    public IReadOnlyList<EmIteration> History { get; }

    /// <summary>Responsibilities γ(z_nk) for new data.</summary>
    public double[][] Responsibilities(double[][] x) => throw new NotImplementedException();
    /// <summary>Hard assignment argmax_k γ(z_nk).</summary>
    public int[] Predict(double[][] x) => throw new NotImplementedException();
    /// <summary>Akaike information criterion −2·LL + 2p, p = (k − 1) + k·d + k·d(d+1)/2.</summary>
    public double Aic(double[][] x) => throw new NotImplementedException();
    /// <summary>Bayesian information criterion −2·LL + p·ln n.</summary>
    public double Bic(double[][] x) => throw new NotImplementedException();
    /// <summary>Draws <paramref name="n"/> points: first z ~ π, then x ~ N(μ_z, Σ_z).</summary>
    public MixtureSample Sample(int n, int seed) => throw new NotImplementedException();
}
