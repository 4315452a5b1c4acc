using System.Text.Json;
using ClusterLab.Internal;

namespace ClusterLab.Benchmarks;

/// <summary>
/// The start both sides share, written by <c>export-data</c> beside the data so that both libraries run the same
/// iterations from the same point: <c>NAME.init.json</c> holds the initial centroids (K-means and mini-batch: ClusterLab's
/// k-means++ with seed 0) or the initial mixture parameters (weights, means, covariances: the M-step of the hard K-means
/// labels with reg_covar 1e-6 added to the diagonal, which is how both libraries initialise from K-means).
/// </summary>
public sealed record SharedStart(double[][]? Centroids, double[]? Weights, double[][]? Means, double[][][]? Covariances)
{
    /// <summary>The start of workload <paramref name="w"/> on its data.</summary>
    public static SharedStart For(Workload w, double[][] x) => w.Kind switch
    {
        "kmeans" or "minibatch" => new(PlusPlus(x, w.K), null, null, null),
        "gmm" => FromKMeans(x, w.K),
        _ => new(null, null, null, null),
    };

    /// <summary>Reads <c>NAME.init.json</c>, or computes the start when the file is missing.</summary>
    public static SharedStart Read(string dir, Workload w, double[][] x)
    {
        string path = Path.Combine(dir, w.Name + ".init.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<SharedStart>(File.ReadAllText(path))! : For(w, x);
    }

    /// <summary>Writes <c>NAME.init.json</c>.</summary>
    public void Write(string dir, string name) => File.WriteAllText(Path.Combine(dir, name + ".init.json"), JsonSerializer.Serialize(this));

    /// <summary>The mixture parameters as ClusterLab takes them.</summary>
    public MixtureParameters Mixture() => new(Weights!, Means!, Covariances!);

    private static double[][] PlusPlus(double[][] x, int k)
    {
        var data = RowMatrix.FromJagged(x);
        var mean = data.ColumnMeans();
        data.SubtractRowVector(mean);
        var c = KMeansSeeding.PlusPlus(data, k, new Random(0));
        int d = mean.Length;
        return Enumerable.Range(0, k).Select(j => Enumerable.Range(0, d).Select(f => c[j * d + f] + mean[f]).ToArray()).ToArray();
    }

    private static SharedStart FromKMeans(double[][] x, int k)
    {
        var labels = new KMeans(k) { NInit = 1, Seed = 0, KeepHistory = false }.Fit(x).Labels;
        int n = x.Length, d = x[0].Length;
        var counts = new double[k];
        var means = new double[k][];
        var cov = new double[k][][];
        for (int j = 0; j < k; j++) { means[j] = new double[d]; cov[j] = Enumerable.Range(0, d).Select(_ => new double[d]).ToArray(); }
        for (int i = 0; i < n; i++) { counts[labels[i]]++; for (int f = 0; f < d; f++) means[labels[i]][f] += x[i][f]; }
        for (int j = 0; j < k; j++) for (int f = 0; f < d; f++) means[j][f] /= counts[j];
        for (int i = 0; i < n; i++)
        {
            var m = means[labels[i]]; var s = cov[labels[i]];
            for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) s[a][b] += (x[i][a] - m[a]) * (x[i][b] - m[b]);
        }
        for (int j = 0; j < k; j++)
            for (int a = 0; a < d; a++) { for (int b = 0; b < d; b++) cov[j][a][b] /= counts[j]; cov[j][a][a] += 1e-6; }   // Σ_j = S_j / N_j + reg·I
        return new(null, counts.Select(c => c / n).ToArray(), means, cov);
    }
}
