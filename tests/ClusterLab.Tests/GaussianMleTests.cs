using MathNet.Numerics.Distributions;

namespace ClusterLab.Tests;

/// <summary>Gaussian MLE (lecture eq. 14-18): closed forms, a vanishing gradient at the estimate, the log-likelihood, bad input.</summary>
public sealed class GaussianMleTests
{
    private static readonly double[] Sample = [2.1, -0.4, 3.3, 1.0, 0.2, 5.6, 2.2, -1.3];

    [Fact]
    public void Estimate_is_the_mean_and_the_biased_variance()
    {
        var e = GaussianMle.Estimate(Sample);
        double mean = Sample.Sum() / Sample.Length;
        Assert.Equal(mean, e.Mean, 14);
        Assert.Equal(Sample.Sum(v => (v - mean) * (v - mean)) / Sample.Length, e.Variance, 14);  // N, not N − 1
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.PopulationVariance(Sample), e.Variance, 13);
        Assert.NotEqual(MathNet.Numerics.Statistics.Statistics.Variance(Sample), e.Variance, 6); // Bessel's N − 1 differs
        Assert.Equal(Math.Sqrt(e.Variance), e.StdDev);
    }

    [Fact]
    public void One_sample_gives_zero_variance()
    {
        var e = GaussianMle.Estimate([3.5]);
        Assert.Equal(3.5, e.Mean);
        Assert.Equal(0.0, e.Variance);
    }

    [Fact]
    public void The_gradient_of_the_log_likelihood_vanishes_at_the_estimate()
    {
        var e = GaussianMle.Estimate(Sample);
        const double h = 1e-5;
        double dMean = (GaussianMle.LogLikelihood(Sample, e.Mean + h, e.Variance) - GaussianMle.LogLikelihood(Sample, e.Mean - h, e.Variance)) / (2 * h);
        double dVar = (GaussianMle.LogLikelihood(Sample, e.Mean, e.Variance + h) - GaussianMle.LogLikelihood(Sample, e.Mean, e.Variance - h)) / (2 * h);
        Assert.True(Math.Abs(dMean) < 1e-6, $"∂lnL/∂μ = {dMean}");
        Assert.True(Math.Abs(dVar) < 1e-6, $"∂lnL/∂σ² = {dVar}");
        // ... and it does not vanish elsewhere (the check can fail).
        double off = (GaussianMle.LogLikelihood(Sample, e.Mean + 0.1 + h, e.Variance) - GaussianMle.LogLikelihood(Sample, e.Mean + 0.1 - h, e.Variance)) / (2 * h);
        Assert.True(Math.Abs(off) > 0.1);
        // The estimate is a maximum: every neighbour is lower.
        double best = e.LogLikelihood(Sample);
        foreach (var (dm, dv) in new[] { (0.05, 0.0), (-0.05, 0.0), (0.0, 0.05), (0.0, -0.05), (0.05, 0.05) })
            Assert.True(GaussianMle.LogLikelihood(Sample, e.Mean + dm, e.Variance + dv) < best);
    }

    [Fact]
    public void LogLikelihood_is_the_sum_of_log_densities()
    {
        double expected = Sample.Sum(x => Normal.PDFLn(1.5, Math.Sqrt(2.5), x));
        Assert.Equal(expected, GaussianMle.LogLikelihood(Sample, 1.5, 2.5), 11);
    }

    [Fact]
    public void Multivariate_estimate_is_the_mean_and_the_biased_covariance()
    {
        double[][] x = [[1, 2, 0], [3, 1, 1], [0, 0, 4], [2, 5, 1], [4, 2, 2]];
        var e = GaussianMle.Estimate(x);
        for (int j = 0; j < 3; j++) Assert.Equal(x.Average(r => r[j]), e.Mean[j], 14);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double expected = x.Sum(r => (r[i] - e.Mean[i]) * (r[j] - e.Mean[j])) / x.Length;
                Assert.Equal(expected, e.Covariance[i][j], 13);
                Assert.Equal(e.Covariance[i][j], e.Covariance[j][i]);
            }
        // Each column on its own is the univariate estimate.
        var first = GaussianMle.Estimate(x.Select(r => r[0]).ToArray());
        Assert.Equal(first.Mean, e.Mean[0], 14);
        Assert.Equal(first.Variance, e.Covariance[0][0], 14);
    }

    [Fact]
    public void The_multivariate_gradient_in_the_mean_vanishes_at_the_estimate()
    {
        double[][] x = [[1, 2], [3, 1], [0, 0.5], [2, 5], [4, 2], [1.5, 1.0]];
        var e = GaussianMle.Estimate(x);
        const double h = 1e-5;
        for (int j = 0; j < 2; j++)
        {
            var plus = (double[])e.Mean.Clone(); plus[j] += h;
            var minus = (double[])e.Mean.Clone(); minus[j] -= h;
            double g = (GaussianMle.LogLikelihood(x, plus, e.Covariance) - GaussianMle.LogLikelihood(x, minus, e.Covariance)) / (2 * h);
            Assert.True(Math.Abs(g) < 1e-6, $"∂lnL/∂μ_{j} = {g}");
        }
        // In Σ: scaling Σ̂ by 1 ± δ lowers the likelihood.
        double best = e.LogLikelihood(x);
        foreach (double f in new[] { 0.98, 1.02 })
            Assert.True(GaussianMle.LogLikelihood(x, e.Mean, e.Covariance.Select(r => r.Select(v => v * f).ToArray()).ToArray()) < best);
    }

    [Fact]
    public void Estimates_print_like_MathNet()
    {
        Assert.Equal("Gaussian(μ = 1.5, σ² = 0.25)", new GaussianEstimate(1.5, 0.25).ToString());
        Assert.Equal("Gaussian(μ = [1, 2], Σ = [[1, 0.5], [0.5, 2]])", new MultivariateGaussianEstimate([1, 2], [[1, 0.5], [0.5, 2]]).ToString());
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => GaussianMle.Estimate((double[])null!));
        Assert.Throws<ArgumentNullException>(() => GaussianMle.Estimate((double[][])null!));
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => GaussianMle.Estimate(Array.Empty<double>())).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => GaussianMle.Estimate([1.0, double.NaN])).Message);
        Assert.Contains("ragged", Assert.Throws<ArgumentException>(() => GaussianMle.Estimate([[1.0, 2.0], [1.0]])).Message);
        Assert.Equal("variance", Assert.ThrowsAny<ArgumentException>(() => GaussianMle.LogLikelihood(Sample, 0, 0)).ParamName);
        Assert.Equal("variance", Assert.ThrowsAny<ArgumentException>(() => GaussianMle.LogLikelihood(Sample, 0, -1)).ParamName);
        Assert.Equal("mean", Assert.ThrowsAny<ArgumentException>(() => GaussianMle.LogLikelihood(Sample, double.NaN, 1)).ParamName);
        double[][] x = [[1, 2], [3, 4]];
        Assert.Equal("mean", Assert.ThrowsAny<ArgumentException>(() => GaussianMle.LogLikelihood(x, [1.0], [[1, 0], [0, 1]])).ParamName);
        Assert.Contains("not positive definite", Assert.Throws<ArgumentException>(() => GaussianMle.LogLikelihood(x, [1.0, 2.0], [[1, 2], [2, 1]])).Message);
        Assert.Contains("2 × 2", Assert.Throws<ArgumentException>(() => GaussianMle.LogLikelihood(x, [1.0, 2.0], [[1, 0]])).Message);
        // The estimate of two equal points is singular: its likelihood is refused, not NaN.
        var singular = GaussianMle.Estimate([[1.0, 1.0], [1.0, 1.0]]);
        Assert.Throws<ArgumentException>(() => singular.LogLikelihood([[1.0, 1.0]]));
    }
}
