namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// Silhouette diagram (Géron Fig 9-10): per cluster (bottom to top), its coefficients sorted ascending and drawn as a
    /// filled horizontal "knife" (k traces), and the silhouette score, their mean, as a dashed vertical line (one more trace).
    /// </summary>
    /// <param name="silhouetteSamples">Silhouette coefficient of every point, length nSamples, in [−1, 1].</param>
    /// <param name="labels">Cluster of every point, length nSamples, values ≥ 0.</param>
    /// <param name="title">Chart title.</param>
    /// <exception cref="ArgumentException">Empty or mismatched inputs, a coefficient outside [−1, 1], or a negative label.</exception>
    public static Figure SilhouetteDiagram(double[] silhouetteSamples, int[] labels, string title = "Silhouette diagram")
    {
        ChartInput.Finite(silhouetteSamples, nameof(silhouetteSamples));
        ChartInput.Labels(labels, silhouetteSamples.Length, nameof(labels));
        for (var i = 0; i < silhouetteSamples.Length; i++)
            if (silhouetteSamples[i] is < -1 or > 1)
                throw new ArgumentException($"silhouetteSamples[{i}]={silhouetteSamples[i]} should be in [-1, 1].", nameof(silhouetteSamples));

        var n = silhouetteSamples.Length;
        var padding = Math.Max(1, n / 30);
        var b = new PlotBuilder(title, "Silhouette coefficient", "Cluster");
        var position = padding;
        var tickVals = new List<double>();
        var tickText = new List<string>();
        foreach (var c in labels.Distinct().Order())
        {
            var coefficients = Enumerable.Range(0, n).Where(i => labels[i] == c).Select(i => silhouetteSamples[i]).Order().ToArray();
            // the knife: the outline x = s_i at heights position … position + n_c − 1, filled to x = 0
            var xs = new List<double> { 0 };
            var ys = new List<double> { position };
            xs.AddRange(coefficients);
            ys.AddRange(Enumerable.Range(0, coefficients.Length).Select(j => (double)(position + j)));
            xs.Add(0);
            ys.Add(position + coefficients.Length - 1);
            var t = b.Lines($"cluster {c} ({coefficients.Length} points)", xs, ys, Palette.Color(c), 0.5);
            t["fill"] = "toself";
            t["fillcolor"] = Palette.Color(c);
            tickVals.Add(position + coefficients.Length / 2.0);
            tickText.Add(c.ToString(System.Globalization.CultureInfo.InvariantCulture));
            position += coefficients.Length + padding;
        }
        var mean = silhouetteSamples.Average();
        var line = b.Lines($"silhouette score = {Numbers.Text(mean, 3)}", [mean, mean], [0, position], "black", 2, "dash", digits: 6);
        line["hoverinfo"] = "name";
        var yAxis = (Props)b.Layout["yaxis"]!;
        yAxis["tickvals"] = tickVals.ToArray();
        yAxis["ticktext"] = tickText.ToArray();
        yAxis["range"] = new[] { 0, position };
        yAxis["showgrid"] = false;
        yAxis.Remove("gridcolor");
        ((Props)b.Layout["xaxis"]!)["range"] = new[] { Math.Min(-0.1, Numbers.Round(silhouetteSamples.Min() - 0.05, 2)), 1 };
        return b.Build();
    }

    /// <summary>Silhouette diagram of a clustering: computes <see cref="Silhouette.Samples"/>(x, labels) and draws it.</summary>
    /// <param name="x">Points, shape (nSamples, nFeatures).</param>
    /// <param name="labels">Cluster of every point, length nSamples, values ≥ 0.</param>
    /// <param name="title">Chart title.</param>
    public static Figure SilhouetteDiagram(double[][] x, int[] labels, string title = "Silhouette diagram")
        => SilhouetteDiagram(Silhouette.Samples(x, labels), labels, title);
}
