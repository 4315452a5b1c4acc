using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ClusterLab.Internal;

/// <summary>
/// Finds the closest of k centroids with the expansion ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖²: ‖x‖² is the same for every
/// centroid, so the closest centroid minimises the score s_j(x) = ‖c_j‖² + Σ_f x_f·(−2 c_jf). The naive equivalent is
/// <see cref="NearestScalar"/>, which every kernel here matches label for label: each score is accumulated from ‖c_j‖² in
/// feature order with a multiply and an add (no fused multiply-add), whatever the vector width, so the labels are
/// bit-identical on every CPU. Ties go to the lowest index, like numpy's argmin. Two layouts, one kernel each:
/// <list type="bullet">
/// <item><see cref="AssignRows"/>: a blocked matrix product, tiles of 4 points × 2 vectors of centroids over the
/// transposed centroids (for many centroids and features: the scores of a tile stay in registers, each centroid load
/// serves 4 points, each point broadcast 2 vectors);</item>
/// <item><see cref="AssignColumns"/>: points in the lanes, 4 vectors of points per centroid, from feature-major data (for few
/// features or few centroids).</item>
/// </list>
/// Allocates only in the constructor.
/// </summary>
internal sealed class NearestCentroid
{
    private const int Pad = 8;          // k is padded to a multiple of 8: two vectors of 4 lanes, or four of 2
    private readonly int _k, _d, _kp;
    private readonly double[] _mt;      // _mt[f * _kp + j] = −2 c_j[f] (0 for padding): centroids in lanes
    private readonly double[] _mrows;   // _mrows[j * _d + f] = −2 c_j[f]: points in lanes
    private readonly double[] _norms;   // ‖c_j‖², +∞ for padding

    public NearestCentroid(int k, int d)
    {
        _k = k; _d = d; _kp = (k + Pad - 1) / Pad * Pad;
        _mt = new double[_kp * d];
        _mrows = new double[k * d];
        _norms = new double[_kp];
    }

    /// <summary>Whether <see cref="AssignColumns"/> (points in lanes) beats <see cref="AssignRows"/>: measured, for few features or few centroids.</summary>
    public bool PointLanesPay => _d <= 2 || (_k < 24 && _d <= 12);

    /// <summary>Loads the centroids (k × d, row-major).</summary>
    public void Prepare(ReadOnlySpan<double> centroids)
    {
        for (int j = 0; j < _kp; j++)
        {
            if (j >= _k) { _norms[j] = double.PositiveInfinity; for (int f = 0; f < _d; f++) _mt[f * _kp + j] = 0; continue; }
            var c = centroids.Slice(j * _d, _d);
            double s = 0;
            for (int f = 0; f < _d; f++) { s += c[f] * c[f]; _mt[f * _kp + j] = -2 * c[f]; _mrows[j * _d + f] = -2 * c[f]; }
            _norms[j] = s;
        }
    }

    /// <summary>The reference: s_j = ‖c_j‖² + Σ_f x_f·(−2 c_jf) in feature order, the lowest s_j, ties to the lowest j.</summary>
    public int NearestScalar(ReadOnlySpan<double> x)
    {
        int best = 0; double bestScore = double.PositiveInfinity;
        for (int j = 0; j < _k; j++)
        {
            double score = _norms[j];
            for (int f = 0; f < _d; f++) score += x[f] * _mt[f * _kp + j];
            if (score < bestScore) { bestScore = score; best = j; }
        }
        return best;
    }

    /// <summary>Index of the closest centroid to <paramref name="x"/> (length d).</summary>
    public int Nearest(ReadOnlySpan<double> x)
    {
        Span<int> label = stackalloc int[1];
        AssignRows(x, 0, 1, label);
        return label[0];
    }

    /// <summary>
    /// The labels of the points [start, end) of one block, by the layout the fit uses: <paramref name="columns"/>
    /// (feature-major, n rows) when not null, else the rows of <paramref name="rows"/>. Lloyd and its history both call this.
    /// </summary>
    public void AssignBlock(RowMatrix rows, double[]? columns, int start, int end, Span<int> labels)
    {
        if (columns is not null) AssignColumns(columns, rows.Rows, start, end, labels);
        else AssignRows(rows.Data, start, end, labels);
    }

    /// <summary>labels[i − start] = closest centroid of row i of <paramref name="data"/> (row-major, d columns), i in [start, end).</summary>
    public void AssignRows(ReadOnlySpan<double> data, int start, int end, Span<int> labels)
    {
        if (Simd.Wide) AssignRows<Simd256, System.Runtime.Intrinsics.Vector256<double>>(data, start, end, labels);
        else AssignRows<Simd128, System.Runtime.Intrinsics.Vector128<double>>(data, start, end, labels);
    }

