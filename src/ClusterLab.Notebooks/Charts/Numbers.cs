namespace ClusterLab.Notebooks;

/// <summary>Rounding for chart JSON: coordinates to a few significant digits keep a notebook's size down.</summary>
internal static class Numbers
{
    /// <summary><paramref name="value"/> rounded to <paramref name="digits"/> significant digits (0, NaN and ±∞ unchanged).</summary>
    public static double Round(double value, int digits = 4)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        var rounded = Math.Round(value * scale) / scale;
        return double.Parse(rounded.ToString("G" + digits, System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="value"/> rounded to <paramref name="digits"/> significant digits, as text in the invariant culture (titles, legend names).</summary>
    public static string Text(double value, int digits = 4) => Round(value, digits).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every value rounded to <paramref name="digits"/> significant digits; NaN becomes null (a gap in a line).</summary>
    public static double?[] Round(IEnumerable<double> values, int digits = 4) =>
        values.Select(v => double.IsNaN(v) ? (double?)null : Round(v, digits)).ToArray();

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static double[] Linspace(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => count == 1 ? from : from + (to - from) * i / (count - 1)).ToArray();

    /// <summary>(min, max) of the values, widened by <paramref name="margin"/> of the span on both sides (by 1 if the span is 0).</summary>
    public static (double Min, double Max) PaddedRange(IEnumerable<double> values, double margin = 0.05)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values) { min = Math.Min(min, v); max = Math.Max(max, v); }
        var pad = max > min ? (max - min) * margin : 1;
        return (min - pad, max + pad);
    }
}
