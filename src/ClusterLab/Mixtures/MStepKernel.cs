using System.Buffers;
using System.Numerics.Tensors;
using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// The M-step over blocks of rows (scikit-learn's <c>_estimate_gaussian_parameters</c>): N_k (24), μ_k (23), the centred
/// Σ_k (25) shaped by the <see cref="CovarianceType"/> plus regCovar·I, π_k (29). Prior validation is assumed.
/// </summary>
internal static class MStepKernel
{
    /// <summary>numpy's finfo(float64).eps, 2⁻⁵² (not <see cref="double.Epsilon"/>, the smallest subnormal).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Fills the per-block Σ_n γ(z_nk) and Σ_n γ(z_nk) x_n from the workspace's responsibilities (the E-step kernel does it on the fly).</summary>
    public static void AccumulateMeans(EmWorkspace ws) => Parallelism.For(ws.Blocks, (long)EmWorkspace.BlockSize * ws.K * ws.D, b => AccumulateMeansOfBlock(ws, b));

    /// <summary>Σ_n γ(z_nk) and Σ_n γ(z_nk) x_n over the rows of block <paramref name="b"/>.</summary>
    public static void AccumulateMeansOfBlock(EmWorkspace ws, int b)
    {
        int k = ws.K, d = ws.D;
        var (start, len) = ws.Rows(b);
        for (int c = 0; c < k; c++)
        {
            var gamma = ws.Gamma(c, start, len);
            ws.BlockMass[b * k + c] = TensorPrimitives.Sum<double>(gamma);                                   // Σ_n γ(z_nk)  (eq. 24)
            for (int j = 0; j < d; j++)
                ws.BlockWeightedSum[(b * k + c) * d + j] = TensorPrimitives.Dot(gamma, ws.Column(j, start, len)); // Σ_n γ(z_nk) x_n  (eq. 23)
        }
    }

    /// <summary>
    /// Completes the M-step from the per-block sums of <see cref="AccumulateMeans"/> (or the E-step kernel): reduces them,
    /// runs the covariance pass, and factorises. Returns null and the failing component when some Σ_k + regCovar·I is not
    /// positive definite.
    /// </summary>
    public static PackedMixture? Run(EmWorkspace ws, double regCovar, out int failedComponent) => Run(ws, regCovar, CovarianceType.Full, out failedComponent);

    /// <summary>As <see cref="Run(EmWorkspace, double, out int)"/>, with covariances of the given <paramref name="type"/> (stored as full d × d matrices).</summary>
    public static PackedMixture? Run(EmWorkspace ws, double regCovar, CovarianceType type, out int failedComponent)
    {
        int k = ws.K, d = ws.D;
        var sumGamma = new double[k];
        var weightedSum = new double[k * d];
        ws.ReduceInBlockOrder(ws.BlockMass, sumGamma);
        ws.ReduceInBlockOrder(ws.BlockWeightedSum, weightedSum);

        var nk = new double[k];
        var means = new double[k * d];
        for (int c = 0; c < k; c++)
        {
            nk[c] = ComponentMass(sumGamma[c]);
            Mean(weightedSum.AsSpan(c * d, d), nk[c], means.AsSpan(c * d, d));
        }

        Parallelism.For(ws.Blocks, (long)EmWorkspace.BlockSize * ws.K * ws.D * ws.D, b => AccumulateScatterOfBlock(ws, means, b));
        var scatter = new double[k * d * d];
        ws.ReduceInBlockOrder(ws.BlockScatter, scatter);
        var covariances = new double[k * d * d];
        for (int c = 0; c < k; c++)
            Covariance(scatter.AsSpan(c * d * d, d * d), nk[c], regCovar, covariances.AsSpan(c * d * d, d * d), d);
        CovarianceShapes.Apply(type, scatter, nk, regCovar, covariances, k, d);

        double total = 0;
        for (int c = 0; c < k; c++) total += nk[c];
        var weights = new double[k];
        for (int c = 0; c < k; c++) weights[c] = MixingCoefficient(nk[c], total);

        return PackedMixture.TryCreate(weights, means, covariances, k, d, out failedComponent);
    }

    // ---- parameter estimators (one per lecture equation) ----

    /// <summary>N_k = Σ_n γ(z_nk), plus 10ε as scikit-learn, so that an empty component gets μ_k = 0 instead of 0/0.</summary>
    private static double ComponentMass(double sumOfResponsibilities) =>
        sumOfResponsibilities + 10 * MachineEpsilon; // (24) N_k = Σ_n γ(z_nk)

    /// <summary>μ_k = (1/N_k) Σ_n γ(z_nk) x_n.</summary>
    private static void Mean(ReadOnlySpan<double> weightedSum, double nk, Span<double> mean)
    {
        for (int j = 0; j < mean.Length; j++) mean[j] = weightedSum[j] / nk; // (23) μ_k = (1/N_k) Σ_n γ(z_nk) x_n
    }

    /// <summary>Σ_k = (1/N_k) Σ_n γ(z_nk)(x_n − μ_k)(x_n − μ_k)ᵀ + regCovar·I, from the lower triangle of the scatter sum.</summary>
    private static void Covariance(ReadOnlySpan<double> scatter, double nk, double regCovar, Span<double> covariance, int d)
    {
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
                covariance[i * d + j] = covariance[j * d + i] = scatter[i * d + j] / nk; // (25) Σ_k = (1/N_k) Σ_n γ(z_nk)(x_n − μ_k)(x_n − μ_k)ᵀ
        for (int i = 0; i < d; i++) covariance[i * d + i] += regCovar;                  // + regCovar·I keeps Σ_k positive definite
    }

    /// <summary>π_k = N_k / N, with N = Σ_j N_j (= the number of rows, up to the 10ε guards), so that Σ_k π_k = 1.</summary>
    private static double MixingCoefficient(double nk, double n) => nk / n; // (29) π_k = N_k / N

    /// <summary>Σ_n γ(z_nk)(x_n − μ_k)(x_n − μ_k)ᵀ over the rows of block <paramref name="b"/>, lower triangles only.</summary>
    private static void AccumulateScatterOfBlock(EmWorkspace ws, double[] means, int b)
    {
        int k = ws.K, d = ws.D, dd = d * d;
        var (start, len) = ws.Rows(b);
        var rented = ArrayPool<double>.Shared.Rent(2 * d * len);
        try
        {
            var diff = rented.AsSpan(0, d * len);
            var weightedDiff = rented.AsSpan(d * len, d * len);
            for (int c = 0; c < k; c++)
            {
                var gamma = ws.Gamma(c, start, len);
                var s = ws.BlockScatter.AsSpan((b * k + c) * dd, dd);
                for (int j = 0; j < d; j++)
                {
                    var dj = diff.Slice(j * len, len);
                    TensorPrimitives.Subtract(ws.Column(j, start, len), means[c * d + j], dj);    // x_nj − μ_kj
                    TensorPrimitives.Multiply(dj, gamma, weightedDiff.Slice(j * len, len));     // γ(z_nk)(x_nj − μ_kj)
                }
                PairDots.LowerTriangle(weightedDiff, diff, d, len, s);                          // Σ_n γ(z_nk)(x_ni − μ_ki)(x_nj − μ_kj), j ≤ i
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }
}
