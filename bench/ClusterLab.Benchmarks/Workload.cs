namespace ClusterLab.Benchmarks;

/// <summary>One benchmark workload: fixed-seed blobs (cluster std 1, centres in a box of ±10) and the estimator settings.</summary>
public sealed record Workload(string Name, string Kind, int N, int D, int K, int MaxIter, int BatchSize = 1024)
{
    /// <summary>Seed of the data; the estimators use seed 0.</summary>
    public const int DataSeed = 42;

    /// <summary>The six workloads of the performance issue.</summary>
    public static readonly Workload[] All =
    [
        new("kmeans_200k_d2_k8", "kmeans", 200_000, 2, 8, 50),
        new("kmeans_100k_d16_k64", "kmeans", 100_000, 16, 64, 20),
        new("minibatch_1m_d2_k8", "minibatch", 1_000_000, 2, 8, 5),
        new("silhouette_20k_d2_k5", "silhouette", 20_000, 2, 5, 0),
        new("gmm_100k_d2_k3", "gmm", 100_000, 2, 3, 100),
        new("gmm_50k_d8_k8", "gmm", 50_000, 8, 8, 50),
    ];

    /// <summary>Generates the data (deterministic for <see cref="DataSeed"/>).</summary>
    public LabeledData Data() => Datasets.Blobs(N, D, K, 1.0, DataSeed, 10.0);

    /// <summary>
    /// Runs the workload once from the shared start and returns its quality figure (inertia, silhouette score or total
    /// log-likelihood). Default settings but for the start, the iteration count and Tol = 0 (so that both libraries run
    /// the same iterations); K-means keeps its history, as by default.
    /// </summary>
    public double Run(double[][] x, int[] trueLabels, SharedStart start) => Kind switch
    {
        "kmeans" => new KMeans(K) { InitialCentroids = start.Centroids, MaxIter = MaxIter, Tol = 0 }.Fit(x).Inertia,
        "minibatch" => new MiniBatchKMeans(K) { InitialCentroids = start.Centroids, BatchSize = BatchSize, MaxIter = MaxIter, Seed = 0, MaxNoImprovement = null }.Fit(x).Inertia,
        "silhouette" => Silhouette.Score(x, trueLabels),
        "gmm" => new GaussianMixture(K) { InitialParameters = start.Mixture(), MaxIter = MaxIter, Tol = 0 }.Fit(x).LogLikelihood,
        _ => throw new InvalidOperationException(Kind),
    };
}
