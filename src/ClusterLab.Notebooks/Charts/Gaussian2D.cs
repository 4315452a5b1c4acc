namespace ClusterLab.Notebooks;

/// <summary>Closed-form 2 × 2 Gaussian geometry for charts: eigen-decomposition and σ-ellipses (densities and responsibilities come from <see cref="Em"/>).</summary>
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
}
