using System.Globalization;

namespace ClusterLab.Notebooks;

/// <summary>Short invariant-culture text for values shown in check messages.</summary>
internal static class CheckFormat
{
    private const int MaxItems = 6;

    /// <summary>A number in round-trip-short form ("0.5", "1E-06", "NaN").</summary>
    public static string Number(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Both numbers with the fewest significant digits (6, 10, then round-trip) that tell them apart.</summary>
    public static (string Expected, string Actual) Pair(double expected, double actual)
    {
        foreach (var format in new[] { "G6", "G10", "R" })
        {
            string e = expected.ToString(format, CultureInfo.InvariantCulture), a = actual.ToString(format, CultureInfo.InvariantCulture);
            if (e != a || format == "R") return (e, a);
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>"[a, b, c, …] (n)" with at most six entries.</summary>
    public static string Vector(double[] v) =>
        v.Length <= MaxItems
            ? "[" + string.Join(", ", v.Select(Number)) + "]"
            : "[" + string.Join(", ", v.Take(MaxItems).Select(Number)) + $", … ({v.Length} entries)]";

    /// <summary>Rows as vectors, at most six rows, plus the shape.</summary>
    public static string Matrix(double[][] m)
    {
        var rows = m.Take(MaxItems).Select(r => r is null ? "null" : Vector(r));
        var more = m.Length > MaxItems ? ", …" : "";
        return "[" + string.Join(", ", rows) + more + $"] (shape {Shape(m)})";
    }

    /// <summary>"n×d" for rectangular rows, "n×?" for ragged ones.</summary>
    public static string Shape(double[][] m)
    {
        if (m.Length == 0) return "0×0";
        int d = m[0]?.Length ?? -1;
        return m.All(r => r is not null && r.Length == d) ? $"{m.Length}×{d}" : $"{m.Length}×? (ragged)";
    }

    /// <summary>Any value: numbers and arrays as above, otherwise <see cref="object.ToString"/>.</summary>
    public static string Value(object? x) => x switch
    {
        null => "null",
        double d => Number(d),
        float f => Number(f),
        double[] v => Vector(v),
        double[][] m => Matrix(m),
        string s => "\"" + s + "\"",
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Take(MaxItems).Select(Value)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => x.ToString() ?? "",
    };

    /// <summary>Longest part of an exception's own message shown in a check message (characters, "…" included).</summary>
    public const int MaxExceptionMessageChars = 200;

    /// <summary>"TypeName: first line of the message", the message cut to <see cref="MaxExceptionMessageChars"/>; never a stack trace.</summary>
    public static string Exception(Exception e)
    {
        string message;
        try { message = e.Message ?? ""; }
        catch (Exception) { message = ""; } // a student's exception whose Message throws
        var line = message.Split('\n', 2)[0].Trim();
        if (e is RemoteException { TypeName: var remote } && remote.StartsWith("ClusterLab.", StringComparison.Ordinal))
            return CheckResult.Bound(line, MaxExceptionMessageChars); // the grader's own words (a missing answer, a wrong type)
        var name = e is RemoteException r ? r.TypeName[(r.TypeName.LastIndexOf('.') + 1)..] : e.GetType().Name;
        var type = CheckResult.Bound(name, 80);
        return string.IsNullOrEmpty(line) ? type : $"{type}: {CheckResult.Bound(line, MaxExceptionMessageChars)}";
    }
}
