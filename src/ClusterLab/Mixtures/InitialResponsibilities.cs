namespace ClusterLab;

/// <summary>The first responsibilities of an EM run (scikit-learn's <c>_initialize_parameters</c>); the first M-step turns them into θ_0.</summary>
internal static class InitialResponsibilities
{
    /// <summary>
    /// Writes the responsibilities chosen by <paramref name="init"/> into the workspace.
    /// <see cref="MixtureInit.KMeans"/>: hard, γ(z_nk) = 1 for the cluster of one K-means run (k-means++, one restart) with
    /// <paramref name="seed"/>; <see cref="MixtureInit.Random"/>: uniform draws normalised per row.
    /// </summary>
    public static void Fill(MixtureInit init, double[][] x, int k, int seed, EmWorkspace ws)
    {
        switch (init)
        {
            case MixtureInit.KMeans: ws.SetHard(new KMeans(k) { NInit = 1, Seed = seed, KeepHistory = false }.Fit(x).LabelsView); break; // z_n = one-hot K-means label
            case MixtureInit.Random: ws.SetRowMajor(Uniform(x.Length, k, seed)); break;
            default: throw new ArgumentOutOfRangeException(nameof(init), init, $"Init={init} is not a MixtureInit value: use MixtureInit.KMeans or MixtureInit.Random.");
        }
    }

    private static double[] Uniform(int n, int k, int seed)
    {
        var rng = new Random(seed);
        var resp = new double[n * k];
        for (int i = 0; i < n; i++)
        {
            var row = resp.AsSpan(i * k, k);
            double sum = 0;
            for (int c = 0; c < k; c++) { row[c] = rng.NextDouble(); sum += row[c]; }
            for (int c = 0; c < k; c++) row[c] /= sum;
        }
        return resp;
    }
}
