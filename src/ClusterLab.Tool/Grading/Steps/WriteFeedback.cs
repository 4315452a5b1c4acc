using System.Globalization;
using System.Net;
using System.Text;
using ClusterLab.Tool.Shared;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Writes <c>OUT/feedback/&lt;student&gt;.html</c>: status, total, flags, and per question its points and each check's
/// message, and for questions graded by hand with a rubric the points given for each rubric line. Hidden checks show
/// their name and points only: never their code, message or expected values.
/// </summary>
internal sealed class WriteFeedback : ISubmissionStep
{
    /// <inheritdoc/>
    public void Apply(Submission submission, GradeContext context)
    {
        OutputFolder.WriteText(context.Options.OutDir, Path.Combine(context.FeedbackDir, submission.Student + ".html"), Render(submission, context.Assignment, context));
    }

    /// <summary>The page's HTML; with <paramref name="context"/>, hand-graded questions list the rubric lines awarded.</summary>
    public static string Render(Submission s, Assignment a, GradeContext? context = null)
    {
        static string H(string t) => WebUtility.HtmlEncode(t);
        static string M(string t) => WebUtility.HtmlEncode(CheckResult.Bound(t)); // a message: bounded, then escaped
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n")
          .Append(CultureInfo.InvariantCulture, $"<title>{H(a.Name)}: {H(s.Student)}</title>\n")
          .Append("<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}table{border-collapse:collapse;width:100%}")
          .Append("td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}.pass{color:#1a7f37}.fail{color:#cf222e}")
          .Append(".flag{background:#fff8c5;padding:.5em}</style></head><body>\n")
          .Append(CultureInfo.InvariantCulture, $"<h1>{H(a.Name)}: feedback for {H(s.Student)}</h1>\n")
          .Append(CultureInfo.InvariantCulture, $"<p>Status: <b>{Status(s.Status)}</b>. Total: <b>{Csv.Number(Totals.Earned(s))} / {Csv.Number(a.Points)}</b>");
        if (a.BonusPoints > 0) sb.Append(CultureInfo.InvariantCulture, $"; bonus: <b>{Csv.Number(Totals.Bonus(s))} / {Csv.Number(a.BonusPoints)}</b> (not part of the total)");
        var pending = s.Scores.Values.Where(q => q.Question.Kind == QuestionKind.Manual && q.Earned is null).Sum(q => q.Question.Points);
        if (pending > 0) sb.Append(CultureInfo.InvariantCulture, $" ({Csv.Number(pending)} points still to be graded by hand)");
        sb.Append(".</p>\n");
        if (s.StatusDetail.Length > 0) sb.Append(CultureInfo.InvariantCulture, $"<p class=\"flag\">{M(s.StatusDetail)}</p>\n");
        foreach (var f in s.Flags) sb.Append(CultureInfo.InvariantCulture, $"<p class=\"flag\">{M(f)}</p>\n");
        sb.Append("<table><tr><th>question</th><th>points</th><th>check</th><th>result</th></tr>\n");
        foreach (var q in a.Questions)
        {
            var score = s.Scores.GetValueOrDefault(q.Id);
            var earned = score?.Earned is { } e ? Csv.Number(e) : "–";
            if (q.Kind == QuestionKind.Manual)
            {
                var text = score?.Earned is null ? "awaiting a grade by hand" : "graded by hand";
                var lines = RubricAwarded(s, q, context);
                var span = Math.Max(1, lines.Count);
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td rowspan=\"{span}\">{H(q.Id)}</td><td rowspan=\"{span}\">{earned} / {Csv.Number(q.Points)}</td>");
                if (lines.Count == 0) sb.Append(CultureInfo.InvariantCulture, $"<td>(written answer)</td><td>{text}</td></tr>\n");
                for (var i = 0; i < lines.Count; i++)
                    sb.Append(i == 0 ? "" : "<tr>")
                      .Append(CultureInfo.InvariantCulture, $"<td>{H(lines[i].Line.Id)}: {H(lines[i].Line.Text)}</td><td>{Csv.Number(lines[i].Given)}/{Csv.Number(lines[i].Line.Points)}</td></tr>\n");
                continue;
            }
            var checks = score?.Checks ?? [];
            for (var i = 0; i < checks.Count; i++)
            {
                var c = checks[i];
                var head = i == 0 ? $"<td rowspan=\"{checks.Count}\">{H(q.Id)}</td><td rowspan=\"{checks.Count}\">{earned} / {Csv.Number(q.Points)}</td>" : "";
                var mark = c.Passed ? "<span class=\"pass\">passed</span>" : "<span class=\"fail\">failed</span>";
                var detail = c.Spec.Hidden ? (c.Ran ? "" : " (did not run)") : ": " + M(c.Message);
                var name = c.Spec.Hidden ? $"{H(c.Spec.Id)} (hidden test)" : H(c.Spec.Id);
                var points = c.Spec.Points == 0 ? "(practice check, no points)" : $"{Csv.Number(c.Earned)}/{Csv.Number(c.Spec.Points)}";
                sb.Append(CultureInfo.InvariantCulture, $"<tr>{head}<td>{name}</td><td>{mark} {points}{detail}</td></tr>\n");
            }
        }
        sb.Append("</table>\n</body></html>\n");
        return sb.ToString();
    }

    /// <summary>The rubric lines of manual question <paramref name="q"/> given to <paramref name="s"/> with <c>--manual</c> (empty when none, or when graded as a whole).</summary>
    public static List<(RubricLine Line, double Given)> RubricAwarded(Submission s, Question q, GradeContext? context) =>
        context is null ? [] : q.Rubric
            .Where(l => context.ManualRubric.ContainsKey((s.Student, q.Id, l.Id)))
            .Select(l => (l, context.ManualRubric[(s.Student, q.Id, l.Id)]))
            .ToList();

    /// <summary>The status as written in the gradebook.</summary>
    public static string Status(GradeStatus s) => s.ToString().ToLowerInvariant();
}
