using Xunit;

namespace ClusterLab.Tests;

/// <summary>PCA by MathNet's SVD, against numpy (values in data/PROVENANCE.md) and its own identities.</summary>
public class PcaTests
{
    [Fact]
    public void Digits_explained_variance_matches_numpy()
    {
        var model = new Pca(5).Fit(Digits.Load().X);
        // numpy: S**2 / (n - 1) and its share of the total, of the centred digits (np.linalg.svd).
        double[] variance = [179.0069301, 163.71774688, 141.78843909, 101.1003752, 69.51316559];
        double[] ratio = [0.14890594, 0.13618771, 0.11794594, 0.08409979, 0.05782415];
        for (var j = 0; j < 5; j++)
        {
            // numpy printed 8 decimals: agree to within its rounding.
            Assert.InRange(model.ExplainedVariance[j], variance[j] - 1e-7, variance[j] + 1e-7);
            Assert.InRange(model.ExplainedVarianceRatio[j], ratio[j] - 1e-8, ratio[j] + 1e-8);
        }
    }

    [Fact]
    public void Components_are_orthonormal_and_all_of_them_reconstruct_the_data()
    {
        var x = Datasets.Blobs(60, 4, 3, 1.0, seed: 2).X;
        var model = new Pca(4).Fit(x);
        var w = model.Components;
        for (var a = 0; a < 4; a++)
            for (var b = 0; b < 4; b++)
                Assert.Equal(a == b ? 1.0 : 0.0, w[a].Zip(w[b], (p, q) => p * q).Sum(), 10);
        Assert.Equal(1.0, model.ExplainedVarianceRatio.Sum(), 12);
        var back = model.InverseTransform(model.Transform(x));
        for (var i = 0; i < x.Length; i++)
            for (var j = 0; j < 4; j++) Assert.Equal(x[i][j], back[i][j], 10);
    }

    [Fact]
    public void Projection_variance_equals_explained_variance()
    {
        var x = Datasets.Blobs(80, 3, 2, 1.5, seed: 5).X;
        var model = new Pca(2).Fit(x);
        var z = model.Transform(x);
        for (var c = 0; c < 2; c++)
        {
            var col = z.Select(r => r[c]).ToArray();
            Assert.Equal(0.0, col.Average(), 10);
            Assert.Equal(model.ExplainedVariance[c], col.Sum(v => v * v) / (x.Length - 1), 9);
        }
    }

    [Fact]
    public void Bad_input_is_named()
    {
        var x = Datasets.Blobs(10, 3, 2, 1.0, seed: 1).X;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Pca(4).Fit(x));
        Assert.Contains("nComponents=4", e.Message);
        var model = new Pca(2).Fit(x);
        Assert.Contains("nFeatures=3", Assert.Throws<ArgumentException>(() => model.Transform([[1.0, 2.0]])).Message);
        Assert.Contains("nComponents=2", Assert.Throws<ArgumentException>(() => model.InverseTransform([[1.0, 2.0, 3.0]])).Message);
    }
}
