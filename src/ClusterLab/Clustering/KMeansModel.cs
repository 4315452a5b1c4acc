using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>One Lloyd iteration: the centroids after the move, the labels of the assignment, and the inertia of that assignment.</summary>
/// <param name="Centroids">Centroids after this iteration, shape (k, nFeatures).</param>
/// <param name="Labels">Cluster of every point in this iteration, length nSamples.</param>
/// <param name="Inertia">Σ ‖x_i − μ_{label(i)}‖² for these labels and centroids.</param>
public sealed record KMeansIteration(double[][] Centroids, int[] Labels, double Inertia);

/// <summary>A fitted K-means model.</summary>
public sealed class KMeansModel
{
    /// <summary>Creates a model from fitted state.</summary>
    public KMeansModel(double[][] centroids, int[] labels, double inertia, int iterations, IReadOnlyList<KMeansIteration> history)
    {
        Centroids = centroids; Labels = labels; Inertia = inertia; Iterations = iterations; History = history;
    }

    /// <summary>Cluster centres μ_k, shape (k, nFeatures).</summary>
    public double[][] Centroids { get; }
    /// <summary>Cluster of every training point, canonical: numbered by first appearance.</summary>
    public int[] Labels { get; }
    /// <summary>Inertia: Σ_i ‖x_i − μ_{label(i)}‖², the sum of squared distances to the closest centroid.</summary>
    public double Inertia { get; }
    /// <summary>Lloyd iterations run.</summary>
    public int Iterations { get; }
    /// <summary>One entry per Lloyd iteration, for iteration-by-iteration charts.</summary>
    public IReadOnlyList<KMeansIteration> History { get; }
    /// <summary>Number of clusters.</summary>
    public int K => Centroids.Length;

    /// <summary>The closest centroid of every row of <paramref name="x"/>, shape (nSamples, nFeatures); ties go to the lower id.</summary>
    /// <exception cref="ArgumentException">Bad data, or a number of features other than the centroids'.</exception>
    /// <exception cref="InvalidOperationException">A row so far from every centroid that the squared distance overflows.</exception>
    public int[] Predict(double[][] x)
    {
        CheckFeatures(x);
        var labels = new int[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double best = double.PositiveInfinity;
            for (int j = 0; j < Centroids.Length; j++)
            {
                double dist = SquaredDistance.Compute(x[i], Centroids[j]);   // ‖x_i − μ_j‖²
                if (dist < best) { best = dist; labels[i] = j; }
            }
            Validate.FiniteResult(best, $"squared distance from row {i} to its closest centroid");
        }
        return labels;
    }

    /// <summary>Euclidean distances ‖x_i − μ_j‖ from every row of <paramref name="x"/> to every centroid, shape (nSamples, k).</summary>
    /// <exception cref="ArgumentException">Bad data, or a number of features other than the centroids'.</exception>
    public double[][] Transform(double[][] x)
    {
        CheckFeatures(x);
        var r = new double[x.Length][];
        for (int i = 0; i < x.Length; i++)
        {
            r[i] = new double[Centroids.Length];
            for (int j = 0; j < Centroids.Length; j++) r[i][j] = Math.Sqrt(SquaredDistance.Compute(x[i], Centroids[j]));
        }
        return r;
    }

    private void CheckFeatures(double[][] x)
    {
        var (_, d) = Validate.Data(x);
        if (d != Centroids[0].Length)
            throw new ArgumentException($"x has {d} features but the model was fitted on {Centroids[0].Length}: pass rows of the same shape as the training data.", nameof(x));
    }
}
