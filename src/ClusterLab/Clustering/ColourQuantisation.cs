namespace ClusterLab;

/// <summary>Colour quantisation with a fitted K-means model (lesson 11): the centroids are the palette.</summary>
public static class ColourQuantisation
{
    /// <summary>Every row replaced by its closest centroid, x_i ↦ μ_k(i); shape of <paramref name="x"/>.</summary>
    /// <param name="model">A K-means model fitted to colours (or any data with x's width).</param>
    /// <param name="x">Rows to quantise, shape (n, nFeatures).</param>
    public static double[][] Quantise(KMeansModel model, double[][] x)
    {
        ArgumentNullException.ThrowIfNull(model);
        var centroids = model.Centroids;
        return model.Predict(x).Select(l => (double[])centroids[l].Clone()).ToArray();
    }

    /// <summary>An RGB image quantised by <paramref name="model"/> (fitted to its rows (r, g, b) in [0, 1]).</summary>
    public static RgbImage Quantise(KMeansModel model, RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return RgbImage.FromRows(image.Width, image.Height, Quantise(model, image.ToRows()));
    }

    /// <summary>
    /// Raw bits before ÷ after: 24·n ÷ (n·⌈log₂ k⌉ + 24·k), an index of ⌈log₂ k⌉ bits per pixel plus a palette of k
    /// colours of 24 bits.
    /// </summary>
    /// <param name="nPixels">Number of pixels n. Range: ≥ 1.</param>
    /// <param name="k">Number of colours. Range: ≥ 2.</param>
    public static double CompressionRatio(int nPixels, int k)
    {
        if (nPixels < 1) throw new ArgumentOutOfRangeException(nameof(nPixels), nPixels, $"nPixels={nPixels} should be >= 1.");
        if (k < 2) throw new ArgumentOutOfRangeException(nameof(k), k, $"k={k} should be >= 2 (one colour needs no index).");
        return 24.0 * nPixels / (nPixels * Math.Ceiling(Math.Log2(k)) + 24.0 * k);
    }
}
