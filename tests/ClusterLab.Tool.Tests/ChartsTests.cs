using System.Text.Json;
using ClusterLab.Notebooks;
using Figure = ClusterLab.Notebooks.Figure;
using GenericChart = Plotly.NET.GenericChart;

namespace ClusterLab.Tool.Tests;

/// <summary>Every chart builder on small fixed data: traces, titles, colours and geometry read back from the plotly JSON.</summary>
public class ChartsTests
{
    // Two well separated blobs of 3 points, and their centroids.
    private static readonly double[][] X =
    [
        [0.0, 0.0], [1.0, 0.5], [0.5, 1.0],
        [6.0, 6.0], [7.0, 6.5], [6.5, 7.0],
    ];
    private static readonly int[] Labels = [0, 0, 0, 1, 1, 1];
    private static readonly double[][] Centroids = [[0.5, 0.5], [6.5, 6.5]];

    private static readonly MixtureParameters Mixture = new(
        [0.4, 0.6],
        [[0.5, 0.5], [6.5, 6.5]],
        [[[1.0, 0.6], [0.6, 2.0]], [[0.5, -0.2], [-0.2, 0.3]]]);

    private static JsonElement Json(Figure f) => JsonDocument.Parse(GenericChart.toJson(f.Chart)).RootElement;
    private static JsonElement[] Traces(Figure f) => Json(f).GetProperty("data").EnumerateArray().ToArray();
    private static JsonElement Layout(Figure f) => Json(f).GetProperty("layout");
    private static string Title(Figure f) => Layout(f).GetProperty("title").GetProperty("text").GetString()!;
    private static string AxisTitle(Figure f, string axis) => Layout(f).GetProperty(axis).GetProperty("title").GetProperty("text").GetString()!;
    private static string Name(JsonElement t) => t.GetProperty("name").GetString()!;
    private static double[] Numbers(JsonElement t, string key) =>
        t.GetProperty(key).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();
    private static JsonElement Trace(Figure f, string name) => Traces(f).Single(t => Name(t) == name);
    private static string MarkerColor(JsonElement t) => t.GetProperty("marker").GetProperty("color").GetString()!;
    private static string LineColor(JsonElement t) => t.GetProperty("line").GetProperty("color").GetString()!;

    private static KMeansModel FitKMeans() => new KMeans(2) { Seed = 0, InitialCentroids = [[0.0, 0.0], [7.0, 7.0]] }.Fit(X);

