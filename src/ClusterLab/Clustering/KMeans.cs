namespace ClusterLab;

/// <summary>
/// K-means clustering by Lloyd's algorithm: assign every point to its closest centroid, move every centroid to the mean
/// of its points, repeat. Follows scikit-learn's <c>KMeans</c> contract.
/// </summary>
public sealed class KMeans
{
    /// <summary>Creates an estimator for <paramref name="k"/> clusters.</summary>
    /// <param name="k">Number of clusters. Range: k ≥ 1 (and k ≤ n when fitting).</param>
    public KMeans(int k) => K = k;

    /// <summary>Number of clusters.</summary>
    public int K { get; }
    /// <summary>Initialisation method. Default <see cref="KMeansInit.KMeansPlusPlus"/>. Ignored when <see cref="InitialCentroids"/> is set.</summary>
    public KMeansInit Init { get; set; } = KMeansInit.KMeansPlusPlus;
    /// <summary>Given initial centroids, shape (k, nFeatures), "if you happen to know approximately where the centroids should be". Default null.</summary>
    public double[][]? InitialCentroids { get; set; }
    /// <summary>Number of restarts; the run with the lowest inertia is kept. Default 1. Range: ≥ 1.</summary>
    public int NInit { get; set; } = 1;
    /// <summary>Maximum Lloyd iterations per run. Default 300. Range: ≥ 1.</summary>
    public int MaxIter { get; set; } = 300;
    /// <summary>Tolerance on the squared centroid shift, scaled by the mean feature variance. Default 1e-4. Range: ≥ 0.</summary>
    public double Tol { get; set; } = 1e-4;
    /// <summary>Random seed; null draws one from the system. Default null.</summary>
    public int? Seed { get; set; }

    /// <summary>Runs K-means on <paramref name="x"/>, shape (nSamples, nFeatures).</summary>
    /// <returns>The fitted model of the best restart.</returns>
    /// <exception cref="ArgumentException">Null, empty, ragged or non-finite data, or k outside 1 … n.</exception>
    public KMeansModel Fit(double[][] x) => throw new NotImplementedException();
}
