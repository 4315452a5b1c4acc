using ClusterLab.Internal;
using MathNet.Numerics.Distributions;

namespace ClusterLab;

/// <summary>Ancestral sampling from a Gaussian mixture, following the graph z → x (Bishop Fig 9.4).</summary>
internal static class MixtureSampling
{
    /// <summary>Draws <paramref name="n"/> points: first z ~ π, then x ~ N(μ_z, Σ_z) (eq. 8-10), as x = μ_z + L_z ε with ε ~ N(0, I).</summary>
    /// <param name="n">Number of points. Range: ≥ 1.</param>
    /// <param name="seed">Random seed; the same seed gives the same sample.</param>
    /// <param name="packed">Validated parameters with their Cholesky factors.</param>
    public static MixtureSample Sample(PackedMixture packed, int n, int seed)
    {
        Validate.AtLeast(n, 1, nameof(n));
        int d = packed.D;
        var rng = new Random(seed);
        var points = new double[n][];
        var components = new int[n];
        var eps = new double[d];
        for (int i = 0; i < n; i++)
        {
            int z = DrawComponent(packed, rng.NextDouble());                       // z ~ π  (eq. 8)
            for (int j = 0; j < d; j++) eps[j] = Normal.Sample(rng, 0, 1);
            var l = packed.Factor(z);
            var mu = packed.Mean(z);
            var p = new double[d];
            for (int r = 0; r < d; r++)
            {
                double s = mu[r];
                for (int j = 0; j <= r; j++) s += l[r * d + j] * eps[j];   // x = μ_z + L_z ε ~ N(μ_z, Σ_z)  (eq. 9)
                p[r] = s;
            }
            points[i] = p;
            components[i] = z;
        }
        return new MixtureSample(points, components);
    }

    /// <summary>The component whose cumulative weight first exceeds u ∈ [0, 1); rounding falls back to the last component with a positive weight.</summary>
    private static int DrawComponent(PackedMixture packed, double u)
    {
        double cumulative = 0;
        int last = 0;
        for (int c = 0; c < packed.K; c++)
        {
            double w = packed.Weights[c];
            if (w <= 0) continue;
            last = c;
            cumulative += w;
            if (u < cumulative) return c;
        }
        return last;
    }
}
