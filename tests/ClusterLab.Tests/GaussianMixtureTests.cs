using static ClusterLab.Tests.MixtureTestData;

namespace ClusterLab.Tests;

/// <summary>GaussianMixture.Fit and the fitted model: scikit-learn 1.2 references, EM invariants, initialisation, sampling, bad input.</summary>
public sealed class GaussianMixtureTests
{
    private const double Rel = 1e-8;

    public static IEnumerable<object[]> FitCases => Names("fits");

    private static GaussianMixture FromFixture(MixtureParameters init, System.Text.Json.JsonElement run) =>
        new(init.K)
        {
            InitialParameters = init,
            MaxIter = run.GetProperty("max_iter").GetInt32(),
            Tol = run.GetProperty("tol").GetDouble(),
            RegCovar = run.GetProperty("reg_covar").GetDouble(),
        };

    [Theory, MemberData(nameof(FitCases))]
    public void Fit_from_given_parameters_matches_sklearn(string name)
    {
        var c = Case("fits", name);
        var x = Matrix(c.GetProperty("x"));
        var init = Parameters(c.GetProperty("init"));
        foreach (var run in c.GetProperty("runs").EnumerateArray())
        {
            string what = $"{name} max_iter={run.GetProperty("max_iter")} tol={run.GetProperty("tol")} reg={run.GetProperty("reg_covar")}";
            var m = FromFixture(init, run).Fit(x);
            Assert.Equal(run.GetProperty("n_iter").GetInt32(), m.Iterations);
            Assert.Equal(run.GetProperty("converged").GetBoolean(), m.Converged);
            Close(Parameters(run), m.Parameters, Rel, what);
            Close(run.GetProperty("log_likelihood").GetDouble(), m.LogLikelihood, Rel, $"{what} log-likelihood");
            // scikit-learn's lower_bound_ is the mean log-likelihood before the last M-step: at θ_{t−1}.
            double before = m.Iterations >= 2 ? m.History[^2].LogLikelihood : Em.LogLikelihood(x, init);
            Close(run.GetProperty("lower_bound").GetDouble(), before / x.Length, Rel, $"{what} lower bound");
            Close(run.GetProperty("aic").GetDouble(), m.Aic(x), Rel, $"{what} AIC");
            Close(run.GetProperty("bic").GetDouble(), m.Bic(x), Rel, $"{what} BIC");
        }
    }

    [Theory, MemberData(nameof(FitCases))]
    public void Log_likelihood_never_falls_and_parameters_stay_valid(string name)
    {
        var c = Case("fits", name);
        var x = Matrix(c.GetProperty("x"));
        var init = Parameters(c.GetProperty("init"));
        foreach (double reg in new[] { 0.0, 1e-6 })
        {
            var m = new GaussianMixture(init.K) { InitialParameters = init, MaxIter = 200, Tol = 0, RegCovar = reg }.Fit(x);
            double previous = Em.LogLikelihood(x, init);
            foreach (var step in m.History)
            {
                Assert.True(step.LogLikelihood >= previous - 1e-9 * Math.Abs(previous), $"{name} reg={reg}: {step.LogLikelihood:R} < {previous:R}");
                AssertValid(step.Parameters, name);
                previous = step.LogLikelihood;
            }
            AssertRowsSumToOne(m.Responsibilities(x));
        }
    }

    [Fact]
    public void History_has_one_entry_per_iteration_ending_at_the_returned_parameters()
    {
        var c = Case("fits", "blobs2d");
        var x = Matrix(c.GetProperty("x"));
        var m = new GaussianMixture(3) { InitialParameters = Parameters(c.GetProperty("init")), Tol = 1e-6 }.Fit(x);
        Assert.True(m.Converged);
        Assert.Equal(m.Iterations, m.History.Count);
        BitEqual(m.Parameters, m.History[^1].Parameters, "last history entry");
        Assert.Equal(m.LogLikelihood, m.History[^1].LogLikelihood);
        // Every entry's log-likelihood is the one at its parameters (exactly: same kernel, same order).
        foreach (var step in m.History) Assert.Equal(Em.LogLikelihood(x, step.Parameters), step.LogLikelihood);
        // The history keeps copies: changing the model's arrays does not change it.
        Assert.NotSame(m.Parameters.Weights, m.History[^1].Parameters.Weights);
    }

