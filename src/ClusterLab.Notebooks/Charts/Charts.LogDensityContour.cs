namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// Adds the 2-D mixture's ln p(x), p(x) = Σ_k π_k N(x | μ_k, Σ_k) (eq. 6), as grey filled contours over the box
    /// [xMin, xMax] × [yMin, yMax]: dark where dense, white below e^−<paramref name="depth"/> of the peak.
    /// </summary>
    private static void AddLogDensityContour(PlotBuilder b, MixtureParameters p, (double Min, double Max) xs, (double Min, double Max) ys,
        int resolution, double depth, int levels)
    {
        var gx = Numbers.Linspace(xs.Min, xs.Max, resolution);
        var gy = Numbers.Linspace(ys.Min, ys.Max, resolution);
        var logP = Em.LogDensities(gy.SelectMany(yv => gx.Select(xv => new[] { xv, yv })).ToArray(), p); // ln p(x) on the grid, row by row
        var z = Enumerable.Range(0, gy.Length).Select(i => Numbers.Round(logP.Skip(i * gx.Length).Take(gx.Length), 4)).ToArray();
        var zMax = z.SelectMany(r => r).Max(v => v ?? double.NegativeInfinity);
        var contour = b.Add("contour", "ln p(x)");
        contour["x"] = Numbers.Round(gx);
        contour["y"] = Numbers.Round(gy);
        contour["z"] = z;
        contour["zmin"] = Numbers.Round(zMax - depth, 4);
        contour["zmax"] = zMax;
        contour["ncontours"] = levels;
        contour["colorscale"] = "Greys";
        contour["reversescale"] = true; // high density dark, background white
        contour["opacity"] = 0.45;
        contour["contours"] = new Props { ["coloring"] = "fill", ["showlines"] = true };
        contour["line"] = new Props { ["width"] = 0.5, ["color"] = "#777777" };
        contour["colorbar"] = new Props { ["title"] = new Props { ["text"] = "ln p(x)" }, ["len"] = 0.6 };
    }
}
