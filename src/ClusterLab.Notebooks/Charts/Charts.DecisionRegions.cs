namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>
    /// K-means decision regions: <see cref="KMeansModel.Predict"/> on a resolution × resolution mesh grid over the data
    /// (the lecture's 100 × 100 grid), drawn as a heatmap background, with the points and the centroids on top.
    /// </summary>
    /// <param name="model">A fitted K-means model on 2 features.</param>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="resolution">Grid cells per axis. Default 100. Range: 2 … 500.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="xLabel">Label of the horizontal axis. Default "x₁".</param>
    /// <param name="yLabel">Label of the vertical axis. Default "x₂".</param>
    /// <exception cref="ArgumentException">Bad points, a model that is not 2-D, or resolution outside 2 … 500.</exception>
    public static Figure DecisionRegions(KMeansModel model, double[][] x, int resolution = 100,
        string title = "K-means decision regions", string xLabel = "x₁", string yLabel = "x₂")
    {
        ArgumentNullException.ThrowIfNull(model);
        ChartInput.Points2D(x, nameof(x));
        ChartInput.Points2D(model.Centroids, "model.Centroids");
        if (model.Centroids[0].Length != 2 || x[0].Length != 2)
            throw new ArgumentException($"DecisionRegions needs 2 features; the model has {model.Centroids[0].Length} and x has {x[0].Length}.", nameof(x));
        if (resolution is < 2 or > 500)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"resolution={resolution} should be in 2 … 500.");

        var (xMin, xMax) = Numbers.PaddedRange(x.Select(p => p[0]).Concat(model.Centroids.Select(c => c[0])));
        var (yMin, yMax) = Numbers.PaddedRange(x.Select(p => p[1]).Concat(model.Centroids.Select(c => c[1])));
        var gx = Numbers.Linspace(xMin, xMax, resolution);
        var gy = Numbers.Linspace(yMin, yMax, resolution);
        var grid = new double[resolution * resolution][]; // row-major: row i is y = gy[i] (the mesh grid)
        for (var i = 0; i < resolution; i++)
            for (var j = 0; j < resolution; j++)
                grid[i * resolution + j] = [gx[j], gy[i]];
        var predicted = model.Predict(grid);
        var z = Enumerable.Range(0, resolution).Select(i => predicted.AsSpan(i * resolution, resolution).ToArray()).ToArray();

        var k = model.K;
        var b = new PlotBuilder(title, xLabel, yLabel);
        var heat = b.Add("heatmap", "decision regions");
        heat["x"] = Numbers.Round(gx);
        heat["y"] = Numbers.Round(gy);
        heat["z"] = z;
        heat["zmin"] = -0.5;
        heat["zmax"] = k - 0.5;
        heat["colorscale"] = StepColorscale(k);
        heat["opacity"] = 0.3;
        heat["showscale"] = false;
        heat["hoverinfo"] = "skip";
        AddClusterPoints(b, x, model.Predict(x));
        AddCentroids(b, model.Centroids);
        WithRange((Props)b.Layout["xaxis"]!, xMin, xMax);
        WithRange((Props)b.Layout["yaxis"]!, yMin, yMax);
        return b.Build();
    }

    /// <summary>A piecewise-constant colorscale on [−0.5, k − 0.5]: integer c gets <see cref="Palette.Color"/>(c).</summary>
    private static object[][] StepColorscale(int k)
    {
        var scale = new List<object[]>();
        for (var c = 0; c < k; c++)
        {
            scale.Add([Math.Round((double)c / k, 6), Palette.Color(c)]);
            scale.Add([Math.Round((double)(c + 1) / k, 6), Palette.Color(c)]);
        }
        return scale.ToArray();
    }

    private static Props WithRange(Props axis, double min, double max)
    {
        axis["range"] = new[] { Numbers.Round(min), Numbers.Round(max) };
        return axis;
    }
}
