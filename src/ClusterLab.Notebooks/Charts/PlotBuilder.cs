using Plotly.NET;

namespace ClusterLab.Notebooks;

/// <summary>
/// Assembles a plotly.js figure from plain property dictionaries (traces and layout), then wraps it in a Plotly.NET
/// <see cref="GenericChart"/>. Working at the JSON level gives every builder subplots, shapes, annotations and sliders,
/// and keeps the JSON small (no default template).
/// </summary>
internal sealed class PlotBuilder
{
    /// <summary>Height in pixels of one row of a subplot grid.</summary>
    public const int RowHeight = 320;

    public List<Props> Traces { get; } = [];
    public Props Layout { get; } = [];
    public List<Props> Annotations { get; } = [];
    public List<Props> Shapes { get; } = [];

    /// <summary>A one-panel figure with a title, axis labels and a legend.</summary>
    public PlotBuilder(string title, string xLabel, string yLabel)
    {
        Layout["title"] = new Props { ["text"] = title, ["x"] = 0.05 };
        Layout["xaxis"] = Axis(xLabel);
        Layout["yaxis"] = Axis(yLabel);
        Layout["showlegend"] = true;
        Layout["legend"] = new Props { ["bgcolor"] = "rgba(255,255,255,0.6)" };
        Layout["plot_bgcolor"] = "white";
        Layout["margin"] = new Props { ["t"] = 60, ["l"] = 60, ["r"] = 20, ["b"] = 55 };
        Layout["width"] = 720;
        Layout["height"] = 480;
    }

    /// <summary>An axis with a title and light grid lines.</summary>
    public static Props Axis(string label) => new()
    {
        ["title"] = new Props { ["text"] = label },
        ["gridcolor"] = "#e5e5e5",
        ["zerolinecolor"] = "#bbbbbb",
        ["showline"] = true,
        ["linecolor"] = "#888888",
        ["mirror"] = true,
    };

    /// <summary>Adds a trace of type <paramref name="type"/> with legend name <paramref name="name"/>; returns its properties to fill.</summary>
    public Props Add(string type, string name, string axis = "")
    {
        var t = new Props { ["type"] = type, ["name"] = name };
        if (axis != "") { t["xaxis"] = "x" + axis; t["yaxis"] = "y" + axis; }
        Traces.Add(t);
        return t;
    }

    /// <summary>A scatter trace of markers at the rounded (x, y).</summary>
    public Props Markers(string name, IEnumerable<double> x, IEnumerable<double> y, object color, int size = 7, string symbol = "circle", string axis = "")
    {
        var t = Add("scatter", name, axis);
        t["mode"] = "markers";
        t["x"] = Numbers.Round(x);
        t["y"] = Numbers.Round(y);
        t["marker"] = new Props { ["color"] = color, ["size"] = size, ["symbol"] = symbol };
        return t;
    }

    /// <summary>A scatter trace of lines through the rounded (x, y); NaN breaks the line.</summary>
    public Props Lines(string name, IEnumerable<double> x, IEnumerable<double> y, string color, double width = 2, string dash = "solid", string axis = "", int digits = 4)
    {
        var t = Add("scatter", name, axis);
        t["mode"] = "lines";
        t["x"] = Numbers.Round(x, digits);
        t["y"] = Numbers.Round(y, digits);
        t["line"] = new Props { ["color"] = color, ["width"] = width, ["dash"] = dash };
        return t;
    }

    /// <summary>A legend-only entry (a trace with no visible data).</summary>
    public Props LegendEntry(string name, string color, string mode = "markers", string symbol = "circle", string dash = "solid")
    {
        var t = Add("scatter", name);
        t["mode"] = mode;
        t["x"] = new double?[] { null };
        t["y"] = new double?[] { null };
        if (mode.Contains("markers")) t["marker"] = new Props { ["color"] = color, ["size"] = 10, ["symbol"] = symbol };
        if (mode.Contains("lines")) t["line"] = new Props { ["color"] = color, ["width"] = 3, ["dash"] = dash };
        return t;
    }

    /// <summary>Axis key suffix of panel <paramref name="i"/> (0-based): "" for the first, then "2", "3", ….</summary>
    public static string AxisSuffix(int i) => i == 0 ? "" : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Lays out <paramref name="titles"/>.Count panels in a grid of <paramref name="columns"/> columns, row by row from the top:
    /// one x/y axis pair per panel (anchored to each other), the panel titles as annotations.
    /// </summary>
    public void Panels(IReadOnlyList<string> titles, int columns, IReadOnlyList<string>? xLabels = null, IReadOnlyList<string>? yLabels = null, bool equalAspect = false)
    {
        var n = titles.Count;
        var rows = (n + columns - 1) / columns;
        const double gapX = 0.06, gapY = 0.1;
        var cellW = (1 - gapX * (columns - 1)) / columns;
        var cellH = (1 - gapY * (rows - 1)) / rows;
        for (var i = 0; i < n; i++)
        {
            int row = i / columns, col = i % columns;
            double x0 = col * (cellW + gapX), y1 = 1 - row * (cellH + gapY);
            var s = AxisSuffix(i);
            var xa = Axis(xLabels?[i] ?? "");
            xa["domain"] = new[] { Math.Round(x0, 4), Math.Round(x0 + cellW, 4) };
            xa["anchor"] = "y" + s;
            var ya = Axis(yLabels?[i] ?? "");
            ya["domain"] = new[] { Math.Round(y1 - cellH, 4), Math.Round(y1, 4) };
            ya["anchor"] = "x" + s;
            if (equalAspect) ya["scaleanchor"] = "x" + s;
            Layout["xaxis" + s] = xa;
            Layout["yaxis" + s] = ya;
            Annotations.Add(new Props
            {
                ["text"] = titles[i], ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper",
                ["x"] = Math.Round(x0 + cellW / 2, 4), ["y"] = Math.Round(y1, 4), ["xanchor"] = "center", ["yanchor"] = "bottom",
                ["font"] = new Props { ["size"] = 13 },
            });
        }
        Layout["width"] = Math.Max(720, 330 * columns);
        Layout["height"] = RowHeight * rows + 110;
    }

    /// <summary>Makes the y axis of panel <paramref name="axis"/> use the same scale as its x axis (circles stay round).</summary>
    public void EqualAspect(string axis = "")
    {
        ((Props)Layout["yaxis" + axis]!)["scaleanchor"] = "x" + axis;
    }

    /// <summary>The finished figure.</summary>
    public Figure Build()
    {
        if (Annotations.Count > 0) Layout["annotations"] = Annotations;
        if (Shapes.Count > 0) Layout["shapes"] = Shapes;
        var traces = Traces.Select(ToTrace).ToList();
        var chart = GenericChart.ofTraceObjects(false, traces);
        var layout = new Plotly.NET.Layout();
        foreach (var (key, value) in Layout) layout.SetProperty(key, value);
        return new Figure(GenericChart.setLayout(layout, chart));
    }

    private static Trace ToTrace(Props props)
    {
        var trace = new Trace2D((string)props["type"]!);
        foreach (var (key, value) in props) trace.SetProperty(key, value);
        return trace;
    }
}

/// <summary>A plotly.js JSON object under construction.</summary>
internal sealed class Props : Dictionary<string, object?>;
