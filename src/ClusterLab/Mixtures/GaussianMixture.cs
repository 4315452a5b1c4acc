using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>A Gaussian mixture fitted by EM, with full (default), tied, diagonal or spherical covariances. Follows scikit-learn's <c>GaussianMixture</c> contract.</summary>
/// <remarks>
/// Each run: initial responsibilities (K-means or random) and one M-step give θ_0 (skipped when
/// <see cref="InitialParameters"/> is set); then E-step, M-step, evaluate, until converged or <see cref="MaxIter"/>.
/// The convergence test is scikit-learn's: at iteration t it compares the mean log-likelihoods of the two E-steps before
/// the M-step (θ_{t−1} and θ_{t−2}), so that <see cref="GaussianMixtureModel.Iterations"/> and the returned parameters θ_t
/// match scikit-learn's <c>n_iter_</c> and parameters. The model's <see cref="GaussianMixtureModel.LogLikelihood"/> is
/// evaluated at θ_t (scikit-learn's <c>lower_bound_</c> is the one at θ_{t−1}).
/// </remarks>
public sealed class GaussianMixture
{
    /// <summary>Creates an estimator for <paramref name="k"/> components. Range: k ≥ 1 (and k ≤ n when fitting).</summary>
    public GaussianMixture(int k) => K = k;

    /// <summary>Number of components.</summary>
    public int K { get; }
    /// <summary>Initialisation. Default <see cref="MixtureInit.KMeans"/>. Ignored when <see cref="InitialParameters"/> is set.</summary>
    public MixtureInit Init { get; set; } = MixtureInit.KMeans;
    /// <summary>Given starting parameters θ_0 (k components, nFeatures columns, covariances of the <see cref="CovarianceType"/>'s form as full matrices); EM starts with an E-step at them. Default null.</summary>
    public MixtureParameters? InitialParameters { get; set; }
    /// <summary>Maximum EM iterations. Default 100. Range: ≥ 0 (0 returns θ_0).</summary>
    public int MaxIter { get; set; } = 100;
    /// <summary>Convergence threshold on the change of the mean log-likelihood per sample. Default 1e-3. Range: ≥ 0 (0 runs MaxIter iterations).</summary>
    public double Tol { get; set; } = 1e-3;
    /// <summary>The form of the covariances, as scikit-learn's <c>covariance_type</c>. Default <see cref="CovarianceType.Full"/>.</summary>
    public CovarianceType CovarianceType { get; set; } = CovarianceType.Full;
    /// <summary>Added to the diagonal of each covariance. Default 1e-6. Range: ≥ 0.</summary>
    public double RegCovar { get; set; } = 1e-6;
    /// <summary>Number of initialisations; the highest final log-likelihood is kept. Default 1, as scikit-learn's <c>n_init</c> (1.2 and later). Range: ≥ 1 (one run when <see cref="InitialParameters"/> is set).</summary>
    public int NInit { get; set; } = 1;
    /// <summary>Random seed; null draws one from the system (the model's <see cref="GaussianMixtureModel.SeedUsed"/> says which). Default null. Run 0 passes it unchanged to K-means.</summary>
    public int? Seed { get; set; }

