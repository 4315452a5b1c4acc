using MathNet.Numerics.LinearAlgebra;
using static ClusterLab.Tests.MixtureTestData;

namespace ClusterLab.Tests;

/// <summary>The EM steps one at a time: E-step, M-step and log-likelihood against scikit-learn 1.2, invariants, bad input.</summary>
public sealed class EmTests
{
    private const double Rel = 1e-8;

    public static IEnumerable<object[]> EStepCases => Names("esteps");
    public static IEnumerable<object[]> MStepCases => Names("msteps");

    [Theory, MemberData(nameof(EStepCases))]
    public void EStep_matches_sklearn_predict_proba(string name)
    {
        var c = Case("esteps", name);
        var x = Matrix(c.GetProperty("x"));
        var gamma = Em.EStep(x, Parameters(c.GetProperty("parameters")));
        Close(Matrix(c.GetProperty("responsibilities")), gamma, Rel, name);
        AssertRowsSumToOne(gamma);
    }

    [Theory, MemberData(nameof(EStepCases))]
    public void LogLikelihood_matches_sklearn_score_samples_sum(string name)
    {
        var c = Case("esteps", name);
        var ll = Em.LogLikelihood(Matrix(c.GetProperty("x")), Parameters(c.GetProperty("parameters")));
        Close(c.GetProperty("log_likelihood").GetDouble(), ll, Rel, name);
    }

    [Fact]
    public void EStep_stays_finite_for_points_whose_densities_underflow()
    {
        var c = Case("esteps", "far");
        var x = Matrix(c.GetProperty("x"));
        var p = Parameters(c.GetProperty("parameters"));
        // In linear space both densities of the far rows are 0 (0/0); in log space the responsibilities are well defined.
        Assert.Equal(0.0, Math.Exp(-0.5 * (40.0 * 40 + 35 * 35)));
        var gamma = Em.EStep(x, p);
        Assert.All(gamma.SelectMany(r => r), g => Assert.True(double.IsFinite(g)));
        Close(Matrix(c.GetProperty("responsibilities")), gamma, Rel, "far");
    }

    [Fact]
    public void A_zero_weight_gets_zero_responsibility()
    {
        var c = Case("esteps", "zero_weight");
        var gamma = Em.EStep(Matrix(c.GetProperty("x")), Parameters(c.GetProperty("parameters")));
        Assert.All(gamma, row => { Assert.Equal(0.0, row[0]); Assert.Equal(1.0, row[1]); });
    }

    [Fact]
    public void EStep_with_one_component_gives_ones()
    {
        var x = Blobs(50, 3, 2, seed: 1);
        var est = GaussianMle.Estimate(x);
        var gamma = Em.EStep(x, new MixtureParameters([1.0], [est.Mean], [est.Covariance]));
        Assert.All(gamma, row => Assert.Equal([1.0], row));
    }

    [Theory, MemberData(nameof(MStepCases))]
    public void MStep_matches_sklearn_estimate_gaussian_parameters(string name)
    {
        var c = Case("msteps", name);
        var p = Em.MStep(Matrix(c.GetProperty("x")), Matrix(c.GetProperty("responsibilities")), c.GetProperty("reg_covar").GetDouble());
        Close(Parameters(c.GetProperty("expected")), p, Rel, name);
        AssertValid(p, name);
    }

    [Fact]
    public void MStep_with_one_hard_component_is_the_Gaussian_MLE_plus_regCovar()
    {
        var x = Blobs(40, 2, 1, seed: 3);
        var ones = x.Select(_ => new[] { 1.0 }).ToArray();
        var p = Em.MStep(x, ones, regCovar: 0.25);
        var mle = GaussianMle.Estimate(x);
        Close(mle.Mean, p.Means[0], 1e-12, "mean");
        Close(mle.Covariance[0][0] + 0.25, p.Covariances[0][0][0], 1e-12, "Σ00");
        Close(mle.Covariance[0][1], p.Covariances[0][0][1], 1e-12, "Σ01");
        Assert.Equal(1.0, p.Weights[0]);
    }

    [Fact]
    public void MStep_gives_an_empty_component_zero_mean_and_regCovar_identity_as_sklearn()
    {
        var x = Blobs(30, 2, 1, seed: 4);
        var resp = x.Select(_ => new[] { 1.0, 0.0 }).ToArray();
        var p = Em.MStep(x, resp, regCovar: 0.5);
        Assert.Equal([0.0, 0.0], p.Means[1]);
        Assert.Equal([[0.5, 0.0], [0.0, 0.5]], p.Covariances[1]);
        Assert.True(p.Weights[1] < 1e-15);
    }

