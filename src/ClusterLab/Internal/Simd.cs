using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ClusterLab.Internal;

/// <summary>
/// The vector operations the numeric kernels use, over one vector type <typeparamref name="TV"/> of doubles. Each kernel
/// is written once, as a generic method over <c>S : ISimd&lt;TV&gt;</c>, and instantiated for <see cref="Simd128"/>
/// (SSE2, Arm64 NEON: 2 lanes) and <see cref="Simd256"/> (AVX: 4 lanes); the JIT specialises and inlines each
/// instantiation. There is no fused multiply-add on purpose: every lane does the same IEEE operations at every width,
/// so a score, a distance or a label is bit-identical on every instruction set (sums over lanes may differ in the last
/// bits, since the number of partial sums is the lane count).
/// </summary>
internal interface ISimd<TV> where TV : unmanaged
{
    /// <summary>Doubles per vector.</summary>
    static abstract int Count { get; }
    /// <summary>0, 1, …, Count − 1.</summary>
    static abstract TV Indices { get; }
    static abstract TV Broadcast(double v);
    static abstract TV Load(ref double p, nuint offset);
    static abstract void Store(TV v, ref double p, nuint offset);
    static abstract TV Add(TV a, TV b);
    static abstract TV Sub(TV a, TV b);
    static abstract TV Mul(TV a, TV b);
    /// <summary>a &lt; b ? a : b per lane (no NaN or signed-zero rules: the kernels never see either).</summary>
    static abstract TV Min(TV a, TV b);
    /// <summary>a &gt; b ? a : b per lane (no NaN or signed-zero rules).</summary>
    static abstract TV Max(TV a, TV b);
    /// <summary>Bitwise and.</summary>
    static abstract TV And(TV a, TV b);
    static abstract TV Sqrt(TV a);
    /// <summary>All bits set in the lanes where a &lt; b.</summary>
    static abstract TV LessThan(TV a, TV b);
    /// <summary>mask ? a : b per lane.</summary>
    static abstract TV Select(TV mask, TV a, TV b);
    static abstract double Get(TV v, int lane);
}

/// <summary>128-bit vectors (2 doubles): every x64 CPU, Arm64.</summary>
internal readonly struct Simd128 : ISimd<Vector128<double>>
{
    public static int Count => 2;
    public static Vector128<double> Indices => Vector128.Create(0.0, 1.0);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Broadcast(double v) => Vector128.Create(v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Load(ref double p, nuint offset) => Vector128.LoadUnsafe(ref p, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector128<double> v, ref double p, nuint offset) => v.StoreUnsafe(ref p, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Add(Vector128<double> a, Vector128<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Sub(Vector128<double> a, Vector128<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Mul(Vector128<double> a, Vector128<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Min(Vector128<double> a, Vector128<double> b) => Vector128.MinNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Max(Vector128<double> a, Vector128<double> b) => Vector128.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> And(Vector128<double> a, Vector128<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Sqrt(Vector128<double> a) => Vector128.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> LessThan(Vector128<double> a, Vector128<double> b) => Vector128.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Select(Vector128<double> m, Vector128<double> a, Vector128<double> b) => Vector128.ConditionalSelect(m, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Get(Vector128<double> v, int lane) => v.GetElement(lane);
}

/// <summary>256-bit vectors (4 doubles): x64 with AVX. Used only where <see cref="Vector256.IsHardwareAccelerated"/>.</summary>
internal readonly struct Simd256 : ISimd<Vector256<double>>
{
    public static int Count => 4;
    public static Vector256<double> Indices => Vector256.Create(0.0, 1.0, 2.0, 3.0);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Broadcast(double v) => Vector256.Create(v);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Load(ref double p, nuint offset) => Vector256.LoadUnsafe(ref p, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<double> v, ref double p, nuint offset) => v.StoreUnsafe(ref p, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Sub(Vector256<double> a, Vector256<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Mul(Vector256<double> a, Vector256<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Min(Vector256<double> a, Vector256<double> b) => Vector256.MinNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Max(Vector256<double> a, Vector256<double> b) => Vector256.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> And(Vector256<double> a, Vector256<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Sqrt(Vector256<double> a) => Vector256.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> LessThan(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Select(Vector256<double> m, Vector256<double> a, Vector256<double> b) => Vector256.ConditionalSelect(m, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Get(Vector256<double> v, int lane) => v.GetElement(lane);
}

/// <summary>Which instantiation the kernels run.</summary>
internal static class Simd
{
    /// <summary>True when 256-bit vectors run in hardware (x64 with AVX); otherwise the 128-bit instantiation runs.</summary>
    public static bool Wide => Vector256.IsHardwareAccelerated;
}
