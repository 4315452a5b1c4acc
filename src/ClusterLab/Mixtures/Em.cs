using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// The EM algorithm's steps for a Gaussian mixture, one public method per step, so that a lesson can run them one at a time
/// (lecture: 1. initialise, 2. E-step, 3. M-step, 4. evaluate the log-likelihood).
/// </summary>
/// <remarks>
/// Named <c>Em</c>, not <c>EM</c>: .NET's naming rules capitalise both letters only of a two-letter acronym that stands
/// for two words and is used as an identifier on its own (<c>IO</c>, <c>UI</c>); "EM" (expectation-maximisation) is
/// that case, but the name is kept as <c>Em</c> because the lessons and both assignments call <c>Em.EStep</c> and
/// <c>Em.MStep</c>, and renaming a public type would break them for no change in meaning.
/// </remarks>
public static class Em
{
    /// <summary>E-step: responsibilities γ(z_nk) = π_k N(x_n|μ_k,Σ_k) / Σ_j π_j N(x_n|μ_j,Σ_j) (eq. 1, 12-13), computed in log space.</summary>
    /// <param name="x">Data, shape (nSamples, nFeatures).</param>
    /// <param name="parameters">π, μ, Σ with nFeatures columns; weights sum to 1, covariances symmetric positive definite.</param>
    /// <returns>Shape (nSamples, k); every row sums to 1.</returns>
    /// <exception cref="ArgumentException">Bad data, or parameters of the wrong shape, weights not summing to 1, a covariance not positive definite.</exception>
    public static double[][] EStep(double[][] x, MixtureParameters parameters)
    {
        var (n, d) = Validate.Data(x);
        var packed = MixtureValidation.Parameters(parameters, d, null, nameof(parameters));
        return Responsibilities(x, packed);
    }

    /// <summary>M-step: N_k = Σ_n γ(z_nk) (24), μ_k (2, 23), Σ_k (3, 25) of the given form plus regCovar·I, π_k = N_k / N (4, 29).</summary>
    /// <param name="x">Data, shape (nSamples, nFeatures).</param>
    /// <param name="responsibilities">γ(z_nk), shape (nSamples, k); rows sum to 1.</param>
    /// <param name="regCovar">Added to the diagonal of each Σ_k. Default 1e-6. Range: ≥ 0.</param>
    /// <param name="covarianceType">The form of Σ_k (as scikit-learn's <c>covariance_type</c>); returned as full d × d matrices. Default Full.</param>
    /// <remarks>As scikit-learn, N_k gets 10·2⁻⁵² added, so that a component with no responsibility gets μ_k = 0 and Σ_k = regCovar·I.</remarks>
    /// <exception cref="ArgumentException">Bad data, responsibilities of the wrong shape or with rows not summing to 1, regCovar &lt; 0.</exception>
    /// <exception cref="InvalidOperationException">Some Σ_k + regCovar·I is not positive definite (collapsed component).</exception>
    public static MixtureParameters MStep(double[][] x, double[][] responsibilities, double regCovar = 1e-6, CovarianceType covarianceType = CovarianceType.Full)
    {
        var (n, d) = Validate.Data(x);
        var resp = MixtureValidation.Responsibilities(responsibilities, n, nameof(responsibilities));
        MixtureValidation.RegCovar(regCovar, nameof(regCovar));
        if (!Enum.IsDefined(covarianceType))
            throw new ArgumentOutOfRangeException(nameof(covarianceType), covarianceType, $"covarianceType={covarianceType} is not a CovarianceType value.");
        int k = resp.Length / n;
        var ws = new EmWorkspace(x, k);
        ws.SetRowMajor(resp);
        MStepKernel.AccumulateMeans(ws);
        var packed = MStepKernel.Run(ws, regCovar, covarianceType, out int failed) ?? throw MixtureValidation.IllDefinedCovariance(failed, regCovar);
        return packed.ToParameters();
    }

    /// <summary>Total log-likelihood ln p(X|π,μ,Σ) = Σ_n ln Σ_k π_k N(x_n|μ_k,Σ_k) (eq. 5, 19).</summary>
    /// <param name="x">Data, shape (nSamples, nFeatures).</param>
    /// <param name="parameters">π, μ, Σ with nFeatures columns.</param>
    /// <exception cref="ArgumentException">Bad data or parameters (see <see cref="EStep"/>).</exception>
    public static double LogLikelihood(double[][] x, MixtureParameters parameters)
    {
        var (_, d) = Validate.Data(x);
        var packed = MixtureValidation.Parameters(parameters, d, null, nameof(parameters));
        return LogLikelihood(x, packed);
    }

    /// <summary>The mixture's log density ln p(x_n) = ln Σ_k π_k N(x_n|μ_k,Σ_k) (eq. 6) of every row, for contour plots and anomaly scores (scikit-learn's <c>score_samples</c>).</summary>
    /// <returns>Length nSamples; their sum is <see cref="LogLikelihood(double[][], MixtureParameters)"/>.</returns>
    public static double[] LogDensities(double[][] x, MixtureParameters parameters)
    {
        var (_, d) = Validate.Data(x);
        var packed = MixtureValidation.Parameters(parameters, d, null, nameof(parameters));
        var ws = new EmWorkspace(x, packed.K, keepResponsibilities: false, keepLogDensities: true);
        EStepKernel.Run(ws, packed, accumulateForMStep: false);
        return ws.LogDensities!;
    }

    /// <summary>γ(z_nk) for validated data and packed parameters, as jagged rows.</summary>
    internal static double[][] Responsibilities(double[][] x, PackedMixture m)
    {
        var ws = new EmWorkspace(x, m.K);
        EStepKernel.Run(ws, m, accumulateForMStep: false);
        return ws.ResponsibilityRows();
    }

    /// <summary>Σ_n ln p(x_n) for validated data and packed parameters.</summary>
    internal static double LogLikelihood(double[][] x, PackedMixture m) =>
        EStepKernel.Run(new EmWorkspace(x, m.K, keepResponsibilities: false), m, accumulateForMStep: false);
}
