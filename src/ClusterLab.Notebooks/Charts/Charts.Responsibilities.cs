namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// Points coloured by their responsibilities as mixed ink (Bishop Fig 9.5c): for k ≤ 3, proportions γ(z_nk) of pure red,
    /// green and blue; for more components, the palette colours weighted by γ(z_nk). The legend shows each pure ink.
    /// </summary>
    /// <param name="x">Points, shape (nSamples, ≥ 2); the first two features are plotted.</param>
    /// <param name="gamma">Responsibilities γ(z_nk), shape (nSamples, k), entries in [0, 1], rows summing to 1.</param>
    /// <param name="title">Chart title.</param>
    /// <exception cref="ArgumentException">Bad points, or γ of the wrong shape, outside [0, 1] or with a row not summing to 1 (±1e-6).</exception>
    public static Figure Responsibilities(double[][] x, double[][] gamma, string title = "Responsibilities γ(z_nk)")
    {
        ChartInput.Points2D(x, nameof(x));
        ValidateResponsibilities(gamma, x.Length);
        var k = gamma[0].Length;
        var b = new PlotBuilder(title, "x₁", "x₂");
        var points = b.Markers("points", x.Select(r => r[0]), x.Select(r => r[1]), ResponsibilityColors(gamma), 7);
        ((Props)points["marker"]!)["line"] = new Props { ["color"] = "#333333", ["width"] = 0.5 };
        points["showlegend"] = false;
        for (var c = 0; c < k; c++) b.LegendEntry($"component {c}: γ = 1", InkHex(c, k));
        return b.Build();
    }

    /// <summary>Colour of every point: Σ_k γ_nk · ink_k, as <c>#rrggbb</c>.</summary>
    internal static string[] ResponsibilityColors(double[][] gamma)
    {
        var k = gamma[0].Length;
        var inks = Enumerable.Range(0, k).Select(c => Ink(c, k)).ToArray();
        return gamma.Select(row =>
        {
            double r = 0, g = 0, bl = 0;
            for (var c = 0; c < k; c++) { r += row[c] * inks[c].R; g += row[c] * inks[c].G; bl += row[c] * inks[c].B; }
            return Hex(r, g, bl);
        }).ToArray();
    }

    /// <summary>Ink of component c among k: pure red, green, blue for k ≤ 3; the palette otherwise.</summary>
    private static (int R, int G, int B) Ink(int c, int k) => k <= 3
        ? c switch { 0 => (255, 0, 0), 1 => (0, 255, 0), _ => (0, 0, 255) }
        : Palette.Rgb(c);

    private static string InkHex(int c, int k) { var (r, g, b) = Ink(c, k); return Hex(r, g, b); }

    private static string Hex(double r, double g, double b) =>
        $"#{(int)Math.Round(Math.Clamp(r, 0, 255)):x2}{(int)Math.Round(Math.Clamp(g, 0, 255)):x2}{(int)Math.Round(Math.Clamp(b, 0, 255)):x2}";

    private static void ValidateResponsibilities(double[][] gamma, int n)
    {
        ArgumentNullException.ThrowIfNull(gamma);
        if (gamma.Length != n) throw new ArgumentException($"gamma has {gamma.Length} rows, should be nSamples={n}.", nameof(gamma));
        var k = gamma[0]?.Length ?? 0;
        if (k == 0) throw new ArgumentException("gamma[0] is empty: need at least one component.", nameof(gamma));
        for (var i = 0; i < n; i++)
        {
            if (gamma[i] is null || gamma[i].Length != k) throw new ArgumentException($"gamma[{i}] should have k={k} entries.", nameof(gamma));
            var sum = 0.0;
            foreach (var g in gamma[i])
            {
                if (!(g >= 0 && g <= 1)) throw new ArgumentException($"gamma[{i}] has {g}: responsibilities should be in [0, 1].", nameof(gamma));
                sum += g;
            }
            if (Math.Abs(sum - 1) > 1e-6) throw new ArgumentException($"gamma[{i}] sums to {sum}, should be 1.", nameof(gamma));
        }
    }
}
