using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ClusterLab.Benchmarks;

/// <summary>
/// ML.NET 5.0.1's <c>KMeansTrainer</c>, the K-means a C# user would pick instead: float32 features, the same k and
/// iteration cap, 2 threads, k-means++ start with seed 0. ML.NET takes no given start (its options choose an
/// initialisation algorithm, not centroids), so it starts from its own seeding and its inertia differs.
/// </summary>
public static class MlNetKMeans
{
    /// <summary>One row of the data view.</summary>
    public sealed class Row
    {
        /// <summary>The features as float32.</summary>
        public float[] Features { get; set; } = [];
    }

    /// <summary>The data view built once (outside the timing) and a fit that returns the centroids.</summary>
    public static Func<float[][]> Prepare(Workload w, double[][] x)
    {
        var ml = new MLContext(seed: 0);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, w.D);
        var view = ml.Data.LoadFromEnumerable(x.Select(r => new Row { Features = r.Select(v => (float)v).ToArray() }).ToList(), schema);
        var options = new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(Row.Features),
            NumberOfClusters = w.K,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = w.MaxIter,
            NumberOfThreads = 2,
        };
        return () =>
        {
            var model = ml.Clustering.Trainers.KMeans(options).Fit(view);
            VBuffer<float>[] centroids = [];
            model.Model.GetClusterCentroids(ref centroids, out int k);
            return centroids.Take(k).Select(c => c.DenseValues().ToArray()).ToArray();
        };
    }

    /// <summary>Σ_i min_j ‖x_i − c_j‖² in double precision: the inertia of the returned centroids.</summary>
    public static double Inertia(double[][] x, float[][] centroids)
    {
        double total = 0;
        foreach (var row in x)
        {
            double best = double.PositiveInfinity;
            foreach (var c in centroids)
            {
                double s = 0;
                for (int f = 0; f < row.Length; f++) { double t = row[f] - c[f]; s += t * t; }
                best = Math.Min(best, s);
            }
            total += best;
        }
        return total;
    }
}
