using static ClusterLab.Tests.MixtureTestData;

namespace ClusterLab.Tests;

/// <summary>Covariance types (full, tied, diagonal, spherical) against scikit-learn 1.2's <c>covariance_type</c>, and their structure.</summary>
public sealed class CovarianceTypeTests
{
    private const double Rel = 1e-8;

    public static IEnumerable<object[]> TypedCases => Names("typed_fits");

    private static CovarianceType Parse(string t) => t switch
    {
        "full" => CovarianceType.Full, "tied" => CovarianceType.Tied, "diag" => CovarianceType.Diagonal, "spherical" => CovarianceType.Spherical,
        _ => throw new ArgumentException(t),
    };

    [Theory, MemberData(nameof(TypedCases))]
    public void Fit_from_given_parameters_matches_sklearn(string name)
    {
        var c = Case("typed_fits", name);
        var x = Matrix(c.GetProperty("x"));
        var init = Parameters(c.GetProperty("init"));
        foreach (var run in c.GetProperty("runs").EnumerateArray())
        {
            var type = Parse(run.GetProperty("covariance_type").GetString()!);
            string what = $"{name} max_iter={run.GetProperty("max_iter")} tol={run.GetProperty("tol")} reg={run.GetProperty("reg_covar")}";
            var m = new GaussianMixture(init.K)
            {
                CovarianceType = type, InitialParameters = init, MaxIter = run.GetProperty("max_iter").GetInt32(),
                Tol = run.GetProperty("tol").GetDouble(), RegCovar = run.GetProperty("reg_covar").GetDouble(),
            }.Fit(x);
            Assert.Equal(type, m.CovarianceType);
            Assert.Equal(run.GetProperty("n_iter").GetInt32(), m.Iterations);
            Assert.Equal(run.GetProperty("converged").GetBoolean(), m.Converged);
            Assert.Equal(run.GetProperty("n_parameters").GetInt32(), m.FreeParameters);
            Close(Parameters(run), m.Parameters, Rel, what);
            Close(run.GetProperty("log_likelihood").GetDouble(), m.LogLikelihood, Rel, $"{what} log-likelihood");
            double before = m.Iterations >= 2 ? m.History[^2].LogLikelihood : Em.LogLikelihood(x, init);
            Close(run.GetProperty("lower_bound").GetDouble(), before / x.Length, Rel, $"{what} lower bound");
            Close(run.GetProperty("aic").GetDouble(), m.Aic(x), Rel, $"{what} AIC");
            Close(run.GetProperty("bic").GetDouble(), m.Bic(x), Rel, $"{what} BIC");
        }
    }

    [Theory]
    [InlineData(CovarianceType.Tied)]
    [InlineData(CovarianceType.Diagonal)]
    [InlineData(CovarianceType.Spherical)]
    public void Fitted_covariances_have_the_form_of_their_type_and_sampling_follows_them(CovarianceType type)
    {
        var x = Blobs(600, 3, 3, seed: 9);
        var m = new GaussianMixture(3) { CovarianceType = type, Seed = 2 }.Fit(x);
        var s = m.Covariances;
        Assert.Equal(3, s.Length);
        Assert.All(s, c => Assert.Equal(3, c.Length));
        GaussianMixtureModel.FromParameters(m.Parameters, type);   // the structure check accepts the fit's own covariances
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                {
                    if (type == CovarianceType.Tied) Assert.Equal(s[0][i][j], s[c][i][j]);
                    else if (i != j) Assert.Equal(0.0, s[c][i][j]);
                    else if (type == CovarianceType.Spherical) Assert.Equal(s[c][0][0], s[c][i][i]);
                }
        // Sample draws from N(μ_k, Σ_k) with these Σ_k: a diagonal/spherical component has uncorrelated features.
        var sample = m.Sample(60_000, seed: 4);
        int big = Array.IndexOf(m.Weights, m.Weights.Max());
        var pts = sample.X.Where((_, i) => sample.Components[i] == big).ToArray();
        var est = GaussianMle.Estimate(pts);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(s[big][i][j], est.Covariance[i][j], 0.05 * Math.Sqrt(s[big][i][i] * s[big][j][j]) + 0.02);
    }

    [Fact]
    public void Em_MStep_takes_the_type_and_equals_the_fit()
    {
        var x = Blobs(400, 2, 2, seed: 3);
        var m = new GaussianMixture(2) { CovarianceType = CovarianceType.Spherical, Seed = 1, MaxIter = 3, Tol = 0 }.Fit(x);
        var gamma = Em.EStep(x, m.History[^2].Parameters);
        Assert.Equal(m.Parameters, Em.MStep(x, gamma, 1e-6, CovarianceType.Spherical));
    }

    [Fact]
    public void Structure_errors_name_the_component_and_the_rule()
    {
        var full = new MixtureParameters([0.5, 0.5], [[0.0, 0.0], [3.0, 3.0]], [[[1.0, 0.3], [0.3, 1.0]], [[2.0, 0.0], [0.0, 1.0]]]);
        string Error(CovarianceType t) => Assert.Throws<ArgumentException>(() => GaussianMixtureModel.FromParameters(full, t)).Message;
        Assert.Contains("Covariances[1] differs from Covariances[0]", Error(CovarianceType.Tied));
        Assert.Contains("Covariances[0][0][1] is 0.3, but CovarianceType=Diagonal needs zeros off the diagonal", Error(CovarianceType.Diagonal));
        var diag = full with { Covariances = [[[1.0, 0.0], [0.0, 1.0]], [[2.0, 0.0], [0.0, 1.0]]] };
        Assert.Contains("CovarianceType=Spherical needs σ²·I", Assert.Throws<ArgumentException>(() => GaussianMixtureModel.FromParameters(diag, CovarianceType.Spherical)).Message);
        var x = Blobs(100, 2, 2, seed: 1);
        Assert.Contains("InitialParameters.Covariances[1] differs", Assert.Throws<ArgumentException>(() =>
            new GaussianMixture(2) { CovarianceType = CovarianceType.Tied, InitialParameters = full }.Fit(x)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianMixture(2) { CovarianceType = (CovarianceType)7 }.Fit(x));
    }
}
