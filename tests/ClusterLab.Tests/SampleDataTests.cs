using Xunit;

namespace ClusterLab.Tests;

/// <summary>The shipped photographs and digits (lessons 11-13) and the two-moons generator.</summary>
public class SampleDataTests
{
    [Fact]
    public void China_and_flower_are_160_by_107_rgb()
    {
        foreach (var image in new[] { Images.China(), Images.Flower() })
        {
            Assert.Equal(160, image.Width);
            Assert.Equal(107, image.Height);
            Assert.Equal(160 * 107 * 3, image.Pixels.Length);
            Assert.True(image.Pixels.Distinct().Count() > 200, "a photograph uses many byte values");
        }
        Assert.NotEqual(Images.China(), Images.Flower());
    }

    [Fact]
    public void Image_rows_round_trip()
    {
        var china = Images.China();
        var rows = china.ToRows();
        Assert.Equal(china.PixelCount, rows.Length);
        Assert.All(rows, r => Assert.True(r.Length == 3 && r.All(v => v is >= 0 and <= 1)));
        Assert.Equal(china, RgbImage.FromRows(china.Width, china.Height, rows));
    }

    [Fact]
    public void FromRows_names_the_problem()
    {
        var e = Assert.Throws<ArgumentException>(() => RgbImage.FromRows(2, 2, [[0, 0, 0]]));
        Assert.Contains("needs 4", e.Message);
        e = Assert.Throws<ArgumentException>(() => RgbImage.FromRows(1, 1, [[0, double.NaN, 0]]));
        Assert.Contains("rows[0]", e.Message);
    }

    [Fact]
    public void Ppm_reader_refuses_a_short_file()
    {
        var e = Assert.Throws<FormatException>(() => Images.ReadPpm("P6\n2 2\n255\n\0\0\0"u8.ToArray(), "x.ppm"));
        Assert.Contains("expected 12", e.Message);
    }

    [Fact]
    public void Digits_are_the_uci_test_set()
    {
        var digits = Digits.Load();
        Assert.Equal(1797, digits.X.Length);
        Assert.All(digits.X, row => Assert.True(row.Length == 64 && row.All(v => v is >= 0 and <= 16 && v == Math.Floor(v))));
        // Class counts of scikit-learn's load_digits (numpy.bincount of the target).
        int[] counts = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];
        Assert.Equal(counts, Enumerable.Range(0, 10).Select(d => digits.Labels.Count(l => l == d)).ToArray());
        Assert.Equal(294.0, digits.X[0].Sum());
        Assert.Equal(0, digits.Labels[0]);
    }

    [Fact]
    public void Moons_without_noise_lie_on_the_two_half_circles()
    {
        var moons = Moons.Generate(101, noise: 0, seed: 3);
        Assert.Equal(50, moons.Labels.Count(l => l == 0));
        Assert.Equal(51, moons.Labels.Count(l => l == 1));
        for (var i = 0; i < moons.X.Length; i++)
        {
            var (x, y) = (moons.X[i][0], moons.X[i][1]);
            var (cx, cy) = moons.Labels[i] == 0 ? (0.0, 0.0) : (1.0, 0.5);
            Assert.Equal(1.0, Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)), 12);
            Assert.True(moons.Labels[i] == 0 ? y >= -1e-12 : y <= 0.5 + 1e-12);
        }
    }

    [Fact]
    public void Moons_are_seeded_and_validated()
    {
        Assert.Equal(Moons.Generate(200, 0.1, 1), Moons.Generate(200, 0.1, 1));
        Assert.NotEqual(Moons.Generate(200, 0.1, 1), Moons.Generate(200, 0.1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Moons.Generate(200, -0.1, 1));
    }
}

/// <summary>Colour quantisation helpers of lesson 11.</summary>
public class ColourQuantisationTests
{
    [Fact]
    public void Quantised_image_uses_at_most_k_colours_and_its_error_is_the_inertia()
    {
        var china = Images.China();
        var rows = china.ToRows();
        var model = new KMeans(4) { Seed = 1 }.Fit(rows);
        var q = ColourQuantisation.Quantise(model, rows);
        Assert.Equal(model.Inertia, rows.Select((p, i) => p.Zip(q[i], (a, b) => (a - b) * (a - b)).Sum()).Sum(), 6);
        Assert.True(ColourQuantisation.Quantise(model, china).DistinctColours() <= 4);
        Assert.True(china.DistinctColours() > 10_000);
    }

    [Fact]
    public void Compression_ratio_counts_index_bits_and_the_palette()
    {
        Assert.Equal(24.0 * 100 / (100 * 3 + 24 * 5), ColourQuantisation.CompressionRatio(100, 5), 12);
        Assert.Equal(24.0 * 100 / (100 * 1 + 24 * 2), ColourQuantisation.CompressionRatio(100, 2), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => ColourQuantisation.CompressionRatio(100, 1));
    }
}
