namespace ClusterLab.Notebooks;

/// <summary>
/// The one qualitative palette of every chart: cluster (or component) c always gets <see cref="Color"/>(c).
/// The first three are red, green and blue, as in Bishop's figures (and the mixed-RGB responsibilities chart).
/// </summary>
public static class Palette
{
    private static readonly string[] Colors =
    [
        "#d62728", // 0 red
        "#2ca02c", // 1 green
        "#1f77b4", // 2 blue
        "#ff7f0e", // 3 orange
        "#9467bd", // 4 purple
        "#8c564b", // 5 brown
        "#e377c2", // 6 pink
        "#17becf", // 7 cyan
        "#bcbd22", // 8 olive
        "#7f7f7f", // 9 grey
    ];

    /// <summary>Number of distinct colours before the palette repeats (10).</summary>
    public static int Count => Colors.Length;

    /// <summary>Hex colour (<c>#rrggbb</c>) of cluster <paramref name="cluster"/>. Range: cluster ≥ 0; wraps after <see cref="Count"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cluster"/> is negative.</exception>
    public static string Color(int cluster)
    {
        if (cluster < 0)
            throw new ArgumentOutOfRangeException(nameof(cluster), cluster, $"cluster={cluster} should be >= 0.");
        return Colors[cluster % Colors.Length];
    }

    /// <summary>The (r, g, b) channels, 0-255, of <see cref="Color"/>(<paramref name="cluster"/>).</summary>
    public static (int R, int G, int B) Rgb(int cluster)
    {
        var hex = Color(cluster);
        return (Convert.ToInt32(hex.Substring(1, 2), 16), Convert.ToInt32(hex.Substring(3, 2), 16), Convert.ToInt32(hex.Substring(5, 2), 16));
    }
}
