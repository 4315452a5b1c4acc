using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClusterLab.Internal;

/// <summary>Sums of Euclidean distances from one point to a run of points stored feature-major.</summary>
internal static class DistanceSums
{
    /// <summary>
    /// Σ_{p=start}^{end−1} ‖x − y_p‖ where y_p[f] = <c>columns[f * n + p]</c>. Equivalent to <see cref="RangeScalar"/>
    /// but a vector of points at a time (one partial sum per lane, added at the end), so the rounding can differ in the
    /// last bits (and with the vector width).
    /// </summary>
    public static double Range(double[] columns, int n, ReadOnlySpan<double> x, int start, int end) => Simd.Wide
        ? Range<Simd256, System.Runtime.Intrinsics.Vector256<double>>(columns, n, x, start, end)
        : Range<Simd128, System.Runtime.Intrinsics.Vector128<double>>(columns, n, x, start, end);

    /// <summary><see cref="Range(double[], int, ReadOnlySpan{double}, int, int)"/> at one vector width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Range<S, TV>(double[] columns, int n, ReadOnlySpan<double> x, int start, int end)
        where S : struct, ISimd<TV> where TV : unmanaged
    {
        int d = x.Length, p = start, c = S.Count;
        ref double cr = ref MemoryMarshal.GetArrayDataReference(columns);
        TV acc0 = default, acc1 = default;
        for (; p + 2 * c <= end; p += 2 * c)                                   // two independent chains
        {
            TV sq0 = default, sq1 = default;
            for (int f = 0; f < d; f++)
            {
                var xf = S.Broadcast(x[f]);
                ref double col = ref Unsafe.Add(ref cr, f * n + p);
                var t0 = S.Sub(S.Load(ref col, 0), xf);
                var t1 = S.Sub(S.Load(ref col, (nuint)c), xf);
                sq0 = S.Add(sq0, S.Mul(t0, t0)); sq1 = S.Add(sq1, S.Mul(t1, t1));   // ‖x − y_p‖²
            }
            acc0 = S.Add(acc0, S.Sqrt(sq0)); acc1 = S.Add(acc1, S.Sqrt(sq1));
        }
        var acc = S.Add(acc0, acc1);
        double total = 0;
        for (int l = 0; l < c; l++) total += S.Get(acc, l);
        for (; p < end; p++)
        {
            double sq = 0;
            for (int f = 0; f < d; f++) { double t = columns[f * n + p] - x[f]; sq += t * t; }
            total += Math.Sqrt(sq);
        }
        return total;
    }

    /// <summary>The plain loop Σ_p sqrt(Σ_f (y_p[f] − x[f])²).</summary>
    public static double RangeScalar(double[] columns, int n, ReadOnlySpan<double> x, int start, int end)
    {
        double total = 0;
        for (int p = start; p < end; p++)
        {
            double sq = 0;
            for (int f = 0; f < x.Length; f++) { double t = columns[f * n + p] - x[f]; sq += t * t; }
            total += Math.Sqrt(sq);
        }
        return total;
    }
}