    [Fact]
    public void MaxIter_zero_returns_the_initial_parameters()
    {
        var c = Case("fits", "faithful");
        var x = Matrix(c.GetProperty("x"));
        var init = Parameters(c.GetProperty("init"));
        var m = new GaussianMixture(2) { InitialParameters = init, MaxIter = 0 }.Fit(x);
        BitEqual(init, m.Parameters, "θ_0");
        Assert.Empty(m.History);
        Assert.Equal(0, m.Iterations);
        Assert.False(m.Converged);
        Assert.Equal(Em.LogLikelihood(x, init), m.LogLikelihood);
    }

    [Fact]
    public void Model_methods_agree_with_the_EM_steps_and_formulas()
    {
        var c = Case("fits", "blobs3d");
        var x = Matrix(c.GetProperty("x"));
        var m = new GaussianMixture(4) { InitialParameters = Parameters(c.GetProperty("init")) }.Fit(x);
        var gamma = m.Responsibilities(x);
        var expected = Em.EStep(x, m.Parameters);
        for (int n = 0; n < x.Length; n++) BitEqual(expected[n], gamma[n], $"γ[{n}]");
        var labels = m.Predict(x);
        for (int n = 0; n < x.Length; n++) Assert.Equal(Array.IndexOf(gamma[n], gamma[n].Max()), labels[n]);
        int p = (4 - 1) + 4 * 3 + 4 * 3 * 4 / 2;
        Assert.Equal(p, m.FreeParameters);
        Assert.Equal(-2 * m.LogLikelihood + 2 * p, m.Aic(x), 9);
        Assert.Equal(-2 * m.LogLikelihood + p * Math.Log(x.Length), m.Bic(x), 9);
        Assert.Equal(m.LogLikelihood, Em.LogLikelihood(x, m.Parameters));
    }

    [Fact]
    public void Tol_stops_early_and_Converged_reports_it()
    {
        var x = TwoBlobs(300, seed: 2);
        var loose = new GaussianMixture(2) { Init = MixtureInit.Random, Seed = 3, Tol = 1e-1 }.Fit(x);
        var tight = new GaussianMixture(2) { Init = MixtureInit.Random, Seed = 3, Tol = 1e-9, MaxIter = 1000 }.Fit(x);
        var capped = new GaussianMixture(2) { Init = MixtureInit.Random, Seed = 3, Tol = 1e-9, MaxIter = 2 }.Fit(x);
        Assert.True(loose.Converged && tight.Converged);
        Assert.True(loose.Iterations < tight.Iterations);
        Assert.False(capped.Converged);
        Assert.Equal(2, capped.Iterations);
        // Converged at t means the change between the E-steps at θ_{t−2} and θ_{t−1} fell under Tol.
        int t = tight.Iterations;
        Assert.True(Math.Abs(tight.History[t - 2].LogLikelihood - tight.History[t - 3].LogLikelihood) / x.Length < 1e-9);
    }

    [Fact]
    public void Random_init_is_seeded_and_finds_the_two_blobs()
    {
        var x = TwoBlobs(600, seed: 4);
        // Random responsibilities start both components near the overall mean, where the log-likelihood moves slowly:
        // with the default Tol = 1e-3 EM stops after 2 iterations (as scikit-learn does), hence the smaller Tol.
        var a = new GaussianMixture(2) { Init = MixtureInit.Random, Seed = 11, Tol = 1e-6 }.Fit(x);
        var b = new GaussianMixture(2) { Init = MixtureInit.Random, Seed = 11, Tol = 1e-6 }.Fit(x);
        var other = new GaussianMixture(2) { Init = MixtureInit.Random, Seed = 12, MaxIter = 1 }.Fit(x);
        BitEqual(a.Parameters, b.Parameters, "same seed");
        Assert.NotEqual(a.History[0].LogLikelihood, other.History[0].LogLikelihood);
        AssertValid(a.Parameters, "random init");
        // One third of the points are around (6, 2), the rest around (0, 0).
        int big = a.Weights[0] > a.Weights[1] ? 0 : 1;
        Assert.InRange(a.Weights[big], 0.6, 0.72);
        Assert.InRange(a.Means[big][0], -0.3, 0.3);
        Assert.InRange(a.Means[1 - big][0], 5.7, 6.3);
    }

