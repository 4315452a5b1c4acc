using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClusterLab.Internal;

/// <summary>Squared Euclidean distance ‖a − b‖² computed from the true differences (no cancellation).</summary>
internal static class SquaredDistance
{
    /// <summary>
    /// Σ_j (a_j − b_j)². Equivalent to the scalar loop in <see cref="Scalar"/>; for 8 or more features the lanes of one
    /// vector accumulate in parallel, so the rounding (not the value) can differ from the scalar loop and with the width.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length < 8) return Scalar(a, b);
        return Simd.Wide
            ? Vectorised<Simd256, System.Runtime.Intrinsics.Vector256<double>>(a, b)
            : Vectorised<Simd128, System.Runtime.Intrinsics.Vector128<double>>(a, b);
    }

    /// <summary><see cref="Compute"/> at one vector width.</summary>
    internal static double Vectorised<S, TV>(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        where S : struct, ISimd<TV> where TV : unmanaged
    {
        int d = a.Length, c = S.Count, j = 0;
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        TV acc = default;
        for (; j <= d - c; j += c)
        {
            var t = S.Sub(S.Load(ref ra, (nuint)j), S.Load(ref rb, (nuint)j));
            acc = S.Add(acc, S.Mul(t, t));
        }
        double s = 0;
        for (int l = 0; l < c; l++) s += S.Get(acc, l);
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
