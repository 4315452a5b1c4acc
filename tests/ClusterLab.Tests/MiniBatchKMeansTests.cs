using static ClusterLab.Tests.KMeansTestData;

namespace ClusterLab.Tests;

public class MiniBatchKMeansTests
{
    [Fact]
    public void FindsWellSeparatedBlobsLikeKMeans()
    {
        var x = Blobs(3000, 2, 5, 0.5, 3, spread: 30);
        var full = new KMeans(5) { Seed = 1, NInit = 5 }.Fit(x);
        var mb = new MiniBatchKMeans(5) { Seed = 1, BatchSize = 100 }.Fit(x);
        Assert.Equal(full.Labels, mb.Labels);                    // canonical ids: same partition, same numbers
        Assert.True(mb.Inertia <= full.Inertia * 1.01, $"mini-batch {mb.Inertia} vs full {full.Inertia}");
        Assert.True(mb.Inertia >= full.Inertia * (1 - 1e-12));   // Lloyd's fixed point on the same partition is optimal
    }

    [Fact]
    public void InertiaIsOnTheFullDataAndLabelsMatchPredict()
    {
        var x = Blobs(2000, 3, 4, 2.0, 8);
        var m = new MiniBatchKMeans(4) { Seed = 2, BatchSize = 64 }.Fit(x);
        Assert.Equal(m.Labels, m.Predict(x));
        Close(KMeansTests.ReferenceInertia(x, m.Centroids, m.Labels), m.Inertia, 1e-12, "inertia");
        Assert.Empty(m.History);
        Assert.InRange(m.Iterations, 1, 100);
    }

    [Fact]
    public void MaxIterBoundsThePasses()
    {
        var x = Blobs(1000, 2, 3, 2.0, 9);
        var m = new MiniBatchKMeans(3) { Seed = 3, BatchSize = 100, MaxIter = 2, MaxNoImprovement = null }.Fit(x);
        Assert.Equal(2, m.Iterations);   // ⌊2 · 1000 / 100⌋ = 20 steps of 100 points = 2 passes
    }

    [Fact]
    public void SameSeedSameResult()
    {
        var x = Blobs(1000, 2, 3, 2.0, 10);
        var a = new MiniBatchKMeans(3) { Seed = 4, Init = KMeansInit.Random }.Fit(x);
        var b = new MiniBatchKMeans(3) { Seed = 4, Init = KMeansInit.Random }.Fit(x);
        BitEqual(a.Centroids, b.Centroids, "centroids");
    }

    [Fact]
    public void SmallDataAndLargeK()
    {
        var x = Blobs(40, 2, 8, 0.3, 11);
        var m = new MiniBatchKMeans(20) { Seed = 5 }.Fit(x);
        Assert.Equal(20, m.Centroids.Length);
        Assert.All(m.Centroids, c => Assert.All(c, v => Assert.True(double.IsFinite(v))));
    }

    [Fact]
    public void GivenInitialCentroidsReplaceTheInitialisation()
    {
        var x = Datasets.Blobs(3000, 2, 4, 1.0, 3, 10.0).X;
        double[][] start = [x[0], x[1], x[2], x[3]];
        // With a given start the random init is skipped, so the init method no longer matters (same seed, same batches).
        var a = new MiniBatchKMeans(4) { Seed = 1, MaxIter = 2, InitialCentroids = start, Init = KMeansInit.Random }.Fit(x);
        var b = new MiniBatchKMeans(4) { Seed = 1, MaxIter = 2, InitialCentroids = start, Init = KMeansInit.KMeansPlusPlus, NInit = 5 }.Fit(x);
        Assert.Equal(a.Centroids, b.Centroids);
        Assert.Equal(a.Inertia, b.Inertia);
        var bad = Assert.Throws<ArgumentException>(() => new MiniBatchKMeans(4) { InitialCentroids = [x[0]] }.Fit(x));
        Assert.Contains("InitialCentroids", bad.Message);
    }
}
