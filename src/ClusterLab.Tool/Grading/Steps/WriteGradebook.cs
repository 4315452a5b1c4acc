using System.Text;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Writes <c>OUT/gradebook.csv</c>: <c>student</c>, one column per question (source order), <c>total</c> (bonus questions
/// excluded), <c>bonus</c> (only when the assignment has bonus questions), <c>status</c>, <c>isolation</c> (<c>sandbox</c>,
/// or <c>none</c> when the instructor graded with <c>--no-sandbox</c>); rows sorted by student. A manual question not
/// graded yet is empty.
/// </summary>
internal sealed class WriteGradebook : IReportStep
{
    /// <inheritdoc/>
    public void Apply(IReadOnlyList<Submission> submissions, GradeContext context) =>
        OutputFolder.WriteText(context.Options.OutDir, Path.Combine(context.Options.OutDir, "gradebook.csv"),
            Render(submissions, context.Assignment, context.Refused, Isolation(context.Options)));

    /// <summary>The gradebook's name for how student code ran: <c>sandbox</c> or <c>none</c>.</summary>
    public static string Isolation(GradeOptions o) => o.Isolation == Sandbox.IsolationMode.None ? "none" : "sandbox";

    /// <summary>The CSV text; each refused file (see <see cref="Grader.Find"/>) is a last row: its file name, no points, status <c>refused</c>.</summary>
    public static string Render(IEnumerable<Submission> submissions, Assignment a, IReadOnlyList<RefusedFile>? refused = null, string isolation = "sandbox")
    {
        var sb = new StringBuilder();
        var hasBonus = a.BonusPoints > 0;
        sb.Append(Csv.Line(["student", .. a.Questions.Select(q => q.Id), "total", .. hasBonus ? ["bonus"] : Array.Empty<string>(), "status", "isolation"])).Append('\n');
        foreach (var s in submissions.OrderBy(s => s.Student, StringComparer.Ordinal))
        {
            var cells = a.Questions.Select(q => s.Scores.GetValueOrDefault(q.Id)?.Earned is { } e ? Csv.Number(e) : "");
            var bonus = hasBonus ? [Csv.Number(Totals.Bonus(s))] : Array.Empty<string>();
            sb.Append(Csv.Line([s.Student, .. cells, Csv.Number(Totals.Earned(s)), .. bonus, WriteFeedback.Status(s.Status), isolation])).Append('\n');
        }
        var width = Csv.Parse(sb.ToString(0, sb.ToString().IndexOf('\n')))[0].Length; // the header's columns
        foreach (var r in refused ?? [])
            sb.Append(Csv.Line([StudentId.Printable(r.File), .. Enumerable.Repeat("", width - 3), "refused", ""])).Append('\n');
        return sb.ToString();
    }
}
