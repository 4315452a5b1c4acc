namespace ClusterLab;

/// <summary>The first responsibilities of an EM run (scikit-learn's <c>_initialize_parameters</c>); the first M-step turns them into θ_0.</summary>
internal static class InitialResponsibilities
{
    /// <summary>
    /// Writes the responsibilities chosen by <paramref name="init"/> into <paramref name="resp"/> (n × k, row-major).
    /// <see cref="MixtureInit.KMeans"/>: hard, γ(z_nk) = 1 for the cluster of one K-means run (k-means++, one restart) with
    /// <paramref name="seed"/>; <see cref="MixtureInit.Random"/>: uniform draws normalised per row.
    /// </summary>
    public static void Fill(MixtureInit init, double[][] x, int k, int seed, double[] resp)
    {
        switch (init)
        {
            case MixtureInit.KMeans: FromKMeans(x, k, seed, resp); break;
            case MixtureInit.Random: Uniform(x.Length, k, seed, resp); break;
            default: throw new ArgumentOutOfRangeException(nameof(init), init, $"Init={init} is not a MixtureInit value: use MixtureInit.KMeans or MixtureInit.Random.");
        }
    }

    private static void FromKMeans(double[][] x, int k, int seed, double[] resp)
    {
        var labels = new KMeans(k) { NInit = 1, Seed = seed }.Fit(x).Labels;
        Array.Clear(resp);
        for (int n = 0; n < labels.Length; n++) resp[n * k + labels[n]] = 1; // z_n = one-hot K-means label
    }

    private static void Uniform(int n, int k, int seed, double[] resp)
    {
        var rng = new Random(seed);
        for (int i = 0; i < n; i++)
        {
            var row = resp.AsSpan(i * k, k);
            double sum = 0;
            for (int c = 0; c < k; c++) { row[c] = rng.NextDouble(); sum += row[c]; }
            for (int c = 0; c < k; c++) row[c] /= sum;
        }
    }
}
