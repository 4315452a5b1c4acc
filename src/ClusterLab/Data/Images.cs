using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ClusterLab;

/// <summary>An RGB image: <see cref="Width"/> × <see cref="Height"/> pixels, row by row from the top, 3 bytes (R, G, B) each.</summary>
/// <param name="Width">Pixels per row. Range: ≥ 1.</param>
/// <param name="Height">Number of rows. Range: ≥ 1.</param>
/// <param name="Pixels">R, G, B bytes of every pixel, length Width·Height·3.</param>
public sealed record RgbImage(int Width, int Height, byte[] Pixels)
{
    /// <summary>Number of pixels Width·Height.</summary>
    public int PixelCount => Width * Height;

    /// <summary>Size of the raw pixels in bits: 24 per pixel (8 per channel).</summary>
    public long RawBits => 24L * PixelCount;

    /// <summary>Number of distinct colours (r, g, b) among the pixels.</summary>
    public int DistinctColours()
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < PixelCount; i++) seen.Add(Pixels[3 * i] << 16 | Pixels[3 * i + 1] << 8 | Pixels[3 * i + 2]);
        return seen.Count;
    }

    /// <summary>The pixels as rows (r, g, b) in [0, 1], shape (Width·Height, 3): the data K-means clusters in colour quantisation.</summary>
    public double[][] ToRows()
    {
        var rows = new double[PixelCount][];
        for (var i = 0; i < rows.Length; i++)
            rows[i] = [Pixels[3 * i] / 255.0, Pixels[3 * i + 1] / 255.0, Pixels[3 * i + 2] / 255.0];
        return rows;
    }

    /// <summary>An image from rows (r, g, b) in [0, 1] (values outside are clipped, then rounded to bytes).</summary>
    /// <param name="width">Pixels per row. Range: ≥ 1.</param>
    /// <param name="height">Number of rows. Range: ≥ 1.</param>
    /// <param name="rows">Colours, shape (width·height, 3).</param>
    /// <exception cref="ArgumentException">A size below 1, the wrong number of rows, or a row that is not 3 finite numbers.</exception>
    public static RgbImage FromRows(int width, int height, double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (width < 1 || height < 1) throw new ArgumentException($"width={width} and height={height} should both be >= 1.", nameof(width));
        if (rows.Length != width * height)
            throw new ArgumentException($"rows has {rows.Length} rows but a {width}×{height} image needs {width * height}.", nameof(rows));
        var bytes = new byte[rows.Length * 3];
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is not { Length: 3 } r || !r.All(double.IsFinite))
                throw new ArgumentException($"rows[{i}] should be 3 finite numbers (r, g, b) in [0, 1].", nameof(rows));
            for (var c = 0; c < 3; c++) bytes[3 * i + c] = (byte)Math.Round(255 * Math.Clamp(r[c], 0, 1));
        }
        return new RgbImage(width, height, bytes);
    }

    /// <summary>Value equality: same size and the same bytes.</summary>
    public bool Equals(RgbImage? other) => other is not null && Width == other.Width && Height == other.Height && Pixels.AsSpan().SequenceEqual(other.Pixels);

    /// <summary>Consistent with <see cref="Equals(RgbImage)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(Width, Height, Pixels.Length);
}

/// <summary>
/// scikit-learn's two sample photographs (CC BY 2.0, see data/PROVENANCE.md), shrunk to 160 × 107 pixels by
/// <c>scripts/make_images.py</c> and shipped with the library as gzipped binary PPM.
/// </summary>
public static class Images
{
    /// <summary>The Summer Palace in Beijing ("china.jpg"), 160 × 107 RGB.</summary>
    public static RgbImage China() => Load("china.ppm.gz");

    /// <summary>A flower ("flower.jpg"), 160 × 107 RGB.</summary>
    public static RgbImage Flower() => Load("flower.ppm.gz");

    private static RgbImage Load(string name)
    {
        using var stream = typeof(Images).Assembly.GetManifestResourceStream("ClusterLab.Data." + name)
            ?? throw new InvalidOperationException($"The embedded resource ClusterLab.Data.{name} is missing: rebuild ClusterLab.");
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ReadPpm(ms.ToArray(), name);
    }

    /// <summary>Decodes a binary PPM (P6, maxval 255).</summary>
    internal static RgbImage ReadPpm(byte[] data, string name)
    {
        var pos = 0;
        string Token()
        {
            while (pos < data.Length && char.IsWhiteSpace((char)data[pos])) pos++;
            var start = pos;
            while (pos < data.Length && !char.IsWhiteSpace((char)data[pos])) pos++;
            return Encoding.ASCII.GetString(data, start, pos - start);
        }
        int Int(string token) => int.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture);
        if (Token() != "P6") throw new FormatException($"{name}: not a binary PPM (P6).");
        int w = Int(Token()), h = Int(Token()), max = Int(Token());
        if (max != 255) throw new FormatException($"{name}: maxval {max}, expected 255.");
        pos++;                                                  // the single whitespace after maxval
        if (data.Length - pos != w * h * 3) throw new FormatException($"{name}: {data.Length - pos} pixel bytes, expected {w * h * 3}.");
        return new RgbImage(w, h, data[pos..]);
    }
}
