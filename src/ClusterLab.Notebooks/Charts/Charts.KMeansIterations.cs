namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// A grid of Lloyd iterations (Géron Fig 9-4): for every chosen iteration, one panel with the points coloured by that
    /// iteration's assignment, the centroids before the move (hollow) and after it (crosses).
    /// </summary>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="history">The model's <see cref="KMeansModel.History"/>.</param>
    /// <param name="iterations">0-based indices into <paramref name="history"/> to show; null shows the first min(6, count). Default null.</param>
    /// <param name="columns">Panels per row. Default 3. Range: ≥ 1.</param>
    /// <param name="title">Chart title.</param>
    public static Figure KMeansIterations(double[][] x, IReadOnlyList<KMeansIteration> history, int[]? iterations = null,
        int columns = 3, string title = "K-means iterations") => throw new NotImplementedException();
}
