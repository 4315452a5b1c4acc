namespace ClusterLab.Internal;

/// <summary>
/// Inertia Σ_i ‖x_i − μ_{label(i)}‖² from the true differences, summed per fixed block of rows and then over blocks in
/// block order (bit-identical whatever the thread count). Allocates only in the constructor.
/// </summary>
internal sealed class Inertia
{
    public const int BlockRows = 512;
    private readonly RowMatrix _x;
    private readonly double[] _partial;
    private readonly Action<int> _body;
    private double[] _centers = [];
    private int[] _labels = [];

    public Inertia(RowMatrix x)
    {
        _x = x;
        _partial = new double[Parallelism.BlockCount(x.Rows, BlockRows)];
        _body = Block;
    }

    /// <summary>Σ_i ‖x_i − c_{labels[i]}‖² for centroids stored row-major in <paramref name="centers"/>.</summary>
    public double Compute(double[] centers, int[] labels)
    {
        _centers = centers; _labels = labels;
        Parallelism.For(_partial.Length, BlockRows * (long)_x.Cols, _body);
        double total = 0;
        for (int b = 0; b < _partial.Length; b++) total += _partial[b];
        _centers = []; _labels = [];
        return total;
    }

    private void Block(int b)
    {
        int d = _x.Cols, start = b * BlockRows, end = Math.Min(_x.Rows, start + BlockRows);
        double s = 0;
        for (int i = start; i < end; i++)
            s += SquaredDistance.Compute(_x.Data.AsSpan(i * d, d), _centers.AsSpan(_labels[i] * d, d));
        _partial[b] = s;
    }
}