    [Fact]
    public void Log_density_matches_the_naive_formula_with_inverse_and_determinant()
    {
        var x = Blobs(20, 4, 1, seed: 5);
        var a = Matrix<double>.Build.DenseOfRowArrays(Blobs(6, 4, 1, seed: 6));
        var sigma = a.TransposeThisAndMultiply(a) + Matrix<double>.Build.DenseIdentity(4) * 0.3;
        var mu = new[] { 0.5, -1.0, 2.0, 0.0 };
        var covariance = sigma.ToRowArrays();
        for (int i = 0; i < 4; i++) for (int j = 0; j < i; j++) covariance[j][i] = covariance[i][j];
        var p = new MixtureParameters([1.0], [mu], [covariance]);
        var inv = Matrix<double>.Build.DenseOfRowArrays(covariance).Inverse();
        double logDet = Math.Log(Matrix<double>.Build.DenseOfRowArrays(covariance).Determinant());
        double naive = 0;
        foreach (var row in x)
        {
            var diff = Vector<double>.Build.DenseOfArray(row.Zip(mu, (u, v) => u - v).ToArray());
            naive += -0.5 * (4 * Math.Log(2 * Math.PI) + logDet + diff * inv * diff); // ln N(x|μ,Σ), naive
        }
        Close(naive, Em.LogLikelihood(x, p), 1e-11, "ln N");
        Close(naive, GaussianMle.LogLikelihood(x, mu, covariance), 1e-11, "GaussianMle.LogLikelihood");
    }

    [Fact]
    public void Vectorised_EStep_matches_the_scalar_reference_row_by_row()
    {
        // More than one block (n > 1024) and a block with a partial length.
        var x = Blobs(2500, 5, 6, seed: 13);
        var p = new GaussianMixture(6) { Init = MixtureInit.Random, Seed = 2, MaxIter = 3 }.Fit(x).Parameters;
        var packed = ClusterLab.PackedMixture.TryCreate(p, out _)!;
        var gamma = Em.EStep(x, p);
        double total = 0;
        var a = new double[6];
        var diff = new double[5];
        for (int n = 0; n < x.Length; n++)
        {
            for (int c = 0; c < 6; c++)
                a[c] = Math.Log(p.Weights[c]) + ClusterLab.Internal.GaussianLogDensity.Evaluate(x[n], p.Means[c], packed.InverseFactor(c), packed.LogNormalisers[c], diff);
            double lse = ClusterLab.Internal.LogSumExp.Compute(a);
            total += lse;
            for (int c = 0; c < 6; c++) Close(Math.Exp(a[c] - lse), gamma[n][c], 1e-12, $"γ[{n}][{c}]");
        }
        Close(total, Em.LogLikelihood(x, p), 1e-12, "log-likelihood");
    }

    // ---- bad input ----

