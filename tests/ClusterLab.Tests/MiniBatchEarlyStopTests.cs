using ClusterLab.Internal;
using static ClusterLab.Tests.KMeansTestData;

namespace ClusterLab.Tests;

/// <summary>
/// Mini-batch K-means early stopping and reassignment as scikit-learn 1.2 documents and implements them:
/// <c>max_no_improvement</c> consecutive batches without a new minimum of the smoothed (EWA) batch inertia stop the run
/// (None never stops early); centroids whose count falls below <c>reassignment_ratio</c> × the largest count are moved to
/// random points of the batch (never when the ratio is 0).
/// </summary>
public sealed class MiniBatchEarlyStopTests
{
    public static TheoryData<string> FixtureNames()
    {
        var t = new TheoryData<string>();
        foreach (var c in Cases("minibatch.json")) t.Add(c.GetProperty("name").GetString()!);
        return t;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Stops_at_the_step_scikit_learn_stops(string name)
    {
        var c = Cases("minibatch.json").Single(e => e.GetProperty("name").GetString() == name);
        int batch = c.GetProperty("batch").GetInt32(), n = c.GetProperty("n").GetInt32();
        var mni = c.GetProperty("max_no_improvement");
        var ewa = new MiniBatchRun.EwaConvergence(batch, n, mni.ValueKind == System.Text.Json.JsonValueKind.Null ? null : mni.GetInt32());
        var inertias = Doubles(c.GetProperty("inertias"));
        int stop = -1;
        for (int step = 0; step < inertias.Length && stop < 0; step++)
            if (ewa.Stop(step, inertias[step])) stop = step;
        Assert.Equal(c.GetProperty("stop_step").GetInt32(), stop);
    }

    [Fact]
    public void Without_MaxNoImprovement_every_pass_is_made_and_with_it_an_easy_fit_stops_early()
    {
        var x = Blobs(4000, 2, 4, 0.5, 3);
        var never = new MiniBatchKMeans(4) { Seed = 1, BatchSize = 100, MaxIter = 20, MaxNoImprovement = null }.Fit(x);
        var early = new MiniBatchKMeans(4) { Seed = 1, BatchSize = 100, MaxIter = 20 }.Fit(x);
        Assert.Equal(20, never.Iterations);          // ⌊20 · 4000 / 100⌋ = 800 steps = 20 passes
        Assert.True(early.Iterations < 20, $"default MaxNoImprovement = 10 should stop well-separated blobs early, ran {early.Iterations} passes");
        Assert.True(early.Inertia <= never.Inertia * 1.05, "stopping early should not lose much inertia on easy data");
    }

    [Fact]
    public void A_dead_centroid_moves_to_a_batch_point_unless_the_ratio_is_zero()
    {
        var rows = Blobs(2000, 2, 3, 0.5, 8);
        var x = RowMatrix.FromJagged(rows);
        double[] Start() => [.. rows[0], .. rows[1], .. rows[2], 1e4, 1e4];   // the fourth centroid is closest to no point
        var moved = Start();
        new MiniBatchRun(x, 4, 128, new Random(2), reassignmentRatio: 0.01, maxNoImprovement: null).Train(moved, 1);
        var dead = moved.AsSpan(6, 2).ToArray();
        Assert.Contains(rows, r => r[0] == dead[0] && r[1] == dead[1]);   // after one step it sits on a data point

        var kept = Start();
        new MiniBatchRun(x, 4, 128, new Random(2), reassignmentRatio: 0, maxNoImprovement: null).Train(kept, 50);
        Assert.Equal([1e4, 1e4], kept.AsSpan(6, 2).ToArray());            // ratio 0: never reassigned

        var model = new MiniBatchKMeans(4) { Seed = 3, BatchSize = 128 }.Fit(rows);
        Assert.Equal(4, model.Labels.Distinct().Count());                  // every centroid serves points at the end
    }
}
