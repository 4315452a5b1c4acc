namespace ClusterLab;

/// <summary>
/// The EM algorithm's steps for a Gaussian mixture, one public method per step, so that a lesson can run them one at a time
/// (lecture: 1. initialise, 2. E-step, 3. M-step, 4. evaluate the log-likelihood).
/// </summary>
public static class Em
{
    /// <summary>E-step: responsibilities γ(z_nk) = π_k N(x_n|μ_k,Σ_k) / Σ_j π_j N(x_n|μ_j,Σ_j) (eq. 1, 12-13), computed in log space.</summary>
    /// <returns>Shape (nSamples, k); every row sums to 1.</returns>
    public static double[][] EStep(double[][] x, MixtureParameters parameters) => throw new NotImplementedException();

    /// <summary>M-step: N_k = Σ_n γ(z_nk) (24), μ_k (2, 23), Σ_k (3, 25) plus regCovar·I, π_k = N_k / N (4, 29).</summary>
    /// <param name="x">Data, shape (nSamples, nFeatures).</param>
    /// <param name="responsibilities">γ(z_nk), shape (nSamples, k).</param>
    /// <param name="regCovar">Added to the diagonal of each Σ_k. Default 1e-6. Range: ≥ 0.</param>
    public static MixtureParameters MStep(double[][] x, double[][] responsibilities, double regCovar = 1e-6) => throw new NotImplementedException();

    /// <summary>Total log-likelihood ln p(X|π,μ,Σ) = Σ_n ln Σ_k π_k N(x_n|μ_k,Σ_k) (eq. 5, 19).</summary>
    public static double LogLikelihood(double[][] x, MixtureParameters parameters) => throw new NotImplementedException();
}
