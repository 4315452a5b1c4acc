namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>Silhouette score against k (Géron Fig 9-9), the best k marked.</summary>
    /// <param name="ks">Numbers of clusters, ascending, each ≥ 2.</param>
    /// <param name="scores">Silhouette score for every k, same length, in [−1, 1].</param>
    /// <param name="title">Chart title.</param>
    public static Figure SilhouetteScores(int[] ks, double[] scores, string title = "Silhouette score against k")
        => throw new NotImplementedException();
}
