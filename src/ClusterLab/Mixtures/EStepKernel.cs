using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// The E-step over contiguous rows, in log space (scikit-learn's <c>_estimate_log_prob_resp</c>):
/// ln γ(z_nk) = ln π_k + ln N(x_n | μ_k, Σ_k) − ln Σ_j π_j N(x_n | μ_j, Σ_j) (eq. 13), and ln p(x_n) for the log-likelihood (eq. 5).
/// Prior validation of the data and the parameters is assumed.
/// </summary>
internal static class EStepKernel
{
    /// <summary>
    /// Writes γ(z_nk) into <see cref="EmWorkspace.Responsibilities"/> (when kept) and returns the total log-likelihood
    /// Σ_n ln p(x_n). With <paramref name="accumulateForMStep"/>, also fills the per-block Σ γ(z_nk) and Σ γ(z_nk) x_n that
    /// the next M-step needs (one pass over the data fewer).
    /// </summary>
    /// <exception cref="InvalidOperationException">ln p(x_n) is not finite for some row (the data are too far from every component).</exception>
    public static double Run(RowMatrix x, PackedMixture m, EmWorkspace ws, bool accumulateForMStep)
    {
        Parallelism.For(ws.Blocks, b => RunBlock(x, m, ws, b, accumulateForMStep));
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

    private static void RunBlock(RowMatrix x, PackedMixture m, EmWorkspace ws, int b, bool accumulate)
    {
        int k = m.K, d = m.D;
        var (start, end) = ws.Rows(b);
        Span<double> weightedLogProb = k <= 64 ? stackalloc double[k] : new double[k];
        Span<double> shifted = k <= 64 ? stackalloc double[k] : new double[k];
        Span<double> diff = d <= 64 ? stackalloc double[d] : new double[d];
        var mass = ws.BlockMass.AsSpan(b * k, k);
        var weightedSum = ws.BlockWeightedSum.AsSpan(b * k * d, k * d);
        if (accumulate) { mass.Clear(); weightedSum.Clear(); }
        double logLikelihood = 0;
        int badRow = -1;
        var resp = ws.Responsibilities;
        for (int n = start; n < end; n++)
        {
            var xn = x.Row(n);
            for (int c = 0; c < k; c++)  // ln π_k + ln N(x_n | μ_k, Σ_k)
                weightedLogProb[c] = m.LogWeights[c] + GaussianLogDensity.Evaluate(xn, m.Mean(c), m.InverseFactor(c), m.LogNormalisers[c], diff);
            double logPx = LogSumExp.Compute(weightedLogProb, shifted, out double sum); // ln p(x_n) = ln Σ_k π_k N(x_n | μ_k, Σ_k)  (eq. 5)
            if (!double.IsFinite(logPx)) { if (badRow < 0) badRow = n; continue; }
            logLikelihood += logPx;
            if (resp is null) continue;
            var gamma = resp.AsSpan(n * k, k);
            double inv = 1.0 / sum;
            for (int c = 0; c < k; c++) gamma[c] = shifted[c] * inv; // γ(z_nk) = e^{a_k − m} / Σ_j e^{a_j − m} = e^{a_k − ln p(x_n)}  (eq. 13)
            if (!accumulate) continue;
            for (int c = 0; c < k; c++)
            {
                double g = gamma[c];
                mass[c] += g;                                          // Σ_n γ(z_nk)  (eq. 24)
                var s = weightedSum.Slice(c * d, d);
                for (int j = 0; j < d; j++) s[j] += g * xn[j];         // Σ_n γ(z_nk) x_n  (eq. 23)
            }
        }
        ws.BlockLogLikelihood[b] = logLikelihood;
        ws.BlockBadRow[b] = badRow;
    }
}
