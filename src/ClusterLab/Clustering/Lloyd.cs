using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// One snapshot of a Lloyd run, in the internal (centred, unordered) frame: the centroids after the move and the points
/// moved to empty clusters (null when none). Labels and inertia are not stored: <see cref="LloydLabels"/> recomputes them
/// from the previous centroids and the relocations, so that keeping a history costs k·d numbers per iteration.
/// </summary>
internal readonly record struct LloydStep(double[] Centers, (int Point, int Cluster)[]? Relocated);

/// <summary>Result of one Lloyd run: centroids (k × d, row-major, centred frame), labels, inertia, iterations run, the history and its starting centroids (empty without history).</summary>
internal sealed record LloydResult(double[] Centers, int[] Labels, double Inertia, int Iterations, List<LloydStep> History, double[] Init);

/// <summary>
/// Lloyd's algorithm on centred, contiguous data, following scikit-learn's <c>_kmeans_single_lloyd</c>: each iteration
/// assigns every point to its closest centroid and moves every centroid to the mean of its points (an empty cluster is
/// re-seeded with the point farthest from its centroid); it stops when the labels stop changing or the squared centroid
/// shift Σ_j ‖μ_j^new − μ_j^old‖² is ≤ tol, and then assigns once more so that the labels match the returned centroids.
/// Rows are processed in fixed blocks whose partial sums are reduced in block order, so the result does not depend on the
/// thread count. All buffers are allocated once per instance; an iteration allocates nothing unless history is kept.
/// </summary>
internal sealed class Lloyd
{
    public const int BlockRows = 512;
    private readonly RowMatrix _x;
    private readonly int _n, _d, _k, _blocks;
    private readonly NearestCentroid _nearest;
    private readonly Inertia _inertia;
    private readonly int[] _labels;
    private readonly double[] _blockSums;   // (block, cluster, feature)
    private readonly int[] _blockCounts;    // (block, cluster)
    private readonly int[] _blockChanged;   // labels changed in each block
    private readonly double[] _sums;
    private readonly int[] _counts;
    private double[] _centers, _centersNew;
    private bool _accumulate;
    private readonly Action<int> _assignBody;
    private readonly double[]? _columns;    // the data feature-major, for the points-in-lanes kernel (null when centroids in lanes pay)
    private readonly int[] _fresh;          // labels of the current assignment, before they are recorded
    private List<(int Point, int Cluster)>? _relocated;   // this iteration's relocations, when history is kept

    public Lloyd(RowMatrix x, int k)
    {
        _x = x; _n = x.Rows; _d = x.Cols; _k = k;
        _blocks = Parallelism.BlockCount(_n, BlockRows);
        _nearest = new NearestCentroid(k, _d);
        _inertia = new Inertia(x);
        _labels = new int[_n];
        _blockSums = new double[_blocks * k * _d];
        _blockCounts = new int[_blocks * k];
        _blockChanged = new int[_blocks];
        _sums = new double[k * _d];
        _counts = new int[k];
        _centers = new double[k * _d];
        _centersNew = new double[k * _d];
        _assignBody = AssignBlock;
        _fresh = new int[_n];
        if (_nearest.PointLanesPay) _columns = x.FeatureMajor();
    }

    /// <summary>The feature-major copy the assignment reads, or null when it reads the rows (for <see cref="LloydLabels"/>).</summary>
    public double[]? Columns => _columns;

    /// <summary>Runs Lloyd from <paramref name="init"/> (k × d, row-major, centred frame).</summary>
    public LloydResult Run(ReadOnlySpan<double> init, int maxIter, double tol, bool keepHistory)
    {
        init.CopyTo(_centers);
        Array.Fill(_labels, -1);
        var history = new List<LloydStep>(keepHistory ? Math.Min(maxIter, 64) : 0);
        bool strict = false;
        int it = 0;
        while (it < maxIter)
        {
            int changed = AssignAndSum(_centers, accumulate: true);  // E: closest centroid of every point
            _relocated = null;
            MoveCentroids();                                        // M: μ_j = mean of the points of cluster j
            (_centers, _centersNew) = (_centersNew, _centers);
            it++;
            if (keepHistory)                                        // k·d numbers per iteration, nothing per point
                history.Add(new LloydStep((double[])_centers.Clone(), _relocated?.ToArray()));
            if (changed == 0) { strict = true; break; }
            if (CenterShift(_centers, _centersNew) <= tol) break;
        }
        if (!strict) AssignAndSum(_centers, accumulate: false);    // labels that match the returned centroids
        double inertia = _inertia.Compute(_centers, _labels);
        return new LloydResult((double[])_centers.Clone(), (int[])_labels.Clone(), inertia, it, history, keepHistory ? init.ToArray() : []);
    }

