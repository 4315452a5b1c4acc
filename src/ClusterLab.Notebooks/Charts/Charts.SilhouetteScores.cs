namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>Silhouette score against k (Géron Fig 9-9), the best (highest) k marked.</summary>
    /// <param name="ks">Numbers of clusters, strictly ascending, each ≥ 2.</param>
    /// <param name="scores">Silhouette score for every k, same length, in [−1, 1].</param>
    /// <param name="title">Chart title.</param>
    /// <exception cref="ArgumentException">Empty, unsorted or mismatched inputs, k &lt; 2, or a score outside [−1, 1].</exception>
    public static Figure SilhouetteScores(int[] ks, double[] scores, string title = "Silhouette score against k")
    {
        ValidateKs(ks, scores, nameof(scores), 2);
        for (var i = 0; i < scores.Length; i++)
            if (scores[i] is < -1 or > 1) throw new ArgumentException($"scores[{i}]={scores[i]} should be in [-1, 1].", nameof(scores));
        var b = new PlotBuilder(title, "k (number of clusters)", "Silhouette score");
        var t = b.Lines("silhouette score", ks.Select(k => (double)k), scores, Palette.Color(2), digits: 5);
        t["mode"] = "lines+markers";
        ((Props)b.Layout["xaxis"]!)["dtick"] = 1;
        var best = Array.IndexOf(scores, scores.Max());
        var m = b.Markers($"best: k = {ks[best]}", [ks[best]], [scores[best]], Palette.Color(0), 16, "circle-open");
        ((Props)m["marker"]!)["line"] = new Props { ["width"] = 3, ["color"] = Palette.Color(0) };
        return b.Build();
    }
}
