using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// The steps of scikit-learn's <c>MiniBatchKMeans.fit</c> on centred contiguous data, sequential in a fixed order (so
/// independent of the thread count). Centroids are k × d row-major.
/// </summary>
internal sealed class MiniBatchRun
{
    private readonly RowMatrix _x;
    private readonly int _k, _d, _n;
    private readonly Random _rng;
    private readonly double _reassignmentRatio;
    private readonly int? _maxNoImprovement;
    private readonly NearestCentroid _nearest;
    private readonly int[] _batchIdx, _batchLabels, _validationLabels;
    private readonly double[] _counts;
    private readonly double[] _gather, _batchSums;
    private readonly int[] _batchCounts;

    public MiniBatchRun(RowMatrix x, int k, int batch, Random rng, double reassignmentRatio, int? maxNoImprovement)
    {
        _x = x; _k = k; _d = x.Cols; _n = x.Rows; Batch = batch; _rng = rng;
        _reassignmentRatio = reassignmentRatio; _maxNoImprovement = maxNoImprovement;
        _nearest = new NearestCentroid(k, _d);
        _batchIdx = new int[batch]; _batchLabels = new int[batch]; _validationLabels = new int[batch];
        _counts = new double[k];
        _gather = new double[batch * _d];
        _batchSums = new double[k * _d];
        _batchCounts = new int[k];
    }

    /// <summary>Points per step.</summary>
    public int Batch { get; }

    /// <summary>Tries <paramref name="nInit"/> inits, each on 3 × batch random points (at least 3k, at most n), and keeps the one with the lowest inertia on one validation batch.</summary>
    public double[] BestInit(KMeansInit init, int nInit)
    {
        var validation = new int[Batch];
        for (int i = 0; i < Batch; i++) validation[i] = _rng.Next(_n);
        int initSize = 3 * Batch;
        if (initSize < _k) initSize = 3 * _k;
        if (initSize > _n) initSize = _n;
        double[]? best = null;
        double bestInertia = double.PositiveInfinity;
        for (int r = 0; r < nInit; r++)
        {
            var subset = new RowMatrix(initSize, _d);
            for (int i = 0; i < initSize; i++) _x.Row(_rng.Next(_n)).CopyTo(subset.Row(i));
            var centers = KMeansSeeding.Choose(subset, _k, init, _rng);
            double inertia = BatchInertia(validation, centers, assign: false);
            if (best is null || inertia < bestInertia) { best = centers; bestInertia = inertia; }
        }
        return best!;
    }

    /// <summary>Runs up to <paramref name="maxSteps"/> steps, updating <paramref name="centers"/> in place; returns the steps made.</summary>
    public int Train(double[] centers, int maxSteps)
    {
        Array.Clear(_counts);
        var ewa = new EwaConvergence(Batch, _n, _maxNoImprovement);
        int sinceReassign = 0, step = 0;
        while (step < Math.Max(maxSteps, 1))
        {
            for (int i = 0; i < Batch; i++) _batchIdx[i] = _rng.Next(_n);
            double inertia = BatchInertia(_batchIdx, centers, assign: true);
            UpdateCenters(centers);
            sinceReassign += Batch;
            if (Array.IndexOf(_counts, 0.0) >= 0 || sinceReassign >= 10 * _k)
            {
                sinceReassign = 0;
                Reassign(centers);
            }
            bool stop = ewa.Stop(step, inertia);
            step++;
            if (stop) break;
        }
        return step;
    }

    /// <summary>Σ ‖x_i − μ_{nearest}‖² over the points <paramref name="idx"/>; with <paramref name="assign"/> the labels are kept in the batch buffer.</summary>
    private double BatchInertia(int[] idx, double[] centers, bool assign)
    {
        _nearest.Prepare(centers);
        int d = _d, m = idx.Length;
        double s = 0;
        if (_nearest.PointLanesPay)
        {
            for (int t = 0; t < m; t++)                                    // the batch, feature-major: points in SIMD lanes
            {
                var row = _x.Row(idx[t]);
                for (int f = 0; f < d; f++) _gather[f * m + t] = row[f];
            }
            Span<int> labels = assign ? _batchLabels : _validationLabels;
            _nearest.AssignColumns(_gather, m, 0, m, labels);
            for (int t = 0; t < m; t++) s += Keep(t, labels[t], idx, centers, assign: false);
            return s;
        }
        for (int t = 0; t < m; t++) s += Keep(t, _nearest.Nearest(_x.Row(idx[t])), idx, centers, assign);
        return s;
    }

