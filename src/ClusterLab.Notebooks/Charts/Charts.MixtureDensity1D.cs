namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>A 1-D mixture density p(x) = Σ_k π_k N(x | μ_k, σ²_k) with its weighted components π_k N(x | μ_k, σ²_k), over an optional density histogram of data.</summary>
    /// <param name="weights">Mixing coefficients π_k, length k, summing to 1.</param>
    /// <param name="means">Means μ_k, length k.</param>
    /// <param name="variances">Variances σ²_k, length k, each &gt; 0.</param>
    /// <param name="data">Samples to show as a normalised histogram, or null. Default null.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis. Default "x".</param>
    /// <param name="bins">Histogram bins. Default 30. Range: ≥ 1.</param>
    public static Figure MixtureDensity1D(double[] weights, double[] means, double[] variances, double[]? data = null,
        string title = "1-D Gaussian mixture", string xLabel = "x", int bins = 30) => throw new NotImplementedException();
}
