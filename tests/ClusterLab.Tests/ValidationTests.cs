namespace ClusterLab.Tests;

public class ValidationTests
{
    private static readonly double[][] Good = [[0, 0], [1, 0], [0, 1], [5, 5], [6, 5]];

    public static TheoryData<string, double[][]?, string> BadData() => new()
    {
        { "null", null, "null" },
        { "empty", [], "empty" },
        { "no features", [[], []], "length 0" },
        { "ragged", [[0, 0], [1], [2, 2]], "ragged" },
        { "null row", [[0, 0], null!, [2, 2]], "x[1] is null" },
        { "NaN", [[0, 0], [1, double.NaN], [2, 2]], "x[1][1] is NaN" },
        { "infinity", [[0, 0], [1, 1], [double.PositiveInfinity, 2]], "finite" },
    };

    [Theory]
    [MemberData(nameof(BadData))]
    public void BadDataIsRefusedEverywhere(string what, double[][]? x, string message)
    {
        _ = what;
        foreach (Action fit in new Action[]
                 {
                     () => new KMeans(1).Fit(x!),
                     () => new MiniBatchKMeans(1).Fit(x!),
                     () => Silhouette.Samples(x!, x is null ? [0] : new int[x.Length]),
                     () => Datasets.Standardize(x!),
                 })
        {
            var e = Assert.ThrowsAny<ArgumentException>(fit);
            Assert.Contains(message, e.Message);
        }
    }

    [Theory]
    [InlineData(0, "k=0 should be >= 1")]
    [InlineData(-2, "k=-2 should be >= 1")]
    [InlineData(6, "nSamples=5 should be >= k=6")]
    public void KOutOfRange(int k, string message)
    {
        Assert.Contains(message, Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(k).Fit(Good)).Message);
        Assert.Contains(message, Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchKMeans(k).Fit(Good)).Message);
    }

    [Fact]
    public void FewerDistinctPointsThanK()
    {
        double[][] x = [[1, 1], [1, 1], [2, 2], [1, 1], [2, 2]];
        var e = Assert.Throws<ArgumentException>(() => new KMeans(3).Fit(x));
        Assert.Contains("only 2 distinct points", e.Message);
        Assert.Contains("lower k", e.Message);
        Assert.Throws<ArgumentException>(() => new MiniBatchKMeans(3).Fit(x));
        Assert.Equal(2, new KMeans(2) { Seed = 0 }.Fit(x).Labels.Distinct().Count());
        // -0.0 and 0.0 are one point.
        Assert.Throws<ArgumentException>(() => new KMeans(2).Fit([[0.0], [-0.0]]));
    }

    public static TheoryData<double[][]?, string> BadCentroids() => new()
    {
        { [[0, 0]], "has 1 centroids but 2 are needed" },
        { [[0, 0], [1, 1], [2, 2]], "has 3 centroids but 2 are needed" },
        { [[0, 0], [1, 1, 1]], "InitialCentroids[1] has 3 values but the data has 2 features" },
        { [[0, double.NaN], [1, 1]], "InitialCentroids[0][1] is NaN" },
        { [[0, 0], null!], "InitialCentroids[1] is null" },
    };

    [Theory]
    [MemberData(nameof(BadCentroids))]
    public void InitialCentroidsOfTheWrongShape(double[][]? c, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new KMeans(2) { InitialCentroids = c }.Fit(Good));
        Assert.Contains(message, e.Message);
        Assert.Equal("InitialCentroids", e.ParamName);
    }

    [Fact]
    public void SettingsOutOfRange()
    {
        Assert.Contains("NInit=0", Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(2) { NInit = 0 }.Fit(Good)).Message);
        Assert.Contains("MaxIter=0", Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(2) { MaxIter = 0 }.Fit(Good)).Message);
        Assert.Contains("Tol=-1", Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(2) { Tol = -1 }.Fit(Good)).Message);
        Assert.Contains("Tol=NaN", Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(2) { Tol = double.NaN }.Fit(Good)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(2) { Init = (KMeansInit)7 }.Fit(Good));
        Assert.Contains("BatchSize=0", Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchKMeans(2) { BatchSize = 0 }.Fit(Good)).Message);
        Assert.Contains("MaxIter=0", Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchKMeans(2) { MaxIter = 0 }.Fit(Good)).Message);
        Assert.Contains("NInit=0", Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchKMeans(2) { NInit = 0 }.Fit(Good)).Message);
    }

    [Fact]
    public void PredictAndTransformCheckTheFeatureCount()
    {
        var m = new KMeans(2) { Seed = 1 }.Fit(Good);
        Assert.Contains("x has 3 features but the model was fitted on 2", Assert.Throws<ArgumentException>(() => m.Predict([[1, 2, 3]])).Message);
        Assert.Throws<ArgumentException>(() => m.Transform([[1, 2, 3]]));
        Assert.Throws<ArgumentException>(() => m.Predict([[1, double.NaN]]));
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0, 0, 0 }, "Number of labels is 1")]
    [InlineData(new[] { 0, 1, 2, 3, 4 }, "Number of labels is 5")]
    [InlineData(new[] { 0, 1 }, "labels has 2 entries but the data has 5 rows")]
    public void SilhouetteRefusesBadLabels(int[] labels, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Silhouette.Samples(Good, labels));
        Assert.Contains(message, e.Message);
        Assert.Throws(e.GetType(), () => Silhouette.Score(Good, labels));
        Assert.ThrowsAny<ArgumentNullException>(() => Silhouette.Samples(Good, null!));
    }

    [Fact]
    public void BlobsCheckTheirArguments()
    {
        Assert.Contains("stdDevs has 1 values but there are 2 centres", Assert.Throws<ArgumentException>(() => Datasets.Blobs(10, [[0.0], [1.0]], [1.0], 0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Blobs(10, [[0.0], [1.0]], [1.0, -1.0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Blobs(0, [[0.0]], [1.0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Blobs(10, 0, 2, 1.0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Blobs(10, 2, 0, 1.0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.ElongatedBlobs(2, 0));
    }

    [Fact]
    public void OverflowIsReportedNotReturned()
    {
        double[][] huge = [[1e200, 0], [-1e200, 0], [3e200, 1e200], [-2e200, 5e199]];
        Assert.Contains("too large in magnitude", Assert.Throws<InvalidOperationException>(() => new KMeans(2) { Seed = 0 }.Fit(huge)).Message);
        Assert.Throws<InvalidOperationException>(() => new MiniBatchKMeans(2) { Seed = 0 }.Fit(huge));
        Assert.Throws<InvalidOperationException>(() => Silhouette.Samples(huge, [0, 0, 1, 1]));
        Assert.Contains("variance", Assert.Throws<InvalidOperationException>(() => GaussianMle.Estimate([1e200, -1e200, 3e200])).Message);
        Assert.Contains("mean", Assert.Throws<InvalidOperationException>(() => GaussianMle.Estimate([1e308, 1e308])).Message);
        Assert.Contains("covariance", Assert.Throws<InvalidOperationException>(() => GaussianMle.Estimate(huge)).Message);
        Assert.Contains("log-likelihood", Assert.Throws<InvalidOperationException>(() => GaussianMle.LogLikelihood([1e200], 0, 1)).Message);
    }
}
