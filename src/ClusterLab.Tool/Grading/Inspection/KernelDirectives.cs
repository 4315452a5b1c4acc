namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>
/// The .NET Interactive kernel's line directives (<c>#r</c>, <c>#!</c>, <c>#load</c>, <c>#i</c>): C# cannot compile them,
/// so they are blanked (line numbers kept) before inspection and reported for student cells.
/// </summary>
internal static class KernelDirectives
{
    private static readonly string[] Prefixes = ["#r", "#!", "#load", "#i"];

    /// <summary>The code with every directive line replaced by an empty line, and the directives found (trimmed).</summary>
    public static (string Code, IReadOnlyList<string> Directives) Strip(string code)
    {
        var lines = code.Split('\n');
        var found = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var t = lines[i].TrimStart();
            if (!IsDirective(t)) continue;
            found.Add(t.TrimEnd());
            lines[i] = "";
        }
        return (string.Join('\n', lines), found);
    }

    /// <summary>True when a trimmed line is a kernel directive (<c>#r "x.dll"</c>, <c>#!time</c>, <c>#load "f.csx"</c>, <c>#i "nuget:…"</c>).</summary>
    public static bool IsDirective(string trimmedLine) =>
        Prefixes.Any(p => trimmedLine.StartsWith(p, StringComparison.Ordinal) &&
                          (trimmedLine.Length == p.Length || p == "#!" || !char.IsLetterOrDigit(trimmedLine[p.Length])));
}