    /// <summary>
    /// The closest centroid of every point i in [start, end) of feature-major data (<c>columns[f * n + i]</c>) into
    /// <c>labels[i − start]</c>.
    /// </summary>
    public void AssignColumns(double[] columns, int n, int start, int end, Span<int> labels)
    {
        if (Simd.Wide) AssignColumns<Simd256, System.Runtime.Intrinsics.Vector256<double>>(columns, n, start, end, labels);
        else AssignColumns<Simd128, System.Runtime.Intrinsics.Vector128<double>>(columns, n, start, end, labels);
    }

    /// <summary>
    /// <see cref="AssignRows(ReadOnlySpan{double}, int, int, Span{int})"/> at one vector width: S = N + X·M, with
    /// N the centroid norms and M = −2 Cᵀ (d × k padded), computed in register tiles of 4 points × 2 vectors of centroids
    /// and reduced to the argmin as each tile is done (the matrix of scores is never stored). The tail runs 1 point per tile.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AssignRows<S, TV>(ReadOnlySpan<double> data, int start, int end, Span<int> labels)
        where S : struct, ISimd<TV> where TV : unmanaged
    {
        int d = _d, kp = _kp, c = S.Count, i = start;
        ref double m = ref MemoryMarshal.GetArrayDataReference(_mt);
        ref double nr = ref MemoryMarshal.GetArrayDataReference(_norms);
        ref double xr = ref MemoryMarshal.GetReference(data);
        var inf = S.Broadcast(double.PositiveInfinity);
        for (; i + 4 <= end; i += 4)
        {
            ref double x0 = ref Unsafe.Add(ref xr, i * d);
            ref double x1 = ref Unsafe.Add(ref x0, d);
            ref double x2 = ref Unsafe.Add(ref x1, d);
            ref double x3 = ref Unsafe.Add(ref x2, d);
            TV b0 = inf, b1 = inf, b2 = inf, b3 = inf, i0 = default, i1 = default, i2 = default, i3 = default;
            for (int j = 0; j < kp; j += 2 * c)
            {
                var n0 = S.Load(ref nr, (nuint)j);
                var n1 = S.Load(ref nr, (nuint)(j + c));
                TV a00 = n0, a01 = n1, a10 = n0, a11 = n1, a20 = n0, a21 = n1, a30 = n0, a31 = n1;
                ref double mj = ref Unsafe.Add(ref m, j);
                for (int f = 0; f < d; f++)
                {
                    ref double mf = ref Unsafe.Add(ref mj, f * kp);
                    var m0 = S.Load(ref mf, 0);
                    var m1 = S.Load(ref mf, (nuint)c);
                    var x = S.Broadcast(Unsafe.Add(ref x0, f));
                    a00 = S.Add(a00, S.Mul(x, m0)); a01 = S.Add(a01, S.Mul(x, m1));      // s_j += x_f·(−2 c_jf)
                    x = S.Broadcast(Unsafe.Add(ref x1, f));
                    a10 = S.Add(a10, S.Mul(x, m0)); a11 = S.Add(a11, S.Mul(x, m1));
                    x = S.Broadcast(Unsafe.Add(ref x2, f));
                    a20 = S.Add(a20, S.Mul(x, m0)); a21 = S.Add(a21, S.Mul(x, m1));
                    x = S.Broadcast(Unsafe.Add(ref x3, f));
                    a30 = S.Add(a30, S.Mul(x, m0)); a31 = S.Add(a31, S.Mul(x, m1));
                }
                var idx = S.Add(S.Broadcast(j), S.Indices);
                Keep<S, TV>(a00, a01, idx, ref b0, ref i0);
                Keep<S, TV>(a10, a11, idx, ref b1, ref i1);
                Keep<S, TV>(a20, a21, idx, ref b2, ref i2);
                Keep<S, TV>(a30, a31, idx, ref b3, ref i3);
            }
            int o = i - start;
            labels[o] = Lowest<S, TV>(b0, i0); labels[o + 1] = Lowest<S, TV>(b1, i1);
            labels[o + 2] = Lowest<S, TV>(b2, i2); labels[o + 3] = Lowest<S, TV>(b3, i3);
        }
        for (; i < end; i++)
        {
            ref double x0 = ref Unsafe.Add(ref xr, i * d);
            TV b0 = inf, i0 = default;
            for (int j = 0; j < kp; j += 2 * c)
            {
                var a00 = S.Load(ref nr, (nuint)j);
                var a01 = S.Load(ref nr, (nuint)(j + c));
                ref double mj = ref Unsafe.Add(ref m, j);
                for (int f = 0; f < d; f++)
                {
                    ref double mf = ref Unsafe.Add(ref mj, f * kp);
                    var x = S.Broadcast(Unsafe.Add(ref x0, f));
                    a00 = S.Add(a00, S.Mul(x, S.Load(ref mf, 0)));
                    a01 = S.Add(a01, S.Mul(x, S.Load(ref mf, (nuint)c)));
                }
                Keep<S, TV>(a00, a01, S.Add(S.Broadcast(j), S.Indices), ref b0, ref i0);
            }
            labels[i - start] = Lowest<S, TV>(b0, i0);
        }
    }

