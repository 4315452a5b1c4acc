using System.Net;
using System.Text;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Writes <c>OUT/feedback/&lt;student&gt;.html</c>: status, total, flags, and per question its points and each check's
/// message. Hidden checks show their name and points only: never their code, message or expected values.
/// </summary>
public sealed class WriteFeedback : ISubmissionStep
{
    /// <inheritdoc/>
    public string Help => "Write one HTML feedback page per student (hidden tests by name only).";

    /// <inheritdoc/>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc/>
    public void Apply(Submission submission, GradeContext context)
    {
        Directory.CreateDirectory(context.FeedbackDir);
        File.WriteAllText(Path.Combine(context.FeedbackDir, submission.Student + ".html"), Render(submission, context.Assignment), new UTF8Encoding(false));
    }

    /// <summary>The page's HTML.</summary>
    public static string Render(Submission s, Assignment a)
    {
        static string H(string t) => WebUtility.HtmlEncode(t);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n")
          .Append($"<title>{H(a.Name)}: {H(s.Student)}</title>\n")
          .Append("<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}table{border-collapse:collapse;width:100%}")
          .Append("td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}.pass{color:#1a7f37}.fail{color:#cf222e}")
          .Append(".flag{background:#fff8c5;padding:.5em}</style></head><body>\n")
          .Append($"<h1>{H(a.Name)}: feedback for {H(s.Student)}</h1>\n")
          .Append($"<p>Status: <b>{Status(s.Status)}</b>. Total: <b>{Csv.Number(s.Total)} / {Csv.Number(a.Points)}</b>");
        var pending = s.Scores.Values.Where(q => q.Question.Kind == QuestionKind.Manual && q.Earned is null).Sum(q => q.Question.Points);
        if (pending > 0) sb.Append($" ({Csv.Number(pending)} points still to be graded by hand)");
        sb.Append(".</p>\n");
        if (s.StatusDetail.Length > 0) sb.Append($"<p class=\"flag\">{H(s.StatusDetail)}</p>\n");
        foreach (var f in s.Flags) sb.Append($"<p class=\"flag\">{H(f)}</p>\n");
        sb.Append("<table><tr><th>question</th><th>points</th><th>check</th><th>result</th></tr>\n");
        foreach (var q in a.Questions)
        {
            var score = s.Scores.GetValueOrDefault(q.Id);
            var earned = score?.Earned is { } e ? Csv.Number(e) : "–";
            if (q.Kind == QuestionKind.Manual)
            {
                var text = score?.Earned is null ? "awaiting a grade by hand" : "graded by hand";
                sb.Append($"<tr><td>{H(q.Id)}</td><td>{earned} / {Csv.Number(q.Points)}</td><td>(written answer)</td><td>{text}</td></tr>\n");
                continue;
            }
            var checks = score?.Checks ?? [];
            for (var i = 0; i < checks.Count; i++)
            {
                var c = checks[i];
                var head = i == 0 ? $"<td rowspan=\"{checks.Count}\">{H(q.Id)}</td><td rowspan=\"{checks.Count}\">{earned} / {Csv.Number(q.Points)}</td>" : "";
                var mark = c.Passed ? "<span class=\"pass\">passed</span>" : "<span class=\"fail\">failed</span>";
                var detail = c.Spec.Hidden ? (c.Ran ? "" : " (did not run)") : ": " + H(c.Message);
                var name = c.Spec.Hidden ? $"{H(c.Spec.Id)} (hidden test)" : H(c.Spec.Id);
                sb.Append($"<tr>{head}<td>{name}</td><td>{mark} {Csv.Number(c.Earned)}/{Csv.Number(c.Spec.Points)}{detail}</td></tr>\n");
            }
        }
        sb.Append("</table>\n</body></html>\n");
        return sb.ToString();
    }

    /// <summary>The status as written in the gradebook.</summary>
    public static string Status(GradeStatus s) => s.ToString().ToLowerInvariant();
}
