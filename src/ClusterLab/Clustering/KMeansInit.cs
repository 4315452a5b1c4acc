namespace ClusterLab;

/// <summary>How K-means chooses its first centroids.</summary>
public enum KMeansInit
{
    /// <summary>Greedy k-means++ (Arthur and Vassilvitskii, 2006): D(x)² sampling with 2 + ⌊ln k⌋ local trials.</summary>
    KMeansPlusPlus,
    /// <summary>k distinct rows of the data, drawn uniformly.</summary>
    Random,
}
