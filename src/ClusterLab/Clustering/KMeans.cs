using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// K-means clustering by Lloyd's algorithm: assign every point to its closest centroid, move every centroid to the mean
/// of its points, repeat. Follows scikit-learn's <c>KMeans</c> contract.
/// </summary>
public sealed class KMeans
{
    /// <summary>Creates an estimator for <paramref name="k"/> clusters.</summary>
    /// <param name="k">Number of clusters. Range: k ≥ 1 (and k ≤ n when fitting).</param>
    public KMeans(int k) => K = k;

    /// <summary>Number of clusters.</summary>
    public int K { get; }
    /// <summary>Initialisation method. Default <see cref="KMeansInit.KMeansPlusPlus"/>. Ignored when <see cref="InitialCentroids"/> is set.</summary>
    public KMeansInit Init { get; set; } = KMeansInit.KMeansPlusPlus;
    /// <summary>Given initial centroids, shape (k, nFeatures), "if you happen to know approximately where the centroids should be". Default null. When set, one run is made (NInit is ignored).</summary>
    public double[][]? InitialCentroids { get; set; }
    /// <summary>
    /// Number of restarts; the run with the lowest inertia is kept (a later run replaces it only with a strictly lower
    /// inertia). Default 1: scikit-learn 1.4's <c>n_init="auto"</c> with k-means++ (one run). scikit-learn 1.2 and Géron's
    /// chapter use 10 (and 1.4's "auto" uses 10 with random init): set NInit = 10 to match them. Range: ≥ 1.
    /// </summary>
    public int NInit { get; set; } = 1;
    /// <summary>Maximum Lloyd iterations per run. Default 300. Range: ≥ 1.</summary>
    public int MaxIter { get; set; } = 300;
    /// <summary>Tolerance on the squared centroid shift Σ_j ‖Δμ_j‖², scaled by the mean feature variance. Default 1e-4. Range: ≥ 0.</summary>
    public double Tol { get; set; } = 1e-4;
    /// <summary>Random seed; null draws one from the system (the model's <see cref="KMeansModel.SeedUsed"/> says which). Default null.</summary>
    public int? Seed { get; set; }
    /// <summary>
    /// Whether <see cref="KMeansModel.History"/> records every Lloyd iteration. Default true. Costs k·d numbers per iteration
    /// (labels and inertia are recomputed when read), and the model keeps a reference to the fit's centred copy of the data;
    /// false keeps neither.
    /// </summary>
    public bool KeepHistory { get; set; } = true;

    /// <summary>Runs K-means on <paramref name="x"/>, shape (nSamples, nFeatures).</summary>
    /// <returns>The fitted model of the best restart, with canonical labels (numbered by first appearance).</returns>
    /// <exception cref="ArgumentException">Null, empty, ragged or non-finite data, k outside 1 … n, fewer distinct points than k, initial centroids of the wrong shape, or a setting out of range.</exception>
    /// <exception cref="InvalidOperationException">The data are too large in magnitude: distances overflow double precision.</exception>
    public KMeansModel Fit(double[][] x)
    {
        var (n, d) = Validate.Data(x);
        Validate.ClusterCount(K, n);
        Validate.AtLeast(NInit, 1, nameof(NInit));
        Validate.AtLeast(MaxIter, 1, nameof(MaxIter));
        Validate.AtLeast(Tol, 0.0, nameof(Tol));
        if (InitialCentroids is not null) Validate.Shape(InitialCentroids, K, d, nameof(InitialCentroids), "centroid");
        var data = RowMatrix.FromJagged(x);
        Validate.DistinctPoints(data.Data, n, d, K);

        var mean = data.ColumnMeans();
        double tol = Tol * data.ColumnVariances(mean).Average();   // scikit-learn: tol × mean feature variance
        data.SubtractRowVector(mean);                               // centred data: the ‖c‖² − 2x·c trick loses less
        int seedUsed = Seed ?? Random.Shared.Next();
        var rng = new Random(seedUsed);
        var lloyd = new Lloyd(data, K);

        LloydResult? best = null;
        int runs = InitialCentroids is null ? NInit : 1;
        for (int r = 0; r < runs; r++)
        {
            var init = InitialCentroids is null ? KMeansSeeding.Choose(data, K, Init, rng) : Centred(InitialCentroids, mean);
            var result = lloyd.Run(init, MaxIter, tol, KeepHistory);
            if (best is null || result.Inertia < best.Inertia) best = result;
        }
        Validate.FiniteResult(best!.Inertia, "inertia");
        return ToModel(best, mean, d, new LloydLabelsSource(data, lloyd.Columns), seedUsed);
    }

    /// <summary>The given centroids, row-major, in the centred frame of the data (also used by <see cref="MiniBatchKMeans"/>).</summary>
    internal static double[] Centred(double[][] centroids, double[] mean)
    {
        int d = mean.Length;
        var c = new double[centroids.Length * d];
        for (int j = 0; j < centroids.Length; j++)
            for (int f = 0; f < d; f++) c[j * d + f] = centroids[j][f] - mean[f];
        return c;
    }

    private readonly record struct LloydLabelsSource(RowMatrix Data, double[]? Columns);

    /// <summary>Canonical ids, centroids back in the data's frame, and the history renumbered the same way (labels on demand).</summary>
    private KMeansModel ToModel(LloydResult r, double[] mean, int d, LloydLabelsSource source, int seedUsed)
    {
        var map = CanonicalLabels.Map(r.Labels, K);
        var history = new List<KMeansIteration>(r.History.Count);
        var labels = r.History.Count == 0 ? null : new LloydLabels(source.Data, source.Columns, K, r, map);
        for (int t = 0; t < r.History.Count; t++)
        {
            int iteration = t;
            history.Add(new KMeansIteration(CanonicalLabels.Reorder(r.History[t].Centers, map, d, mean), () => labels!.Labels(iteration), () => labels!.Inertia(iteration)));
        }
        return new KMeansModel(CanonicalLabels.Reorder(r.Centers, map, d, mean), CanonicalLabels.Apply(r.Labels, map), r.Inertia, r.Iterations,
            history, seedUsed, copy: false);
    }
}
