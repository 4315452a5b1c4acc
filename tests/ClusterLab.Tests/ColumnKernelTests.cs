using ClusterLab.Internal;

namespace ClusterLab.Tests;

/// <summary>The feature-major (points in SIMD lanes) kernels against their row-wise scalar references.</summary>
public class ColumnKernelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(8, 2)]
    [InlineData(100, 2)]
    [InlineData(7, 5)]
    [InlineData(20, 12)]
    public void AssignColumnsGivesTheLabelsOfNearest(int k, int d)
    {
        var rng = new Random(k * 31 + d);
        int n = 203;                                       // 25 groups of eight and a tail of three
        var rows = new RowMatrix(n, d, Enumerable.Range(0, n * d).Select(_ => Math.Round(rng.NextDouble() * 12 - 6, 1)).ToArray());
        var centers = Enumerable.Range(0, k * d).Select(_ => Math.Round(rng.NextDouble() * 10 - 5, 1)).ToArray(); // rounded: ties happen
        var kernel = new NearestCentroid(k, d);
        kernel.Prepare(centers);
        var columns = rows.FeatureMajor();
        foreach (var (start, end) in new[] { (0, n), (5, 77), (200, 203) })
        {
            var labels = new int[end - start];
            kernel.AssignColumns(columns, n, start, end, labels);
            for (int i = start; i < end; i++) Assert.Equal(kernel.Nearest(rows.Row(i)), labels[i - start]);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(5, 6)]
    [InlineData(16, 6)]
    public void TrialDistancesMatchTheScalarLoop(int d, int trials)
    {
        var rng = new Random(d * 7 + trials);
        int n = 1000, start = 3, end = 998;                // unaligned start, 995 points: chunks, groups of 16 and 4, tail
        var x = new RowMatrix(n, d, Enumerable.Range(0, n * d).Select(_ => rng.NextDouble() * 20 - 10).ToArray());
        var closest = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 50 * d).ToArray();
        var candidates = Enumerable.Range(0, trials * d).Select(_ => rng.NextDouble() * 20 - 10).ToArray();
        var candDist = new double[trials * n];
        var potential = new double[trials];
        TrialDistances.Block(x.FeatureMajor(), n, d, candidates, closest, candDist, start, end, potential);
        for (int t = 0; t < trials; t++)
        {
            double sum = 0;
            for (int i = start; i < end; i++)
            {
                double v = Math.Min(closest[i], SquaredDistance.Scalar(x.Row(i), candidates.AsSpan(t * d, d)));
                Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(candDist[t * n + i]));   // same operations, same bits
                sum += v;
            }
            Assert.Equal(sum, potential[t], sum * 1e-13);                                                                 // only the summation order differs
            Assert.Equal(0.0, candDist[t * n + start - 1]);                                                              // rows outside the block untouched
            Assert.Equal(0.0, candDist[t * n + end]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public void ParallelForWithWorkRunsEveryBlockOnce(long workPerBlock)
    {
        foreach (long work in new[] { workPerBlock, Parallelism.MinParallelWork })   // inline, then parallel
        {
            var hits = new int[40];
            Parallelism.For(hits.Length, work, b => Interlocked.Increment(ref hits[b]));
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }
}
