namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// K-means decision regions: <see cref="KMeansModel.Predict"/> on a resolution × resolution mesh grid over the data
    /// (the lecture's 100 × 100 grid), drawn as a heatmap background, with the points and the centroids on top.
    /// </summary>
    /// <param name="model">A fitted 2-D K-means model.</param>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="resolution">Grid cells per axis. Default 100. Range: 2 … 500.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis. Default "x₁".</param>
    /// <param name="yLabel">Label of the vertical axis. Default "x₂".</param>
    public static Figure DecisionRegions(KMeansModel model, double[][] x, int resolution = 100,
        string title = "K-means decision regions", string xLabel = "x₁", string yLabel = "x₂") => throw new NotImplementedException();
}