    private static readonly double[][] X = [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0]];
    private static MixtureParameters Good() => new([0.5, 0.5], [[0, 0], [5, 5]], [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]);

    public static IEnumerable<object[]> BadParameters()
    {
        yield return [new MixtureParameters([0.5, 0.6], [[0, 0], [5, 5]], [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]), "sum to"];
        yield return [new MixtureParameters([1.5, -0.5], [[0, 0], [5, 5]], [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]), "[0, 1]"];
        yield return [new MixtureParameters([double.NaN, 0.5], [[0, 0], [5, 5]], [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]), "Weights[0]"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0]], [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]), "Means has 1 rows"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0], [5, 5, 5]], [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]), "Means[1] has 3 values"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0], [5, double.PositiveInfinity]], [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]), "Means[1][1]"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0], [5, 5]], [[[1, 0], [0, 1]]]), "Covariances has 1 matrices"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0], [5, 5]], [[[1, 0], [0, 1]], [[1, 0, 0], [0, 1, 0], [0, 0, 1]]]), "Covariances[1] has 3 rows"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0], [5, 5]], [[[1, 0], [0, 1]], [[1, 0.5], [0, 1]]]), "not symmetric"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0], [5, 5]], [[[1, 2], [2, 1]], [[1, 0], [0, 1]]]), "Covariances[0] is not positive definite"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0], [5, 5]], [[[1, 0], [0, 1]], [[0, 0], [0, 0]]]), "Covariances[1] is not positive definite"];
        yield return [new MixtureParameters([0.5, 0.5], [[0, 0], [5, 5]], [[[1, 0], [0, double.NaN]], [[1, 0], [0, 1]]]), "Covariances[0][1][1]"];
        yield return [new MixtureParameters([], [], []), "empty"];
    }

    [Theory, MemberData(nameof(BadParameters))]
    public void EStep_and_LogLikelihood_refuse_bad_parameters(MixtureParameters p, string expected)
    {
        Assert.Contains(expected, Assert.ThrowsAny<ArgumentException>(() => Em.EStep(X, p)).Message);
        Assert.Contains(expected, Assert.ThrowsAny<ArgumentException>(() => Em.LogLikelihood(X, p)).Message);
    }

    [Fact]
    public void EStep_refuses_bad_data()
    {
        Assert.Throws<ArgumentNullException>(() => Em.EStep(null!, Good()));
        Assert.Throws<ArgumentNullException>(() => Em.EStep(X, null!));
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => Em.EStep([], Good())).Message);
        Assert.Contains("ragged", Assert.Throws<ArgumentException>(() => Em.EStep([[0.0, 0.0], [1.0]], Good())).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => Em.EStep([[0.0, double.NaN]], Good())).Message);
        Assert.Contains("has 3 values but the data have 2", Assert.Throws<ArgumentException>(() =>
            Em.EStep(X, new MixtureParameters([1.0], [[0, 0, 0]], [[[1, 0, 0], [0, 1, 0], [0, 0, 1]]]))).Message);
    }

    public static IEnumerable<object[]> BadResponsibilities()
    {
        yield return [new[] { new[] { 1.0, 0 }, [1.0, 0] }, "has 2 rows but x has 5"];
        yield return [new[] { new[] { 1.0, 0 }, [1.0, 0], [1.0], [0, 1.0], [0, 1.0] }, "ragged"];
        yield return [new[] { new[] { 1.0, 0 }, [1.0, 0], [0.7, 0.7], [0, 1.0], [0, 1.0] }, "[2] sums to 1.4"];
        yield return [new[] { new[] { 1.5, -0.5 }, [1.0, 0], [1.0, 0], [0, 1.0], [0, 1.0] }, "[0][1] is -0.5"];
        yield return [new[] { new[] { double.NaN, 1 }, [1.0, 0], [1.0, 0], [0, 1.0], [0, 1.0] }, "[0][0] is NaN"];
        yield return [new[] { Array.Empty<double>(), [], [], [], [] }, "empty"];
    }

    [Theory, MemberData(nameof(BadResponsibilities))]
    public void MStep_refuses_bad_responsibilities(double[][] resp, string expected)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Em.MStep(X, resp));
        Assert.Contains(expected, e.Message);
        Assert.Equal("responsibilities", e.ParamName);
    }

    [Fact]
    public void MStep_refuses_a_negative_or_infinite_regCovar_and_null_input()
    {
        double[][] resp = [[1.0, 0], [1.0, 0], [1.0, 0], [0, 1.0], [0, 1.0]];
        Assert.Equal("regCovar", Assert.ThrowsAny<ArgumentException>(() => Em.MStep(X, resp, -1e-3)).ParamName);
        Assert.Equal("regCovar", Assert.ThrowsAny<ArgumentException>(() => Em.MStep(X, resp, double.PositiveInfinity)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Em.MStep(X, null!));
        Assert.Throws<ArgumentNullException>(() => Em.MStep(null!, resp));
    }

    [Fact]
    public void MStep_on_a_collapsed_component_without_regCovar_fails_with_sklearn_advice()
    {
        // Component 1 holds a single point: its covariance is 0, and regCovar = 0 cannot repair it.
        double[][] resp = [[1.0, 0], [1.0, 0], [1.0, 0], [1.0, 0], [0, 1.0]];
        var e = Assert.Throws<InvalidOperationException>(() => Em.MStep(X, resp, regCovar: 0));
        Assert.Contains("ill-defined empirical covariance", e.Message);
        Assert.Contains("increase RegCovar", e.Message);
        AssertValid(Em.MStep(X, resp), "with the default regCovar");
    }
}
