using System.Runtime.Intrinsics;
using ClusterLab.Internal;

namespace ClusterLab.Tests;

/// <summary>
/// Every vectorised kernel at both vector widths (128-bit: SSE, Arm64; 256-bit: AVX) against its scalar reference, in one
/// process: labels and per-point distances bit for bit, sums over lanes to 1e-12. Where the CPU lacks AVX the 256-bit
/// instantiation runs in software, slowly but with the same results.
/// </summary>
public class SimdWidthTests
{
    public static TheoryData<int, int> Shapes => new() { { 1, 1 }, { 3, 2 }, { 8, 2 }, { 9, 2 }, { 7, 5 }, { 20, 12 }, { 64, 16 }, { 13, 17 }, { 100, 3 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void NearestCentroidKernelsGiveTheScalarLabelsAtBothWidths(int k, int d)
    {
        var rng = new Random(k * 31 + d);
        int n = 203;                                       // tiles of 4 and 16 points and tails
        var rows = new RowMatrix(n, d, Enumerable.Range(0, n * d).Select(_ => Math.Round(rng.NextDouble() * 12 - 6, 1)).ToArray());
        var centers = Enumerable.Range(0, k * d).Select(_ => Math.Round(rng.NextDouble() * 10 - 5, 1)).ToArray(); // rounded: ties happen
        if (k > 2) centers.AsSpan(0, d).CopyTo(centers.AsSpan((k - 1) * d, d));   // an exact duplicate: always a tie, the lower id wins
        var kernel = new NearestCentroid(k, d);
        kernel.Prepare(centers);
        var expected = Enumerable.Range(0, n).Select(i => kernel.NearestScalar(rows.Row(i))).ToArray();
        var columns = rows.FeatureMajor();
        foreach (var (start, end) in new[] { (0, n), (5, 77), (200, 203) })
        {
            var want = expected[start..end];
            var l = new int[end - start];
            kernel.AssignRows<Simd128, Vector128<double>>(rows.Data, start, end, l); Assert.Equal(want, l);
            kernel.AssignRows<Simd256, Vector256<double>>(rows.Data, start, end, l); Assert.Equal(want, l);
            kernel.AssignColumns<Simd128, Vector128<double>>(columns, n, start, end, l); Assert.Equal(want, l);
            kernel.AssignColumns<Simd256, Vector256<double>>(columns, n, start, end, l); Assert.Equal(want, l);
        }
        if (k > 2) Assert.DoesNotContain(k - 1, expected);
    }

    [Fact]
    public void ScalarReferenceIsTheExactArgminWithLowestIdOnTies()
    {
        var kernel = new NearestCentroid(6, 1);
        kernel.Prepare([5, -1, 1, 7, -1, 1]);
        Assert.Equal([1, 2, 1, 0], new double[] { -1, 1, 0, 6 }.Select(x => kernel.NearestScalar([x])).ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(16)]
    public void DistanceSumsAgreeAtBothWidths(int d)
    {
        var rng = new Random(d);
        int n = 103;
        var cols = Enumerable.Range(0, n * d).Select(_ => rng.NextDouble() * 10).ToArray();
        var x = Enumerable.Range(0, d).Select(_ => rng.NextDouble() * 10).ToArray();
        foreach (var (s, e) in new[] { (0, n), (3, 4), (5, 11), (17, 100), (9, 9) })
        {
            double reference = DistanceSums.RangeScalar(cols, n, x, s, e);
            double narrow = DistanceSums.Range<Simd128, Vector128<double>>(cols, n, x, s, e);
            double wide = DistanceSums.Range<Simd256, Vector256<double>>(cols, n, x, s, e);
            Assert.True(Math.Abs(narrow - reference) <= 1e-12 * Math.Max(1, reference), $"128-bit d={d} [{s},{e}): {narrow} vs {reference}");
            Assert.True(Math.Abs(wide - reference) <= 1e-12 * Math.Max(1, reference), $"256-bit d={d} [{s},{e}): {wide} vs {reference}");
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(31)]
    public void SquaredDistanceAgreesAtBothWidths(int d)
    {
        var rng = new Random(d);
        var a = Enumerable.Range(0, d).Select(_ => rng.NextDouble() * 10).ToArray();
        var b = Enumerable.Range(0, d).Select(_ => rng.NextDouble() * 10).ToArray();
        double reference = SquaredDistance.Scalar(a, b);
        Assert.Equal(reference, SquaredDistance.Vectorised<Simd128, Vector128<double>>(a, b), reference * 1e-12);
        Assert.Equal(reference, SquaredDistance.Vectorised<Simd256, Vector256<double>>(a, b), reference * 1e-12);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(16, 6)]
    public void TrialDistancesAgreeAtBothWidths(int d, int trials)
    {
        var rng = new Random(d * 7 + trials);
        int n = 1000, start = 3, end = 998;
        var x = new RowMatrix(n, d, Enumerable.Range(0, n * d).Select(_ => rng.NextDouble() * 20 - 10).ToArray());
        var closest = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 50 * d).ToArray();
        var candidates = Enumerable.Range(0, trials * d).Select(_ => rng.NextDouble() * 20 - 10).ToArray();
        var columns = x.FeatureMajor();
        var dist128 = new double[trials * n]; var pot128 = new double[trials];
        var dist256 = new double[trials * n]; var pot256 = new double[trials];
        TrialDistances.Block<Simd128, Vector128<double>>(columns, n, d, candidates, closest, dist128, start, end, pot128);
        TrialDistances.Block<Simd256, Vector256<double>>(columns, n, d, candidates, closest, dist256, start, end, pot256);
        for (int t = 0; t < trials; t++)
        {
            double sum = 0;
            for (int i = start; i < end; i++)
            {
                double v = Math.Min(closest[i], SquaredDistance.Scalar(x.Row(i), candidates.AsSpan(t * d, d)));
                Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(dist128[t * n + i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(dist256[t * n + i]));
                sum += v;
            }
            Assert.Equal(sum, pot128[t], sum * 1e-12);
            Assert.Equal(sum, pot256[t], sum * 1e-12);
        }
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(3, 64)]
    [InlineData(8, 101)]
    public void PairDotsAgreeAtBothWidths(int d, int len)
    {
        var rng = new Random(d * 100 + len);
        var a = Enumerable.Range(0, d * len).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var b = Enumerable.Range(0, d * len).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var reference = new double[d * d];
        PairDots.LowerTriangleScalar(a, b, d, len, reference);
        var narrow = new double[d * d];
        var wide = new double[d * d];
        PairDots.LowerTriangle<Simd128, Vector128<double>>(a, b, d, len, narrow);
        PairDots.LowerTriangle<Simd256, Vector256<double>>(a, b, d, len, wide);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                double want = j <= i ? reference[i * d + j] : 0;          // the upper triangle is not written
                Assert.Equal(want, narrow[i * d + j], 1e-12 * len);
                Assert.Equal(want, wide[i * d + j], 1e-12 * len);
            }
    }
}
