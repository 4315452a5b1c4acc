namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// Density contours of the 2-D mixture p(x) = Σ_k π_k N(x | μ_k, Σ_k) (eq. 6), with the 1σ and 2σ ellipses of every
    /// component (from the eigen-decomposition of Σ_k), its mean, and the points.
    /// </summary>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="p">Mixture parameters with <see cref="MixtureParameters.Dimension"/> = 2.</param>
    /// <param name="labels">Component of every point to colour by, or null for grey points. Default null.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="resolution">Grid cells per axis for the density contours. Default 80. Range: 2 … 500.</param>
    public static Figure MixtureContours(double[][] x, MixtureParameters p, int[]? labels = null,
        string title = "Gaussian mixture: density and 1σ/2σ ellipses", int resolution = 80) => throw new NotImplementedException();
}
