using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ClusterLab.Internal;

/// <summary>Squared Euclidean distance ‖a − b‖² computed from the true differences (no cancellation).</summary>
internal static class SquaredDistance
{
    /// <summary>
    /// Σ_j (a_j − b_j)². Equivalent to the scalar loop in <see cref="Scalar"/>; for 8 or more features four lanes
    /// accumulate in parallel, so the rounding (not the value) can differ from the scalar loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int d = a.Length;
        if (d < 8 || !Vector256.IsHardwareAccelerated) return Scalar(a, b);
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        var acc = Vector256<double>.Zero;
        int j = 0;
        for (; j <= d - 4; j += 4)
        {
            var t = Vector256.LoadUnsafe(ref ra, (nuint)j) - Vector256.LoadUnsafe(ref rb, (nuint)j);
            acc += t * t;
        }
        double s = Vector256.Sum(acc);
        for (; j < d; j++) { double t = a[j] - b[j]; s += t * t; }
        return s;
    }

    /// <summary>The plain loop Σ_j (a_j − b_j)².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Scalar(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++) { double t = a[j] - b[j]; s += t * t; }
        return s;
    }
}
