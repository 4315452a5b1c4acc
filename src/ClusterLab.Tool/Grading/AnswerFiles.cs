using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// The files a hand-graded answer brings (a scan of handwriting, a typed PDF): the cell's notebook attachments
/// (<c>![](attachment:scan.png)</c>, as Jupyter stores a pasted image) and files beside the submission named in the cell:
/// a link target <c>NAME</c> (<c>[my derivation](scan.pdf)</c>) means <c>SUBMISSIONS/&lt;student&gt;.NAME</c>
/// (<c>ana.scan.pdf</c>), or <c>SUBMISSIONS/NAME</c> when NAME already starts with <c>&lt;student&gt;.</c> (<c>ana.pdf</c>).
/// Only PNG, JPEG, GIF and PDF up to <see cref="MaxBytes"/> are taken; they are copied to
/// <c>OUT/manual-files/&lt;student&gt;/&lt;question&gt;/</c> so the manual-grading page shows them inline.
/// </summary>
internal static partial class AnswerFiles
{
    /// <summary>Largest file taken, in bytes (20 MB).</summary>
    public const long MaxBytes = 20 << 20;

    /// <summary>Folder under OUT holding the copies.</summary>
    public const string Folder = "manual-files";

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif", [".pdf"] = "application/pdf",
    };

    [GeneratedRegex(@"\]\(\s*<?(?<url>[^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex LinkTarget();

    /// <summary>True for a file name the grader takes (by extension).</summary>
    public static bool IsAccepted(string name) => Extensions.ContainsKey(Path.GetExtension(name));

    /// <summary>True for a PDF (shown with &lt;embed&gt;; images with &lt;img&gt;).</summary>
    public static bool IsPdf(string path) => Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Copies the files of <paramref name="cell"/> (the student's answer to <paramref name="question"/>) into
    /// <paramref name="outDir"/>; returns a map from the name the cell uses (<c>attachment:scan.png</c>, <c>scan.pdf</c>)
    /// to the copy's path relative to <paramref name="outDir"/>. Problems (a missing or too large file, another type) go to <paramref name="problems"/>.
    /// </summary>
    public static Dictionary<string, string> Collect(JsonObject cell, Submission submission, string question, string outDir, List<string> problems)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var relDir = Path.Combine(Folder, Safe(submission.Student), Safe(question));
        string Save(string name, byte[] bytes)
        {
            var rel = Path.Combine(relDir, Safe(name));
            Directory.CreateDirectory(Path.Combine(outDir, relDir));
            File.WriteAllBytes(Path.Combine(outDir, rel), bytes);
            return rel.Replace('\\', '/');
        }
        if (cell["attachments"] is JsonObject attachments)
            foreach (var (name, bundle) in attachments)
            {
                var data = (bundle as JsonObject)?.FirstOrDefault(kv => Extensions.ContainsValue(kv.Key));
                if (data?.Value is not JsonValue v || !v.TryGetValue<string>(out var b64)) { problems.Add($"{question}: attachment {name} is not a PNG, JPEG, GIF or PDF; not shown."); continue; }
                byte[] bytes;
                try { bytes = Convert.FromBase64String(b64.Replace("\n", "")); }
                catch (FormatException) { problems.Add($"{question}: attachment {name} is not valid base64; not shown."); continue; }
                if (bytes.Length > MaxBytes) { problems.Add($"{question}: attachment {name} is larger than {MaxBytes >> 20} MB; not shown."); continue; }
                found["attachment:" + name] = Save(Path.HasExtension(name) ? name : name + ExtensionOf(data.Value.Key), bytes);
            }
        var folder = Path.GetDirectoryName(submission.Path)!;
        foreach (Match m in LinkTarget().Matches(NotebookJson.Source(cell)))
        {
            var name = Uri.UnescapeDataString(m.Groups["url"].Value);
            if (found.ContainsKey(name) || name.Contains(':') || name.Contains('/') || name.Contains('\\') || !IsAccepted(name)) continue;
            // <student>.<name> first; a name that already starts with "<student>." may also be the file itself.
            var fileName = submission.Student + "." + name;
            if (!File.Exists(Path.Combine(folder, fileName)) && name.StartsWith(submission.Student + ".", StringComparison.Ordinal)) fileName = name;
            var path = Path.Combine(folder, fileName);
            if (!File.Exists(path)) { problems.Add($"{question}: the answer names {name} but {fileName} is not beside the submission."); continue; }
            if (new FileInfo(path).Length > MaxBytes) { problems.Add($"{question}: {fileName} is larger than {MaxBytes >> 20} MB; not shown."); continue; }
            found[name] = Save(fileName, File.ReadAllBytes(path));
        }
        return found;
    }

    private static string ExtensionOf(string mime) => Extensions.First(kv => kv.Value == mime).Key;

    /// <summary>A file or folder name with only letters, digits, '.', '-' and '_' (others become '_'), never "." or "..".</summary>
    public static string Safe(string name)
    {
        var s = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).Trim('.');
        return s.Length == 0 ? "_" : s;
    }
}
