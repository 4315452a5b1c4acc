using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ClusterLab.Internal;

/// <summary>
/// Finds the closest of k centroids with the expansion ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖²: since ‖x‖² is the same for every
/// centroid, the argmin of ‖c_j‖² − 2 x·c_j is the closest centroid (scikit-learn does the same on centred data).
/// Centroids are stored transposed (feature-major, k padded to a multiple of 4) so that four centroids are scored at once.
/// Ties go to the lowest index, like numpy's argmin. Allocates only in the constructor.
/// </summary>
internal sealed class NearestCentroid
{
    private const int Lanes = 4;
    private readonly int _k, _d, _kp;
    private readonly double[] _ct;     // _ct[f * _kp + j] = c_j[f]
    private readonly double[] _norms;  // ‖c_j‖², +∞ for padding
    private readonly double[] _rows;   // _rows[j * _d + f] = c_j[f]

    public NearestCentroid(int k, int d)
    {
        _k = k; _d = d; _kp = (k + Lanes - 1) / Lanes * Lanes;
        _ct = new double[_kp * d];
        _norms = new double[_kp];
        _rows = new double[k * d];
    }

    /// <summary>Whether <see cref="Nearest4"/> (points in SIMD lanes) beats <see cref="Nearest"/> (centroids in SIMD lanes): measured, for few features or few centroids.</summary>
    public bool PointLanesPay => _d <= 2 || (_k < 24 && _d <= 12);

    /// <summary>Loads the centroids (k × d, row-major).</summary>
    public void Prepare(ReadOnlySpan<double> centroids)
    {
        for (int j = 0; j < _kp; j++)
        {
            if (j >= _k) { _norms[j] = double.PositiveInfinity; for (int f = 0; f < _d; f++) _ct[f * _kp + j] = 0; continue; }
            var c = centroids.Slice(j * _d, _d);
            c.CopyTo(_rows.AsSpan(j * _d, _d));
            double s = 0;
            for (int f = 0; f < _d; f++) { _ct[f * _kp + j] = c[f]; s += c[f] * c[f]; }
            _norms[j] = s;
        }
    }