    [Fact]
    public void KMeans_init_is_one_M_step_from_the_hard_labels_of_KMeans_with_the_same_seed()
    {
        var x = Blobs(400, 2, 3, seed: 8);
        var m = new GaussianMixture(3) { Seed = 5, MaxIter = 0 }.Fit(x);
        var labels = new KMeans(3) { Seed = 5, NInit = 1 }.Fit(x).Labels;
        var hard = labels.Select(l => Enumerable.Range(0, 3).Select(c => c == l ? 1.0 : 0.0).ToArray()).ToArray();
        BitEqual(Em.MStep(x, hard), m.Parameters, "θ_0");
        var fitted = new GaussianMixture(3) { Seed = 5 }.Fit(x);
        Assert.True(fitted.Converged);
        AssertValid(fitted.Parameters, "kmeans init");
    }

    [Fact]
    public void NInit_keeps_the_highest_log_likelihood()
    {
        var x = Blobs(300, 2, 4, seed: 9);
        var one = new GaussianMixture(4) { Init = MixtureInit.Random, Seed = 21, MaxIter = 5 }.Fit(x);
        var many = new GaussianMixture(4) { Init = MixtureInit.Random, Seed = 21, MaxIter = 5, NInit = 6 }.Fit(x);
        Assert.True(many.LogLikelihood >= one.LogLikelihood); // run 0 uses the same seed as the single run
        Assert.Equal(many.LogLikelihood, Em.LogLikelihood(x, many.Parameters));
    }

    [Fact]
    public void Sample_draws_components_by_weight_and_points_by_component()
    {
        var p = new MixtureParameters([0.2, 0.5, 0.3], [[0, 0], [10, 0], [0, 10]],
            [[[1, 0.5], [0.5, 1]], [[2, 0], [0, 0.5]], [[0.3, -0.1], [-0.1, 0.3]]]);
        var model = new GaussianMixtureModel(p, double.NaN, false, 0, []);
        const int n = 20000;
        var s = model.Sample(n, seed: 1);
        Assert.Equal(n, s.X.Length);
        Assert.Equal(s.X, model.Sample(n, seed: 1).X);
        for (int c = 0; c < 3; c++)
        {
            var xs = s.X.Where((_, i) => s.Components[i] == c).ToArray();
            double freq = (double)xs.Length / n, se = Math.Sqrt(p.Weights[c] * (1 - p.Weights[c]) / n);
            Assert.InRange(freq, p.Weights[c] - 5 * se, p.Weights[c] + 5 * se);
            var mle = GaussianMle.Estimate(xs);
            for (int j = 0; j < 2; j++)
            {
                double sd = Math.Sqrt(p.Covariances[c][j][j] / xs.Length);
                Assert.InRange(mle.Mean[j], p.Means[c][j] - 5 * sd, p.Means[c][j] + 5 * sd);
                Assert.InRange(mle.Covariance[j][j], 0.9 * p.Covariances[c][j][j], 1.1 * p.Covariances[c][j][j]);
            }
            double corr = mle.Covariance[0][1] / Math.Sqrt(mle.Covariance[0][0] * mle.Covariance[1][1]);
            double expectedCorr = p.Covariances[c][0][1] / Math.Sqrt(p.Covariances[c][0][0] * p.Covariances[c][1][1]);
            Assert.InRange(corr, expectedCorr - 0.05, expectedCorr + 0.05);
        }
        Assert.DoesNotContain(s.Components, z => z < 0 || z > 2);
    }