    [Fact]
    public void Palette_is_fixed_and_starts_red_green_blue()
    {
        Assert.Equal(["#d62728", "#2ca02c", "#1f77b4"], Enumerable.Range(0, 3).Select(Palette.Color));
        Assert.Equal(Palette.Color(1), Palette.Color(1 + Palette.Count));
        Assert.Equal(10, Enumerable.Range(0, Palette.Count).Select(Palette.Color).Distinct().Count());
        Assert.Equal((214, 39, 40), Palette.Rgb(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Palette.Color(-1));
    }

    [Fact]
    public void Clusters_has_one_trace_per_cluster_plus_centroids()
    {
        var f = Charts.Clusters(X, Labels, Centroids, title: "Two blobs");
        var traces = Traces(f);
        Assert.Equal(2 + 1, traces.Length);
        Assert.Equal("Two blobs", Title(f));
        Assert.Equal("x₁", AxisTitle(f, "xaxis"));
        Assert.Equal("x₂", AxisTitle(f, "yaxis"));
        Assert.True(Layout(f).GetProperty("showlegend").GetBoolean());
        Assert.Equal(Palette.Color(0), MarkerColor(traces[0]));
        Assert.Equal(Palette.Color(1), MarkerColor(traces[1]));
        Assert.Equal([6.0, 7.0, 6.5], Numbers(traces[1], "x"));
        var centroids = Trace(f, "centroids");
        Assert.Equal("x", centroids.GetProperty("marker").GetProperty("symbol").GetString());
        Assert.Equal([Palette.Color(0), Palette.Color(1)], centroids.GetProperty("marker").GetProperty("color").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, Traces(Charts.Clusters(X, Labels)).Length);
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_argument_named()
    {
        var nan = X.Select(r => r.ToArray()).ToArray();
        nan[2][1] = double.NaN;
        Assert.Contains("x[2]", Assert.Throws<ArgumentException>(() => Charts.Clusters(nan, Labels)).Message);
        Assert.Contains("labels", Assert.Throws<ArgumentException>(() => Charts.Clusters(X, [0, 1])).Message);
        Assert.Throws<ArgumentException>(() => Charts.Clusters([[1.0], [2.0]], [0, 0]));
        var notPd = Mixture with { Covariances = [[[1.0, 2.0], [2.0, 1.0]], Mixture.Covariances[1]] };
        Assert.Contains("Covariances[0]", Assert.Throws<ArgumentException>(() => Charts.MixtureContours(X, notPd)).Message);
        Assert.Throws<ArgumentException>(() => Charts.LogLikelihoodCurve([1.0, double.NaN]));
        Assert.Throws<ArgumentException>(() => Charts.ElbowCurve([1, 2, 3], [3.0, 2.0, 1.0], highlightK: 5));
        Assert.Throws<ArgumentException>(() => Charts.Responsibilities(X, X.Select(_ => new[] { 0.5, 0.6 }).ToArray()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Charts.DecisionRegions(FitKMeans(), X, resolution: 1));
    }

    [Fact]
    public void DecisionRegions_is_a_100_by_100_heatmap_of_the_closest_centroid()
    {
        var model = FitKMeans();
        var f = Charts.DecisionRegions(model, X);
        var traces = Traces(f);
        Assert.Equal(1 + 2 + 1, traces.Length);
        var heat = traces[0];
        Assert.Equal("heatmap", heat.GetProperty("type").GetString());
        var gx = Numbers(heat, "x");
        var gy = Numbers(heat, "y");
        var z = heat.GetProperty("z").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
        Assert.Equal(100, gx.Length);
        Assert.Equal(100, z.Length);
        Assert.All(z, r => Assert.Equal(100, r.Length));
        var c = model.Centroids;
        double D(int k, double x, double y) => (x - c[k][0]) * (x - c[k][0]) + (y - c[k][1]) * (y - c[k][1]);
        for (var i = 0; i < 100; i += 7)
            for (var j = 0; j < 100; j += 7)
            {
                var d0 = D(0, gx[j], gy[i]);
                var d1 = D(1, gx[j], gy[i]);
                if (Math.Abs(d0 - d1) > 1e-2) Assert.Equal(d0 < d1 ? 0 : 1, z[i][j]); // row i is y = gy[i]
            }
        Assert.True(GenericChart.toJson(f.Chart).Length < 40_000, "the 100 × 100 grid should stay a compact heatmap");
    }

    [Fact]
    public void KMeansIterations_puts_each_iteration_in_its_own_panel()
    {
        var model = FitKMeans();
        var history = new List<KMeansIteration>
        {
            new([[1.0, 1.0], [5.0, 5.0]], Labels, 10),
            new(Centroids, Labels, 5),
            new(Centroids, Labels, 5),
        };
        var f = Charts.KMeansIterations(X, history, [1, 2, 3], columns: 2);
        var layout = Layout(f);
        Assert.True(layout.TryGetProperty("xaxis3", out _));
        Assert.False(layout.TryGetProperty("xaxis4", out _));
        var titles = layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToArray();
        Assert.Equal(["iteration 1: inertia 10", "iteration 2: inertia 5", "iteration 3: inertia 5"], titles);
        var traces = Traces(f);
        Assert.Contains(traces, t => t.TryGetProperty("xaxis", out var a) && a.GetString() == "x3");
        // the panel of iteration 2 shows the move from history[0]'s centroids to history[1]'s
        var moves = traces.First(t => Name(t) == "centroid moves");
        Assert.Equal("x2", moves.GetProperty("xaxis").GetString());
        Assert.Equal([1.0, 0.5, double.NaN, 5.0, 6.5, double.NaN], Numbers(moves, "x"));
        Assert.Equal(Palette.Color(1), MarkerColor(traces.First(t => Name(t) == "cluster 1")));
        Assert.NotEmpty(Traces(Charts.KMeansIterations(X, model.History)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Charts.KMeansIterations(X, history, [4]));

        // iteration 0 is the data before the first assignment; with the initial centroids, iteration 1 shows their move
        double[][] init = [[0.0, 1.0], [7.0, 7.0]];
        var g = Charts.KMeansIterations(X, history, [0, 1], initialCentroids: init);
        Assert.Equal(["initialisation", "iteration 1: inertia 10"], Layout(g).GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()!));
        var gt = Traces(g);
        Assert.Equal("#888888", MarkerColor(gt[0]));
        Assert.Equal([0.0, 7.0], Numbers(gt.First(t => Name(t) == "initial centroids"), "x"));
        var firstMove = gt.Single(t => Name(t) == "centroid moves");
        Assert.Equal("x2", firstMove.GetProperty("xaxis").GetString());
        Assert.Equal([0.0, 1.0, double.NaN, 7.0, 5.0, double.NaN], Numbers(firstMove, "x"));
        Assert.Single(gt, t => t.GetProperty("showlegend").GetBoolean() && Name(t) == "cluster 0");
    }

    [Fact]
    public void MixtureContours_ellipses_lie_on_the_1_and_2_sigma_quadratic_forms()
    {
        var f = Charts.MixtureContours(X, Mixture, Labels);
        var traces = Traces(f);
        Assert.Equal(1 + 2 + 3 * 2, traces.Length); // contour, 2 clusters, 3 per component
        Assert.Equal("contour", traces[0].GetProperty("type").GetString());
        Assert.Equal("x", Layout(f).GetProperty("yaxis").GetProperty("scaleanchor").GetString());
        for (var k = 0; k < 2; k++)
        {
            var s = Mixture.Covariances[k];
            var det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
            foreach (var (sigma, form) in new[] { (1, 1.0), (2, 4.0) })
            {
                var e = Trace(f, $"component {k}: {sigma}σ");
                Assert.Equal(Palette.Color(k), LineColor(e));
                var xs = Numbers(e, "x");
                var ys = Numbers(e, "y");
                Assert.True(xs.Length > 30);
                for (var i = 0; i < xs.Length; i++)
                {
                    double dx = xs[i] - Mixture.Means[k][0], dy = ys[i] - Mixture.Means[k][1];
                    var q = (s[1][1] * dx * dx - 2 * s[0][1] * dx * dy + s[0][0] * dy * dy) / det; // (x − μ)ᵀ Σ⁻¹ (x − μ)
                    Assert.InRange(q, form * 0.99, form * 1.01);
                }
            }
        }
        Assert.Equal(Palette.Color(1), MarkerColor(Trace(f, "component 1 (π = 0.6)")));
    }

    [Fact]
    public void MixtureContours_surface_is_the_log_density_of_the_mixture()
    {
        var f = Charts.MixtureContours(X, Mixture, resolution: 5);
        var c = Traces(f)[0];
        var xs = Numbers(c, "x");
        var ys = Numbers(c, "y");
        var z = c.GetProperty("z").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var lnP = Math.Log(Enumerable.Range(0, 2).Sum(k => Mixture.Weights[k] * Math.Exp(
            Em.LogLikelihood([[xs[3], ys[2]]], Mixture with { Weights = [1.0], Means = [Mixture.Means[k]], Covariances = [Mixture.Covariances[k]] }))));
        Assert.Equal(lnP, z[2][3], 0.02);
        Assert.Equal(Em.LogLikelihood([[xs[3], ys[2]]], Mixture), z[2][3], 0.02);
    }

    [Fact]
    public void Responsibilities_mix_red_green_blue_ink()
    {
        double[][] gamma = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0.5, 0.5, 0], [0.2, 0.4, 0.4], [1 / 3.0, 1 / 3.0, 1 / 3.0]];
        var f = Charts.Responsibilities(X, gamma);
        var colors = Traces(f)[0].GetProperty("marker").GetProperty("color").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Equal(["#ff0000", "#00ff00", "#0000ff", "#808000", "#336666", "#555555"], colors);
        Assert.Equal(1 + 3, Traces(f).Length); // points + a legend entry per component

        // k > 3: palette colours weighted by γ
        double[][] gamma4 = X.Select((_, i) => i % 2 == 0 ? new[] { 0.0, 0, 0, 1 } : new[] { 0.5, 0, 0, 0.5 }).ToArray();
        var colors4 = Traces(Charts.Responsibilities(X, gamma4))[0].GetProperty("marker").GetProperty("color").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Equal(Palette.Color(3), colors4[0]);
        var (r0, g0, b0) = Palette.Rgb(0);
        var (r3, g3, b3) = Palette.Rgb(3);
        Assert.Equal($"#{(int)Math.Round((r0 + r3) / 2.0):x2}{(int)Math.Round((g0 + g3) / 2.0):x2}{(int)Math.Round((b0 + b3) / 2.0):x2}", colors4[1]);
    }

    [Fact]
    public void EmIterations_colour_points_by_the_library_responsibilities()
    {
        var history = new List<EmIteration> { new(Mixture, -20.5), new(Mixture with { Weights = [0.5, 0.5] }, -18.25) };
        var f = Charts.EmIterations(X, history, [1, 2]);
        var titles = Layout(f).GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToArray();
        Assert.Equal(["iteration 1: ln L = -20.5", "iteration 2: ln L = -18.25"], titles);
        var traces = Traces(f);
        Assert.Equal(2 * (1 + 3 * 2), traces.Length);
        var panel2 = traces.Where(t => t.TryGetProperty("xaxis", out var a) && a.GetString() == "x2").ToArray();
        Assert.Equal(1 + 3 * 2, panel2.Length);
        var expected = Traces(Charts.Responsibilities(X, Em.EStep(X, history[1].Parameters)))[0].GetProperty("marker").GetProperty("color");
        Assert.Equal(expected.ToString(), panel2[0].GetProperty("marker").GetProperty("color").ToString());

        // iteration 0 is the initialisation, with its log-likelihood (19) from the library
        var start = Mixture with { Means = [[2.0, 2.0], [4.0, 4.0]] };
        var g = Charts.EmIterations(X, history, [0, 2], initial: start);
        var first = Layout(g).GetProperty("annotations")[0].GetProperty("text").GetString()!;
        Assert.StartsWith("initialisation: ln L = ", first);
        Assert.Equal(Em.LogLikelihood(X, start), double.Parse(first.Split("= ")[1], System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Contains("initial", Assert.Throws<ArgumentException>(() => Charts.EmIterations(X, history, [0, 1])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Charts.EmIterations(X, history, [3]));
    }

    [Fact]
    public void EmSlider_has_one_step_per_iteration_restyling_colours_and_replacing_ellipses()
    {
        var moved = Mixture with { Means = [[1.5, 0.5], [6.5, 5.5]], Weights = [0.5, 0.5] };
        var history = Enumerable.Range(0, 5).Select(i => new EmIteration(i < 2 ? Mixture : moved, -30.0 + i)).ToList();
        var f = Charts.EmSlider(X, history);
        var traces = Traces(f);
        Assert.Equal(1 + 2, traces.Length); // the points, and a legend entry per component
        var steps = Layout(f).GetProperty("sliders")[0].GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(["1", "2", "3", "4", "5"], steps.Select(s => s.GetProperty("label").GetString()!));
        for (var s = 0; s < steps.Length; s++)
        {
            var args = steps[s].GetProperty("args");
            Assert.Equal("update", steps[s].GetProperty("method").GetString());
            Assert.Equal([0], args[2].EnumerateArray().Select(i => i.GetInt32()));
            var expected = Traces(Charts.Responsibilities(X, Em.EStep(X, history[s].Parameters)))[0].GetProperty("marker").GetProperty("color");
            Assert.Equal(expected.ToString(), args[0].GetProperty("marker.color")[0].ToString());
            Assert.EndsWith($"iteration {s + 1}: ln L = {-30 + s}", args[1].GetProperty("title.text").GetString());
            var shapes = args[1].GetProperty("shapes").EnumerateArray().ToArray();
            Assert.Equal(3 * 2, shapes.Length);
            // component 1's 2σ ellipse (shape 4) lies on (x − μ)ᵀ Σ⁻¹ (x − μ) = 4 for this step's parameters
            var p = history[s].Parameters;
            var sigma = p.Covariances[1];
            var det = sigma[0][0] * sigma[1][1] - sigma[0][1] * sigma[1][0];
            var path = shapes[4].GetProperty("path").GetString()!;
            Assert.Equal(Palette.Color(1), shapes[4].GetProperty("line").GetProperty("color").GetString());
            var points = path.Trim('M', 'Z').Split('L').Select(pt => pt.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
            Assert.True(points.Length >= 30);
            foreach (var pt in points)
            {
                double dx = pt[0] - p.Means[1][0], dy = pt[1] - p.Means[1][1];
                Assert.InRange((sigma[1][1] * dx * dx - 2 * sigma[0][1] * dx * dy + sigma[0][0] * dy * dy) / det, 3.9, 4.1);
            }
        }
        // the initial state is step 1
        Assert.Equal(steps[0].GetProperty("args")[1].GetProperty("shapes").ToString(), Layout(f).GetProperty("shapes").ToString());
        var long_ = Enumerable.Range(0, 100).Select(i => new EmIteration(Mixture, i)).ToList();
        var longSteps = Layout(Charts.EmSlider(X, long_)).GetProperty("sliders")[0].GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(30, longSteps.Length);
        Assert.Equal("100", longSteps[^1].GetProperty("label").GetString());
        var labels = longSteps.Select(s => int.Parse(s.GetProperty("label").GetString()!)).ToArray();
        Assert.Equal(Enumerable.Range(1, 15), labels[..15]); // early iterations one by one
        Assert.True(labels.Zip(labels.Skip(1)).All(p => p.Second > p.First));
        var withStart = Layout(Charts.EmSlider(X, history, initial: moved)).GetProperty("sliders")[0].GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(["0", "1", "2", "3", "4", "5"], withStart.Select(s => s.GetProperty("label").GetString()!));
        Assert.Contains("initialisation", withStart[0].GetProperty("args")[1].GetProperty("title.text").GetString());
    }

    [Fact]
    public void Curves_plot_the_values_against_iterations_1_to_n()
    {
        var ll = Charts.LogLikelihoodCurve([-120.5, -101.25, -100.125]);
        Assert.Equal([1.0, 2, 3], Numbers(Traces(ll)[0], "x"));
        Assert.Equal([-120.5, -101.25, -100.125], Numbers(Traces(ll)[0], "y"));
        Assert.Equal("Iteration", AxisTitle(ll, "xaxis"));
        Assert.Contains("ln p", AxisTitle(ll, "yaxis"));
        var inertia = Charts.InertiaCurve(new List<double> { 1234567.0, 1000.0 });
        Assert.Equal([1234567.0, 1000.0], Numbers(Traces(inertia)[0], "y"));
        Assert.Equal("Inertia", AxisTitle(inertia, "yaxis"));
    }

    [Fact]
    public void ElbowCurve_and_SilhouetteScores_mark_the_chosen_k()
    {
        var elbow = Charts.ElbowCurve([1, 2, 3, 4], [100, 30, 25, 22], highlightK: 2);
        Assert.Equal(2, Traces(elbow).Length);
        Assert.Equal([2.0], Numbers(Trace(elbow, "elbow: k = 2"), "x"));
        Assert.Equal([30.0], Numbers(Trace(elbow, "elbow: k = 2"), "y"));
        Assert.Equal("Elbow", Layout(elbow).GetProperty("annotations")[0].GetProperty("text").GetString());
        Assert.Single(Traces(Charts.ElbowCurve([1, 2], [5, 4])));

        var scores = Charts.SilhouetteScores([2, 3, 4], [0.5, 0.7, 0.6]);
        Assert.Equal([3.0], Numbers(Trace(scores, "best: k = 3"), "x"));
        Assert.Equal("Silhouette score", AxisTitle(scores, "yaxis"));
    }

    [Fact]
    public void SilhouetteDiagram_has_sorted_knives_and_a_dashed_mean_line()
    {
        double[] s = [0.9, 0.2, 0.5, 0.8, 0.7, -0.1];
        var f = Charts.SilhouetteDiagram(s, Labels);
        var traces = Traces(f);
        Assert.Equal(2 + 1, traces.Length);
        var knife0 = traces[0];
        Assert.Equal("toself", knife0.GetProperty("fill").GetString());
        Assert.Equal(Palette.Color(0), LineColor(knife0));
        Assert.Equal([0.0, 0.2, 0.5, 0.9, 0.0], Numbers(knife0, "x")); // outline: 0, sorted coefficients, back to 0
        var mean = traces[2];
        Assert.Equal("dash", mean.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal(s.Average(), Numbers(mean, "x")[0], 6);
        Assert.Equal(["0", "1"], Layout(f).GetProperty("yaxis").GetProperty("ticktext").EnumerateArray().Select(t => t.GetString()));

        var fromX = Traces(Charts.SilhouetteDiagram(X, Labels));
        Assert.Equal(Silhouette.Score(X, Labels), Numbers(fromX[2], "x")[0], 6);
    }

    [Fact]
    public void MixtureDensity1D_components_sum_to_a_density_that_integrates_to_1()
    {
        double[] data = [-2.1, -1.9, -2.0, 3.0, 3.2, 2.8, 3.1];
        var f = Charts.MixtureDensity1D([0.3, 0.7], [-2, 3], [0.25, 1.0], data, bins: 10);
        var traces = Traces(f);
        Assert.Equal(1 + 2 + 1, traces.Length);
        var bars = traces[0];
        Assert.Equal("bar", bars.GetProperty("type").GetString());
        var width = bars.GetProperty("width").GetDouble();
        Assert.Equal(1.0, Numbers(bars, "y").Sum() * width, 3);
        var total = traces[3];
        var xs = Numbers(total, "x");
        var p = Numbers(total, "y");
        var area = Enumerable.Range(1, xs.Length - 1).Sum(i => 0.5 * (p[i] + p[i - 1]) * (xs[i] - xs[i - 1]));
        Assert.Equal(1.0, area, 2);
        for (var i = 0; i < xs.Length; i += 10)
            Assert.Equal(p[i], Numbers(traces[1], "y")[i] + Numbers(traces[2], "y")[i], 3);
        Assert.Equal(Palette.Color(1), LineColor(traces[2]));
        Assert.Throws<ArgumentException>(() => Charts.MixtureDensity1D([0.3, 0.3], [0, 1], [1, 1]));
    }

    [Fact]
    public void LagrangeExample_shows_the_circle_the_stationary_points_and_parallel_gradients()
    {
        var f = Charts.LagrangeExample();
        Assert.Contains("x + y", Title(f));
        var circle = Trace(f, "constraint g(x, y) = x² + y² − 1 = 0");
        var cx = Numbers(circle, "x");
        var cy = Numbers(circle, "y");
        for (var i = 0; i < cx.Length; i++) Assert.Equal(1.0, cx[i] * cx[i] + cy[i] * cy[i], 3);
        var points = Trace(f, "stationary points (eq. 39)");
        var r = Math.Sqrt(2) / 2;
        Assert.Equal([r, -r], Numbers(points, "x"), (a, b) => Math.Abs(a - b) < 1e-3);
        var arrows = Layout(f).GetProperty("annotations").EnumerateArray().Where(a => a.GetProperty("showarrow").GetBoolean()).ToArray();
        Assert.Equal(4, arrows.Length);
        foreach (var a in arrows)
        {
            double dx = a.GetProperty("x").GetDouble() - a.GetProperty("ax").GetDouble();
            double dy = a.GetProperty("y").GetDouble() - a.GetProperty("ay").GetDouble();
            Assert.Equal(dx, dy, 3); // every gradient is along (1, 1): ∇f ∥ ∇g at both points
        }
        var contour = Traces(f)[0];
        Assert.Equal("contour", contour.GetProperty("type").GetString());
    }

    [Fact]
    public void Generic_helpers_build_the_expected_traces()
    {
        double[] x = [1, 2, 3];
        var line = Charts.Line(x, new Dictionary<string, double[]> { ["a"] = [1, 2, 3], ["b"] = [3, 2, 1] }, "Lines", "t", "v");
        Assert.Equal(["a", "b"], Traces(line).Select(Name));
        Assert.Equal(Palette.Color(1), LineColor(Traces(line)[1]));
        Assert.Equal("t", AxisTitle(line, "xaxis"));
        Assert.Throws<ArgumentException>(() => Charts.Line(x, new Dictionary<string, double[]> { ["a"] = [1, 2] }));

        var scatter = Charts.Scatter(x, [4, 5, 6], "S", name: "pts");
        Assert.Equal([4.0, 5, 6], Numbers(Trace(scatter, "pts"), "y"));

        var hist = Charts.Histogram([1, 1, 2, 3, 3, 3], "H", bins: 2);
        Assert.Equal([2.0, 4.0], Numbers(Traces(hist)[0], "y"));
        Assert.Equal("Count", AxisTitle(hist, "yaxis"));

        var contour = Charts.Contour([0, 1, 2], [0, 1], [[0, 1, 2], [1, 2, 3]], "C", mark: (2, 1), markName: "max");
        Assert.Equal([2.0], Numbers(Trace(contour, "max"), "x"));
        Assert.Throws<ArgumentException>(() => Charts.Contour([0, 1, 2], [0, 1], [[0, 1], [1, 2]]));

        var bars = Charts.Bars(["a", "b"], [1, 2], "B");
        Assert.Equal("bar", Traces(bars)[0].GetProperty("type").GetString());
    }

    [Fact]
    public void Grid_places_figures_side_by_side_keeping_traces_and_labels()
    {
        var a = Charts.Clusters(X, Labels, Centroids, "A");
        var b = Charts.ElbowCurve([1, 2, 3], [10, 5, 4], 2);
        var c = Charts.LagrangeExample();
        var g = Charts.Grid([a, b, c], columns: 2, title: "Side by side");
        var traces = Traces(g);
        Assert.Equal(Traces(a).Length + Traces(b).Length + Traces(c).Length, traces.Length);
        Assert.Equal("Side by side", Title(g));
        var layout = Layout(g);
        Assert.Equal("Inertia", layout.GetProperty("yaxis2").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("x3", layout.GetProperty("yaxis3").GetProperty("scaleanchor").GetString());
        var lagrangeContour = traces[Traces(a).Length + Traces(b).Length];
        Assert.False(lagrangeContour.GetProperty("showscale").GetBoolean());
        Assert.False(lagrangeContour.TryGetProperty("colorbar", out _));
        var notes = layout.GetProperty("annotations").EnumerateArray().ToArray();
        Assert.Contains(notes, n => n.GetProperty("text").GetString() == "A");
        Assert.Contains(notes, n => n.GetProperty("text").GetString() == "Elbow" && n.GetProperty("xref").GetString() == "x2");
        Assert.Equal(4, notes.Count(n => n.TryGetProperty("axref", out var r) && r.GetString() == "x3"));
        Assert.All(traces.Skip(Traces(a).Length), t => Assert.NotEqual("x", t.GetProperty("xaxis").GetString()));
        // the original figures are unchanged
        Assert.False(Traces(a)[0].TryGetProperty("xaxis", out _));
        // shapes (the slider chart's ellipses) move to their subplot
        var withShapes = Layout(Charts.Grid([a, Charts.EmSlider(X, [new EmIteration(Mixture, -1)])]));
        var shapes = withShapes.GetProperty("shapes").EnumerateArray().ToArray();
        Assert.Equal(3 * 2, shapes.Length);
        Assert.All(shapes, sh => Assert.Equal("x2", sh.GetProperty("xref").GetString()));
        Assert.False(withShapes.TryGetProperty("sliders", out _));
    }

    [Fact]
    public void Cluster_colours_are_the_same_in_every_builder()
    {
        var model = FitKMeans();
        var c1 = Palette.Color(1);
        Assert.Equal(c1, MarkerColor(Trace(Charts.Clusters(X, Labels), "cluster 1")));
        Assert.Equal(c1, MarkerColor(Trace(Charts.DecisionRegions(model, X, 10), "cluster 1")));
        Assert.Equal(c1, LineColor(Traces(Charts.SilhouetteDiagram([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], Labels))[1]));
        Assert.Equal(c1, LineColor(Trace(Charts.MixtureContours(X, Mixture), "component 1: 1σ")));
        Assert.Equal(c1, LineColor(Traces(Charts.MixtureDensity1D([0.5, 0.5], [0, 1], [1, 1]))[1]));
        Assert.Equal(c1, MarkerColor(Traces(Charts.KMeansIterations(X, model.History)).First(t => Name(t) == "cluster 1")));
        var heat = Traces(Charts.DecisionRegions(model, X, 10))[0];
        Assert.Equal(c1, heat.GetProperty("colorscale")[2][1].GetString());
    }

    [Fact]
    public void Titles_use_the_invariant_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var f = Charts.SilhouetteDiagram([0.25, 0.5, 0.75, 0.25, 0.5, 0.75], Labels);
            Assert.Equal("silhouette score = 0.5", Name(Traces(f)[2]));
            var history = new List<EmIteration> { new(Mixture, -20.5) };
            Assert.Equal("iteration 1: ln L = -20.5", Layout(Charts.EmIterations(X, history, [1])).GetProperty("annotations")[0].GetProperty("text").GetString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Coordinates_are_rounded_to_4_significant_digits()
    {
        var f = Charts.Clusters([[Math.PI, 1234.5678], [Math.E, 0.000123456]], [0, 0]);
        Assert.Equal([3.142, 2.718], Numbers(Traces(f)[0], "x"));
        Assert.Equal([1235.0, 0.0001235], Numbers(Traces(f)[0], "y"));
    }
    /// <summary>Every builder on seeded library results (K-means, EM, silhouette), as a lesson would call it.</summary>
    private static Dictionary<string, Figure> Gallery()
    {
        var blobs = Datasets.Blobs(300, [[-2.8, 2.8], [-2.8, 1.3], [-1.5, 2.3], [-0.3, 2.3], [0.2, 1.8]], [0.25, 0.25, 0.25, 0.25, 0.25], 7).X;
        var km = new KMeans(5) { Seed = 1, Init = KMeansInit.Random }.Fit(blobs);
        var mix = Datasets.Blobs(300, [[0.0, 0.0], [3.0, 2.0]], [0.8, 0.5], 3).X;
        var gm = new GaussianMixture(2) { Seed = 3, MaxIter = 30, Tol = 1e-8 }.Fit(mix);
        int[] ks = [1, 2, 3, 4, 5, 6, 7, 8];
        var inertias = ks.Select(k => new KMeans(k) { Seed = 0 }.Fit(blobs).Inertia).ToArray();
        var sks = ks.Skip(1).ToArray();
        var scores = sks.Select(k => Silhouette.Score(blobs, new KMeans(k) { Seed = 0 }.Fit(blobs).Labels)).ToArray();
        return new()
        {
            ["clusters"] = Charts.Clusters(blobs, km.Labels, km.Centroids),
            ["decision-regions"] = Charts.DecisionRegions(km, blobs),
            ["kmeans-iterations"] = Charts.KMeansIterations(blobs, km.History),
            ["mixture-contours"] = Charts.MixtureContours(mix, gm.Parameters, gm.Predict(mix)),
            ["responsibilities"] = Charts.Responsibilities(mix, gm.Responsibilities(mix)),
            ["em-iterations"] = Charts.EmIterations(mix, gm.History, new[] { 1, 2, 5, gm.History.Count }.Where(t => t <= gm.History.Count).Distinct().ToArray()),
            ["em-slider"] = Charts.EmSlider(mix, gm.History),
            ["log-likelihood"] = Charts.LogLikelihoodCurve(gm.History.Select(h => h.LogLikelihood).ToArray()),
            ["inertia"] = Charts.InertiaCurve(km.History.Select(h => h.Inertia).ToArray()),
            ["elbow"] = Charts.ElbowCurve(ks, inertias, 5),
            ["silhouette-scores"] = Charts.SilhouetteScores(sks, scores),
            ["silhouette-diagram"] = Charts.SilhouetteDiagram(blobs, km.Labels),
            ["mixture-density-1d"] = Charts.MixtureDensity1D([0.3, 0.7], [-2, 3], [0.5, 1.5], mix.Select(r => r[0]).ToArray()),
            ["lagrange"] = Charts.LagrangeExample(),
            ["grid"] = Charts.Grid([Charts.ElbowCurve(ks, inertias, 5), Charts.SilhouetteScores(sks, scores)], 2, "Choosing k"),
        };
    }

    [Fact]
    public void Every_chart_saves_as_an_offline_page_and_stays_small()
    {
        var dir = Path.Combine(Path.GetTempPath(), "clusterlab-charts-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var gallery = Gallery();
            foreach (var (name, figure) in gallery)
            {
                var json = figure.ToJson();
                Assert.True(json.Length < (name == "em-slider" ? 250_000 : 60_000), $"{name}: {json.Length} characters of JSON");
                var path = figure.SaveHtml(Path.Combine(dir, name + ".html"));
                var html = File.ReadAllText(path);
                Assert.Contains(json[..Math.Min(200, json.Length)].Split('[')[0], html);
                Assert.DoesNotMatch("<script[^>]*src=[\"']?https?:", html); // plotly.js is embedded, not fetched
                Assert.Contains("Plotly", html);
                Assert.False(string.IsNullOrEmpty(Layout(figure).GetProperty("title").GetProperty("text").GetString()), $"{name} has no title");
            }
            var all = Figure.ToStandaloneHtml(gallery.Values);
            File.WriteAllText(Path.Combine(dir, "gallery.html"), all);
            Assert.True(all.Length < 6_000_000, $"gallery page: {all.Length} characters");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
