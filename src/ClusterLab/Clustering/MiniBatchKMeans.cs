using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// Mini-batch K-means (Sculley, 2010): each step assigns a random batch and moves each centroid toward its batch points
/// with a per-centroid learning rate 1 / count. Faster than <see cref="KMeans"/>, with slightly worse inertia.
/// Follows scikit-learn's <c>MiniBatchKMeans</c>: inits on random subsets of 3 × BatchSize points, compared on one
/// validation batch; early stop when a smoothed batch inertia has not improved for <see cref="MaxNoImprovement"/> steps;
/// centroids with very few points are re-seeded from the batch.
/// </summary>
public sealed class MiniBatchKMeans
{
    /// <summary>Creates an estimator for <paramref name="k"/> clusters.</summary>
    /// <param name="k">Number of clusters. Range: k ≥ 1 (and k ≤ n when fitting).</param>
    public MiniBatchKMeans(int k) => K = k;

    /// <summary>Number of clusters.</summary>
    public int K { get; }
    /// <summary>Points per batch. Default 1024. Range: ≥ 1 (capped at nSamples).</summary>
    public int BatchSize { get; set; } = 1024;
    /// <summary>Passes over the data: the run makes at most ⌊MaxIter · n / BatchSize⌋ steps. Default 100. Range: ≥ 1.</summary>
    public int MaxIter { get; set; } = 100;
    /// <summary>Initialisation method. Default <see cref="KMeansInit.KMeansPlusPlus"/>. Ignored when <see cref="InitialCentroids"/> is set.</summary>
    public KMeansInit Init { get; set; } = KMeansInit.KMeansPlusPlus;
    /// <summary>Given initial centroids, shape (k, nFeatures), as scikit-learn's <c>init=array</c>. Default null. When set, training starts from them (Init and NInit are ignored).</summary>
    public double[][]? InitialCentroids { get; set; }
    /// <summary>Number of initialisations tried; the one with the lowest inertia on a validation batch is kept. Default 3, scikit-learn 1.2's <c>n_init</c> for MiniBatchKMeans (1.4's "auto" makes one with k-means++). Range: ≥ 1.</summary>
    public int NInit { get; set; } = 3;
    /// <summary>Random seed; null draws one from the system (the model's <see cref="KMeansModel.SeedUsed"/> says which). Default null.</summary>
    public int? Seed { get; set; }
    /// <summary>Stop after this many steps without improvement of the smoothed batch inertia; null never stops early. Default 10.</summary>
    public int? MaxNoImprovement { get; set; } = 10;
    /// <summary>A centroid whose count is below this fraction of the largest count is re-seeded from the batch. Default 0.01. Range: ≥ 0.</summary>
    public double ReassignmentRatio { get; set; } = 0.01;

    /// <summary>Fits on <paramref name="x"/>, shape (nSamples, nFeatures). The model's inertia is computed on the full data.</summary>
    /// <returns>The fitted model; <see cref="KMeansModel.Iterations"/> counts passes over the data (⌈steps · batch / n⌉) and <see cref="KMeansModel.History"/> is empty.</returns>
    /// <exception cref="ArgumentException">Null, empty, ragged or non-finite data, k outside 1 … n, fewer distinct points than k, or a setting out of range.</exception>
    /// <exception cref="InvalidOperationException">The data are too large in magnitude: distances overflow double precision.</exception>
    public KMeansModel Fit(double[][] x)
    {
        var (n, d) = Validate.Data(x);
        Validate.ClusterCount(K, n);
        Validate.AtLeast(BatchSize, 1, nameof(BatchSize));
        Validate.AtLeast(MaxIter, 1, nameof(MaxIter));
        Validate.AtLeast(NInit, 1, nameof(NInit));
        Validate.AtLeast(ReassignmentRatio, 0.0, nameof(ReassignmentRatio));
        if (MaxNoImprovement is int m) Validate.AtLeast(m, 1, nameof(MaxNoImprovement));
        if (InitialCentroids is not null) Validate.Shape(InitialCentroids, K, d, nameof(InitialCentroids), "centroid");
        var data = RowMatrix.FromJagged(x);
        Validate.DistinctPoints(data.Data, n, d, K);
        var mean = data.ColumnMeans();
        data.SubtractRowVector(mean);

        int seedUsed = Seed ?? Random.Shared.Next();
        var rng = new Random(seedUsed);
        var run = new MiniBatchRun(data, K, Math.Min(BatchSize, n), rng, ReassignmentRatio, MaxNoImprovement);
        var centers = InitialCentroids is null ? run.BestInit(Init, NInit) : KMeans.Centred(InitialCentroids, mean);
        int steps = run.Train(centers, (int)Math.Min(int.MaxValue, (long)MaxIter * n / run.Batch));

        var labels = new int[n];
        var nearest = new NearestCentroid(K, d);
        nearest.Prepare(centers);
        Parallelism.For(Parallelism.BlockCount(n, Lloyd.BlockRows), (long)Lloyd.BlockRows * K * d, b =>
        {
            int s = b * Lloyd.BlockRows, e = Math.Min(n, s + Lloyd.BlockRows);
            nearest.AssignRows(data.Data, s, e, labels.AsSpan(s, e - s));
        });
        double inertia = new Inertia(data).Compute(centers, labels);
        Validate.FiniteResult(inertia, "inertia");
        var map = CanonicalLabels.Map(labels, K);
        int passes = (int)Math.Ceiling((double)steps * run.Batch / n);
        return new KMeansModel(CanonicalLabels.Reorder(centers, map, d, mean), CanonicalLabels.Apply(labels, map), inertia, passes, [], seedUsed, copy: false);
    }
}