    [Fact]
    public void Fit_recovers_the_parameters_of_a_large_sample()
    {
        var truth = new MixtureParameters([0.4, 0.6], [[0, 0], [4, 4]], [[[1, 0.6], [0.6, 1]], [[1, -0.3], [-0.3, 0.5]]]);
        var x = new GaussianMixtureModel(truth, 0, false, 0, []).Sample(20000, seed: 3).X;
        var m = new GaussianMixture(2) { Seed = 1, Tol = 1e-6, MaxIter = 500 }.Fit(x);
        int first = m.Means[0][0] < 2 ? 0 : 1;
        int[] order = [first, 1 - first];
        for (int c = 0; c < 2; c++)
        {
            Assert.InRange(m.Weights[order[c]], truth.Weights[c] - 0.02, truth.Weights[c] + 0.02);
            for (int j = 0; j < 2; j++) Assert.InRange(m.Means[order[c]][j], truth.Means[c][j] - 0.05, truth.Means[c][j] + 0.05);
        }
    }

    [Fact]
    public void Parameters_print_their_values()
    {
        var p = new MixtureParameters([0.25, 0.75], [[0, 1.5], [2, 3]], [[[1, 0], [0, 1]], [[2, 0.5], [0.5, 1]]]);
        Assert.Equal("MixtureParameters(π = [0.25, 0.75], μ = [[0, 1.5], [2, 3]], Σ = [[[1, 0], [0, 1]], [[2, 0.5], [0.5, 1]]])", p.ToString());
    }

    // ---- bad input ----

