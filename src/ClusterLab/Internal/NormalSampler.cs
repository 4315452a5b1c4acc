namespace ClusterLab.Internal;

/// <summary>Standard normal draws from a seeded <see cref="Random"/> by the Box–Muller transform (both values of each pair are used).</summary>
internal sealed class NormalSampler(Random rng)
{
    private double _spare;
    private bool _hasSpare;

    /// <summary>One draw from N(0, 1).</summary>
    public double Next()
    {
        if (_hasSpare) { _hasSpare = false; return _spare; }
        double u1 = 1.0 - rng.NextDouble();               // (0, 1]: log is finite
        double u2 = rng.NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        _spare = r * Math.Sin(2 * Math.PI * u2);
        _hasSpare = true;
        return r * Math.Cos(2 * Math.PI * u2);
    }
}
