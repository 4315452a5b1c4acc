using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ClusterLab.Internal;

/// <summary>
/// The inner loop of greedy k-means++: for every candidate centroid c_t and every point x_i of a block,
/// min(D(x_i)², ‖x_i − c_t‖²), and the block's share of the potential Σ_i min(D(x_i)², ‖x_i − c_t‖²).
/// The data are read feature-major (<c>columns[f * n + i]</c>) so that four points fill one SIMD vector.
/// </summary>
internal static class TrialDistances
{
    /// <summary>Points scored against all candidates before moving on (a multiple of 4; 128 points × 16 features = 16 KB).</summary>
    private const int ChunkRows = 128;

    /// <summary>min(D(x_i)², ‖x_i − c_t‖²) for four points: stored at <paramref name="i"/> and returned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Keep(Vector256<double> sq, ref double near, ref double dest, int i)
    {
        var v = Vector256.Min(Vector256.LoadUnsafe(ref near, (nuint)i), sq);   // min(D(x_i)², ‖x_i − c_t‖²)
        v.StoreUnsafe(ref dest, (nuint)i);
        return v;
    }

    /// <summary>
    /// For every trial t and i in [start, end): <c>candDist[t * n + i] = min(closest[i], Σ_f (x_if − c_tf)²)</c>, the sum
    /// over features in feature order (as <see cref="SquaredDistance.Scalar"/>); <c>potential[t]</c> = their sum over the
    /// block (four interleaved partial sums, then the tail), the same whatever the thread count. <c>columns</c> holds the
    /// n × d data feature-major, <c>candidates</c> the trials × d candidates row-major.
    /// </summary>
    public static void Block(double[] columns, int n, int d, ReadOnlySpan<double> candidates, double[] closest,
        double[] candDist, int start, int end, Span<double> potential)
    {
        int trials = potential.Length;
        ref double cols = ref MemoryMarshal.GetArrayDataReference(columns);
        ref double near = ref MemoryMarshal.GetArrayDataReference(closest);
        ref double dist = ref MemoryMarshal.GetArrayDataReference(candDist);
        Span<Vector256<double>> acc = stackalloc Vector256<double>[trials];
        acc.Clear();
        int i0 = start;
        if (Vector256.IsHardwareAccelerated)
        {
            int vectorEnd = start + (end - start) / 4 * 4;
            // Chunks of points small enough to stay in L1 while every candidate is scored against them.
            for (; i0 < vectorEnd; i0 += ChunkRows)
            {
                int chunkEnd = Math.Min(vectorEnd, i0 + ChunkRows);
                for (int t = 0; t < trials; t++)
                {
                    var c = candidates.Slice(t * d, d);
                    ref double dest = ref Unsafe.Add(ref dist, t * n);
                    var sum = acc[t];
                    int i = i0;
                    for (; i + 16 <= chunkEnd; i += 16)                                  // four independent chains of four points
                    {
                        Vector256<double> sq0 = default, sq1 = default, sq2 = default, sq3 = default;
                        for (int f = 0; f < d; f++)
                        {
                            var cf = Vector256.Create(c[f]);
                            ref double col = ref Unsafe.Add(ref cols, f * n + i);
                            var e0 = Vector256.LoadUnsafe(ref col) - cf;
                            var e1 = Vector256.LoadUnsafe(ref col, 4) - cf;
                            var e2 = Vector256.LoadUnsafe(ref col, 8) - cf;
                            var e3 = Vector256.LoadUnsafe(ref col, 12) - cf;
                            sq0 += e0 * e0; sq1 += e1 * e1; sq2 += e2 * e2; sq3 += e3 * e3;   // ‖x_i − c_t‖², sixteen points at once
                        }
                        sum += Keep(sq0, ref near, ref dest, i);
                        sum += Keep(sq1, ref near, ref dest, i + 4);
                        sum += Keep(sq2, ref near, ref dest, i + 8);
                        sum += Keep(sq3, ref near, ref dest, i + 12);
                    }
                    for (; i < chunkEnd; i += 4)
                    {
                        var sq = Vector256<double>.Zero;
                        for (int f = 0; f < d; f++)
                        {
                            var e = Vector256.LoadUnsafe(ref cols, (nuint)(f * n + i)) - Vector256.Create(c[f]);
                            sq += e * e;
                        }
                        sum += Keep(sq, ref near, ref dest, i);
                    }
                    acc[t] = sum;
                }
            }
            i0 = vectorEnd;
        }
        for (int t = 0; t < trials; t++)
        {
            var c = candidates.Slice(t * d, d);
            var a = acc[t];
            double sum = a.GetElement(0) + a.GetElement(1) + (a.GetElement(2) + a.GetElement(3));
            for (int i = i0; i < end; i++)
            {
                double sq = 0;
                for (int f = 0; f < d; f++) { double diff = columns[f * n + i] - c[f]; sq += diff * diff; }
                double v = Math.Min(closest[i], sq);
                candDist[t * n + i] = v;
                sum += v;
            }
            potential[t] = sum;
        }
    }
}
