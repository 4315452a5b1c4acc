namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>Length of the drawn gradient arrows relative to the gradients (they are drawn at this scale).</summary>
    private const double ArrowScale = 0.35;

    /// <summary>
    /// The lecture's Lagrange example (eq. 31-39): contours of f(x, y) = x + y, the constraint circle g(x, y) = x² + y² − 1 = 0,
    /// the stationary points ±(√2/2, √2/2) (eq. 39) and the gradients ∇f = (1, 1) and ∇g = (2x, 2y) there as arrows
    /// (drawn at 0.35 × their length): parallel at both points, ∇f = −2λ(x, y) with λ = ∓1/√2 (eq. 36, 38).
    /// </summary>
    public static Figure LagrangeExample()
    {
        var grid = Numbers.Linspace(-2, 2, 41);
        var b = new PlotBuilder("Lagrange multipliers: f(x, y) = x + y on the circle x² + y² = 1", "x", "y");
        var contour = b.Add("contour", "f(x, y) = x + y");
        contour["x"] = grid.Select(v => Math.Round(v, 2)).ToArray();
        contour["y"] = grid.Select(v => Math.Round(v, 2)).ToArray();
        contour["z"] = grid.Select(y => grid.Select(x => Math.Round(x + y, 2)).ToArray()).ToArray(); // (31) f(x, y) = x + y
        contour["contours"] = new Props { ["start"] = -4, ["end"] = 4, ["size"] = 0.5, ["showlabels"] = true };
        contour["colorscale"] = "RdBu";
        contour["opacity"] = 0.55;
        contour["colorbar"] = new Props { ["title"] = new Props { ["text"] = "f(x, y)" }, ["len"] = 0.6 };

        var t = Numbers.Linspace(0, 2 * Math.PI, 121);
        b.Lines("constraint g(x, y) = x² + y² − 1 = 0", t.Select(Math.Cos), t.Select(Math.Sin), "black", 3); // (31)

        var r = Math.Sqrt(2) / 2;
        var points = new[] { (X: r, Y: r, Label: "maximum f = √2"), (X: -r, Y: -r, Label: "minimum f = −√2") }; // (39)
        var stationary = b.Markers("stationary points (eq. 39)", points.Select(p => p.X), points.Select(p => p.Y), "black", 12, "star");
        stationary["mode"] = "markers+text";
        stationary["text"] = points.Select(p => p.Label).ToArray();
        stationary["textposition"] = new[] { "top left", "bottom right" };

        const string fColor = "#1f77b4", gColor = "#d62728";
        foreach (var (x, y, _) in points)
        {
            Arrow(b, x, y, 2 * x, 2 * y, gColor, "∇g", 4, +1); // ∇g = (2x, 2y), drawn first: underneath
            Arrow(b, x, y, 1, 1, fColor, "∇f", 2.5, -1);       // ∇f = (1, 1)
        }
        b.LegendEntry("∇f = (1, 1)", fColor, "lines");
        b.LegendEntry("∇g = (2x, 2y)", gColor, "lines");
        foreach (var axis in new[] { "xaxis", "yaxis" }) WithRange((Props)b.Layout[axis]!, -2, 2);
        b.EqualAspect();
        b.Layout["height"] = 620;
        return b.Build();
    }

    /// <summary>An arrow annotation from (x, y) along (dx, dy) × <see cref="ArrowScale"/>, labelled beside its tip on side ±1.</summary>
    private static void Arrow(PlotBuilder b, double x, double y, double dx, double dy, string color, string label, double width, int side)
    {
        b.Annotations.Add(new Props
        {
            ["x"] = Numbers.Round(x + ArrowScale * dx), ["y"] = Numbers.Round(y + ArrowScale * dy),
            ["ax"] = Numbers.Round(x), ["ay"] = Numbers.Round(y), ["xref"] = "x", ["yref"] = "y", ["axref"] = "x", ["ayref"] = "y",
            ["showarrow"] = true, ["arrowhead"] = 2, ["arrowsize"] = 1.2, ["arrowwidth"] = width, ["arrowcolor"] = color,
            ["text"] = "",
        });
        b.Annotations.Add(new Props
        {
            ["x"] = Numbers.Round(x + ArrowScale * dx), ["y"] = Numbers.Round(y + ArrowScale * dy),
            ["xref"] = "x", ["yref"] = "y", ["showarrow"] = false, ["text"] = label, ["font"] = new Props { ["color"] = color, ["size"] = 15 },
            ["xshift"] = 14 * side, ["yshift"] = -14 * side, // beside the tip, across the diagonal
        });
    }
}
