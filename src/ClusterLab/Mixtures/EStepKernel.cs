using System.Buffers;
using System.Numerics.Tensors;
using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// The E-step over blocks of rows, in log space (scikit-learn's <c>_estimate_log_prob_resp</c>):
/// ln γ(z_nk) = ln π_k + ln N(x_n | μ_k, Σ_k) − ln Σ_j π_j N(x_n | μ_j, Σ_j) (eq. 13), and ln p(x_n) for the log-likelihood (eq. 5).
/// Vectorised across the rows of a block with <see cref="TensorPrimitives"/>; the scalar reference for one row is
/// <see cref="GaussianLogDensity.Evaluate"/> followed by <see cref="LogSumExp"/>, which the tests compare against.
/// Prior validation of the data and the parameters is assumed.
/// </summary>
internal static class EStepKernel
{
    /// <summary>
    /// Writes γ(z_nk) into the workspace (when kept) and returns the total log-likelihood Σ_n ln p(x_n). With
    /// <paramref name="accumulateForMStep"/>, also fills the per-block Σ γ(z_nk) and Σ γ(z_nk) x_n of the next M-step.
    /// </summary>
    /// <exception cref="InvalidOperationException">ln p(x_n) is not finite for some row (the data are too far from every component).</exception>
    public static double Run(EmWorkspace ws, PackedMixture m, bool accumulateForMStep)
    {
        Parallelism.For(ws.Blocks, (long)EmWorkspace.BlockSize * ws.K * ws.D * ws.D, b => RunBlock(ws, m, b, accumulateForMStep));
        double total = 0;
        for (int b = 0; b < ws.Blocks; b++)
        {
            if (ws.BlockBadRow[b] >= 0)
                throw new InvalidOperationException(
                    $"The log-likelihood of row {ws.BlockBadRow[b]} is not finite: the point is too far from every component to be " +
                    "represented in floating point. Scale the input data, or check the parameters.");
            total += ws.BlockLogLikelihood[b];
        }
        return total;
    }

    private static void RunBlock(EmWorkspace ws, PackedMixture m, int b, bool accumulate)
    {
        int k = m.K, d = m.D;
        var (start, len) = ws.Rows(b);
        // Scratch: the log-probabilities a_nk when γ is not kept (else a_nk is computed in γ's place), d centred columns, y, q, max, sum.
        bool keep = ws.Responsibilities is not null;
        int logProbSize = keep ? 0 : k * len;
        var rented = ArrayPool<double>.Shared.Rent(logProbSize + (d + 4) * len);
        try
        {
            var a = keep ? new Columns(ws.Responsibilities!, start, ws.N, len) : new Columns(rented, 0, len, len);
            var scratch = rented.AsSpan(logProbSize);
            var diff = scratch[..(d * len)];
            var y = scratch.Slice(d * len, len);
            var q = scratch.Slice((d + 1) * len, len);
            var max = scratch.Slice((d + 2) * len, len);
            var sum = scratch.Slice((d + 3) * len, len);

            for (int c = 0; c < k; c++) WeightedLogDensity(ws, m, c, start, a[c], diff, y, q);
            LogSumExpOverComponents(a, k, max, sum, y);
            double logLikelihood = TensorPrimitives.Sum(y);                               // Σ_{n in block} ln p(x_n)  (eq. 5)
            ws.BlockBadRow[b] = double.IsFinite(logLikelihood) ? -1 : start + FirstNonFinite(y);
            ws.BlockLogLikelihood[b] = logLikelihood;
            if (ws.LogDensities is { } logPx) y.CopyTo(logPx.AsSpan(start, len));          // ln p(x_n) per row, when asked for
            if (!keep || ws.BlockBadRow[b] >= 0) return;
            Responsibilities(a, k, sum);
            if (accumulate) MStepKernel.AccumulateMeansOfBlock(ws, b);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>k columns of one block's rows inside a larger buffer: column c starts at offset + c · stride.</summary>
    private readonly record struct Columns(double[] Buffer, int Offset, int Stride, int Length)
    {
        public Span<double> this[int c] => Buffer.AsSpan(Offset + c * Stride, Length);
    }

    /// <summary>a_nk = ln π_k + ln N(x_n | μ_k, Σ_k) for the block's rows, through q = ‖L_k⁻¹(x_n − μ_k)‖².</summary>
    private static void WeightedLogDensity(EmWorkspace ws, PackedMixture m, int c, int start, Span<double> a,
        Span<double> diff, Span<double> y, Span<double> q)
    {
        int d = m.D, len = a.Length;
        var mu = m.Mean(c);
        var w = m.InverseFactor(c);
        for (int j = 0; j < d; j++) TensorPrimitives.Subtract(ws.Column(j, start, len), mu[j], diff.Slice(j * len, len));
        q.Clear();
        for (int i = 0; i < d; i++)
        {
            TensorPrimitives.Multiply(diff[..len], w[i * d], y);                                  // y_i = Σ_{j≤i} (L⁻¹)_ij (x_j − μ_j)
            for (int j = 1; j <= i; j++) TensorPrimitives.MultiplyAdd(diff.Slice(j * len, len), w[i * d + j], y, y);
            TensorPrimitives.MultiplyAdd(y, y, q, q);                                           // q = ‖L⁻¹(x − μ)‖² = (x − μ)ᵀ Σ⁻¹ (x − μ)
        }
        TensorPrimitives.Multiply(q, -0.5, a);
        TensorPrimitives.Add(a, m.LogWeights[c] + m.LogNormalisers[c], a);                     // a_nk = ln π_k − ½ d ln 2π − ½ ln|Σ_k| − ½ q
    }

    /// <summary>
    /// ln p(x_n) = ln Σ_k e^{a_nk} into <paramref name="logPx"/>; leaves e^{a_nk − m_n} in <paramref name="a"/> and their sum in
    /// <paramref name="sum"/>.
    /// </summary>
    private static void LogSumExpOverComponents(Columns a, int k, Span<double> max, Span<double> sum, Span<double> logPx)
    {
        a[0].CopyTo(max);
        for (int c = 1; c < k; c++) TensorPrimitives.Max(max, a[c], max);                    // m_n = max_k a_nk
        sum.Clear();
        for (int c = 0; c < k; c++)
        {
            TensorPrimitives.Subtract(a[c], max, a[c]);
            TensorPrimitives.Exp(a[c], a[c]);                                                   // e^{a_nk − m_n} ≤ 1, the largest is 1
            TensorPrimitives.Add(sum, a[c], sum);
        }
        TensorPrimitives.Log(sum, logPx);
        TensorPrimitives.Add(logPx, max, logPx); // ln p(x_n) = ln Σ_k e^{a_nk} = m_n + ln Σ_k e^{a_nk − m_n}: no overflow, no 0/0  (eq. 5)
    }

    /// <summary>γ(z_nk) from the shifted exponentials e^{a_nk − m_n} and their sum, in place.</summary>
    private static void Responsibilities(Columns shifted, int k, Span<double> sum)
    {
        TensorPrimitives.Reciprocal(sum, sum);
        for (int c = 0; c < k; c++)
            TensorPrimitives.Multiply(shifted[c], sum, shifted[c]); // (13) γ(z_nk) = π_k N(x_n|μ_k,Σ_k) / Σ_j π_j N(x_n|μ_j,Σ_j) = e^{a_nk − m_n} / Σ_j e^{a_nj − m_n}
    }

    private static int FirstNonFinite(ReadOnlySpan<double> v)
    {
        for (int i = 0; i < v.Length; i++) if (!double.IsFinite(v[i])) return i;
        return 0;
    }
}
