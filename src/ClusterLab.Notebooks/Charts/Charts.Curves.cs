namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>The log-likelihood ln p(X | π, μ, Σ) (eq. 19) after every EM iteration: it never decreases.</summary>
    /// <param name="values">Log-likelihood per iteration.</param>
    /// <param name="title">Chart title.</param>
    public static Figure LogLikelihoodCurve(IReadOnlyList<double> values, string title = "Log-likelihood per EM iteration")
        => throw new NotImplementedException();

    /// <summary>The inertia Σ_i ‖x_i − μ_{label(i)}‖² after every Lloyd iteration: it never increases.</summary>
    /// <param name="values">Inertia per iteration.</param>
    /// <param name="title">Chart title.</param>
    public static Figure InertiaCurve(IReadOnlyList<double> values, string title = "Inertia per K-means iteration")
        => throw new NotImplementedException();
}