    /// <summary>
    /// <see cref="AssignColumns(double[], int, int, int, Span{int})"/> at one vector width: 4 vectors of consecutive points,
    /// every centroid in turn (ascending, strictly lower wins, so ties keep the lowest index); the tail goes through
    /// <see cref="AssignRows{S, TV}"/>, which computes the same scores.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AssignColumns<S, TV>(double[] columns, int n, int start, int end, Span<int> labels)
        where S : struct, ISimd<TV> where TV : unmanaged
    {
        int d = _d, k = _k, c = S.Count, i = start;
        ref double cols = ref MemoryMarshal.GetArrayDataReference(columns);
        ref double mr = ref MemoryMarshal.GetArrayDataReference(_mrows);
        ref double nr = ref MemoryMarshal.GetArrayDataReference(_norms);
        var inf = S.Broadcast(double.PositiveInfinity);
        for (; i + 4 * c <= end; i += 4 * c)
        {
            TV b0 = inf, b1 = inf, b2 = inf, b3 = inf, i0 = default, i1 = default, i2 = default, i3 = default;
            for (int j = 0; j < k; j++)
            {
                ref double mj = ref Unsafe.Add(ref mr, j * d);
                var s0 = S.Broadcast(Unsafe.Add(ref nr, j));
                TV s1 = s0, s2 = s0, s3 = s0;
                for (int f = 0; f < d; f++)
                {
                    var mf = S.Broadcast(Unsafe.Add(ref mj, f));
                    ref double col = ref Unsafe.Add(ref cols, f * n + i);
                    s0 = S.Add(s0, S.Mul(S.Load(ref col, 0), mf));                          // s_j += x_f·(−2 c_jf)
                    s1 = S.Add(s1, S.Mul(S.Load(ref col, (nuint)c), mf));
                    s2 = S.Add(s2, S.Mul(S.Load(ref col, (nuint)(2 * c)), mf));
                    s3 = S.Add(s3, S.Mul(S.Load(ref col, (nuint)(3 * c)), mf));
                }
                var jv = S.Broadcast(j);
                // Where s < best: best = s and index = j (j only grows, so max(index, mask & j) sets it; 0 elsewhere).
                var l0 = S.LessThan(s0, b0); b0 = S.Min(s0, b0); i0 = S.Max(i0, S.And(l0, jv));
                var l1 = S.LessThan(s1, b1); b1 = S.Min(s1, b1); i1 = S.Max(i1, S.And(l1, jv));
                var l2 = S.LessThan(s2, b2); b2 = S.Min(s2, b2); i2 = S.Max(i2, S.And(l2, jv));
                var l3 = S.LessThan(s3, b3); b3 = S.Min(s3, b3); i3 = S.Max(i3, S.And(l3, jv));
            }
            int o = i - start;
            for (int p = 0; p < c; p++)
            {
                labels[o + p] = (int)S.Get(i0, p); labels[o + c + p] = (int)S.Get(i1, p);
                labels[o + 2 * c + p] = (int)S.Get(i2, p); labels[o + 3 * c + p] = (int)S.Get(i3, p);
            }
        }
        if (i == end) return;
        Span<double> row = stackalloc double[Math.Min(d, 64)];
        if (d > 64) row = new double[d];
        for (; i < end; i++)
        {
            for (int f = 0; f < d; f++) row[f] = columns[f * n + i];
            AssignRows<S, TV>(row, 0, 1, labels.Slice(i - start, 1));
        }
    }

    /// <summary>
    /// Per lane: the lower of the scores of two vectors of centroids (the first on ties: lower ids), kept if strictly below
    /// the best so far. Min/max/and instead of selects: fewer instructions, and no blend register on SSE.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Keep<S, TV>(TV a0, TV a1, TV idx0, ref TV best, ref TV bestIdx)
        where S : struct, ISimd<TV> where TV : unmanaged
    {
        var second = S.LessThan(a1, a0);
        var v = S.Min(a1, a0);                                         // a1 < a0 ? a1 : a0
        var vi = S.Add(idx0, S.And(second, S.Broadcast(S.Count)));     // its centroid
        var better = S.LessThan(v, best);
        best = S.Min(v, best);
        bestIdx = S.Max(bestIdx, S.And(better, vi));                    // ids only grow: max sets the new one where better
    }

    /// <summary>The lowest score over the lanes; among equal scores the lowest index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Lowest<S, TV>(TV best, TV bestIdx) where S : struct, ISimd<TV> where TV : unmanaged
    {
        double bv = S.Get(best, 0), bi = S.Get(bestIdx, 0);
        for (int l = 1; l < S.Count; l++)
        {
            double v = S.Get(best, l), i = S.Get(bestIdx, l);
            if (v < bv || (v == bv && i < bi)) { bv = v; bi = i; }
        }
        return (int)bi;
    }
}
