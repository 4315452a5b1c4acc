namespace ClusterLab;

/// <summary>
/// Mini-batch K-means (Sculley, 2010): each step assigns a random batch and moves each centroid toward its batch points
/// with a per-centroid learning rate 1 / count. Faster than <see cref="KMeans"/>, with slightly worse inertia.
/// </summary>
public sealed class MiniBatchKMeans
{
    /// <summary>Creates an estimator for <paramref name="k"/> clusters.</summary>
    public MiniBatchKMeans(int k) => K = k;

    /// <summary>Number of clusters.</summary>
    public int K { get; }
    /// <summary>Points per batch. Default 1024. Range: ≥ 1.</summary>
    public int BatchSize { get; set; } = 1024;
    /// <summary>Passes over the data. Default 100. Range: ≥ 1.</summary>
    public int MaxIter { get; set; } = 100;
    /// <summary>Initialisation method. Default <see cref="KMeansInit.KMeansPlusPlus"/>.</summary>
    public KMeansInit Init { get; set; } = KMeansInit.KMeansPlusPlus;
    /// <summary>Number of initialisations tried; the one with the lowest inertia on a validation batch is kept. Default 3.</summary>
    public int NInit { get; set; } = 3;
    /// <summary>Random seed; null draws one from the system. Default null.</summary>
    public int? Seed { get; set; }

    /// <summary>Fits on <paramref name="x"/>, shape (nSamples, nFeatures). The model's inertia is computed on the full data.</summary>
    public KMeansModel Fit(double[][] x) => throw new NotImplementedException();
}
