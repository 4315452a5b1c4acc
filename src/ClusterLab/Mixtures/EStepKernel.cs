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
        Parallelism.For(ws.Blocks, b => RunBlock(ws, m, b, accumulateForMStep));
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
        // Scratch: the weighted log-probabilities of every component (or γ itself), d centred columns, y, q, max, sum.
        int logProbSize = ws.Responsibilities is null ? k * len : 0;
        var rented = ArrayPool<double>.Shared.Rent(logProbSize + (d + 4) * len);
        try
        {
            var scratch = rented.AsSpan();
            var diff = scratch.Slice(logProbSize, d * len);
            var y = scratch.Slice(logProbSize + d * len, len);
            var q = scratch.Slice(logProbSize + (d + 1) * len, len);
            var max = scratch.Slice(logProbSize + (d + 2) * len, len);
            var sum = scratch.Slice(logProbSize + (d + 3) * len, len);
            Span<double> LogProb(int c) => ws.Responsibilities is null ? rented.AsSpan(c * len, len) : ws.Gamma(c, start, len);

            for (int c = 0; c < k; c++) // a_nk = ln π_k + ln N(x_n | μ_k, Σ_k)
            {
                var mu = m.Mean(c);
                var w = m.InverseFactor(c);
                for (int j = 0; j < d; j++) TensorPrimitives.Subtract(ws.Column(j, start, len), mu[j], diff.Slice(j * len, len));
                q.Clear();
                for (int i = 0; i < d; i++)
                {
                    TensorPrimitives.Multiply(diff[..len], w[i * d], y);                              // y_i = Σ_{j≤i} (L⁻¹)_ij (x_j − μ_j)
                    for (int j = 1; j <= i; j++) TensorPrimitives.MultiplyAdd(diff.Slice(j * len, len), w[i * d + j], y, y);
                    TensorPrimitives.MultiplyAdd(y, y, q, q);                                       // q = ‖L⁻¹(x − μ)‖², Mahalanobis²
                }
                var a = LogProb(c);
                TensorPrimitives.Multiply(q, -0.5, a);
                TensorPrimitives.Add(a, m.LogWeights[c] + m.LogNormalisers[c], a);                 // ln π_k − ½ d ln 2π − ½ ln|Σ_k| − ½ q
            }

            // ln p(x_n) = ln Σ_k e^{a_nk} = m_n + ln Σ_k e^{a_nk − m_n}, m_n = max_k a_nk (log-sum-exp: no overflow, no 0/0)
            LogProb(0).CopyTo(max);
            for (int c = 1; c < k; c++) TensorPrimitives.Max(max, LogProb(c), max);
            sum.Clear();
            for (int c = 0; c < k; c++)
            {
                var a = LogProb(c);
                TensorPrimitives.Subtract(a, max, a);
                TensorPrimitives.Exp(a, a);                                                         // e^{a_nk − m_n}
                TensorPrimitives.Add(sum, a, sum);
            }
            TensorPrimitives.Log(sum, y);
            TensorPrimitives.Add(y, max, y);                                                        // y_n = ln p(x_n)  (eq. 5)
            double logLikelihood = TensorPrimitives.Sum(y);
            ws.BlockBadRow[b] = double.IsFinite(logLikelihood) ? -1 : start + FirstNonFinite(y);
            ws.BlockLogLikelihood[b] = logLikelihood;
            if (ws.Responsibilities is null || ws.BlockBadRow[b] >= 0) return;

            TensorPrimitives.Reciprocal(sum, sum);
            for (int c = 0; c < k; c++) TensorPrimitives.Multiply(ws.Gamma(c, start, len), sum, ws.Gamma(c, start, len)); // γ(z_nk) = e^{a_nk − m_n} / Σ_j e^{a_nj − m_n}  (eq. 13)
            if (accumulate) MStepKernel.AccumulateMeansOfBlock(ws, b);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static int FirstNonFinite(ReadOnlySpan<double> v)
    {
        for (int i = 0; i < v.Length; i++) if (!double.IsFinite(v[i])) return i;
        return 0;
    }
}
