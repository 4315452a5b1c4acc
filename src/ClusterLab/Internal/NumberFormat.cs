using System.Globalization;

namespace ClusterLab.Internal;

/// <summary>Short, culture-invariant text for numbers, vectors and matrices in <c>ToString()</c> (six significant digits).</summary>
internal static class NumberFormat
{
    public static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
    public static string Vector(IEnumerable<double>? v) => v is null ? "null" : "[" + string.Join(", ", v.Select(Number)) + "]";
    public static string Matrix(IEnumerable<double[]>? m) => m is null ? "null" : "[" + string.Join(", ", m.Select(Vector)) + "]";
}
