using System.Globalization;
using System.Text;

namespace ClusterLab.Notebooks;

public static partial class Charts
{
    // Each slider step restyles the first trace only (plotly.js "update" args: data, layout, trace indices).
    private static readonly int[] SliderTraces = [0];

    /// <summary>At most this many slider steps (see <see cref="SliderSteps"/>).</summary>
    private const int MaxSliderSteps = 30;

    /// <summary>
    /// One chart with a slider over the EM iterations. Step t shows <paramref name="history"/>[t − 1] (step 0, when
    /// <paramref name="initial"/> is given, the initialisation): the points
    /// coloured by their responsibilities (mixed ink, as <see cref="Responsibilities"/>), every component's 1σ (solid) and
    /// 2σ (dashed) ellipse and its mean (a diamond), and the log-likelihood in the title. Histories longer than 30 entries
    /// are sampled: iterations 1-15 one by one, then 15 evenly spaced ones ending with the last.
    /// </summary>
    /// <remarks>
    /// To stay small, the chart has one points trace whose colours each step restyles, and draws the ellipses and means
    /// as layout shapes that each step replaces (plotly.js "update" method).
    /// </remarks>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="history">The model's <see cref="GaussianMixtureModel.History"/>, at least one entry.</param>
    /// <param name="title">Chart title (the step's iteration and log-likelihood are appended).</param>
    /// <param name="initial">The parameters EM started from, shown as step 0, or null. Default null.</param>
    /// <exception cref="ArgumentException">Bad points, empty history, or parameters that are not 2-D or not positive definite.</exception>
    public static Figure EmSlider(double[][] x, IReadOnlyList<EmIteration> history, string title = "EM iterations", MixtureParameters? initial = null)
    {
        ChartInput.Points2D(x, nameof(x));
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0) throw new ArgumentException("history is empty: fit the model first.", nameof(history));
        var steps = SliderSteps(history.Count).Select(i => i + 1).ToArray(); // iteration numbers t: history[t − 1]
        if (initial is not null) steps = [0, .. steps];
        var states = steps.Select(t => EmState(x, history, initial, t, nameof(history))).ToArray();
        var (xr, yr) = MixtureRanges(x, states.Select(s => s.Parameters));
        var markerSize = (X: 0.012 * (xr.Max - xr.Min), Y: 0.012 * (yr.Max - yr.Min));

        var colors = states.Select(s => ResponsibilityColors(Em.EStep(x, s.Parameters))).ToArray();
        var shapes = states.Select(s => ComponentShapes(s.Parameters, markerSize)).ToArray();
        var b = new PlotBuilder($"{title}: {states[0].Title}", "x₁", "x₂");
        var points = b.Markers("points (colour: γ)", x.Select(r => r[0]), x.Select(r => r[1]), colors[0], 6);
        ((Props)points["marker"]!)["line"] = new Props { ["color"] = "#333333", ["width"] = 0.4 };
        var k = states.Max(s => s.Parameters.K);
        for (var c = 0; c < k; c++) b.LegendEntry($"component {c}: 1σ, 2σ ellipses", Palette.Color(c), "lines+markers", "diamond");
        b.Shapes.AddRange(shapes[0]);

        var sliderSteps = steps.Select((it, s) => new Props
        {
            ["label"] = it.ToString(CultureInfo.InvariantCulture),
            ["method"] = "update",
            ["args"] = new object[]
            {
                new Props { ["marker.color"] = new object[] { colors[s] } },
                new Props { ["title.text"] = $"{title}: {states[s].Title}", ["shapes"] = shapes[s] },
                SliderTraces,
            },
        }).ToArray();
        b.Layout["sliders"] = new[]
        {
            new Props
            {
                ["active"] = 0, ["steps"] = sliderSteps, ["pad"] = new Props { ["t"] = 50 },
                ["currentvalue"] = new Props { ["prefix"] = "iteration " },
                ["len"] = 0.9, ["x"] = 0.05,
            },
        };
        b.Layout["height"] = 620;
        WithRange((Props)b.Layout["xaxis"]!, xr.Min, xr.Max);
        WithRange((Props)b.Layout["yaxis"]!, yr.Min, yr.Max);
        b.EqualAspect();
        return b.Build();
    }

    /// <summary>Per component: the 1σ ellipse (solid), the 2σ ellipse (dashed) and the mean (a filled diamond), as path shapes.</summary>
    private static List<Props> ComponentShapes(MixtureParameters p, (double X, double Y) size)
    {
        var shapes = new List<Props>();
        for (var k = 0; k < p.K; k++)
        {
            foreach (var s in new[] { 1, 2 })
            {
                var (ex, ey) = Gaussian2D.Ellipse(p.Means[k], p.Covariances[k], s, k, 40);
                shapes.Add(PathShape(ex.SkipLast(1), ey.SkipLast(1), Palette.Color(k), s == 1 ? 2.5 : 1.5, s == 1 ? "solid" : "dash", null));
            }
            double mx = p.Means[k][0], my = p.Means[k][1];
            shapes.Add(PathShape([mx - size.X, mx, mx + size.X, mx], [my, my + size.Y, my, my - size.Y], "black", 1, "solid", Palette.Color(k)));
        }
        return shapes;
    }

    /// <summary>A closed SVG path "M x,y L x,y … Z" in data coordinates.</summary>
    private static Props PathShape(IEnumerable<double> xs, IEnumerable<double> ys, string color, double width, string dash, string? fill)
    {
        var path = new StringBuilder();
        foreach (var (px, py) in xs.Zip(ys))
        {
            path.Append(path.Length == 0 ? 'M' : 'L');
            path.Append(Numbers.Round(px, 3).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Numbers.Round(py, 3).ToString(CultureInfo.InvariantCulture));
        }
        path.Append('Z');
        var shape = new Props
        {
            ["type"] = "path", ["xref"] = "x", ["yref"] = "y", ["path"] = path.ToString(),
            ["line"] = new Props { ["color"] = color, ["width"] = width, ["dash"] = dash },
        };
        if (fill is not null) shape["fillcolor"] = fill;
        return shape;
    }

    /// <summary>
    /// All indices 0 … count − 1, or <see cref="MaxSliderSteps"/> of them: the first half of the steps one by one (EM moves
    /// most early on), the rest evenly spaced up to the last.
    /// </summary>
    private static int[] SliderSteps(int count)
    {
        if (count <= MaxSliderSteps) return Enumerable.Range(0, count).ToArray();
        const int dense = MaxSliderSteps / 2;
        var rest = MaxSliderSteps - dense;
        var tail = Enumerable.Range(1, rest).Select(s => dense - 1 + (int)Math.Round((double)s * (count - dense) / rest));
        return Enumerable.Range(0, dense).Concat(tail).Distinct().ToArray();
    }
}
