using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// The data and buffers of EM on n rows, k components and d features, allocated once per fit. Both are stored column-wise
/// so that the kernels run over contiguous runs of rows with <see cref="System.Numerics.Tensors.TensorPrimitives"/>:
/// feature j of row n is <c>Columns[j * n + n]</c>, γ(z_nk) is <c>Responsibilities[k * n + n]</c>.
/// The per-block partial sums are reduced in block order, which makes results independent of the thread count.
/// </summary>
internal sealed class EmWorkspace
{
    /// <summary>Rows per block. Fixed: never depends on the number of threads.</summary>
    public const int BlockSize = 1024;

    /// <summary>Copies validated rectangular data column by column.</summary>
    public EmWorkspace(double[][] x, int k, bool keepResponsibilities = true, bool keepLogDensities = false)
    {
        N = x.Length; D = x[0].Length; K = k;
        Columns = new double[checked(N * D)];
        for (int n = 0; n < N; n++)
        {
            var row = x[n];
            for (int j = 0; j < D; j++) Columns[j * N + n] = row[j];
        }
        Blocks = Parallelism.BlockCount(N, BlockSize);
        Responsibilities = keepResponsibilities ? new double[checked(N * k)] : null;
        LogDensities = keepLogDensities ? new double[N] : null;
        BlockLogLikelihood = new double[Blocks];
        BlockBadRow = new int[Blocks];
        BlockMass = new double[Blocks * k];
        BlockWeightedSum = new double[Blocks * k * D];
        BlockScatter = new double[Blocks * k * D * D];
    }

    public int N { get; }
    public int K { get; }
    public int D { get; }
    public int Blocks { get; }
    /// <summary>The data, d columns of n values.</summary>
    public double[] Columns { get; }
    /// <summary>γ(z_nk), k columns of n values (null when only the log-likelihood is wanted).</summary>
    public double[]? Responsibilities { get; }
    /// <summary>Σ_{n in block} ln p(x_n).</summary>
    /// <summary>ln p(x_n) per row, when asked for (scikit-learn's <c>score_samples</c>); else null.</summary>
    public double[]? LogDensities { get; }
    public double[] BlockLogLikelihood { get; }
    /// <summary>First row of the block whose ln p(x_n) is not finite, or −1.</summary>
    public int[] BlockBadRow { get; }
    /// <summary>Σ_{n in block} γ(z_nk), blocks × k.</summary>
    public double[] BlockMass { get; }
    /// <summary>Σ_{n in block} γ(z_nk) x_n, blocks × k × d.</summary>
    public double[] BlockWeightedSum { get; }
    /// <summary>Σ_{n in block} γ(z_nk) (x_n − μ_k)(x_n − μ_k)ᵀ (lower triangles), blocks × k × d × d.</summary>
    public double[] BlockScatter { get; }

    /// <summary>Rows [start, end) of block <paramref name="b"/>.</summary>
    public (int Start, int Length) Rows(int b) => (b * BlockSize, Math.Min(N, (b + 1) * BlockSize) - b * BlockSize);

    /// <summary>Feature <paramref name="j"/> of rows [start, start + length).</summary>
    public ReadOnlySpan<double> Column(int j, int start, int length) => Columns.AsSpan(j * N + start, length);

    /// <summary>γ(z_nc) of rows [start, start + length).</summary>
    public Span<double> Gamma(int c, int start, int length) => Responsibilities.AsSpan(c * N + start, length);

    /// <summary>Writes hard responsibilities: γ(z_nk) = 1 when k = labels[n], else 0.</summary>
    public void SetHard(int[] labels)
    {
        var r = Responsibilities!;
        Array.Clear(r);
        for (int n = 0; n < N; n++) r[labels[n] * N + n] = 1;
    }

    /// <summary>Copies row-major responsibilities (n × k) in.</summary>
    public void SetRowMajor(double[] rowMajor)
    {
        var r = Responsibilities!;
        for (int n = 0; n < N; n++)
            for (int c = 0; c < K; c++) r[c * N + n] = rowMajor[n * K + c];
    }

    /// <summary>The responsibilities as jagged rows, shape (n, k).</summary>
    public double[][] ResponsibilityRows()
    {
        var r = Responsibilities!;
        var rows = new double[N][];
        for (int n = 0; n < N; n++)
        {
            var row = rows[n] = new double[K];
            for (int c = 0; c < K; c++) row[c] = r[c * N + n];
        }
        return rows;
    }

    /// <summary>Sums <paramref name="blockwise"/> (blocks × width) over blocks, in block order, into <paramref name="total"/>.</summary>
    public void ReduceInBlockOrder(ReadOnlySpan<double> blockwise, Span<double> total)
    {
        int width = total.Length;
        total.Clear();
        for (int b = 0; b < Blocks; b++)
        {
            var part = blockwise.Slice(b * width, width);
            for (int i = 0; i < width; i++) total[i] += part[i];
        }
    }
}
