namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// A grid of Lloyd iterations (Géron Fig 9-4). Panel "iteration i + 1" shows <paramref name="history"/>[i]: the points
    /// coloured by that iteration's assignment, the centroids they were assigned to (hollow circles, from the previous
    /// entry), a grey segment for each move, and the centroids after the move (crosses).
    /// </summary>
    /// <param name="x">Points, shape (nSamples, ≥ 2); the first two features are plotted.</param>
    /// <param name="history">The model's <see cref="KMeansModel.History"/>, at least one entry.</param>
    /// <param name="iterations">0-based indices into <paramref name="history"/> to show; null shows the first min(6, count). Default null.</param>
    /// <param name="columns">Panels per row. Default 3. Range: ≥ 1.</param>
    /// <param name="title">Chart title.</param>
    /// <exception cref="ArgumentException">Bad points, empty history, labels of the wrong length, or an index outside the history.</exception>
    public static Figure KMeansIterations(double[][] x, IReadOnlyList<KMeansIteration> history, int[]? iterations = null,
        int columns = 3, string title = "K-means iterations: assign, then move")
    {
        ChartInput.Points2D(x, nameof(x));
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0) throw new ArgumentException("history is empty: fit the model first.", nameof(history));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, $"columns={columns} should be >= 1.");
        iterations ??= Enumerable.Range(0, Math.Min(6, history.Count)).ToArray();
        ChartInput.Indices(iterations, history.Count, nameof(iterations));

        var (xMin, xMax) = Numbers.PaddedRange(x.Select(p => p[0]).Concat(history.SelectMany(h => h.Centroids.Select(c => c[0]))));
        var (yMin, yMax) = Numbers.PaddedRange(x.Select(p => p[1]).Concat(history.SelectMany(h => h.Centroids.Select(c => c[1]))));
        columns = Math.Min(columns, iterations.Length);
        var b = new PlotBuilder(title, "", "");
        var titles = iterations.Select(i => $"iteration {i + 1}: inertia {Numbers.Round(history[i].Inertia)}").ToArray();
        b.Panels(titles, columns, iterations.Select(_ => "x₁").ToArray(), iterations.Select(_ => "x₂").ToArray());
        for (var p = 0; p < iterations.Length; p++)
        {
            var it = history[iterations[p]];
            var axis = PlotBuilder.AxisSuffix(p);
            ChartInput.Labels(it.Labels, x.Length, $"history[{iterations[p]}].Labels");
            AddClusterPoints(b, x, it.Labels, axis, showLegend: p == 0, size: 5);
            if (iterations[p] > 0)
            {
                var before = history[iterations[p] - 1].Centroids;
                var moves = b.Lines("centroid moves", Segments(before, it.Centroids, 0), Segments(before, it.Centroids, 1), "#555555", 1.5, axis: axis);
                moves["legendgroup"] = "moves";
                moves["showlegend"] = p == iterations.Length - 1;
                var old = b.Markers("centroids before the move", before.Select(c => c[0]), before.Select(c => c[1]),
                    Enumerable.Range(0, before.Length).Select(Palette.Color).ToArray(), 11, "circle-open", axis);
                old["legendgroup"] = "before";
                old["showlegend"] = p == iterations.Length - 1;
            }
            AddCentroids(b, it.Centroids, axis, showLegend: p == 0, name: "centroids after the move");
            WithRange((Props)b.Layout["xaxis" + axis]!, xMin, xMax);
            WithRange((Props)b.Layout["yaxis" + axis]!, yMin, yMax);
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
