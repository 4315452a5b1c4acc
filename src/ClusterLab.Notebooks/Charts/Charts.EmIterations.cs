namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// A grid of EM iterations (the lecture's Figures 1-4). Panel "iteration i + 1" shows <paramref name="history"/>[i]: the
    /// points coloured by their responsibilities under those parameters (mixed ink, as <see cref="Responsibilities"/>), and
    /// the 1σ/2σ ellipses and mean of every component.
    /// </summary>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="history">The model's <see cref="GaussianMixtureModel.History"/>.</param>
    /// <param name="iterations">0-based indices into <paramref name="history"/> to show, at least one.</param>
    /// <param name="columns">Panels per row. Default 2. Range: ≥ 1.</param>
    /// <param name="title">Chart title.</param>
    /// <exception cref="ArgumentException">Bad points, an index outside the history, or parameters that are not 2-D or not positive definite.</exception>
    public static Figure EmIterations(double[][] x, IReadOnlyList<EmIteration> history, int[] iterations, int columns = 2,
        string title = "EM iterations")
    {
        ChartInput.Points2D(x, nameof(x));
        ArgumentNullException.ThrowIfNull(history);
        ChartInput.Indices(iterations, history.Count, nameof(iterations));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, $"columns={columns} should be >= 1.");
        foreach (var i in iterations) ChartInput.Mixture2D(history[i].Parameters, $"history[{i}].Parameters");
        var (xr, yr) = MixtureRanges(x, iterations.Select(i => history[i].Parameters));

        columns = Math.Min(columns, iterations.Length);
        var b = new PlotBuilder(title, "", "");
        var titles = iterations.Select(i => $"iteration {i + 1}: ln L = {Numbers.Round(history[i].LogLikelihood, 5)}").ToArray();
        b.Panels(titles, columns, iterations.Select(_ => "x₁").ToArray(), iterations.Select(_ => "x₂").ToArray(), equalAspect: true);
        for (var p = 0; p < iterations.Length; p++)
        {
            var axis = PlotBuilder.AxisSuffix(p);
            AddMixtureStep(b, x, history[iterations[p]].Parameters, axis, showLegend: p == 0);
            WithRange((Props)b.Layout["xaxis" + axis]!, xr.Min, xr.Max);
            WithRange((Props)b.Layout["yaxis" + axis]!, yr.Min, yr.Max);
        }
        return b.Build();
    }

    /// <summary>Points coloured by responsibilities (1 trace), then <see cref="AddComponents"/> (3k traces). Returns the traces.</summary>
    private static List<Props> AddMixtureStep(PlotBuilder b, double[][] x, MixtureParameters p, string axis = "", bool showLegend = true)
    {
        var gamma = Gaussian2D.Responsibilities(x, p);
        var points = b.Markers("points (colour: γ)", x.Select(r => r[0]), x.Select(r => r[1]), ResponsibilityColors(gamma), 5, axis: axis);
        points["showlegend"] = false;
        var traces = new List<Props> { points };
        traces.AddRange(AddComponents(b, p, axis, showLegend));
        return traces;
    }

    /// <summary>Axis ranges covering the points and every 2σ ellipse of the given parameters.</summary>
    private static ((double Min, double Max) X, (double Min, double Max) Y) MixtureRanges(double[][] x, IEnumerable<MixtureParameters> ps)
    {
        var ellipses = ps.SelectMany(p => Enumerable.Range(0, p.K).Select(k => Gaussian2D.Ellipse(p.Means[k], p.Covariances[k], 2, k, 24))).ToList();
        return (Numbers.PaddedRange(x.Select(r => r[0]).Concat(ellipses.SelectMany(e => e.X))),
                Numbers.PaddedRange(x.Select(r => r[1]).Concat(ellipses.SelectMany(e => e.Y))));
    }
}
