namespace ClusterLab.Tests;

/// <summary><see cref="Em.LogDensities"/>: ln p(x_n) per row, by hand in 1-D, and summing to the log-likelihood (5).</summary>
public class EmLogDensitiesTests
{
    private static readonly MixtureParameters OneD = new([0.3, 0.7], [[-1.0], [2.0]], [[[0.5]], [[2.0]]]);

    private static double Normal(double x, double mu, double s2) => Math.Exp(-(x - mu) * (x - mu) / (2 * s2)) / Math.Sqrt(2 * Math.PI * s2);

    [Fact]
    public void Matches_the_mixture_density_by_hand()
    {
        double[][] x = [[-1.5], [0.0], [0.7], [2.0], [5.0]];
        var logP = Em.LogDensities(x, OneD);
        for (int n = 0; n < x.Length; n++)
            Assert.Equal(Math.Log(0.3 * Normal(x[n][0], -1, 0.5) + 0.7 * Normal(x[n][0], 2, 2.0)), logP[n], 12); // (6)
    }

    [Fact]
    public void Sums_to_the_log_likelihood_across_blocks()
    {
        var data = Datasets.Blobs(3000, [[0.0, 0.0], [4.0, 4.0]], [1.0, 1.5], seed: 3).X; // more than one 1024-row block
        var p = new GaussianMixture(2) { Seed = 0 }.Fit(data).Parameters;
        Assert.Equal(Em.LogLikelihood(data, p), Em.LogDensities(data, p).Sum(), 1e-8 * 3000);
    }

    [Fact]
    public void Refuses_bad_input()
    {
        Assert.ThrowsAny<ArgumentException>(() => Em.LogDensities([[1.0, 2.0]], OneD));   // wrong dimension
        Assert.ThrowsAny<ArgumentException>(() => Em.LogDensities([[double.NaN]], OneD));
    }
}
