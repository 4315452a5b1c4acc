namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>At most this many slider steps; longer histories are sampled evenly (first and last kept).</summary>
    private const int MaxSliderSteps = 40;

    /// <summary>
    /// One chart with a slider over the EM iterations: each step shows the points coloured by responsibilities and the
    /// components' 1σ/2σ ellipses and means for <paramref name="history"/>[i], and its log-likelihood in the title.
    /// Histories longer than 40 entries are sampled evenly, keeping the first and the last.
    /// </summary>
    /// <param name="x">Points, shape (nSamples, 2).</param>
    /// <param name="history">The model's <see cref="GaussianMixtureModel.History"/>, at least one entry.</param>
    /// <param name="title">Chart title (the step's log-likelihood is appended).</param>
    /// <exception cref="ArgumentException">Bad points, empty history, or parameters that are not 2-D or not positive definite.</exception>
    public static Figure EmSlider(double[][] x, IReadOnlyList<EmIteration> history, string title = "EM iterations")
    {
        ChartInput.Points2D(x, nameof(x));
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0) throw new ArgumentException("history is empty: fit the model first.", nameof(history));
        var steps = SliderSteps(history.Count);
        foreach (var i in steps) ChartInput.Mixture2D(history[i].Parameters, $"history[{i}].Parameters");
        var (xr, yr) = MixtureRanges(x, steps.Select(i => history[i].Parameters));

        var b = new PlotBuilder(StepTitle(title, steps[0], history), "x₁", "x₂");
        var owner = new List<int>(); // step of every trace
        for (var s = 0; s < steps.Length; s++)
        {
            var traces = AddMixtureStep(b, x, history[steps[s]].Parameters);
            foreach (var t in traces) t["visible"] = s == 0;
            owner.AddRange(traces.Select(_ => s));
        }
        var sliderSteps = steps.Select((it, s) => new Props
        {
            ["label"] = (it + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["method"] = "update",
            ["args"] = new object[]
            {
                new Props { ["visible"] = owner.Select(o => o == s).ToArray() },
                new Props { ["title.text"] = StepTitle(title, it, history) },
            },
        }).ToArray();
        b.Layout["sliders"] = new[]
        {
            new Props
            {
                ["active"] = 0, ["steps"] = sliderSteps, ["pad"] = new Props { ["t"] = 50 },
                ["currentvalue"] = new Props { ["prefix"] = "iteration " },
            },
        };
        b.Layout["height"] = 600;
        WithRange((Props)b.Layout["xaxis"]!, xr.Min, xr.Max);
        WithRange((Props)b.Layout["yaxis"]!, yr.Min, yr.Max);
        b.EqualAspect();
        return b.Build();
    }

    private static string StepTitle(string title, int i, IReadOnlyList<EmIteration> history) =>
        $"{title}: iteration {i + 1}, ln L = {Numbers.Round(history[i].LogLikelihood, 5)}";

    /// <summary>All indices 0 … count − 1, or <see cref="MaxSliderSteps"/> evenly spaced ones including both ends.</summary>
    private static int[] SliderSteps(int count) => count <= MaxSliderSteps
        ? Enumerable.Range(0, count).ToArray()
        : Enumerable.Range(0, MaxSliderSteps).Select(s => (int)Math.Round((double)s * (count - 1) / (MaxSliderSteps - 1))).Distinct().ToArray();
}
