namespace ClusterLab.Tests;

public class DatasetsTests
{
    [Fact]
    public void OldFaithfulHasTheKnownShapeAndMeans()
    {
        var x = Datasets.OldFaithful();
        Assert.Equal(272, x.Length);
        Assert.All(x, r => Assert.Equal(2, r.Length));
        Assert.Equal(3.487783, x.Average(r => r[0]), 6);   // R: colMeans(faithful)
        Assert.Equal(70.89706, x.Average(r => r[1]), 5);
        Assert.Equal([3.6, 79.0], x[0]);
    }

    [Fact]
    public void BlobsSplitEvenlyAndAreSeeded()
    {
        double[][] centers = [[0, 0], [10, 0], [0, 10]];
        var a = Datasets.Blobs(1000, centers, [0.5, 1.0, 2.0], 7);
        var b = Datasets.Blobs(1000, centers, [0.5, 1.0, 2.0], 7);
        var c = Datasets.Blobs(1000, centers, [0.5, 1.0, 2.0], 8);
        Assert.Equal(1000, a.X.Length);
        Assert.Equal([334, 333, 333], Enumerable.Range(0, 3).Select(j => a.Labels.Count(l => l == j)));
        Assert.Equal(a.Labels, b.Labels);
        KMeansTestData.BitEqual(a.X, b.X, "same seed");
        Assert.NotEqual(a.X[0][0], c.X[0][0]);
        Assert.NotEqual(Enumerable.Range(0, 20).Select(i => a.Labels[i]), Enumerable.Repeat(0, 20)); // shuffled
        for (int j = 0; j < 3; j++)
        {
            var pts = a.X.Where((_, i) => a.Labels[i] == j).ToArray();
            double sd = new[] { 0.5, 1.0, 2.0 }[j];
            for (int f = 0; f < 2; f++)
            {
                double m = pts.Average(p => p[f]);
                Assert.True(Math.Abs(m - centers[j][f]) < 5 * sd / Math.Sqrt(pts.Length), $"blob {j} mean {m}");
                double v = pts.Average(p => (p[f] - m) * (p[f] - m));
                Assert.True(Math.Abs(Math.Sqrt(v) / sd - 1) < 0.15, $"blob {j} sd {Math.Sqrt(v)}");
            }
        }
    }

    [Fact]
    public void BlobsInABoxStayNearTheBox()
    {
        var a = Datasets.Blobs(600, 3, 4, 0.1, 1, box: 5);
        Assert.Equal(600, a.X.Length);
        Assert.All(a.X, r => Assert.All(r, v => Assert.InRange(v, -6, 6)));
        Assert.Equal(4, a.Labels.Distinct().Count());
    }

    [Fact]
    public void ElongatedBlobsFollowGeronsFigure()
    {
        var e = Datasets.ElongatedBlobs(1250, 42);
        Assert.Equal([500, 500, 250], Enumerable.Range(0, 3).Select(j => e.Labels.Count(l => l == j)));
        // Blob 0 is (4, −4) mapped through [[0.374, 0.95], [0.732, 0.598]] = (4·0.374 − 4·0.732, 4·0.95 − 4·0.598).
        var b0 = e.X.Where((_, i) => e.Labels[i] == 0).ToArray();
        Near(4 * 0.374 - 4 * 0.732, b0.Average(p => p[0]), 5 / Math.Sqrt(500));
        Near(4 * 0.95 - 4 * 0.598, b0.Average(p => p[1]), 5 / Math.Sqrt(500));
        var b2 = e.X.Where((_, i) => e.Labels[i] == 2).ToArray();
        Near(3.49080238, b2.Average(p => p[0]), 5 / Math.Sqrt(250));
        Near(1.01428613, b2.Average(p => p[1]), 5 / Math.Sqrt(250));
    }

    [Fact]
    public void StandardizeGivesMeanZeroVarianceOne()
    {
        var z = Datasets.Standardize(Datasets.OldFaithful());
        for (int f = 0; f < 2; f++)
        {
            Assert.Equal(0, z.Average(r => r[f]), 12);
            Assert.Equal(1, z.Average(r => r[f] * r[f]), 12);
        }
        var c = Datasets.Standardize([[1, 5], [2, 5], [3, 5]]);
        Assert.All(c, r => Assert.Equal(0, r[1]));
    }

    [Fact]
    public void StandardizeRescuesDataTooLargeForTheFits()
    {
        // The overflow error of KMeans and GaussianMixture advises Datasets.Standardize: it must not overflow itself.
        double[][] huge = [[1e200, 0], [-1e200, 0], [3e200, 1e200], [-2e200, 5e199], [1.7e308, 1]];
        var z = Datasets.Standardize(huge);
        for (int f = 0; f < 2; f++)
        {
            Assert.Equal(0, z.Average(r => r[f]), 12);
            Assert.Equal(1, z.Average(r => r[f] * r[f]), 12);
        }
        Assert.Equal(2, new KMeans(2) { Seed = 0 }.Fit(z).Centroids.Length);
    }

    [Fact]
    public void ReadCsvReadsHeaderAndRows()
    {
        var path = Temp("a,b\n1.5,2\n\n-3e2,4\n");
        var x = Datasets.ReadCsv(path, out var header);
        Assert.Equal(["a", "b"], header);
        Assert.Equal([[1.5, 2], [-300, 4]], x);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3,x\n", "line 3, column 2")]
    [InlineData("a,b\n1,2\n3,4\nNaN,1\n", "line 4, column 1")]
    [InlineData("a,b\n1,2\n3\n", "line 3 has 1 values")]
    [InlineData("a,b\n1,2\n3,4,5\n", "line 3 has 3 values")]
    [InlineData("a,b\n", "no data rows")]
    [InlineData("", "empty")]
    public void ReadCsvReportsTheBadValue(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Datasets.ReadCsv(Temp(text), out _));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ReadCsvNamesAMissingFile()
    {
        var e = Assert.Throws<FileNotFoundException>(() => Datasets.ReadCsv("/nonexistent/x.csv", out _));
        Assert.Contains("/nonexistent/x.csv", e.Message);
    }

    private static void Near(double expected, double actual, double tol) =>
        Assert.True(Math.Abs(expected - actual) <= tol, $"expected {expected} ± {tol}, got {actual}");

    private static string Temp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"clusterlab-csv-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