    /// <summary>Index of the centroid that minimises ‖c_j‖² − 2 x·c_j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Nearest(ReadOnlySpan<double> x)
    {
        if (!Vector256.IsHardwareAccelerated) return NearestScalar(x);
        ref double ct = ref MemoryMarshal.GetArrayDataReference(_ct);
        ref double nr = ref MemoryMarshal.GetArrayDataReference(_norms);
        ref double xr = ref MemoryMarshal.GetReference(x);
        var bestVal = Vector256.Create(double.PositiveInfinity);
        var bestIdx = Vector256<double>.Zero;
        var idx = Vector256.Create(0.0, 1.0, 2.0, 3.0);
        var step = Vector256.Create((double)Lanes);
        var two = Vector256.Create(2.0);
        int j = 0, d = _d, kp = _kp;
        // Sixteen centroids at a time: four independent FMA chains keep the FMA units busy.
        for (; j + 4 * Lanes <= kp; j += 4 * Lanes)
        {
            Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default;
            for (int f = 0; f < d; f++)
            {
                var xb = Vector256.Create(Unsafe.Add(ref xr, f));
                ref double row = ref Unsafe.Add(ref ct, f * kp + j);
                a0 = Vector256.FusedMultiplyAdd(xb, Vector256.LoadUnsafe(ref row), a0);
                a1 = Vector256.FusedMultiplyAdd(xb, Vector256.LoadUnsafe(ref row, 4), a1);
                a2 = Vector256.FusedMultiplyAdd(xb, Vector256.LoadUnsafe(ref row, 8), a2);
                a3 = Vector256.FusedMultiplyAdd(xb, Vector256.LoadUnsafe(ref row, 12), a3);
            }
            Keep(Vector256.LoadUnsafe(ref nr, (nuint)j) - two * a0, ref idx, step, ref bestVal, ref bestIdx);
            Keep(Vector256.LoadUnsafe(ref nr, (nuint)(j + 4)) - two * a1, ref idx, step, ref bestVal, ref bestIdx);
            Keep(Vector256.LoadUnsafe(ref nr, (nuint)(j + 8)) - two * a2, ref idx, step, ref bestVal, ref bestIdx);
            Keep(Vector256.LoadUnsafe(ref nr, (nuint)(j + 12)) - two * a3, ref idx, step, ref bestVal, ref bestIdx);
        }
        for (; j < kp; j += Lanes)
        {
            var dot = Vector256<double>.Zero;
            for (int f = 0; f < d; f++)
                dot = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref xr, f)), Vector256.LoadUnsafe(ref ct, (nuint)(f * kp + j)), dot);
            Keep(Vector256.LoadUnsafe(ref nr, (nuint)j) - two * dot, ref idx, step, ref bestVal, ref bestIdx);
        }
        // Lowest score; among equal scores the lowest index.
        double bv = bestVal.GetElement(0), bi = bestIdx.GetElement(0);
        for (int l = 1; l < Lanes; l++)
        {
            double v = bestVal.GetElement(l), i = bestIdx.GetElement(l);
            if (v < bv || (v == bv && i < bi)) { bv = v; bi = i; }
        }
        return (int)bi;
    }

    /// <summary>
    /// The closest centroid of four consecutive rows <paramref name="x4"/> (4 × d, row-major), one point per SIMD lane;
    /// the same scores and the same tie rule as <see cref="Nearest"/>, so the same labels. Pays for small k.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Nearest4(ReadOnlySpan<double> x4, Span<int> labels)
    {
        int d = _d;
        if (!Vector256.IsHardwareAccelerated || d > 16)
        {
            for (int p = 0; p < 4; p++) labels[p] = Nearest(x4.Slice(p * d, d));
            return;
        }
        Span<Vector256<double>> xf = stackalloc Vector256<double>[d];
        for (int f = 0; f < d; f++) xf[f] = Vector256.Create(x4[f], x4[d + f], x4[2 * d + f], x4[3 * d + f]);
        ref double cr = ref MemoryMarshal.GetArrayDataReference(_rows);
        var bestVal = Vector256.Create(double.PositiveInfinity);
        var bestIdx = Vector256<double>.Zero;
        var two = Vector256.Create(2.0);
        for (int j = 0; j < _k; j++)
        {
            ref double c = ref Unsafe.Add(ref cr, j * d);
            var dot = Vector256<double>.Zero;
            for (int f = 0; f < d; f++) dot = Vector256.FusedMultiplyAdd(xf[f], Vector256.Create(Unsafe.Add(ref c, f)), dot);
            var score = Vector256.Create(_norms[j]) - two * dot;
            var better = Vector256.LessThan(score, bestVal);
            bestVal = Vector256.ConditionalSelect(better, score, bestVal);
            bestIdx = Vector256.ConditionalSelect(better, Vector256.Create((double)j), bestIdx);
        }
        for (int p = 0; p < 4; p++) labels[p] = (int)bestIdx.GetElement(p);
    }

    /// <summary>
    /// The closest centroid of every point i in [start, end) of feature-major data (<c>columns[f * n + i]</c>) into
    /// <c>labels[i − start]</c>: eight points at a time in two SIMD vectors, the same scores and tie rule as
    /// <see cref="Nearest4"/>, so the same labels.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AssignColumns(double[] columns, int n, int start, int end, Span<int> labels)
    {
        int d = _d, k = _k, i = start;
        if (d == 2 && Vector256.IsHardwareAccelerated)
            i = AssignColumns2D(columns, n, start, end, labels);
        else if (Vector256.IsHardwareAccelerated)
        {
            ref double cols = ref MemoryMarshal.GetArrayDataReference(columns);
            ref double cr = ref MemoryMarshal.GetArrayDataReference(_rows);
            ref double nr = ref MemoryMarshal.GetArrayDataReference(_norms);
            var two = Vector256.Create(2.0);
            for (; i + 8 <= end; i += 8)
            {
                var best0 = Vector256.Create(double.PositiveInfinity);
                var best1 = best0;
                var idx0 = Vector256<double>.Zero;
                var idx1 = idx0;
                for (int j = 0; j < k; j++)
                {
                    ref double c = ref Unsafe.Add(ref cr, j * d);
                    Vector256<double> dot0 = default, dot1 = default;
                    for (int f = 0; f < d; f++)
                    {
                        var cf = Vector256.Create(Unsafe.Add(ref c, f));
                        ref double col = ref Unsafe.Add(ref cols, f * n + i);
                        dot0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref col), cf, dot0);
                        dot1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref col, 4), cf, dot1);
                    }
                    var norm = Vector256.Create(Unsafe.Add(ref nr, j));
                    var jv = Vector256.Create((double)j);
                    var s0 = norm - two * dot0;                                     // ‖c_j‖² − 2 x·c_j
                    var s1 = norm - two * dot1;
                    var b0 = Vector256.LessThan(s0, best0);
                    var b1 = Vector256.LessThan(s1, best1);
                    best0 = Vector256.ConditionalSelect(b0, s0, best0);
                    best1 = Vector256.ConditionalSelect(b1, s1, best1);
                    idx0 = Vector256.ConditionalSelect(b0, jv, idx0);
                    idx1 = Vector256.ConditionalSelect(b1, jv, idx1);
                }
                var l0 = Vector256.ConvertToInt64(idx0);
                var l1 = Vector256.ConvertToInt64(idx1);
                int o = i - start;
                for (int p = 0; p < 4; p++) { labels[o + p] = (int)l0.GetElement(p); labels[o + 4 + p] = (int)l1.GetElement(p); }
            }
        }
        Span<double> row = d <= 64 ? stackalloc double[d] : new double[d];
        for (; i < end; i++)
        {
            for (int f = 0; f < d; f++) row[f] = columns[f * n + i];
            labels[i - start] = Nearest(row);
        }
    }

    /// <summary>
    /// <see cref="AssignColumns"/> for two features (the lessons' data): both features of sixteen points stay in registers
    /// across all centroids, in four independent chains. The same operations, so the same labels. Returns the first point
    /// not assigned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int AssignColumns2D(double[] columns, int n, int start, int end, Span<int> labels)
    {
        ref double cols = ref MemoryMarshal.GetArrayDataReference(columns);
        ref double cr = ref MemoryMarshal.GetArrayDataReference(_rows);
        ref double nr = ref MemoryMarshal.GetArrayDataReference(_norms);
        var two = Vector256.Create(2.0);
        var inf = Vector256.Create(double.PositiveInfinity);
        int i = start, k = _k;
        for (; i + 16 <= end; i += 16)
        {
            ref double xr = ref Unsafe.Add(ref cols, i);
            ref double yr = ref Unsafe.Add(ref cols, n + i);
            var x0 = Vector256.LoadUnsafe(ref xr); var x1 = Vector256.LoadUnsafe(ref xr, 4);
            var x2 = Vector256.LoadUnsafe(ref xr, 8); var x3 = Vector256.LoadUnsafe(ref xr, 12);
            var y0 = Vector256.LoadUnsafe(ref yr); var y1 = Vector256.LoadUnsafe(ref yr, 4);
            var y2 = Vector256.LoadUnsafe(ref yr, 8); var y3 = Vector256.LoadUnsafe(ref yr, 12);
            Vector256<double> b0 = inf, b1 = inf, b2 = inf, b3 = inf, i0 = default, i1 = default, i2 = default, i3 = default;
            for (int j = 0; j < k; j++)
            {
                var cx = Vector256.Create(Unsafe.Add(ref cr, 2 * j));
                var cy = Vector256.Create(Unsafe.Add(ref cr, 2 * j + 1));
                var norm = Vector256.Create(Unsafe.Add(ref nr, j));
                var jv = Vector256.Create((double)j);
                var s0 = norm - two * Vector256.FusedMultiplyAdd(y0, cy, x0 * cx);   // ‖c_j‖² − 2 x·c_j
                var s1 = norm - two * Vector256.FusedMultiplyAdd(y1, cy, x1 * cx);
                var s2 = norm - two * Vector256.FusedMultiplyAdd(y2, cy, x2 * cx);
                var s3 = norm - two * Vector256.FusedMultiplyAdd(y3, cy, x3 * cx);
                var m0 = Vector256.LessThan(s0, b0); var m1 = Vector256.LessThan(s1, b1);
                var m2 = Vector256.LessThan(s2, b2); var m3 = Vector256.LessThan(s3, b3);
                b0 = Vector256.ConditionalSelect(m0, s0, b0); i0 = Vector256.ConditionalSelect(m0, jv, i0);
                b1 = Vector256.ConditionalSelect(m1, s1, b1); i1 = Vector256.ConditionalSelect(m1, jv, i1);
                b2 = Vector256.ConditionalSelect(m2, s2, b2); i2 = Vector256.ConditionalSelect(m2, jv, i2);
                b3 = Vector256.ConditionalSelect(m3, s3, b3); i3 = Vector256.ConditionalSelect(m3, jv, i3);
            }
            int o = i - start;
            StoreLabels(i0, labels.Slice(o, 4)); StoreLabels(i1, labels.Slice(o + 4, 4));
            StoreLabels(i2, labels.Slice(o + 8, 4)); StoreLabels(i3, labels.Slice(o + 12, 4));
        }
        return i;
    }

    /// <summary>Four centroid indices held as doubles, written as ints.</summary>
    private static void StoreLabels(Vector256<double> idx, Span<int> labels)
    {
        var l = Vector256.ConvertToInt64(idx);
        for (int p = 0; p < 4; p++) labels[p] = (int)l.GetElement(p);
    }

    /// <summary>labels[i] = closest centroid of row i of <paramref name="data"/> (row-major, d columns) for i in [start, end).</summary>
    public void Assign(double[] data, int start, int end, int[] labels)
    {
        int d = _d, i = start;
        if (PointLanesPay)
            for (; i + 4 <= end; i += 4) Nearest4(data.AsSpan(i * d, 4 * d), labels.AsSpan(i, 4));
        for (; i < end; i++) labels[i] = Nearest(data.AsSpan(i * d, d));
    }

    /// <summary>Per lane: keeps the score and index when the score is strictly lower (so the earlier index wins ties).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Keep(Vector256<double> score, ref Vector256<double> idx, Vector256<double> step, ref Vector256<double> bestVal, ref Vector256<double> bestIdx)
    {
        var better = Vector256.LessThan(score, bestVal);
        bestVal = Vector256.ConditionalSelect(better, score, bestVal);
        bestIdx = Vector256.ConditionalSelect(better, idx, bestIdx);
        idx += step;
    }

    /// <summary>The same rule without SIMD (same operation order per centroid, so the same result).</summary>
    public int NearestScalar(ReadOnlySpan<double> x)
    {
        int best = 0; double bestScore = double.PositiveInfinity;
        for (int j = 0; j < _k; j++)
        {
            double dot = 0;
            for (int f = 0; f < _d; f++) dot = Math.FusedMultiplyAdd(x[f], _ct[f * _kp + j], dot);
            double score = _norms[j] - 2 * dot;
            if (score < bestScore) { bestScore = score; best = j; }
        }
        return best;
    }
}
