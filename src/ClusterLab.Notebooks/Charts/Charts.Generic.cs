namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>Several named lines over the same x values, one legend entry each.</summary>
    /// <param name="x">Shared x values, length m.</param>
    /// <param name="series">Name → y values (length m), drawn in insertion order with palette colours 0, 1, ….</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    public static Figure Line(double[] x, IDictionary<string, double[]> series, string title = "", string xLabel = "x", string yLabel = "y")
        => throw new NotImplementedException();

    /// <summary>A scatter plot of (x_i, y_i).</summary>
    /// <param name="x">x values, length m.</param>
    /// <param name="y">y values, length m.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <param name="name">Legend name. Default "points".</param>
    /// <param name="color">Palette index of the points. Default 2 (blue).</param>
    public static Figure Scatter(double[] x, double[] y, string title = "", string xLabel = "x", string yLabel = "y",
        string name = "points", int color = 2) => throw new NotImplementedException();

    /// <summary>A histogram of <paramref name="values"/> with <paramref name="bins"/> equal-width bins.</summary>
    /// <param name="values">The values.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="bins">Number of bins. Default 30. Range: ≥ 1.</param>
    /// <param name="density">True: bar heights integrate to 1; false: counts. Default false.</param>
    public static Figure Histogram(double[] values, string title = "", string xLabel = "value", int bins = 30, bool density = false)
        => throw new NotImplementedException();

    /// <summary>Contours of a surface z over a rectangular grid (for example a log-likelihood surface), with an optional marked point.</summary>
    /// <param name="xs">Grid x values, length nx, ascending.</param>
    /// <param name="ys">Grid y values, length ny, ascending.</param>
    /// <param name="z">Surface values, shape (ny, nx): z[i][j] is the value at (xs[j], ys[i]).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <param name="zLabel">Label of the colour bar.</param>
    /// <param name="mark">A point (x, y) to mark, or null. Default null.</param>
    /// <param name="markName">Legend name of the marked point. Default "maximum".</param>
    public static Figure Contour(double[] xs, double[] ys, double[][] z, string title = "", string xLabel = "x", string yLabel = "y",
        string zLabel = "z", (double X, double Y)? mark = null, string markName = "maximum") => throw new NotImplementedException();

    /// <summary>Vertical bars, one per name.</summary>
    /// <param name="names">Bar labels, length m.</param>
    /// <param name="values">Bar heights, length m.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    public static Figure Bars(string[] names, double[] values, string title = "", string xLabel = "", string yLabel = "")
        => throw new NotImplementedException();

    /// <summary>Figures side by side in a grid of subplots, filled row by row; each keeps its traces and axis labels.</summary>
    /// <param name="figures">The figures, at least one.</param>
    /// <param name="columns">Subplots per row. Default 2. Range: ≥ 1.</param>
    /// <param name="title">Title of the whole grid.</param>
    public static Figure Grid(IReadOnlyList<Figure> figures, int columns = 2, string title = "") => throw new NotImplementedException();
}
