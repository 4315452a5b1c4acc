using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ClusterLab.Internal;

/// <summary>Sums of Euclidean distances from one point to a run of points stored feature-major.</summary>
internal static class DistanceSums
{
    /// <summary>
    /// Σ_{p=start}^{end−1} ‖x − y_p‖ where y_p[f] = <c>columns[f * n + p]</c>. Equivalent to <see cref="RangeScalar"/>
    /// but four points at a time (four partial sums, added at the end), so the rounding can differ in the last bits.
    /// </summary>
    public static double Range(double[] columns, int n, ReadOnlySpan<double> x, int start, int end)
    {
        int d = x.Length, p = start;
        double total = 0;
        if (Vector256.IsHardwareAccelerated && end - start >= 4)
        {
            ref double c = ref MemoryMarshal.GetArrayDataReference(columns);
            var acc = Vector256<double>.Zero;
            for (; p <= end - 4; p += 4)
            {
                var sq = Vector256<double>.Zero;
                for (int f = 0; f < d; f++)
                {
                    var t = Vector256.LoadUnsafe(ref c, (nuint)(f * n + p)) - Vector256.Create(x[f]);
                    sq += t * t;
                }
                acc += Vector256.Sqrt(sq);
            }
            total = Vector256.Sum(acc);
        }
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
