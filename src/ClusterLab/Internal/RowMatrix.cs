namespace ClusterLab.Internal;

/// <summary>
/// A dense matrix stored contiguously in row-major order: element (i, j) is <c>Data[i * Cols + j]</c>.
/// The numeric kernels work on this layout; the public API takes and returns <c>double[][]</c>.
/// </summary>
internal sealed class RowMatrix
{
    public RowMatrix(int rows, int cols)
    {
        Rows = rows; Cols = cols; Data = new double[checked(rows * cols)];
    }

    public RowMatrix(int rows, int cols, double[] data)
    {
        if (data.Length != rows * cols) throw new ArgumentException($"data has {data.Length} values, expected {rows}×{cols}.", nameof(data));
        Rows = rows; Cols = cols; Data = data;
    }

    /// <summary>Number of rows (points).</summary>
    public int Rows { get; }
    /// <summary>Number of columns (features).</summary>
    public int Cols { get; }
    /// <summary>The values, row after row.</summary>
    public double[] Data { get; }

    /// <summary>Row <paramref name="i"/> as a span.</summary>
    public Span<double> Row(int i) => Data.AsSpan(i * Cols, Cols);

    /// <summary>Copies a validated rectangular jagged array.</summary>
    public static RowMatrix FromJagged(double[][] x)
    {
        int n = x.Length, d = x[0].Length;
        var m = new RowMatrix(n, d);
        for (int i = 0; i < n; i++) x[i].AsSpan().CopyTo(m.Data.AsSpan(i * d, d));
        return m;
    }

    /// <summary>A feature-major copy: feature f of row i at <c>[f * Rows + i]</c>, so that consecutive rows fill a SIMD vector.</summary>
    public double[] FeatureMajor()
    {
        var columns = new double[Data.Length];
        for (int i = 0; i < Rows; i++)
            for (int f = 0; f < Cols; f++) columns[f * Rows + i] = Data[i * Cols + f];
        return columns;
    }

    /// <summary>Column means, summed in row order.</summary>
    public double[] ColumnMeans()
    {
        var mean = new double[Cols];
        for (int i = 0; i < Rows; i++)
        {
            var row = Row(i);
            for (int j = 0; j < Cols; j++) mean[j] += row[j];
        }
        for (int j = 0; j < Cols; j++) mean[j] /= Rows;
        return mean;
    }

    /// <summary>Biased (1/n) column variances around <paramref name="mean"/>.</summary>
    public double[] ColumnVariances(double[] mean)
    {
        var v = new double[Cols];
        for (int i = 0; i < Rows; i++)
        {
            var row = Row(i);
            for (int j = 0; j < Cols; j++) { double t = row[j] - mean[j]; v[j] += t * t; }
        }
        for (int j = 0; j < Cols; j++) v[j] /= Rows;
        return v;
    }

    /// <summary>Subtracts <paramref name="v"/> from every row, in place.</summary>
    public void SubtractRowVector(ReadOnlySpan<double> v)
    {
        for (int i = 0; i < Rows; i++)
        {
            var row = Row(i);
            for (int j = 0; j < Cols; j++) row[j] -= v[j];
        }
    }
}
