namespace ClusterLab;

/// <summary>A Gaussian mixture with full covariances, fitted by EM. Follows scikit-learn's <c>GaussianMixture</c> contract.</summary>
public sealed class GaussianMixture
{
    /// <summary>Creates an estimator for <paramref name="k"/> components. Range: k ≥ 1.</summary>
    public GaussianMixture(int k) => K = k;

    /// <summary>Number of components.</summary>
    public int K { get; }
    /// <summary>Initialisation. Default <see cref="MixtureInit.KMeans"/>. Ignored when <see cref="InitialParameters"/> is set.</summary>
    public MixtureInit Init { get; set; } = MixtureInit.KMeans;
    /// <summary>Given starting parameters. Default null.</summary>
    public MixtureParameters? InitialParameters { get; set; }
    /// <summary>Maximum EM iterations. Default 100.</summary>
    public int MaxIter { get; set; } = 100;
    /// <summary>Convergence threshold on the change of the mean log-likelihood per sample. Default 1e-3. Range: ≥ 0.</summary>
    public double Tol { get; set; } = 1e-3;
    /// <summary>Added to the diagonal of each covariance. Default 1e-6. Range: ≥ 0.</summary>
    public double RegCovar { get; set; } = 1e-6;
    /// <summary>Number of initialisations; the highest log-likelihood is kept. Default 1.</summary>
    public int NInit { get; set; } = 1;
    /// <summary>Random seed; null draws one from the system. Default null.</summary>
    public int? Seed { get; set; }

    /// <summary>Fits the mixture to <paramref name="x"/>, shape (nSamples, nFeatures).</summary>
    public GaussianMixtureModel Fit(double[][] x) => throw new NotImplementedException();
}
