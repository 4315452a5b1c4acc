using Xunit;

namespace ClusterLab.Tests;

/// <summary>Lesson 12's semi-supervised labelling helpers.</summary>
public class LabelPropagationTests
{
    private static readonly double[][] Distances = [[1, 5], [0.5, 6], [4, 0.2], [3, 0.1], [0.9, 9], [7, 0.3]];
    private static readonly int[] Clusters = [0, 0, 1, 1, 0, 1];

    [Fact]
    public void Representatives_are_the_closest_rows_per_centroid() =>
        Assert.Equal([1, 3], LabelPropagation.Representatives(Distances));

    [Fact]
    public void Propagate_gives_each_point_its_clusters_label()
    {
        Assert.Equal([7, 7, 2, 2, 7, 2], LabelPropagation.Propagate(Clusters, [7, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LabelPropagation.Propagate([0, 2], [7, 2]));
    }

    [Fact]
    public void ClosestFraction_keeps_the_closest_share_of_each_cluster()
    {
        Assert.Equal([1, 3], LabelPropagation.ClosestFraction(Distances, Clusters, 0.3));       // ⌈0.9⌉ = 1 per cluster
        Assert.Equal([1, 2, 3, 4], LabelPropagation.ClosestFraction(Distances, Clusters, 0.5)); // ⌈1.5⌉ = 2 per cluster
        Assert.Equal(6, LabelPropagation.ClosestFraction(Distances, Clusters, 1).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => LabelPropagation.ClosestFraction(Distances, Clusters, 0));
    }
}
