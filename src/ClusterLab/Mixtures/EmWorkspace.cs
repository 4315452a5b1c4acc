using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// Buffers of one EM run on n rows, k components and d features, allocated once: the responsibilities (n × k, row-major)
/// and the per-block partial sums that the kernels reduce in block order (which makes results independent of the thread count).
/// </summary>
internal sealed class EmWorkspace
{
    /// <summary>Rows per block. Fixed: never depends on the number of threads.</summary>
    public const int BlockSize = 1024;

    public EmWorkspace(int n, int k, int d, bool keepResponsibilities = true)
    {
        N = n; K = k; D = d;
        Blocks = Parallelism.BlockCount(n, BlockSize);
        Responsibilities = keepResponsibilities ? new double[checked(n * k)] : null;
        BlockLogLikelihood = new double[Blocks];
        BlockBadRow = new int[Blocks];
        BlockMass = new double[Blocks * k];
        BlockWeightedSum = new double[Blocks * k * d];
        BlockScatter = new double[Blocks * k * d * d];
    }

    public int N { get; }
    public int K { get; }
    public int D { get; }
    public int Blocks { get; }
    /// <summary>γ(z_nk), n × k row-major (null when only the log-likelihood is wanted).</summary>
    public double[]? Responsibilities { get; }
    /// <summary>Σ_{n in block} ln p(x_n).</summary>
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
    public (int Start, int End) Rows(int b) => (b * BlockSize, Math.Min(N, (b + 1) * BlockSize));

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
