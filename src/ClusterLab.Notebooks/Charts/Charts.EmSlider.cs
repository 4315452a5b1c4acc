namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>One chart of the points with the components' 1σ/2σ ellipses and a slider over the EM iterations.</summary>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="history">The model's <see cref="GaussianMixtureModel.History"/>.</param>
    /// <param name="title">Chart title.</param>
    public static Figure EmSlider(double[][] x, IReadOnlyList<EmIteration> history, string title = "EM iterations")
        => throw new NotImplementedException();
}