    /// <summary>Fits the mixture to <paramref name="x"/>, shape (nSamples, nFeatures).</summary>
    /// <returns>The run with the highest log-likelihood at its returned parameters.</returns>
    /// <exception cref="ArgumentException">Bad data, k outside 1 … n, fewer distinct points than k, bad settings, or <see cref="InitialParameters"/> of the wrong shape, weights not summing to 1, a covariance not positive definite.</exception>
    /// <exception cref="InvalidOperationException">A covariance cannot be factorised even with <see cref="RegCovar"/>.</exception>
    public GaussianMixtureModel Fit(double[][] x)
    {
        var (n, d) = Validate.Data(x);
        Validate.ClusterCount(K, n);
        Validate.DistinctPoints(RowMatrix.FromJagged(x).Data, n, d, K);   // whatever the initialisation: k components on fewer points collapse
        Validate.AtLeast(MaxIter, 0, nameof(MaxIter));
        Validate.AtLeast(Tol, 0.0, nameof(Tol));
        MixtureValidation.RegCovar(RegCovar, nameof(RegCovar));
        Validate.AtLeast(NInit, 1, nameof(NInit));
        if (!Enum.IsDefined(Init)) throw new ArgumentOutOfRangeException(nameof(Init), Init, $"Init={Init} is not a MixtureInit value.");
        if (!Enum.IsDefined(CovarianceType))
            throw new ArgumentOutOfRangeException(nameof(CovarianceType), CovarianceType, $"CovarianceType={CovarianceType} is not a CovarianceType value: use Full, Tied, Diagonal or Spherical.");
        var given = InitialParameters is null ? null : MixtureValidation.Parameters(InitialParameters, d, K, nameof(InitialParameters));
        if (InitialParameters is not null) CovarianceShapes.CheckStructure(CovarianceType, InitialParameters.CovariancesView, nameof(InitialParameters));

        var ws = new EmWorkspace(x, K);
        int runs = given is null ? NInit : 1;
        int seedUsed = Seed ?? Random.Shared.Next();
        var seeds = RunSeeds(seedUsed, runs);
        EmRun? best = null;
        for (int run = 0; run < runs; run++)
        {
            var theta0 = given ?? Initialise(x, ws, seeds[run]); // 1. initialise
            var result = RunEm(ws, theta0, x);
            if (best is null || result.LogLikelihood > best.LogLikelihood) best = result;
        }
        return new GaussianMixtureModel(best!.Parameters, best.LogLikelihood, best.Converged, best.Iterations, best.History, seedUsed, CovarianceType);
    }

    private sealed record EmRun(PackedMixture Parameters, double LogLikelihood, bool Converged, int Iterations, List<EmIteration> History);

    /// <summary>One EM run from θ_0 (scikit-learn's <c>fit_predict</c> loop for one initialisation).</summary>
    private EmRun RunEm(EmWorkspace ws, PackedMixture theta, double[][] x)
    {
        int n = ws.N;
        var history = new List<EmIteration>();
        double logLikelihood = EStep(ws, theta);             // 2. E-step at θ_0
        double previousLowerBound = double.NegativeInfinity;
        bool converged = false;
        int iterations = 0;
        for (int t = 1; t <= MaxIter && !converged; t++)
        {
            iterations = t;
            double lowerBound = logLikelihood / n;           // mean ln p(x_n | θ_{t−1}): scikit-learn's lower bound at iteration t
            theta = MStep(ws);                               // 3. M-step: θ_t from γ(z_nk) at θ_{t−1}
            logLikelihood = EStep(ws, theta);                // 4. evaluate ln p(X | θ_t) (its γ feed the next M-step)
            history.Add(new EmIteration(theta.ToParameters(), logLikelihood) { TrainingData = x });   // θ_t and ln L only: O(k·d²)
            converged = Math.Abs(lowerBound - previousLowerBound) < Tol; // change of the mean log-likelihood (lagged, as scikit-learn)
            previousLowerBound = lowerBound;
        }
        return new EmRun(theta, logLikelihood, converged, iterations, history);
    }

    /// <summary>θ_0 from the initial responsibilities, by one M-step (as scikit-learn's <c>_initialize</c>).</summary>
    private PackedMixture Initialise(double[][] x, EmWorkspace ws, int seed)
    {
        InitialResponsibilities.Fill(Init, x, K, seed, ws);
        MStepKernel.AccumulateMeans(ws);
        return MStep(ws);
    }

    /// <summary>E-step over the workspace: γ(z_nk), the sums the next M-step needs, and the total log-likelihood.</summary>
    private static double EStep(EmWorkspace ws, PackedMixture theta) => EStepKernel.Run(ws, theta, accumulateForMStep: true);

    /// <summary>M-step from the workspace's responsibilities and sums.</summary>
    private PackedMixture MStep(EmWorkspace ws) =>
        MStepKernel.Run(ws, RegCovar, CovarianceType, out int failed) ?? throw MixtureValidation.IllDefinedCovariance(failed, RegCovar);

    /// <summary>Run 0 uses the seed itself (so its K-means matches <c>new KMeans(k) { Seed = seed }</c>); later runs draw theirs from it.</summary>
    private static int[] RunSeeds(int seed, int runs)
    {
        var seeds = new int[runs];
        var master = new Random(seed);
        seeds[0] = seed;
        for (int r = 1; r < runs; r++) seeds[r] = master.Next();
        return seeds;
    }
}
