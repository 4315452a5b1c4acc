namespace ClusterLab.Tests;

/// <summary>Ancestral sampling z ~ π, x ~ N(μ_z, Σ_z): frequencies and moments match the parameters.</summary>
public class MixtureSamplingTests
{
    private static readonly MixtureParameters P = new(
        [0.2, 0.8],
        [[-3.0, 0.0], [2.0, 1.0]],
        [[[1.0, 0.5], [0.5, 2.0]], [[0.5, 0.0], [0.0, 0.25]]]);

    [Fact]
    public void Component_frequencies_and_moments_match_the_parameters()
    {
        var s = P.Sample(40_000, seed: 1);
        for (int k = 0; k < 2; k++)
        {
            var rows = s.X.Where((_, i) => s.Components[i] == k).ToArray();
            double share = rows.Length / 40_000.0;
            Assert.InRange(share, P.Weights[k] - 0.01, P.Weights[k] + 0.01);            // 5 standard errors
            var mle = GaussianMle.Estimate(rows);
            for (int j = 0; j < 2; j++)
            {
                Assert.InRange(mle.Mean[j], P.Means[k][j] - 0.05, P.Means[k][j] + 0.05);
                for (int l = 0; l < 2; l++) Assert.InRange(mle.Covariance[j][l], P.Covariances[k][j][l] - 0.1, P.Covariances[k][j][l] + 0.1);
            }
        }
    }

    [Fact]
    public void Parameters_and_a_model_with_them_draw_the_same_sample()
    {
        var model = new GaussianMixtureModel(P, 0, true, 0, []);
        var a = P.Sample(100, seed: 5);
        var b = model.Sample(100, seed: 5);
        Assert.Equal(a.Components, b.Components);
        Assert.Equal(a.X.SelectMany(r => r), b.X.SelectMany(r => r));
        Assert.NotEqual(a.X.SelectMany(r => r), P.Sample(100, seed: 6).X.SelectMany(r => r));
    }

    [Fact]
    public void Bad_parameters_are_refused()
    {
        var bad = P with { Weights = [0.5, 0.6] };
        Assert.Throws<ArgumentException>(() => bad.Sample(10, 0));
        Assert.ThrowsAny<ArgumentException>(() => P.Sample(0, 0));
    }
}
