using System.Diagnostics;

namespace ClusterLab.Benchmarks;

/// <summary>
/// Lesson 05's sweep (notebooks/05-minibatch.ipynb, Figure 9-6) extended to every k = 1 … 100: Géron's five blobs,
/// n = 10,000, seed 7; for each k one <see cref="KMeans"/> and one <see cref="MiniBatchKMeans"/> fit with the lesson's
/// settings (NInit = 1, Seed = 42, everything else default, history kept as in the lesson).
/// </summary>
public static class Sweep
{
    /// <summary>Points in the lesson's data set.</summary>
    public const int N = 10_000;
    /// <summary>Largest k of the sweep.</summary>
    public const int MaxK = 100;

    /// <summary>The lesson's data: Géron's five blobs (centres and spreads as in the notebook), seed 7.</summary>
    public static double[][] Data()
    {
        double[][] centers = [[0.2, 2.3], [-1.5, 2.3], [-2.8, 1.8], [-2.8, 2.8], [-2.8, 1.3]];
        double[] std = [0.4, 0.3, 0.1, 0.1, 0.1];
        return Datasets.Blobs(N, centers, std, seed: 7).X;
    }

    /// <summary>One sweep; returns (seconds for K-means, seconds for mini-batch, Σ_k inertia of each).</summary>
    public static (double FullSeconds, double MiniSeconds, double FullInertia, double MiniInertia) Run(double[][] x, bool keepHistory = true)
    {
        var sw = new Stopwatch();
        double full = 0, mini = 0, fullInertia = 0, miniInertia = 0;
        for (int k = 1; k <= MaxK; k++)
        {
            sw.Restart();
            fullInertia += new KMeans(k) { NInit = 1, Seed = 42, KeepHistory = keepHistory }.Fit(x).Inertia;
            full += sw.Elapsed.TotalSeconds;
            sw.Restart();
            miniInertia += new MiniBatchKMeans(k) { NInit = 1, Seed = 42 }.Fit(x).Inertia;
            mini += sw.Elapsed.TotalSeconds;
        }
        return (full, mini, fullInertia, miniInertia);
    }
}
