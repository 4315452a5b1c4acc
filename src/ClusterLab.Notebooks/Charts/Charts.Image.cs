namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>Widest image chart in pixels: a notebook page.</summary>
    private const int MaxWidth = 900;

    /// <summary>One RGB image, drawn pixel for pixel at <paramref name="scale"/> (embedded as PNG: offline, and small).</summary>
    /// <param name="image">The image.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="scale">Display pixels per image pixel. Default 3. Range: &gt; 0.</param>
    /// <exception cref="ArgumentException">A null image, pixels of the wrong length, or scale ≤ 0.</exception>
    public static Figure Image(RgbImage image, string title = "", double scale = 3) =>
        ImageGrid([image], [title], columns: 1, title: title, scale: scale, panelTitles: false);

    /// <summary>Several RGB images side by side in a grid, each with its title above it.</summary>
    /// <param name="images">The images, at least one.</param>
    /// <param name="titles">One title per image (same length as images), or null for none.</param>
    /// <param name="columns">Images per row. Default 3. Range: ≥ 1.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="scale">Display pixels per image pixel (of the widest image), lowered if the grid would be wider than 900 pixels. Default 2. Range: &gt; 0.</param>
    /// <param name="panelTitles">Draw the per-image titles. Default true.</param>
    /// <exception cref="ArgumentException">No images, a null image, mismatched titles, columns &lt; 1 or scale ≤ 0.</exception>
    public static Figure ImageGrid(IReadOnlyList<RgbImage> images, IReadOnlyList<string>? titles = null, int columns = 3,
        string title = "", double scale = 2, bool panelTitles = true)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0) throw new ArgumentException("images is empty: give at least one.", nameof(images));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, $"columns={columns} should be >= 1.");
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, $"scale={scale} should be > 0.");
        if (titles is not null) ChartInput.SameLength(images.Count, titles.Count, nameof(images), nameof(titles));
        for (var i = 0; i < images.Count; i++)
        {
            var im = images[i] ?? throw new ArgumentException($"images[{i}] is null.", nameof(images));
            if (im.Width < 1 || im.Height < 1 || im.Pixels is null || im.Pixels.Length != im.Width * im.Height * 3)
                throw new ArgumentException($"images[{i}] should hold Width·Height·3 = {im.Width * im.Height * 3} bytes, has {im.Pixels?.Length ?? 0}.", nameof(images));
        }
        columns = Math.Min(columns, images.Count);
        var b = new PlotBuilder(title, "", "");
        b.Panels(Enumerable.Range(0, images.Count).Select(i => panelTitles ? titles?[i] ?? "" : "").ToArray(), columns);
        for (var i = 0; i < images.Count; i++)
        {
            var s = PlotBuilder.AxisSuffix(i);
            var t = b.Add("image", titles?[i] ?? $"image {i}", s == "" ? "" : s);
            t["source"] = PngEncoder.DataUri(images[i].Width, images[i].Height, images[i].Pixels);
            t["hoverinfo"] = "skip";
            foreach (var axis in new[] { "xaxis" + s, "yaxis" + s })
            {
                var a = (Props)b.Layout[axis]!;
                a["visible"] = false;
                a["showgrid"] = false;
                a["zeroline"] = false;
            }
            ((Props)b.Layout["yaxis" + s]!)["scaleanchor"] = "x" + s;
            ((Props)b.Layout["xaxis" + s]!)["constrain"] = "domain";
            ((Props)b.Layout["yaxis" + s]!)["constrain"] = "domain";
        }
        int maxW = images.Max(im => im.Width), maxH = images.Max(im => im.Height);
        scale = Math.Min(scale, (MaxWidth - 40.0) / columns / (maxW + 30.0 / scale));   // fit a notebook page
        var rows = (images.Count + columns - 1) / columns;
        b.Layout["showlegend"] = false;
        b.Layout["width"] = (int)Math.Max(360, columns * (maxW * scale + 30) + 40);
        b.Layout["height"] = (int)(rows * (maxH * scale + 40) + (title == "" ? 40 : 80));
        b.Layout["margin"] = new Props { ["t"] = title == "" ? 30 : 70, ["l"] = 20, ["r"] = 20, ["b"] = 20 };
        return b.Build();
    }

    /// <summary>
    /// Grey-level images (digits, faces) in a grid: each row of <paramref name="pixels"/> is one width × height image,
    /// row-major; <paramref name="min"/> is drawn white and <paramref name="max"/> black.
    /// </summary>
    /// <param name="pixels">Images, shape (m, width·height).</param>
    /// <param name="width">Image width in pixels. Range: ≥ 1.</param>
    /// <param name="height">Image height in pixels. Range: ≥ 1.</param>
    /// <param name="titles">One title per image, or null.</param>
    /// <param name="columns">Images per row. Default 10.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="min">Value drawn white. Default 0.</param>
    /// <param name="max">Value drawn black. Default 16 (the digits' darkest grey level).</param>
    /// <param name="scale">Display pixels per image pixel. Default 8.</param>
    /// <exception cref="ArgumentException">Rows of the wrong length, non-finite values, or max ≤ min.</exception>
    public static Figure GrayImages(double[][] pixels, int width, int height, IReadOnlyList<string>? titles = null, int columns = 10,
        string title = "", double min = 0, double max = 16, double scale = 8)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (!(max > min)) throw new ArgumentException($"max={max} should be greater than min={min}.", nameof(max));
        var images = pixels.Select((row, i) =>
        {
            if (row is null || row.Length != width * height)
                throw new ArgumentException($"pixels[{i}] should hold width·height = {width * height} values.", nameof(pixels));
            ChartInput.Finite(row, $"pixels[{i}]");
            var bytes = new byte[row.Length * 3];
            for (var p = 0; p < row.Length; p++)
                bytes[3 * p] = bytes[3 * p + 1] = bytes[3 * p + 2] = (byte)Math.Round(255 * (1 - Math.Clamp((row[p] - min) / (max - min), 0, 1)));
            return new RgbImage(width, height, bytes);
        }).ToList();
        return ImageGrid(images, titles, columns, title, scale, panelTitles: titles is not null);
    }
}