    private static readonly double[][] X = [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0], [5.0, 6.0]];

    [Fact]
    public void Fit_refuses_bad_k_and_bad_data()
    {
        Assert.Contains("k=0 should be >= 1", Assert.ThrowsAny<ArgumentException>(() => new GaussianMixture(0).Fit(X)).Message);
        Assert.Contains("nSamples=6 should be >= k=7", Assert.ThrowsAny<ArgumentException>(() => new GaussianMixture(7).Fit(X)).Message);
        Assert.Throws<ArgumentNullException>(() => new GaussianMixture(2).Fit(null!));
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => new GaussianMixture(2).Fit([])).Message);
        Assert.Contains("ragged", Assert.Throws<ArgumentException>(() => new GaussianMixture(1).Fit([[0.0, 1.0], [2.0]])).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => new GaussianMixture(1).Fit([[0.0, double.PositiveInfinity]])).Message);
        // K-means initialisation needs k distinct points.
        double[][] twoDistinct = [[0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [1.0, 1.0], [1.0, 1.0]];
        Assert.Contains("distinct", Assert.ThrowsAny<ArgumentException>(() => new GaussianMixture(3) { Seed = 0 }.Fit(twoDistinct)).Message);
        // So does every other initialisation (random responsibilities would otherwise "fit" 3 components to 2 points).
        Assert.Contains("only 2 distinct points", Assert.ThrowsAny<ArgumentException>(() => new GaussianMixture(3) { Seed = 0, Init = MixtureInit.Random }.Fit(twoDistinct)).Message);
    }

    [Fact]
    public void Data_too_large_for_double_precision_fail_clearly_instead_of_NaN()
    {
        double[][] x = [[0.0, 0.0], [1e200, 1e200], [1.0, 0.0]];
        var e = Assert.Throws<InvalidOperationException>(() => new GaussianMixture(1) { Init = MixtureInit.Random, Seed = 0 }.Fit(x));
        Assert.Contains("scale the input data", e.Message);
    }

    public static IEnumerable<object[]> BadSettings()
    {
        yield return [new GaussianMixture(2) { MaxIter = -1 }, "MaxIter"];
        yield return [new GaussianMixture(2) { Tol = -1e-3 }, "Tol"];
        yield return [new GaussianMixture(2) { Tol = double.NaN }, "Tol"];
        yield return [new GaussianMixture(2) { RegCovar = -1e-6 }, "RegCovar"];
        yield return [new GaussianMixture(2) { RegCovar = double.NaN }, "RegCovar"];
        yield return [new GaussianMixture(2) { NInit = 0 }, "NInit"];
        yield return [new GaussianMixture(2) { Init = (MixtureInit)7 }, "Init"];
    }

    [Theory, MemberData(nameof(BadSettings))]
    public void Fit_refuses_bad_settings(GaussianMixture gm, string parameter)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => gm.Fit(X));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(parameter, e.Message);
    }

    public static IEnumerable<object[]> BadInitialParameters()
    {
        double[][] eye = [[1, 0], [0, 1]];
        yield return [new MixtureParameters([0.2, 0.3, 0.5], [[0, 0], [5, 5], [1, 1]], [eye, eye, eye]), "3 components but k=2"];
        yield return [new MixtureParameters([0.4, 0.5], [[0, 0], [5, 5]], [eye, eye]), "sum to 0.9"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0, 0], [5, 5, 5]], [eye, eye]), "Means[0] has 3 values but the data have 2"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0], [5, 5]], [eye, [[1, 0], [0, -1]]]), "Covariances[1] is not positive definite"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0], [5, 5]], [eye, [[1, 0], [0.2, 1]]]), "not symmetric"];
    }

    [Theory, MemberData(nameof(BadInitialParameters))]
    public void Fit_refuses_bad_initial_parameters(MixtureParameters p, string expected)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new GaussianMixture(2) { InitialParameters = p }.Fit(X));
        Assert.Contains(expected, e.Message);
        Assert.Equal("InitialParameters", e.ParamName);
    }

    [Fact]
    public void A_collapsing_component_without_RegCovar_fails_with_sklearn_advice()
    {
        // Ten copies of the origin, ten points around (10, 10): component 0 takes only the copies, so its covariance is 0.
        var x = Enumerable.Range(0, 10).Select(_ => new[] { 0.0, 0.0 })
            .Concat(Enumerable.Range(0, 10).Select(i => new[] { 10.0 + i % 3, 10.0 + i / 3 })).ToArray();
        var init = new MixtureParameters([0.5, 0.5], [[0, 0], [11, 11]], [[[1e-4, 0], [0, 1e-4]], [[4, 0], [0, 4]]]);
        var e = Assert.Throws<InvalidOperationException>(() => new GaussianMixture(2) { InitialParameters = init, RegCovar = 0 }.Fit(x));
        Assert.Contains("ill-defined empirical covariance", e.Message);
        Assert.Contains("decrease the number of components, increase RegCovar, or scale the input data", e.Message);
        var ok = new GaussianMixture(2) { InitialParameters = init }.Fit(x); // the default RegCovar repairs it
        AssertValid(ok.Parameters, "RegCovar 1e-6");
        Assert.True(double.IsFinite(ok.LogLikelihood));
    }

    [Fact]
    public void Model_refuses_bad_input()
    {
        var m = new GaussianMixture(2) { Init = MixtureInit.Random, Seed = 1 }.Fit(X);
        Assert.Contains("3 features but the model was fitted on 2", Assert.Throws<ArgumentException>(() => m.Predict([[0.0, 0, 0]])).Message);
        Assert.Throws<ArgumentException>(() => m.Responsibilities([]));
        Assert.Throws<ArgumentException>(() => m.Aic([[double.NaN, 0.0]]));
        Assert.Throws<ArgumentNullException>(() => m.Bic(null!));
        Assert.Equal("n", Assert.ThrowsAny<ArgumentException>(() => m.Sample(0, seed: 1)).ParamName);
        Assert.Contains("sum to", Assert.ThrowsAny<ArgumentException>(() =>
            new GaussianMixtureModel(new MixtureParameters([0.7, 0.7], m.Means, m.Covariances), 0, false, 0, [])).Message);
        Assert.Throws<ArgumentNullException>(() => new GaussianMixtureModel((MixtureParameters)null!, 0, false, 0, []));
    }
}
