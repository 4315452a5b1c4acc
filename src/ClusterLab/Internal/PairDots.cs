using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClusterLab.Internal;

/// <summary>
/// All dot products a_i·b_j for j ≤ i of d vectors of length len stored one after another (<c>a[i * len + r]</c>): the
/// lower triangle of the weighted scatter Σ_r γ_r (x_ri − μ_i)(x_rj − μ_j) in the M-step. Four dot products share each
/// load of a_i (the naive equivalent, one dot product at a time, is <see cref="LowerTriangleScalar"/>); one partial sum
/// per lane, so the rounding can differ from the scalar loop, and with the vector width, in the last bits.
/// </summary>
internal static class PairDots
{
    /// <summary>s[i * d + j] = Σ_r a[i * len + r] · b[j * len + r] for 0 ≤ j ≤ i &lt; d; the upper triangle is not written.</summary>
    public static void LowerTriangle(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int d, int len, Span<double> s)
    {
        if (Simd.Wide) LowerTriangle<Simd256, System.Runtime.Intrinsics.Vector256<double>>(a, b, d, len, s);
        else LowerTriangle<Simd128, System.Runtime.Intrinsics.Vector128<double>>(a, b, d, len, s);
    }

    /// <summary><see cref="LowerTriangle(ReadOnlySpan{double}, ReadOnlySpan{double}, int, int, Span{double})"/> at one vector width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void LowerTriangle<S, TV>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int d, int len, Span<double> s)
        where S : struct, ISimd<TV> where TV : unmanaged
    {
        int c = S.Count, vecEnd = len / c * c;
        ref double ar = ref MemoryMarshal.GetReference(a);
        ref double br = ref MemoryMarshal.GetReference(b);
        for (int i = 0; i < d; i++)
        {
            ref double ai = ref Unsafe.Add(ref ar, i * len);
            int j = 0;
            for (; j + 4 <= i + 1; j += 4)
            {
                ref double b0 = ref Unsafe.Add(ref br, j * len);
                ref double b1 = ref Unsafe.Add(ref b0, len);
                ref double b2 = ref Unsafe.Add(ref b1, len);
                ref double b3 = ref Unsafe.Add(ref b2, len);
                TV s0 = default, s1 = default, s2 = default, s3 = default;
                for (int r = 0; r < vecEnd; r += c)
                {
                    var w = S.Load(ref ai, (nuint)r);
                    s0 = S.Add(s0, S.Mul(w, S.Load(ref b0, (nuint)r)));
                    s1 = S.Add(s1, S.Mul(w, S.Load(ref b1, (nuint)r)));
                    s2 = S.Add(s2, S.Mul(w, S.Load(ref b2, (nuint)r)));
                    s3 = S.Add(s3, S.Mul(w, S.Load(ref b3, (nuint)r)));
                }
                s[i * d + j] = Finish<S, TV>(s0, ref ai, ref b0, vecEnd, len);
                s[i * d + j + 1] = Finish<S, TV>(s1, ref ai, ref b1, vecEnd, len);
                s[i * d + j + 2] = Finish<S, TV>(s2, ref ai, ref b2, vecEnd, len);
                s[i * d + j + 3] = Finish<S, TV>(s3, ref ai, ref b3, vecEnd, len);
            }
            for (; j <= i; j++)
            {
                ref double bj = ref Unsafe.Add(ref br, j * len);
                TV acc = default;
                for (int r = 0; r < vecEnd; r += c) acc = S.Add(acc, S.Mul(S.Load(ref ai, (nuint)r), S.Load(ref bj, (nuint)r)));
                s[i * d + j] = Finish<S, TV>(acc, ref ai, ref bj, vecEnd, len);
            }
        }
    }

    /// <summary>The lanes summed in order, then the rows past the last full vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Finish<S, TV>(TV acc, ref double a, ref double b, int vecEnd, int len) where S : struct, ISimd<TV> where TV : unmanaged
    {
        double t = 0;
        for (int l = 0; l < S.Count; l++) t += S.Get(acc, l);
        for (int r = vecEnd; r < len; r++) t += Unsafe.Add(ref a, r) * Unsafe.Add(ref b, r);
        return t;
    }

    /// <summary>The plain loops, one dot product at a time in row order.</summary>
    public static void LowerTriangleScalar(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int d, int len, Span<double> s)
    {
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
            {
                double t = 0;
                for (int r = 0; r < len; r++) t += a[i * len + r] * b[j * len + r];
                s[i * d + j] = t;
            }
    }
}
