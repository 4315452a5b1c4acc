namespace ClusterLab.Notebooks;

/// <summary>Closed-form 2 × 2 Gaussian geometry for charts: density, responsibilities and σ-ellipses.</summary>
internal static class Gaussian2D
{
    /// <summary>Eigen-decomposition of the symmetric 2 × 2 matrix Σ: eigenvalues λ₁ ≥ λ₂ and the unit eigenvector of λ₁.</summary>
    public static (double L1, double L2, double Vx, double Vy) Eigen(double[][] sigma, int component)
    {
        double a = sigma[0][0], b = 0.5 * (sigma[0][1] + sigma[1][0]), c = sigma[1][1];
        if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(c))
            throw new ArgumentException($"Covariances[{component}] is not finite.");
        var mid = 0.5 * (a + c);
        var rad = Math.Sqrt(0.25 * (a - c) * (a - c) + b * b);
        double l1 = mid + rad, l2 = mid - rad;
        if (l2 <= 0)
            throw new ArgumentException($"Covariances[{component}] is not positive definite (eigenvalues {l1:G4}, {l2:G4}).");
        double vx, vy;
        if (Math.Abs(b) > 1e-300) { vx = l1 - c; vy = b; }
        else if (a >= c) { vx = 1; vy = 0; }
        else { vx = 0; vy = 1; }
        var norm = Math.Sqrt(vx * vx + vy * vy);
        return (l1, l2, vx / norm, vy / norm);
    }

    /// <summary>
    /// Points of the ellipse (x − μ)ᵀ Σ⁻¹ (x − μ) = s²: μ + s (√λ₁ cos t v₁ + √λ₂ sin t v₂), closed (first point repeated).
    /// </summary>
    public static (double[] X, double[] Y) Ellipse(double[] mean, double[][] sigma, double s, int component, int points = 48)
    {
        var (l1, l2, vx, vy) = Eigen(sigma, component);
        double r1 = s * Math.Sqrt(l1), r2 = s * Math.Sqrt(l2);
        var xs = new double[points + 1];
        var ys = new double[points + 1];
        for (var i = 0; i <= points; i++)
        {
            var t = 2 * Math.PI * i / points;
            double u = r1 * Math.Cos(t), w = r2 * Math.Sin(t);
            xs[i] = mean[0] + u * vx - w * vy; // v₂ = (−v₁y, v₁x)
            ys[i] = mean[1] + u * vy + w * vx;
        }
        return (xs, ys);
    }

    /// <summary>ln N(x | μ, Σ) for a 2-D point.</summary>
    public static double LogPdf(double x, double y, double[] mean, double[][] sigma)
    {
        double a = sigma[0][0], b = 0.5 * (sigma[0][1] + sigma[1][0]), c = sigma[1][1];
        var det = a * c - b * b;
        double dx = x - mean[0], dy = y - mean[1];
        var q = (c * dx * dx - 2 * b * dx * dy + a * dy * dy) / det; // (x − μ)ᵀ Σ⁻¹ (x − μ)
        return -0.5 * q - Math.Log(2 * Math.PI) - 0.5 * Math.Log(det);
    }

    /// <summary>ln p(x) = ln Σ_k π_k N(x | μ_k, Σ_k), by log-sum-exp.</summary>
    public static double MixtureLogPdf(double x, double y, MixtureParameters p)
    {
        var terms = new double[p.K];
        for (var k = 0; k < p.K; k++) terms[k] = Math.Log(p.Weights[k]) + LogPdf(x, y, p.Means[k], p.Covariances[k]);
        return LogSumExp(terms);
    }

    /// <summary>Responsibilities γ(z_nk) of every point under the mixture (rows sum to 1), in log space.</summary>
    public static double[][] Responsibilities(double[][] x, MixtureParameters p)
    {
        for (var k = 0; k < p.K; k++) Eigen(p.Covariances[k], k); // validates positive definiteness
        var gamma = new double[x.Length][];
        var terms = new double[p.K];
        for (var n = 0; n < x.Length; n++)
        {
            for (var k = 0; k < p.K; k++) terms[k] = Math.Log(p.Weights[k]) + LogPdf(x[n][0], x[n][1], p.Means[k], p.Covariances[k]);
            var norm = LogSumExp(terms);
            gamma[n] = terms.Select(t => Math.Exp(t - norm)).ToArray();
        }
        return gamma;
    }

    private static double LogSumExp(double[] terms)
    {
        var max = terms.Max();
        if (double.IsNegativeInfinity(max)) return max;
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max))); // ln Σ e^t = m + ln Σ e^(t − m)
    }
}
