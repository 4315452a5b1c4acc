namespace ClusterLab;

/// <summary>Labelled points: the data and the generating cluster of each row.</summary>
public sealed record LabeledData(double[][] X, int[] Labels);

/// <summary>Seeded datasets for the lessons.</summary>
public static class Datasets
{
    /// <summary>Isotropic Gaussian blobs around given <paramref name="centers"/> with per-cluster standard deviations.</summary>
    /// <param name="nSamples">Total points, split as evenly as possible over the centres.</param>
    public static LabeledData Blobs(int nSamples, double[][] centers, double[] stdDevs, int seed) => throw new NotImplementedException();
    /// <summary>Blobs in a box: <paramref name="k"/> random centres in [−box, box]^d, standard deviation <paramref name="stdDev"/> (scikit-learn's make_blobs).</summary>
    public static LabeledData Blobs(int nSamples, int nFeatures, int k, double stdDev, int seed, double box = 10.0) => throw new NotImplementedException();
    /// <summary>Blobs mapped through a linear transformation (Géron's Figure 9-11 elliptical blobs).</summary>
    public static LabeledData ElongatedBlobs(int nSamples, int seed) => throw new NotImplementedException();
    /// <summary>Old Faithful: 272 eruptions, columns eruptions (minutes), waiting (minutes). Härdle (1991), R datasets::faithful.</summary>
    public static double[][] OldFaithful() => throw new NotImplementedException();
    /// <summary>Reads a numeric CSV with a header row; a bad value is reported with its line and column.</summary>
    public static double[][] ReadCsv(string path, out string[] header) => throw new NotImplementedException();
    /// <summary>Scales every column to mean 0 and variance 1.</summary>
    public static double[][] Standardize(double[][] x) => throw new NotImplementedException();
}
