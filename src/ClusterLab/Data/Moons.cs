using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>Two interleaving half circles, as scikit-learn's <c>make_moons</c>: a non-Gaussian 2-D set.</summary>
public static class Moons
{
    /// <summary>
    /// ⌊n/2⌋ points on the upper half circle (cos t, sin t) and the rest on the lower one (1 − cos t, 0.5 − sin t),
    /// t evenly spaced in [0, π], plus N(0, noise²) on each coordinate; rows shuffled.
    /// </summary>
    /// <param name="nSamples">Number of points. Range: ≥ 2.</param>
    /// <param name="noise">Standard deviation of the added Gaussian noise. Range: ≥ 0.</param>
    /// <param name="seed">Random seed: the same seed gives the same points.</param>
    /// <returns>Points (n, 2) and the moon of each (0 upper, 1 lower).</returns>
    public static LabeledData Generate(int nSamples, double noise, int seed)
    {
        Validate.AtLeast(nSamples, 2, nameof(nSamples));
        if (!(noise >= 0) || !double.IsFinite(noise)) throw new ArgumentOutOfRangeException(nameof(noise), noise, $"noise={noise} should be a finite number >= 0.");
        int nOut = nSamples / 2, nIn = nSamples - nOut;
        var rng = new Random(seed);
        var normal = new NormalSampler(rng);
        var points = new List<(double[] X, int Label)>(nSamples);
        for (var i = 0; i < nOut; i++)
        {
            var t = nOut == 1 ? 0 : Math.PI * i / (nOut - 1);
            points.Add(([Math.Cos(t), Math.Sin(t)], 0));
        }
        for (var i = 0; i < nIn; i++)
        {
            var t = nIn == 1 ? 0 : Math.PI * i / (nIn - 1);
            points.Add(([1 - Math.Cos(t), 0.5 - Math.Sin(t)], 1));
        }
        foreach (var p in points) { p.X[0] += noise * normal.Next(); p.X[1] += noise * normal.Next(); }
        var order = Enumerable.Range(0, nSamples).OrderBy(_ => rng.Next()).ToArray();
        return new LabeledData(order.Select(i => points[i].X).ToArray(), order.Select(i => points[i].Label).ToArray());
    }
}
