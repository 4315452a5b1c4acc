namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// A grid of EM iterations (the lecture's Figures 1-4): per chosen iteration, the points coloured by responsibilities
    /// and the 1σ/2σ ellipse of every component.
    /// </summary>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="history">The model's <see cref="GaussianMixtureModel.History"/>.</param>
    /// <param name="iterations">0-based indices into <paramref name="history"/> to show.</param>
    /// <param name="columns">Panels per row. Default 2. Range: ≥ 1.</param>
    /// <param name="title">Chart title.</param>
    public static Figure EmIterations(double[][] x, IReadOnlyList<EmIteration> history, int[] iterations, int columns = 2,
        string title = "EM iterations") => throw new NotImplementedException();
}
