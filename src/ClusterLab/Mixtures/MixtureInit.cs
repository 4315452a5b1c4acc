namespace ClusterLab;

/// <summary>How a Gaussian mixture chooses its first responsibilities.</summary>
public enum MixtureInit
{
    /// <summary>Hard responsibilities from one K-means run (the lecture's chain random → K-means → MoG).</summary>
    KMeans,
    /// <summary>Random responsibilities, normalised per row (scikit-learn's <c>init_params="random"</c>).</summary>
    Random,
}
