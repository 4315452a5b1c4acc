namespace ClusterLab.Tests;

/// <summary>Predict never answers "cluster 0" for a point whose distances all overflow: it says why instead.</summary>
public class KMeansPredictOverflowTests
{
    [Fact]
    public void A_row_whose_distances_overflow_is_refused_with_advice()
    {
        var model = new KMeans(2) { Seed = 0 }.Fit([[0.0, 0.0], [0.1, 0.0], [5.0, 5.0], [5.1, 5.0]]);
        var e = Assert.Throws<InvalidOperationException>(() => model.Predict([[1e200, 1e200]]));
        Assert.Contains("row 0", e.Message);
        Assert.Contains("Standardize", e.Message);
        Assert.Equal(model.Labels, model.Predict([[0.0, 0.0], [0.1, 0.0], [5.0, 5.0], [5.1, 5.0]]));
    }
}
