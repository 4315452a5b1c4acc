namespace ClusterLab.Internal;

/// <summary>
/// Deep copies, element-wise equality and hash codes of (jagged) arrays, for the public types that hold arrays. Copies keep
/// null (and null rows) as null, so that validation can still name them. Equality is <see cref="double.Equals(double)"/>
/// per element (NaN equals NaN, 0.0 equals −0.0), the same rule as the hash code.
/// </summary>
internal static class DeepArrays
{
    public static T[]? Copy<T>(T[]? a) => a is null ? null : (T[])a.Clone();

    public static double[][]? Copy(double[][]? a) => a?.Select(r => Copy(r)!).ToArray();

    public static double[][][]? Copy(double[][][]? a) => a?.Select(m => Copy(m)!).ToArray();

    public static bool Equal<T>(T[]? a, T[]? b) where T : IEquatable<T> =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.AsSpan().SequenceEqual(b));

    public static bool Equal(double[][]? a, double[][]? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Length == b.Length && a.Zip(b).All(p => Equal(p.First, p.Second)));

    public static bool Equal(double[][][]? a, double[][][]? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Length == b.Length && a.Zip(b).All(p => Equal(p.First, p.Second)));

    public static void Add<T>(ref HashCode h, T[]? a)
    {
        h.Add(a?.Length ?? -1);
        if (a is not null) foreach (var v in a) h.Add(v);
    }

    public static void Add(ref HashCode h, double[][]? a)
    {
        h.Add(a?.Length ?? -1);
        if (a is not null) foreach (var r in a) Add(ref h, r);
    }

    public static void Add(ref HashCode h, double[][][]? a)
    {
        h.Add(a?.Length ?? -1);
        if (a is not null) foreach (var m in a) Add(ref h, m);
    }
}
