using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// The labels of a kept Lloyd history, recomputed on request: iteration t assigned every point to its closest centroid
/// of iteration t − 1 (the initial centroids for t = 0), then moved the relocated points to the empty clusters. Reads the
/// same centred data with the same kernel path (points or centroids in SIMD lanes) and the same blocks as the fit, so the
/// labels are the ones the fit had. Holds references to the fit's centred copy of the data (and its feature-major copy when the fit used one) and k·d numbers per iteration, nothing else.
/// </summary>
internal sealed class LloydLabels
{
    private readonly RowMatrix _rows;      // the centred rows (the inertia kernel reads them; the assignment too when columns is null)
    private readonly double[]? _columns;   // their feature-major copy, when the fit assigned from it
    private readonly int _n, _d, _k;
    private readonly double[] _init;
    private readonly List<LloydStep> _steps;
    private readonly int[] _map;

    /// <param name="x">The centred data the fit used.</param>
    /// <param name="columns">Its feature-major copy when the fit assigned from it (<see cref="Lloyd.Columns"/>), else null.</param>
    /// <param name="k">Number of clusters.</param>
    /// <param name="run">The run whose history is kept.</param>
    /// <param name="map">Canonical renumbering of the run's cluster ids.</param>
    public LloydLabels(RowMatrix x, double[]? columns, int k, LloydResult run, int[] map)
    {
        _rows = x; _columns = columns; _n = x.Rows; _d = x.Cols; _k = k; _init = run.Init; _steps = run.History; _map = map;
    }

    /// <summary>The canonical labels of iteration <paramref name="t"/> (0-based), a fresh array of length n.</summary>
    public int[] Labels(int t)
    {
        var labels = RawLabels(t);
        for (int i = 0; i < labels.Length; i++) labels[i] = _map[labels[i]];
        return labels;
    }

    /// <summary>Inertia Σ_i ‖x_i − μ_{label(i)}‖² of iteration <paramref name="t"/>: its labels with its centroids after the move (the fit's inertia kernel).</summary>
    public double Inertia(int t) => new Inertia(_rows).Compute(_steps[t].Centers, RawLabels(t));

    /// <summary>The labels of iteration <paramref name="t"/> in the run's own cluster ids.</summary>
    private int[] RawLabels(int t)
    {
        int n = _n, d = _d;
        var nearest = new NearestCentroid(_k, d);
        nearest.Prepare(t == 0 ? _init : _steps[t - 1].Centers);
        var labels = new int[n];
        Parallelism.For(Parallelism.BlockCount(n, Lloyd.BlockRows), (long)Lloyd.BlockRows * _k * d, b =>
        {
            int start = b * Lloyd.BlockRows, end = Math.Min(n, start + Lloyd.BlockRows);
            nearest.AssignBlock(_rows, _columns, start, end, labels.AsSpan(start, end - start));     // as Lloyd.AssignBlock
        });
        if (_steps[t].Relocated is { } moved)
            foreach (var (point, cluster) in moved) labels[point] = cluster;                          // empty clusters re-seeded
        return labels;
    }
}
