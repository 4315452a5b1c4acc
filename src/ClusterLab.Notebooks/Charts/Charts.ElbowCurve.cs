namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>Inertia against k (Géron Fig 9-8), with the elbow marked and annotated when <paramref name="highlightK"/> is given.</summary>
    /// <param name="ks">Numbers of clusters, strictly ascending, each ≥ 1.</param>
    /// <param name="inertias">Inertia of the model for every k, same length, finite.</param>
    /// <param name="highlightK">k to mark as the elbow (one of <paramref name="ks"/>), or null for none. Default null.</param>
    /// <param name="title">Chart title.</param>
    /// <exception cref="ArgumentException">Empty, unsorted or mismatched inputs, or a highlightK not in ks.</exception>
    public static Figure ElbowCurve(int[] ks, double[] inertias, int? highlightK = null, string title = "Elbow rule: inertia against k")
    {
        ValidateKs(ks, inertias, nameof(inertias), 1);
        var b = new PlotBuilder(title, "k (number of clusters)", "Inertia");
        var t = b.Lines("inertia", ks.Select(k => (double)k), inertias, Palette.Color(2), digits: 7);
        t["mode"] = "lines+markers";
        ((Props)b.Layout["xaxis"]!)["dtick"] = 1;
        if (highlightK is int h)
        {
            var i = Array.IndexOf(ks, h);
            if (i < 0) throw new ArgumentException($"highlightK={h} is not one of ks.", nameof(highlightK));
            var m = b.Markers($"elbow: k = {h}", [h], [inertias[i]], Palette.Color(0), 16, "circle-open");
            ((Props)m["marker"]!)["line"] = new Props { ["width"] = 3, ["color"] = Palette.Color(0) };
            b.Annotations.Add(new Props
            {
                ["x"] = h, ["y"] = Numbers.Round(inertias[i], 7), ["xref"] = "x", ["yref"] = "y", ["text"] = "Elbow",
                ["showarrow"] = true, ["arrowhead"] = 2, ["ax"] = 40, ["ay"] = -40,
            });
        }
        return b.Build();
    }

    private static void ValidateKs(int[] ks, double[] values, string valuesName, int minK)
    {
        ArgumentNullException.ThrowIfNull(ks);
        ChartInput.Finite(values, valuesName);
        ChartInput.SameLength(ks.Length, values.Length, nameof(ks), valuesName);
        for (var i = 0; i < ks.Length; i++)
        {
            if (ks[i] < minK) throw new ArgumentException($"ks[{i}]={ks[i]} should be >= {minK}.", nameof(ks));
            if (i > 0 && ks[i] <= ks[i - 1]) throw new ArgumentException($"ks should be strictly ascending: ks[{i - 1}]={ks[i - 1]}, ks[{i}]={ks[i]}.", nameof(ks));
        }
    }
}
