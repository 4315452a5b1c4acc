using System.Text.RegularExpressions;

namespace ClusterLab.Tool.Runner;

/// <summary>
/// Rewrites relative assembly references (<c>#r "../artifacts/kit/ClusterLab.dll"</c>) to absolute paths, resolved
/// against the notebook's folder as VS Code does (or another base folder, for a copy run elsewhere).
/// <c>#r "nuget:..."</c> and absolute paths are left alone.
/// </summary>
internal static partial class ReferencePaths
{
    [GeneratedRegex("""^(?<lead>\s*#r\s+")(?<path>[^"]+)(?<tail>".*)$""", RegexOptions.Multiline)]
    private static partial Regex PoundR();

    /// <summary>Returns <paramref name="code"/> with every relative <c>#r "path"</c> made absolute against <paramref name="baseDir"/>.</summary>
    public static string MakeAbsolute(string code, string baseDir) =>
        PoundR().Replace(code, m =>
        {
            var path = m.Groups["path"].Value;
            if (path.Contains(':') && !Path.IsPathRooted(path)) return m.Value; // nuget:..., or another scheme
            if (Path.IsPathRooted(path)) return m.Value;
            var full = Path.GetFullPath(Path.Combine(baseDir, path)).Replace('\\', '/');
            return m.Groups["lead"].Value + full + m.Groups["tail"].Value;
        });
}
