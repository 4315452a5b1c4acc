using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClusterLab.Internal;

/// <summary>
/// The inner loop of greedy k-means++: for every candidate centroid c_t and every point x_i of a block,
/// min(D(x_i)², ‖x_i − c_t‖²), and the block's share of the potential Σ_i min(D(x_i)², ‖x_i − c_t‖²).
/// The data are read feature-major (<c>columns[f * n + i]</c>) so that consecutive points fill a SIMD vector.
/// </summary>
internal static class TrialDistances
{
    /// <summary>Points scored against all candidates before moving on (a multiple of 16; 128 points × 16 features = 16 KB).</summary>
    private const int ChunkRows = 128;

    /// <summary>
    /// For every trial t and i in [start, end): <c>candDist[t * n + i] = min(closest[i], Σ_f (x_if − c_tf)²)</c>, the sum
    /// over features in feature order (as <see cref="SquaredDistance.Scalar"/>, the same bits at every vector width);
    /// <c>potential[t]</c> = their sum over the block (one partial sum per lane, then the tail), the same whatever the
    /// thread count. <c>columns</c> holds the n × d data feature-major, <c>candidates</c> the trials × d candidates row-major.
    /// </summary>
    public static void Block(double[] columns, int n, int d, ReadOnlySpan<double> candidates, double[] closest,
        double[] candDist, int start, int end, Span<double> potential)
    {
        if (Simd.Wide) Block<Simd256, System.Runtime.Intrinsics.Vector256<double>>(columns, n, d, candidates, closest, candDist, start, end, potential);
        else Block<Simd128, System.Runtime.Intrinsics.Vector128<double>>(columns, n, d, candidates, closest, candDist, start, end, potential);
    }

    /// <summary><see cref="Block(double[], int, int, ReadOnlySpan{double}, double[], double[], int, int, Span{double})"/> at one vector width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Block<S, TV>(double[] columns, int n, int d, ReadOnlySpan<double> candidates, double[] closest,
        double[] candDist, int start, int end, Span<double> potential)
        where S : struct, ISimd<TV> where TV : unmanaged
    {
        int trials = potential.Length, c = S.Count;
        ref double cols = ref MemoryMarshal.GetArrayDataReference(columns);
        ref double near = ref MemoryMarshal.GetArrayDataReference(closest);
        ref double dist = ref MemoryMarshal.GetArrayDataReference(candDist);
        Span<TV> acc = stackalloc TV[trials];
        acc.Clear();
        int vectorEnd = start + (end - start) / c * c;
        // Chunks of points small enough to stay in L1 while every candidate is scored against them.
        for (int i0 = start; i0 < vectorEnd; i0 += ChunkRows)
        {
            int chunkEnd = Math.Min(vectorEnd, i0 + ChunkRows);
            for (int t = 0; t < trials; t++)
            {
                var ct = candidates.Slice(t * d, d);
                ref double dest = ref Unsafe.Add(ref dist, t * n);
                var sum = acc[t];
                int i = i0;
                for (; i + 4 * c <= chunkEnd; i += 4 * c)                                   // four independent chains
                {
                    TV sq0 = default, sq1 = default, sq2 = default, sq3 = default;
                    for (int f = 0; f < d; f++)
                    {
                        var cf = S.Broadcast(ct[f]);
                        ref double col = ref Unsafe.Add(ref cols, f * n + i);
                        var e0 = S.Sub(S.Load(ref col, 0), cf);
                        var e1 = S.Sub(S.Load(ref col, (nuint)c), cf);
                        var e2 = S.Sub(S.Load(ref col, (nuint)(2 * c)), cf);
                        var e3 = S.Sub(S.Load(ref col, (nuint)(3 * c)), cf);
                        sq0 = S.Add(sq0, S.Mul(e0, e0)); sq1 = S.Add(sq1, S.Mul(e1, e1));   // ‖x_i − c_t‖²
                        sq2 = S.Add(sq2, S.Mul(e2, e2)); sq3 = S.Add(sq3, S.Mul(e3, e3));
                    }
                    sum = S.Add(sum, Keep<S, TV>(sq0, ref near, ref dest, i));
                    sum = S.Add(sum, Keep<S, TV>(sq1, ref near, ref dest, i + c));
                    sum = S.Add(sum, Keep<S, TV>(sq2, ref near, ref dest, i + 2 * c));
                    sum = S.Add(sum, Keep<S, TV>(sq3, ref near, ref dest, i + 3 * c));
                }
                for (; i < chunkEnd; i += c)
                {
                    TV sq = default;
                    for (int f = 0; f < d; f++)
                    {
                        var e = S.Sub(S.Load(ref cols, (nuint)(f * n + i)), S.Broadcast(ct[f]));
                        sq = S.Add(sq, S.Mul(e, e));
                    }
                    sum = S.Add(sum, Keep<S, TV>(sq, ref near, ref dest, i));
                }
                acc[t] = sum;
            }
        }
        for (int t = 0; t < trials; t++)
        {
            var ct = candidates.Slice(t * d, d);
            double sum = 0;
            for (int l = 0; l < c; l++) sum += S.Get(acc[t], l);
            for (int i = vectorEnd; i < end; i++)
            {
                double sq = 0;
                for (int f = 0; f < d; f++) { double diff = columns[f * n + i] - ct[f]; sq += diff * diff; }
                double v = Math.Min(closest[i], sq);
                candDist[t * n + i] = v;
                sum += v;
            }
            potential[t] = sum;
        }
    }

    /// <summary>min(D(x_i)², ‖x_i − c_t‖²) for one vector of points: stored at <paramref name="i"/> and returned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Keep<S, TV>(TV sq, ref double near, ref double dest, int i) where S : struct, ISimd<TV> where TV : unmanaged
    {
        var v = S.Min(S.Load(ref near, (nuint)i), sq);   // min(D(x_i)², ‖x_i − c_t‖²)
        S.Store(v, ref dest, (nuint)i);
        return v;
    }
}
