namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// A 1-D mixture density p(x) = Σ_k π_k N(x | μ_k, σ²_k) (solid black) with its weighted components π_k N(x | μ_k, σ²_k)
    /// (dashed, palette colour k), over an optional density-normalised histogram of data (bar areas sum to 1).
    /// </summary>
    /// <param name="weights">Mixing coefficients π_k, length k, each in [0, 1], summing to 1 (±1e-6).</param>
    /// <param name="means">Means μ_k, length k.</param>
    /// <param name="variances">Variances σ²_k, length k, each &gt; 0.</param>
    /// <param name="data">Samples to show as a histogram, or null. Default null.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis. Default "x".</param>
    /// <param name="bins">Histogram bins. Default 30. Range: ≥ 1.</param>
    /// <exception cref="ArgumentException">Mismatched lengths, weights not summing to 1, a variance ≤ 0, or non-finite data.</exception>
    public static Figure MixtureDensity1D(double[] weights, double[] means, double[] variances, double[]? data = null,
        string title = "1-D Gaussian mixture", string xLabel = "x", int bins = 30)
    {
        ChartInput.Finite(weights, nameof(weights));
        ChartInput.Finite(means, nameof(means));
        ChartInput.Finite(variances, nameof(variances));
        ChartInput.SameLength(weights.Length, means.Length, nameof(weights), nameof(means));
        ChartInput.SameLength(weights.Length, variances.Length, nameof(weights), nameof(variances));
        if (weights.Any(w => w < 0) || Math.Abs(weights.Sum() - 1) > 1e-6)
            throw new ArgumentException($"weights should be ≥ 0 and sum to 1; they sum to {weights.Sum()}.", nameof(weights));
        for (var k = 0; k < variances.Length; k++)
            if (variances[k] <= 0) throw new ArgumentException($"variances[{k}]={variances[k]} should be > 0.", nameof(variances));
        if (data is not null) ChartInput.Finite(data, nameof(data));

        var sd = variances.Select(Math.Sqrt).ToArray();
        var lo = Enumerable.Range(0, means.Length).Min(k => means[k] - 4 * sd[k]);
        var hi = Enumerable.Range(0, means.Length).Max(k => means[k] + 4 * sd[k]);
        if (data is not null) { lo = Math.Min(lo, data.Min()); hi = Math.Max(hi, data.Max()); }
        var xs = Numbers.Linspace(lo, hi, 300);

        var b = new PlotBuilder(title, xLabel, "Density");
        if (data is not null) AddHistogramBars(b, data, bins, density: true, name: "data (density histogram)");
        var total = new double[xs.Length];
        for (var k = 0; k < weights.Length; k++)
        {
            var component = xs.Select(v => weights[k] * NormalPdf(v, means[k], variances[k])).ToArray(); // π_k N(x | μ_k, σ²_k)
            for (var i = 0; i < xs.Length; i++) total[i] += component[i];
            b.Lines($"π{Sub(k)} N(x | μ{Sub(k)}, σ{Sub(k)}²), π{Sub(k)} = {Numbers.Text(weights[k], 3)}", xs, component, Palette.Color(k), 2, "dash");
        }
        b.Lines("p(x) = Σ_k π_k N(x | μ_k, σ²_k)", xs, total, "black", 3);
        return b.Build();
    }

    /// <summary>The digits of <paramref name="k"/> as Unicode subscripts (₀ … ₉), for legend names.</summary>
    private static string Sub(int k) => string.Concat(k.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('₀' + (d - '0'))));

    /// <summary>N(x | μ, σ²) = exp(−(x − μ)² / 2σ²) / √(2πσ²).</summary>
    private static double NormalPdf(double x, double mean, double variance) =>
        Math.Exp(-(x - mean) * (x - mean) / (2 * variance)) / Math.Sqrt(2 * Math.PI * variance);
}
