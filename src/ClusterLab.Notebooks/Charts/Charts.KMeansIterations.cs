namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// A grid of Lloyd iterations (Géron Fig 9-4), one panel per iteration number t. Panel t ≥ 1 shows
    /// <paramref name="history"/>[t − 1]: the points coloured by that iteration's assignment, the centroids they were
    /// assigned to (hollow circles: history[t − 2], or <paramref name="initialCentroids"/> for t = 1), a grey segment for
    /// each move, and the centroids after the move (crosses). Panel 0 shows the data before the first assignment
    /// (grey), with the initial centroids if given.
    /// </summary>
    /// <param name="x">Points, shape (nSamples, ≥ 2); the first two features are plotted.</param>
    /// <param name="history">The model's <see cref="KMeansModel.History"/>, at least one entry.</param>
    /// <param name="iterations">Iteration numbers t to show, each in 0 … history.Count (1-based: t = 1 is history[0]; 0 is the initialisation); null shows 1 … min(6, count). Default null.</param>
    /// <param name="columns">Panels per row. Default 3. Range: ≥ 1.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="initialCentroids">The centroids before iteration 1, shape (k, ≥ 2), or null if unknown. Default null.</param>
    /// <exception cref="ArgumentException">Bad points, empty history, labels of the wrong length, or an iteration outside 0 … history.Count.</exception>
    public static Figure KMeansIterations(double[][] x, IReadOnlyList<KMeansIteration> history, int[]? iterations = null,
        int columns = 3, string title = "K-means iterations: assign, then move", double[][]? initialCentroids = null)
    {
        ChartInput.Points2D(x, nameof(x));
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0) throw new ArgumentException("history is empty: fit the model first.", nameof(history));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, $"columns={columns} should be >= 1.");
        if (initialCentroids is not null) ChartInput.Points2D(initialCentroids, nameof(initialCentroids));
        iterations ??= Enumerable.Range(1, Math.Min(6, history.Count)).ToArray();
        ChartInput.IterationNumbers(iterations, history.Count, nameof(iterations));

        var allCentroids = history.SelectMany(h => h.Centroids).Concat(initialCentroids ?? []).ToArray();
        var (xMin, xMax) = Numbers.PaddedRange(x.Select(p => p[0]).Concat(allCentroids.Select(c => c[0])));
        var (yMin, yMax) = Numbers.PaddedRange(x.Select(p => p[1]).Concat(allCentroids.Select(c => c[1])));
        columns = Math.Min(columns, iterations.Length);
        var b = new PlotBuilder(title, "", "");
        var titles = iterations.Select(t => t == 0 ? "initialisation" : $"iteration {t}: inertia {Numbers.Text(history[t - 1].Inertia)}").ToArray();
        b.Panels(titles, columns, iterations.Select(_ => "x₁").ToArray(), iterations.Select(_ => "x₂").ToArray());
        var legendShown = new HashSet<string>();
        for (var p = 0; p < iterations.Length; p++)
        {
            var t = iterations[p];
            var axis = PlotBuilder.AxisSuffix(p);
            var before = t >= 2 ? history[t - 2].Centroids : initialCentroids;
            if (t == 0)
                b.Markers("data (not yet assigned)", x.Select(r => r[0]), x.Select(r => r[1]), "#888888", 5, axis: axis);
            else
            {
                var it = history[t - 1];
                ChartInput.Labels(it.Labels, x.Length, $"history[{t - 1}].Labels");
                AddClusterPoints(b, x, it.Labels, axis, showLegend: true, size: 5);
            }
            if (before is not null)
            {
                if (t >= 1)
                    b.Lines("centroid moves", Segments(before, history[t - 1].Centroids, 0), Segments(before, history[t - 1].Centroids, 1), "#555555", 1.5, axis: axis);
                var old = b.Markers(t == 0 ? "initial centroids" : "centroids before the move", before.Select(c => c[0]), before.Select(c => c[1]),
                    Enumerable.Range(0, before.Length).Select(Palette.Color).ToArray(), 11, "circle-open", axis);
                ((Props)old["marker"]!)["line"] = new Props { ["width"] = 2 };
            }
            if (t >= 1) AddCentroids(b, history[t - 1].Centroids, axis, name: "centroids after the move");
            WithRange((Props)b.Layout["xaxis" + axis]!, xMin, xMax);
            WithRange((Props)b.Layout["yaxis" + axis]!, yMin, yMax);
        }
        // one legend entry per name across the panels
        foreach (var tr in b.Traces)
        {
            var key = (string)tr["name"]!;
            tr["legendgroup"] = key;
            tr["showlegend"] = legendShown.Add(key);
        }
        return b.Build();
    }

    /// <summary>Coordinate <paramref name="d"/> of the segments from[c] → to[c], separated by NaN (gaps).</summary>
    private static IEnumerable<double> Segments(double[][] from, double[][] to, int d)
    {
        for (var c = 0; c < Math.Min(from.Length, to.Length); c++)
        {
            yield return from[c][d];
            yield return to[c][d];
            yield return double.NaN;
        }
    }
}
