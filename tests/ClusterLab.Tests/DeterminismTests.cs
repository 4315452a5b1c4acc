using static ClusterLab.Tests.KMeansTestData;

namespace ClusterLab.Tests;

/// <summary>
/// The same seed gives bit-identical results whatever the thread count (many blocks of rows, several threads). Every run
/// takes the parallel path (the inline threshold is set to 0) and checks that more than one thread actually ran blocks.
/// </summary>
[Collection("Parallelism")]
public class DeterminismTests
{
    private static T WithThreads<T>(int threads, Func<T> f) => ParallelRun.Checked(threads, f, $"{threads} threads");

    [Theory]
    [InlineData(KMeansInit.KMeansPlusPlus)]
    [InlineData(KMeansInit.Random)]
    public void KMeansIsBitIdenticalAcrossThreadCounts(KMeansInit init)
    {
        var x = Blobs(6000, 5, 7, 3.0, 17);
        KMeansModel Fit() => new KMeans(7) { Seed = 5, NInit = 2, Init = init, Tol = 0 }.Fit(x);
        var one = WithThreads(1, Fit);
        foreach (int t in new[] { 2, 3, 8 })
        {
            var m = WithThreads(t, Fit);
            BitEqual(one.Centroids, m.Centroids, $"centroids, {t} threads");
            Assert.Equal(one.Labels, m.Labels);
            Assert.Equal(BitConverter.DoubleToInt64Bits(one.Inertia), BitConverter.DoubleToInt64Bits(m.Inertia));
            Assert.Equal(one.Iterations, m.Iterations);
            for (int h = 0; h < one.History.Count; h++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(one.History[h].Inertia), BitConverter.DoubleToInt64Bits(m.History[h].Inertia));
        }
    }

    [Fact]
    public void MiniBatchIsBitIdenticalAcrossThreadCounts()
    {
        var x = Blobs(5000, 3, 6, 2.0, 23);
        KMeansModel Fit() => new MiniBatchKMeans(6) { Seed = 5, BatchSize = 256 }.Fit(x);
        var one = WithThreads(1, Fit);
        var two = WithThreads(4, Fit);
        BitEqual(one.Centroids, two.Centroids, "centroids");
        Assert.Equal(one.Labels, two.Labels);
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.Inertia), BitConverter.DoubleToInt64Bits(two.Inertia));
    }

    [Fact]
    public void SilhouetteIsBitIdenticalAcrossThreadCounts()
    {
        var x = Blobs(1500, 4, 5, 3.0, 29);
        var labels = new KMeans(5) { Seed = 1 }.Fit(x).Labels;
        var one = WithThreads(1, () => Silhouette.Samples(x, labels));
        var two = WithThreads(3, () => Silhouette.Samples(x, labels));
        Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), two.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void GaussianMixtureIsBitIdenticalAcrossThreadCounts()
    {
        var x = Blobs(5000, 3, 4, 2.0, 31);                       // 5 blocks of 1,024 rows
        GaussianMixtureModel Fit() => new GaussianMixture(4) { Seed = 3, MaxIter = 20, Tol = 0 }.Fit(x);
        var one = WithThreads(1, Fit);
        var two = WithThreads(3, Fit);
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.LogLikelihood), BitConverter.DoubleToInt64Bits(two.LogLikelihood));
        BitEqual(one.Means, two.Means, "means");
        for (int c = 0; c < 4; c++) BitEqual(one.Covariances[c], two.Covariances[c], $"covariance {c}");
        Assert.Equal(one.Weights.Select(BitConverter.DoubleToInt64Bits), two.Weights.Select(BitConverter.DoubleToInt64Bits));
        var e1 = WithThreads(1, () => Em.EStep(x, one.Parameters));
        var e3 = WithThreads(3, () => Em.EStep(x, one.Parameters));
        for (int i = 0; i < x.Length; i++) Assert.Equal(e1[i].Select(BitConverter.DoubleToInt64Bits), e3[i].Select(BitConverter.DoubleToInt64Bits));
    }
}
