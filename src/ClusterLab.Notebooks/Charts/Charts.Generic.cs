using Plotly.NET;

namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>Several named lines over the same x values, one legend entry each.</summary>
    /// <param name="x">Shared x values, length m.</param>
    /// <param name="series">Name → y values (length m), drawn in enumeration order with palette colours 0, 1, ….</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <exception cref="ArgumentException">Empty series, or a series whose length differs from x.</exception>
    public static Figure Line(double[] x, IDictionary<string, double[]> series, string title = "", string xLabel = "x", string yLabel = "y")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0) throw new ArgumentException("series is empty: give at least one named line.", nameof(series));
        var b = new PlotBuilder(title, xLabel, yLabel);
        var c = 0;
        foreach (var (name, y) in series)
        {
            ArgumentNullException.ThrowIfNull(y, $"series[\"{name}\"]");
            ChartInput.SameLength(x.Length, y.Length, nameof(x), $"series[\"{name}\"]");
            b.Lines(name, x, y, Palette.Color(c++), digits: 6);
        }
        return b.Build();
    }

    /// <summary>A scatter plot of (x_i, y_i).</summary>
    /// <param name="x">x values, length m, finite.</param>
    /// <param name="y">y values, length m, finite.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <param name="name">Legend name. Default "points".</param>
    /// <param name="color">Palette index of the points. Default 2 (blue).</param>
    /// <exception cref="ArgumentException">Mismatched lengths or non-finite values.</exception>
    public static Figure Scatter(double[] x, double[] y, string title = "", string xLabel = "x", string yLabel = "y",
        string name = "points", int color = 2)
    {
        ChartInput.Finite(x, nameof(x));
        ChartInput.Finite(y, nameof(y));
        ChartInput.SameLength(x.Length, y.Length, nameof(x), nameof(y));
        var b = new PlotBuilder(title, xLabel, yLabel);
        b.Markers(name, x, y, Palette.Color(color), 7);
        return b.Build();
    }

    /// <summary>A histogram of <paramref name="values"/> with <paramref name="bins"/> equal-width bins from min to max.</summary>
    /// <param name="values">The values, at least one, finite.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="bins">Number of bins. Default 30. Range: ≥ 1.</param>
    /// <param name="density">True: bar areas sum to 1; false: counts. Default false.</param>
    /// <exception cref="ArgumentException">Empty or non-finite values, or bins &lt; 1.</exception>
    public static Figure Histogram(double[] values, string title = "", string xLabel = "value", int bins = 30, bool density = false)
    {
        ChartInput.Finite(values, nameof(values));
        var b = new PlotBuilder(title, xLabel, density ? "Density" : "Count");
        AddHistogramBars(b, values, bins, density, "values");
        return b.Build();
    }

    /// <summary>Adds the histogram as one bar trace (bins computed here, so the JSON holds bins, not the raw values).</summary>
    private static void AddHistogramBars(PlotBuilder b, double[] values, int bins, bool density, string name)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, $"bins={bins} should be >= 1.");
        double min = values.Min(), max = values.Max();
        if (max == min) { min -= 0.5; max += 0.5; }
        var width = (max - min) / bins;
        var counts = new double[bins];
        foreach (var v in values) counts[Math.Min(bins - 1, (int)((v - min) / width))]++;
        var heights = density ? counts.Select(c => c / (values.Length * width)).ToArray() : counts;
        var t = b.Add("bar", name);
        t["x"] = Numbers.Round(Enumerable.Range(0, bins).Select(i => min + (i + 0.5) * width), 6);
        t["y"] = Numbers.Round(heights, 5);
        t["width"] = Numbers.Round(width, 6);
        t["marker"] = new Props { ["color"] = "#c7c7c7", ["line"] = new Props { ["color"] = "#7f7f7f", ["width"] = 0.5 } };
        b.Layout["bargap"] = 0;
    }

    /// <summary>Contours of a surface z over a rectangular grid (for example a log-likelihood surface), with an optional marked point.</summary>
    /// <param name="xs">Grid x values, length nx, ascending.</param>
    /// <param name="ys">Grid y values, length ny, ascending.</param>
    /// <param name="z">Surface values, shape (ny, nx): z[i][j] is the value at (xs[j], ys[i]); NaN leaves a gap.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <param name="zLabel">Label of the colour bar.</param>
    /// <param name="mark">A point (x, y) to mark, or null. Default null.</param>
    /// <param name="markName">Legend name of the marked point. Default "maximum".</param>
    /// <exception cref="ArgumentException">z of the wrong shape, or non-finite grid values.</exception>
    public static Figure Contour(double[] xs, double[] ys, double[][] z, string title = "", string xLabel = "x", string yLabel = "y",
        string zLabel = "z", (double X, double Y)? mark = null, string markName = "maximum")
    {
        ChartInput.Finite(xs, nameof(xs), 2);
        ChartInput.Finite(ys, nameof(ys), 2);
        ArgumentNullException.ThrowIfNull(z);
        ChartInput.SameLength(ys.Length, z.Length, nameof(ys), nameof(z));
        for (var i = 0; i < z.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(z[i], $"z[{i}]");
            ChartInput.SameLength(xs.Length, z[i].Length, nameof(xs), $"z[{i}]");
        }
        var b = new PlotBuilder(title, xLabel, yLabel);
        var c = b.Add("contour", zLabel);
        c["x"] = Numbers.Round(xs);
        c["y"] = Numbers.Round(ys);
        c["z"] = z.Select(row => Numbers.Round(row, 4)).ToArray();
        c["ncontours"] = 20;
        c["colorscale"] = "Viridis";
        c["contours"] = new Props { ["showlabels"] = true };
        c["colorbar"] = new Props { ["title"] = new Props { ["text"] = zLabel } };
        if (mark is (double mx, double my))
        {
            if (!double.IsFinite(mx) || !double.IsFinite(my)) throw new ArgumentException($"mark ({mx}, {my}) is not finite.", nameof(mark));
            var m = b.Markers(markName, [mx], [my], "white", 14, "x", "");
            ((Props)m["marker"]!)["line"] = new Props { ["color"] = "black", ["width"] = 1.5 };
        }
        return b.Build();
    }

    /// <summary>Vertical bars, one per name.</summary>
    /// <param name="names">Bar labels, length m.</param>
    /// <param name="values">Bar heights, length m, finite.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <exception cref="ArgumentException">Mismatched lengths or non-finite values.</exception>
    public static Figure Bars(string[] names, double[] values, string title = "", string xLabel = "", string yLabel = "")
    {
        ArgumentNullException.ThrowIfNull(names);
        ChartInput.Finite(values, nameof(values));
        ChartInput.SameLength(names.Length, values.Length, nameof(names), nameof(values));
        var b = new PlotBuilder(title, xLabel, yLabel);
        var t = b.Add("bar", yLabel == "" ? "value" : yLabel);
        t["x"] = names;
        t["y"] = Numbers.Round(values, 6);
        t["marker"] = new Props { ["color"] = Palette.Color(2) };
        return b.Build();
    }

    /// <summary>
    /// Figures side by side in a grid of subplots, filled row by row: each keeps its traces, axis labels, axis ranges and
    /// data-anchored annotations and shapes; its title becomes the subplot title. Colour bars are hidden, sliders dropped
    /// (a slider chart shows its first step); legend entries repeated across subplots are shown once.
    /// </summary>
    /// <param name="figures">The figures, at least one.</param>
    /// <param name="columns">Subplots per row. Default 2. Range: ≥ 1.</param>
    /// <param name="title">Title of the whole grid.</param>
    /// <exception cref="ArgumentException">No figures, a null figure, or columns &lt; 1.</exception>
    public static Figure Grid(IReadOnlyList<Figure> figures, int columns = 2, string title = "")
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Count == 0) throw new ArgumentException("figures is empty: give at least one.", nameof(figures));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, $"columns={columns} should be >= 1.");
        columns = Math.Min(columns, figures.Count);
        var layouts = figures.Select((f, i) => f is null
            ? throw new ArgumentException($"figures[{i}] is null.", nameof(figures))
            : ToProps(GenericChart.getLayout(f.Chart))).ToArray();
        var b = new PlotBuilder(title, "", "");
        b.Panels(layouts.Select(l => TitleText(l.GetValueOrDefault("title"))).ToArray(), columns,
            layouts.Select(l => AxisTitle(l.GetValueOrDefault("xaxis"))).ToArray(),
            layouts.Select(l => AxisTitle(l.GetValueOrDefault("yaxis"))).ToArray());
        var legendSeen = new HashSet<string>();
        for (var p = 0; p < figures.Count; p++)
        {
            var s = PlotBuilder.AxisSuffix(p);
            foreach (var source in GenericChart.getTraces(figures[p].Chart))
            {
                var t = ToProps(source);
                t["xaxis"] = "x" + s;
                t["yaxis"] = "y" + s;
                if (t.Remove("colorbar") || (string?)t.GetValueOrDefault("type") is "contour" or "heatmap") t["showscale"] = false;
                var key = (t.GetValueOrDefault("legendgroup") ?? t.GetValueOrDefault("name"))?.ToString() ?? "";
                if (!legendSeen.Add(key)) t["showlegend"] = false;
                b.Traces.Add(t);
            }
            CopyAxisSettings(layouts[p].GetValueOrDefault("xaxis"), (Props)b.Layout["xaxis" + s]!);
            CopyAxisSettings(layouts[p].GetValueOrDefault("yaxis"), (Props)b.Layout["yaxis" + s]!, s);
            if (layouts[p].GetValueOrDefault("shapes") is IEnumerable<Props> shapes)
                foreach (var shape in shapes.Where(sh => (string?)sh.GetValueOrDefault("xref") == "x"))
                {
                    var copy = new Props();
                    foreach (var (k, v) in shape) copy[k] = v;
                    copy["xref"] = "x" + s;
                    copy["yref"] = "y" + s;
                    b.Shapes.Add(copy);
                }
            if (layouts[p].GetValueOrDefault("annotations") is IEnumerable<Props> notes)
                foreach (var note in notes.Where(n => (string?)n.GetValueOrDefault("xref") == "x"))
                {
                    var copy = new Props();
                    foreach (var (k, v) in note) copy[k] = v;
                    copy["xref"] = "x" + s;
                    copy["yref"] = "y" + s;
                    if (copy.ContainsKey("axref")) { copy["axref"] = "x" + s; copy["ayref"] = "y" + s; }
                    b.Annotations.Add(copy);
                }
        }
        return b.Build();
    }

    /// <summary>The properties of a Plotly.NET object (trace or layout) as a shallow <see cref="Props"/> copy.</summary>
    private static Props ToProps(DynamicObj.DynamicObj obj)
    {
        var props = new Props();
        foreach (var kv in obj.GetProperties(true)) props[kv.Key] = kv.Value;
        return props;
    }

    private static string TitleText(object? title) => title switch
    {
        Props p => p.GetValueOrDefault("text")?.ToString() ?? "",
        DynamicObj.DynamicObj d => d.TryGetPropertyValue("text") is { } v && v.Value is not null ? v.Value.ToString() ?? "" : "",
        string s => s,
        _ => "",
    };

    private static string AxisTitle(object? axis) => axis switch
    {
        Props p => TitleText(p.GetValueOrDefault("title")),
        DynamicObj.DynamicObj d => d.TryGetPropertyValue("title") is { } v ? TitleText(v.Value) : "",
        _ => "",
    };

    /// <summary>Copies range, ticks and equal aspect from a figure's own axis to its subplot axis.</summary>
    private static void CopyAxisSettings(object? source, Props target, string suffix = "")
    {
        if (source is not Props p) return;
        foreach (var key in new[] { "range", "tickvals", "ticktext", "dtick", "showgrid" })
            if (p.TryGetValue(key, out var v)) target[key] = v;
        if (p.ContainsKey("scaleanchor")) target["scaleanchor"] = "x" + suffix;
        if (p.GetValueOrDefault("showgrid") is false) target.Remove("gridcolor");
    }
}
