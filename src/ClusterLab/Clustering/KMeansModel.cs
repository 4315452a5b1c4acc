using ClusterLab.Internal;

namespace ClusterLab;

/// <summary>
/// One Lloyd iteration: the centroids after the move, the labels of the assignment, and the inertia of that assignment.
/// A fitted model's history stores only the centroids (O(k·d) per iteration); <see cref="Labels"/> is recomputed on every
/// read (one assignment pass, O(n·k·d), not cached: keep the array if you read it often) and <see cref="Inertia"/> on the
/// first read (then cached: one number).
/// A class with reference equality.
/// </summary>
public sealed class KMeansIteration
{
    private readonly double[][] _centroids;
    private readonly Func<int[]> _labels;
    private readonly Lazy<double> _inertia;

    /// <summary>An iteration with known labels (e.g. for a chart of hand-made steps); the arrays are copied.</summary>
    /// <param name="centroids">Centroids after this iteration, shape (k, nFeatures).</param>
    /// <param name="labels">Cluster of every point in this iteration, length nSamples.</param>
    /// <param name="inertia">Σ ‖x_i − μ_{label(i)}‖² for these labels and centroids.</param>
    /// <exception cref="ArgumentNullException">centroids or labels is null.</exception>
    public KMeansIteration(double[][] centroids, int[] labels, double inertia)
    {
        ArgumentNullException.ThrowIfNull(centroids);
        ArgumentNullException.ThrowIfNull(labels);
        _centroids = DeepArrays.Copy(centroids)!;
        var copy = (int[])labels.Clone();
        _labels = () => (int[])copy.Clone();
        _inertia = new Lazy<double>(inertia);
    }

    /// <summary>An iteration of a fit: the labels are recomputed by <paramref name="labels"/> on every read, the inertia by <paramref name="inertia"/> once.</summary>
    internal KMeansIteration(double[][] centroids, Func<int[]> labels, Func<double> inertia)
    {
        _centroids = centroids; _labels = labels; _inertia = new Lazy<double>(inertia);
    }

    /// <summary>Centroids after this iteration, shape (k, nFeatures) (a copy).</summary>
    public double[][] Centroids => DeepArrays.Copy(_centroids)!;
    /// <summary>Cluster of every point in this iteration, length nSamples (a fresh array; recomputed for a fitted model's history).</summary>
    public int[] Labels => _labels();
    /// <summary>Σ ‖x_i − μ_{label(i)}‖² for these labels and centroids (computed on first read for a fitted model's history).</summary>
    public double Inertia => _inertia.Value;
}

/// <summary>
/// A fitted K-means model. Immutable: <see cref="Centroids"/> and <see cref="Labels"/> return fresh copies, and
/// <see cref="Predict"/> and <see cref="Transform"/> use exactly the centroids <see cref="Centroids"/> shows.
/// </summary>
public sealed class KMeansModel
{
    private readonly double[][] _centroids;
    private readonly int[] _labels;

    /// <summary>Creates a model from fitted state; the arrays are copied.</summary>
    /// <exception cref="ArgumentException">Null or empty centroids, rows of different lengths or non-finite values, null labels or history, or a label outside 0 … k − 1.</exception>
    public KMeansModel(double[][] centroids, int[] labels, double inertia, int iterations, IReadOnlyList<KMeansIteration> history)
        : this(CheckedCentroids(centroids), CheckedLabels(labels, centroids.Length), inertia, iterations,
               history ?? throw new ArgumentNullException(nameof(history), "history is null: pass an empty list when there is none."), null, copy: true)
    {
    }

    internal KMeansModel(double[][] centroids, int[] labels, double inertia, int iterations, IReadOnlyList<KMeansIteration> history, int? seedUsed, bool copy)
    {
        _centroids = copy ? DeepArrays.Copy(centroids)! : centroids;
        _labels = copy ? (int[])labels.Clone() : labels;
        Inertia = inertia; Iterations = iterations; History = history.ToList().AsReadOnly(); SeedUsed = seedUsed;
    }

    /// <summary>Cluster centres μ_k, shape (k, nFeatures) (a copy).</summary>
    public double[][] Centroids => DeepArrays.Copy(_centroids)!;
    /// <summary>Cluster of every training point, canonical: numbered by first appearance (a copy).</summary>
    public int[] Labels => (int[])_labels.Clone();
    /// <summary>Inertia: Σ_i ‖x_i − μ_{label(i)}‖², the sum of squared distances to the closest centroid.</summary>
    public double Inertia { get; }
    /// <summary>Lloyd iterations run.</summary>
    public int Iterations { get; }
    /// <summary>
    /// One entry per Lloyd iteration, for iteration-by-iteration charts (read-only; empty when <see cref="KMeans.KeepHistory"/>
    /// is false and for mini-batch K-means). Each entry stores its centroids and inertia; its labels are recomputed when
    /// read, from a reference to the fit's own centred copy of the data (no per-iteration copy of anything n-sized).
    /// </summary>
    public IReadOnlyList<KMeansIteration> History { get; }
    /// <summary>The seed the fit used: the estimator's Seed, or the one drawn when it was null (set it as Seed to repeat the fit). Null for a model built with the public constructor.</summary>
    public int? SeedUsed { get; }
    /// <summary>Number of clusters.</summary>
    public int K => _centroids.Length;

    /// <summary>The library's access to the labels without a copy.</summary>
    internal int[] LabelsView => _labels;

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
            for (int j = 0; j < _centroids.Length; j++)
            {
                double dist = SquaredDistance.Compute(x[i], _centroids[j]);   // ‖x_i − μ_j‖²
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
            r[i] = new double[_centroids.Length];
            for (int j = 0; j < _centroids.Length; j++) r[i][j] = Math.Sqrt(SquaredDistance.Compute(x[i], _centroids[j]));
        }
        return r;
    }

    private void CheckFeatures(double[][] x)
    {
        var (_, d) = Validate.Data(x);
        if (d != _centroids[0].Length)
            throw new ArgumentException($"x has {d} features but the model was fitted on {_centroids[0].Length}: pass rows of the same shape as the training data.", nameof(x));
    }

    private static double[][] CheckedCentroids(double[][] centroids)
    {
        if (centroids is null) throw new ArgumentNullException(nameof(centroids), "centroids is null: pass k rows of nFeatures values.");
        Validate.Data(centroids, nameof(centroids));
        return centroids;
    }

    private static int[] CheckedLabels(int[] labels, int k)
    {
        if (labels is null) throw new ArgumentNullException(nameof(labels), "labels is null: pass one cluster id per training point.");
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)k)
                throw new ArgumentException($"labels[{i}]={labels[i]} is outside 0 … {k - 1}: every label must name one of the k={k} centroids.", nameof(labels));
        return labels;
    }
}
