namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// A grid of EM iterations (the lecture's Figures 1-4, Bishop Fig 9.8), one panel per iteration number t. Panel t ≥ 1
    /// shows <paramref name="history"/>[t − 1] (the parameters after t E- and M-steps), panel 0 the initialisation
    /// <paramref name="initial"/>: the points coloured by their responsibilities under those parameters (mixed ink, as
    /// <see cref="Responsibilities"/>), the 1σ/2σ ellipses and the mean of every component, and ln L in the panel title.
    /// </summary>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="history">The model's <see cref="GaussianMixtureModel.History"/>.</param>
    /// <param name="iterations">Iteration numbers t to show, each in 0 … history.Count (1-based: t = 1 is history[0]; 0 is the initialisation, which needs <paramref name="initial"/>).</param>
    /// <param name="columns">Panels per row. Default 2. Range: ≥ 1.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="initial">The parameters EM started from (iteration 0), or null. Default null.</param>
    /// <exception cref="ArgumentException">Bad points, an iteration outside 0 … history.Count (or 0 without <paramref name="initial"/>), or parameters that are not 2-D or not positive definite.</exception>
    public static Figure EmIterations(double[][] x, IReadOnlyList<EmIteration> history, int[] iterations, int columns = 2,
        string title = "EM iterations", MixtureParameters? initial = null)
    {
        ChartInput.Points2D(x, nameof(x));
        ArgumentNullException.ThrowIfNull(history);
        ChartInput.IterationNumbers(iterations, history.Count, nameof(iterations));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, $"columns={columns} should be >= 1.");
        var states = iterations.Select(t => EmState(x, history, initial, t, nameof(iterations))).ToArray();
        var (xr, yr) = MixtureRanges(x, states.Select(s => s.Parameters));

        columns = Math.Min(columns, iterations.Length);
        var b = new PlotBuilder(title, "", "");
        b.Panels(states.Select(s => s.Title).ToArray(), columns, iterations.Select(_ => "x₁").ToArray(), iterations.Select(_ => "x₂").ToArray(), equalAspect: true);
        for (var p = 0; p < states.Length; p++)
        {
            var axis = PlotBuilder.AxisSuffix(p);
            AddMixtureStep(b, x, states[p].Parameters, axis, showLegend: p == 0);
            WithRange((Props)b.Layout["xaxis" + axis]!, xr.Min, xr.Max);
            WithRange((Props)b.Layout["yaxis" + axis]!, yr.Min, yr.Max);
        }
        return b.Build();
    }

    /// <summary>The parameters and title of iteration number t (0 = <paramref name="initial"/>, t ≥ 1 = history[t − 1]), validated.</summary>
    private static (MixtureParameters Parameters, string Title) EmState(double[][] x, IReadOnlyList<EmIteration> history, MixtureParameters? initial, int t, string name)
    {
        if (t == 0)
        {
            if (initial is null)
                throw new ArgumentException($"{name} contains 0, the initialisation: pass the starting parameters as initial, or choose iterations 1 … {history.Count}.", name);
            ChartInput.Mixture2D(initial, "initial");
            var ll = Em.LogLikelihood(x, initial); // (19) ln p(X) = Σ_n ln Σ_k π_k N(x_n | μ_k, Σ_k)
            return (initial, $"initialisation: ln L = {Numbers.Text(ll, 5)}");
        }
        var p = history[t - 1].Parameters;
        ChartInput.Mixture2D(p, $"history[{t - 1}].Parameters");
        return (p, $"iteration {t}: ln L = {Numbers.Text(history[t - 1].LogLikelihood, 5)}");
    }

    /// <summary>Points coloured by responsibilities (1 trace), then <see cref="AddComponents"/> (3k traces). Returns the traces.</summary>
    private static List<Props> AddMixtureStep(PlotBuilder b, double[][] x, MixtureParameters p, string axis = "", bool showLegend = true)
    {
        var gamma = Em.EStep(x, p);
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
