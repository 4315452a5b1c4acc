using System.Globalization;
using System.IO.Compression;

namespace ClusterLab;

/// <summary>
/// The UCI optical recognition of handwritten digits test set as scikit-learn ships it (<c>load_digits</c>): 1,797 images
/// of 8 × 8 pixels, grey levels 0 (white) to 16 (black), labels 0-9. CC BY 4.0, see data/PROVENANCE.md.
/// </summary>
public static class Digits
{
    /// <summary>Image side in pixels (8).</summary>
    public const int Side = 8;

    /// <summary>All 1,797 images: X of shape (1797, 64), row-major pixels with values 0-16, and the true digit of each.</summary>
    public static LabeledData Load()
    {
        using var stream = typeof(Digits).Assembly.GetManifestResourceStream("ClusterLab.Data.digits.csv.gz")
            ?? throw new InvalidOperationException("The embedded resource ClusterLab.Data.digits.csv.gz is missing: rebuild ClusterLab.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var x = new List<double[]>();
        var labels = new List<int>();
        string? line;
        var lineNo = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var parts = line.Split(',');
            if (parts.Length != Side * Side + 1) throw new FormatException($"digits.csv.gz line {lineNo}: {parts.Length} values, expected 65.");
            var v = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            x.Add(v[..^1]);
            labels.Add((int)v[^1]);
        }
        return new LabeledData(x.ToArray(), labels.ToArray());
    }
}