    private double Keep(int t, int j, int[] idx, double[] centers, bool assign)
    {
        if (assign) _batchLabels[t] = j;
        return SquaredDistance.Compute(_x.Row(idx[t]), centers.AsSpan(j * _d, _d));
    }

    /// <summary>μ_j ← (count_j · μ_j + Σ_{batch points in j} x) / (count_j + m_j): every point moves its centroid with rate 1 / count.</summary>
    private void UpdateCenters(double[] centers)
    {
        int d = _d;
        Array.Clear(_batchSums); Array.Clear(_batchCounts);
        for (int t = 0; t < Batch; t++)
        {
            int j = _batchLabels[t];
            _batchCounts[j]++;
            var xi = _x.Row(_batchIdx[t]);
            var s = _batchSums.AsSpan(j * d, d);
            for (int f = 0; f < d; f++) s[f] += xi[f];
        }
        for (int j = 0; j < _k; j++)
        {
            int m = _batchCounts[j];
            if (m == 0) continue;
            var c = centers.AsSpan(j * d, d);
            var s = _batchSums.AsSpan(j * d, d);
            double total = _counts[j] + m;
            for (int f = 0; f < d; f++) c[f] = (c[f] * _counts[j] + s[f]) / total;
            _counts[j] = total;
        }
    }

    /// <summary>Centroids with count below ratio × max count move to distinct random batch points; their count becomes the lowest count of the others.</summary>
    private void Reassign(double[] centers)
    {
        double max = _counts.Max();
        bool any = false;
        for (int j = 0; j < _k; j++) any |= _counts[j] < _reassignmentRatio * max;
        if (!any) return;
        var low = new List<int>();
        for (int j = 0; j < _k; j++) if (_counts[j] < _reassignmentRatio * max) low.Add(j);
        if (low.Count > Batch / 2)   // never reassign more than half the batch: keep the ones with the largest counts
            low = low.OrderBy(j => _counts[j]).ThenBy(j => j).Take(Batch / 2).OrderBy(j => j).ToList();
        if (low.Count == 0) return;
        var isLow = new bool[_k];
        foreach (int j in low) isLow[j] = true;
        double minOther = double.PositiveInfinity;
        for (int j = 0; j < _k; j++) if (!isLow[j]) minOther = Math.Min(minOther, _counts[j]);
        var pool = new int[Batch];
        for (int t = 0; t < Batch; t++) pool[t] = t;
        for (int r = 0; r < low.Count; r++)
        {
            int pick = r + _rng.Next(Batch - r);
            (pool[r], pool[pick]) = (pool[pick], pool[r]);
            _x.Row(_batchIdx[pool[r]]).CopyTo(centers.AsSpan(low[r] * _d, _d));
            _counts[low[r]] = double.IsFinite(minOther) ? minOther : 0;
        }
    }

    /// <summary>scikit-learn's early stopping: an exponentially weighted average of the batch inertia per point, stop after a number of steps without a new minimum.</summary>
    internal sealed class EwaConvergence(int batch, int n, int? maxNoImprovement)
    {
        private double? _ewa, _ewaMin;
        private int _noImprovement;

        public bool Stop(int step, double batchInertia)
        {
            if (step == 0) return false;                     // the first batch measures the init
            double v = batchInertia / batch;
            double alpha = Math.Min(batch * 2.0 / (n + 1), 1.0);
            _ewa = _ewa is double e ? e * (1 - alpha) + v * alpha : v;
            if (_ewaMin is null || _ewa < _ewaMin) { _noImprovement = 0; _ewaMin = _ewa; }
            else _noImprovement++;
            return maxNoImprovement is int m && _noImprovement >= m;
        }
    }
}
