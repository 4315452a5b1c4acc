namespace ClusterLab.Tool.Grading;

/// <summary>
/// The rule for student ids taken from submission file names: they name folders and files under the output folder and
/// rows of the gradebook, so only names that are safe as all three are accepted.
/// </summary>
internal static class StudentId
{
    /// <summary>Longest id accepted, in characters.</summary>
    public const int MaxLength = 64;

    private static readonly HashSet<string> WindowsDevices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>
    /// Null when <paramref name="id"/> is acceptable, else why not. Accepted: 1 to <see cref="MaxLength"/> letters,
    /// digits, <c>_</c>, <c>-</c> and <c>.</c>, not starting or ending with <c>.</c> (so never <c>.</c> or <c>..</c>),
    /// and not a Windows device name (<c>CON</c>, <c>nul.x</c>, <c>COM1</c>, …).
    /// </summary>
    public static string? Problem(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0) return "the student id (the file name without .ipynb) is empty";
        if (id.Length > MaxLength) return $"the student id is {id.Length} characters long (at most {MaxLength})";
        foreach (var ch in id)
            if (!(char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.'))
                return $"the student id contains {Describe(ch)} (allowed: letters, digits, _ - .)";
        if (id[0] == '.') return "the student id starts with '.'";
        if (id[^1] == '.') return "the student id ends with '.'";
        if (WindowsDevices.Contains(id.Split('.')[0])) return $"the student id '{id}' is a reserved device name on Windows";
        return null;
    }

    /// <summary>
    /// A file name fit for a console line or a report: control and format characters (terminal escapes, bidi overrides)
    /// shown as <c>\uXXXX</c>, cut to 120 characters.
    /// </summary>
    public static string Printable(string name)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var ch in name)
            sb.Append(char.IsControl(ch) || char.GetUnicodeCategory(ch) is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                ? $"\\u{(int)ch:X4}" : ch.ToString());
        return sb.Length <= 120 ? sb.ToString() : sb.ToString(0, 119) + "…";
    }

    private static string Describe(char ch) => ch switch
    {
        '/' or '\\' => $"a path separator '{ch}'",
        _ when char.IsControl(ch) || char.IsWhiteSpace(ch) || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.Format
            => $"the character U+{(int)ch:X4}",
        _ => $"the character '{ch}'",
    };
}