    /// <summary>Assigns every point to its closest centroid; with accumulation also sums the points of every cluster. Returns how many labels changed.</summary>
    private int AssignAndSum(double[] centers, bool accumulate)
    {
        _nearest.Prepare(centers);
        _accumulate = accumulate;
        Parallelism.For(_blocks, (long)BlockRows * _k * _d, _assignBody);
        int changed = 0;
        for (int b = 0; b < _blocks; b++) changed += _blockChanged[b];
        return changed;
    }

    private void AssignBlock(int b)
    {
        int d = _d, k = _k, start = b * BlockRows, end = Math.Min(_n, start + BlockRows);
        var sums = _blockSums.AsSpan(b * k * d, k * d);
        var counts = _blockCounts.AsSpan(b * k, k);
        if (_accumulate) { sums.Clear(); counts.Clear(); }
        int changed = 0;
        _nearest.AssignBlock(_x, _columns, start, end, _fresh.AsSpan(start, end - start));   // points or centroids in SIMD lanes
        for (int i = start; i < end; i++) changed += Record(i, _fresh[i], sums, counts);
        _blockChanged[b] = changed;
    }

    /// <summary>Stores label <paramref name="j"/> of point <paramref name="i"/>, adds the point to its cluster's block sum; returns 1 if the label changed.</summary>
    private int Record(int i, int j, Span<double> sums, Span<int> counts)
    {
        int changed = j != _labels[i] ? 1 : 0;
        _labels[i] = j;
        if (_accumulate)
        {
            int d = _d;
            counts[j]++;
            var s = sums.Slice(j * d, d);
            var xi = _x.Data.AsSpan(i * d, d);
            for (int f = 0; f < d; f++) s[f] += xi[f];
        }
        return changed;
    }

    /// <summary>Reduces the block sums in block order and divides by the counts; re-seeds empty clusters first.</summary>
    private void MoveCentroids()
    {
        int kd = _k * _d;
        Array.Clear(_sums); Array.Clear(_counts);
        for (int b = 0; b < _blocks; b++)
        {
            var bs = _blockSums.AsSpan(b * kd, kd);
            for (int t = 0; t < kd; t++) _sums[t] += bs[t];
            var bc = _blockCounts.AsSpan(b * _k, _k);
            for (int j = 0; j < _k; j++) _counts[j] += bc[j];
        }
        if (Array.IndexOf(_counts, 0) >= 0) RelocateEmptyClusters();
        for (int j = 0; j < _k; j++)
        {
            var c = _centersNew.AsSpan(j * _d, _d);
            if (_counts[j] == 0) { _centers.AsSpan(j * _d, _d).CopyTo(c); continue; }
            var s = _sums.AsSpan(j * _d, _d);
            for (int f = 0; f < _d; f++) c[f] = s[f] / _counts[j];   // μ_j = (1/N_j) Σ_{i ∈ j} x_i
        }
    }

    /// <summary>
    /// scikit-learn's <c>_relocate_empty_clusters_dense</c>: the points farthest from their current centroid (largest
    /// first, ties by lower index) become the new centroids of the empty clusters and leave their old clusters.
    /// Rare, so it may allocate.
    /// </summary>
    private void RelocateEmptyClusters()
    {
        var empty = new List<int>();
        for (int j = 0; j < _k; j++) if (_counts[j] == 0) empty.Add(j);
        var dist = new double[_n];
        for (int i = 0; i < _n; i++)
            dist[i] = SquaredDistance.Compute(_x.Row(i), _centers.AsSpan(_labels[i] * _d, _d));
        var order = new int[_n];
        for (int i = 0; i < _n; i++) order[i] = i;
        Array.Sort(order, (a, b) => dist[a] != dist[b] ? dist[b].CompareTo(dist[a]) : a.CompareTo(b));
        for (int e = 0; e < empty.Count && e < _n; e++)
        {
            int far = order[e], newJ = empty[e], oldJ = _labels[far];
            var xi = _x.Row(far);
            var sOld = _sums.AsSpan(oldJ * _d, _d);
            var sNew = _sums.AsSpan(newJ * _d, _d);
            for (int f = 0; f < _d; f++) { sOld[f] -= xi[f]; sNew[f] = xi[f]; }
            _counts[oldJ]--; _counts[newJ] = 1;
            _labels[far] = newJ;  // keeps labels consistent with the centroids (the means of their points)
            (_relocated ??= []).Add((far, newJ));
        }
    }

    private double CenterShift(double[] a, double[] b)
    {
        double s = 0;
        for (int t = 0; t < a.Length; t++) { double u = a[t] - b[t]; s += u * u; }
        return s;
    }
}
