using ClusterLab.Internal;

namespace ClusterLab.Tests;

/// <summary>The Lloyd loop allocates nothing per iteration when history is off (checked on the single-thread path, where all work runs on this thread).</summary>
[Collection("Parallelism")]
public class LloydAllocationTests
{
    [Fact]
    public void LloydIterationsDoNotAllocateWithoutHistory()
    {
        var rng = new Random(3);
        var x = RowMatrix.FromJagged(Enumerable.Range(0, 3000).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray());
        var init = KMeansSeeding.RandomRows(x, 25, new Random(1));
        int old = Parallelism.MaxThreads;
        Parallelism.MaxThreads = 1;
        try
        {
            var lloyd = new Lloyd(x, 25);
            lloyd.Run(init, 30, -1, keepHistory: false);   // warm-up (JIT)
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            var shortRun = lloyd.Run(init, 2, -1, keepHistory: false);
            long a1 = GC.GetAllocatedBytesForCurrentThread();
            var longRun = lloyd.Run(init, 30, -1, keepHistory: false);
            long a2 = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(2, shortRun.Iterations);
            Assert.Equal(30, longRun.Iterations);   // uniform data with k = 25 is far from converged after 30 iterations
            Assert.Equal(a1 - a0, a2 - a1);         // 28 more iterations, not one byte more
        }
        finally { Parallelism.MaxThreads = old; }
    }
}
