namespace ClusterLab.Internal;

/// <summary>ln Σ_i e^{a_i} without overflow or underflow: the E-step's normaliser in log space.</summary>
internal static class LogSumExp
{
    /// <summary>
    /// Computes ln Σ_i e^{a_i}, and writes e^{a_i − m} (m = max_i a_i) into <paramref name="shifted"/> so that a caller can
    /// reuse them: e^{a_i − lse} = shifted_i / Σ_j shifted_j. Entries of −∞ (a zero weight) contribute 0.
    /// Returns −∞ when every entry is −∞, and NaN when an entry is NaN; callers check.
    /// </summary>
    public static double Compute(ReadOnlySpan<double> a, Span<double> shifted, out double sumShifted)
    {
        double m = double.NegativeInfinity;
        for (int i = 0; i < a.Length; i++) if (a[i] > m) m = a[i];
        if (!double.IsFinite(m)) { sumShifted = double.NaN; return double.IsNaN(m) ? double.NaN : m; }
        double s = 0;
        for (int i = 0; i < a.Length; i++) { double e = Math.Exp(a[i] - m); shifted[i] = e; s += e; }
        sumShifted = s;
        return m + Math.Log(s); // ln Σ e^{a_i} = m + ln Σ e^{a_i − m}, m = max a_i: every term ≤ 1 and the largest is 1
    }

    /// <summary>ln Σ_i e^{a_i} (see the overload that also returns the shifted exponentials).</summary>
    public static double Compute(ReadOnlySpan<double> a)
    {
        Span<double> scratch = a.Length <= 256 ? stackalloc double[a.Length] : new double[a.Length];
        return Compute(a, scratch, out _);
    }
}
