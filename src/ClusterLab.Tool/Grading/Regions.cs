using System.Text;

namespace ClusterLab.Tool.Grading;

/// <summary>Marked line regions in cell code: <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c>, <c>// BEGIN HIDDEN TESTS</c> … <c>// END HIDDEN TESTS</c>.</summary>
internal static class Regions
{
    /// <summary>Marker name of solution regions.</summary>
    public const string Solution = "SOLUTION";
    /// <summary>Marker name of hidden-test regions.</summary>
    public const string HiddenTests = "HIDDEN TESTS";

    /// <summary>True when <paramref name="code"/> contains a <c>// BEGIN name</c> line.</summary>
    public static bool Contains(string code, string name) =>
        code.Split('\n').Any(l => IsMarker(l, "BEGIN", name));

    /// <summary>
    /// Replaces each region (marker lines included) by <paramref name="replacement"/>(indent), where indent is the
    /// BEGIN line's leading whitespace; an unterminated or nested region throws naming <paramref name="where"/>.
    /// </summary>
    public static string Replace(string code, string name, Func<string, IEnumerable<string>> replacement, string where)
    {
        var output = new List<string>();
        var inside = false;
        foreach (var line in code.Split('\n'))
        {
            if (IsMarker(line, "BEGIN", name))
            {
                if (inside) throw new FormatException($"{where}: nested // BEGIN {name}.");
                inside = true;
                var indent = line[..(line.Length - line.TrimStart().Length)];
                output.AddRange(replacement(indent));
            }
            else if (IsMarker(line, "END", name))
            {
                if (!inside) throw new FormatException($"{where}: // END {name} without // BEGIN {name}.");
                inside = false;
            }
            else if (!inside) output.Add(line);
        }
        if (inside) throw new FormatException($"{where}: // BEGIN {name} is never closed by // END {name}.");
        return string.Join('\n', output);
    }

    /// <summary>The code with the region markers removed but the region bodies kept (what the grader runs).</summary>
    public static string StripMarkers(string code, string name) =>
        string.Join('\n', code.Split('\n').Where(l => !IsMarker(l, "BEGIN", name) && !IsMarker(l, "END", name)));

    /// <summary>The code with each region's BEGIN line replaced by <paramref name="begin"/> and its END line by <paramref name="end"/> (indented like the marker); the region bodies are kept.</summary>
    public static string ReplaceMarkers(string code, string name, string begin, string end) =>
        string.Join('\n', code.Split('\n').Select(l =>
            IsMarker(l, "BEGIN", name) ? Indent(l) + begin : IsMarker(l, "END", name) ? Indent(l) + end : l));

    private static string Indent(string line) => line[..(line.Length - line.TrimStart().Length)];

    /// <summary>The lines inside the regions (to tell hidden checks from public ones).</summary>
    public static string Inside(string code, string name)
    {
        var sb = new StringBuilder();
        var inside = false;
        foreach (var line in code.Split('\n'))
        {
            if (IsMarker(line, "BEGIN", name)) inside = true;
            else if (IsMarker(line, "END", name)) inside = false;
            else if (inside) sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    private static bool IsMarker(string line, string kind, string name)
    {
        var t = line.Trim();
        if (!t.StartsWith("//", StringComparison.Ordinal)) return false;
        return string.Equals(t[2..].Trim(), $"{kind} {name}", StringComparison.OrdinalIgnoreCase);
    }
}
