namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>The log-likelihood ln p(X | π, μ, Σ) (eq. 19) after every EM iteration (1, 2, …): it never decreases.</summary>
    /// <param name="values">Log-likelihood per iteration, at least one, finite.</param>
    /// <param name="title">Chart title.</param>
    /// <exception cref="ArgumentException">Empty or non-finite values.</exception>
    public static Figure LogLikelihoodCurve(IReadOnlyList<double> values, string title = "Log-likelihood per EM iteration")
    {
        ChartInput.Finite(values, nameof(values));
        return IterationCurve(values, title, "ln p(X | π, μ, Σ)", "log-likelihood", 2);
    }

    /// <summary>The inertia Σ_i ‖x_i − μ_{label(i)}‖² after every Lloyd iteration (1, 2, …): it never increases.</summary>
    /// <param name="values">Inertia per iteration, at least one, finite.</param>
    /// <param name="title">Chart title.</param>
    /// <exception cref="ArgumentException">Empty or non-finite values.</exception>
    public static Figure InertiaCurve(IReadOnlyList<double> values, string title = "Inertia per K-means iteration")
    {
        ChartInput.Finite(values, nameof(values));
        return IterationCurve(values, title, "Inertia", "inertia", 0);
    }

    private static Figure IterationCurve(IReadOnlyList<double> values, string title, string yLabel, string name, int color)
    {
        var b = new PlotBuilder(title, "Iteration", yLabel);
        var t = b.Lines(name, Enumerable.Range(1, values.Count).Select(i => (double)i), values, Palette.Color(color), digits: 7);
        t["mode"] = "lines+markers";
        if (values.Count <= 20) ((Props)b.Layout["xaxis"]!)["dtick"] = 1;
        return b.Build();
    }
}
