namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// Points coloured by their responsibilities as mixed ink (Bishop Fig 9.5c): for k ≤ 3, proportions γ(z_nk) of red,
    /// green and blue; for more components, the palette colours weighted by γ(z_nk).
    /// </summary>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="gamma">Responsibilities γ(z_nk), shape (nSamples, k); rows sum to 1.</param>
    /// <param name="title">Chart title.</param>
    public static Figure Responsibilities(double[][] x, double[][] gamma, string title = "Responsibilities γ(z_nk)")
        => throw new NotImplementedException();
}
