using System.Text;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Writes <c>OUT/manual.csv</c>, one row per student × hand-graded question × rubric line:
/// <c>student,question,rubric_id,criterion,points_possible,points,answer</c> (a question without rubric has one row with
/// an empty rubric_id; the answer and its files are on the first row of each student's question; points are empty
/// until given with <c>--manual</c>). Fill the points column and pass the file back with <c>--manual</c>. Also writes
/// <c>OUT/manual.html</c> (see <see cref="ManualPage"/>).
/// </summary>
internal sealed class WriteManualList : IReportStep
{
    /// <summary>The header of manual.csv.</summary>
    public const string Header = "student,question,rubric_id,criterion,points_possible,points,answer";

    /// <inheritdoc/>
    public void Apply(IReadOnlyList<Submission> submissions, GradeContext context)
    {
        var sorted = submissions.OrderBy(s => s.Student, StringComparer.Ordinal).ToList();
        File.WriteAllText(Path.Combine(context.Options.OutDir, "manual.csv"), Render(sorted, context), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(context.Options.OutDir, "manual.html"), ManualPage.Render(sorted, context), new UTF8Encoding(false));
    }

    /// <summary>The CSV text.</summary>
    public static string Render(IEnumerable<Submission> submissions, GradeContext context)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var s in submissions)
            foreach (var q in context.Assignment.Questions.Where(q => q.Kind == QuestionKind.Manual))
            {
                var answer = s.ManualAnswers.GetValueOrDefault(q.Id, "");
                var files = s.ManualFiles.GetValueOrDefault(q.Id)?.Values ?? [];
                if (files.Any()) answer += $"\n[files: {string.Join(", ", files)}]";
                if (q.Rubric.Count == 0)
                {
                    var earned = s.Scores.GetValueOrDefault(q.Id)?.Earned is { } e ? Csv.Number(e) : "";
                    sb.Append(Csv.Line([s.Student, q.Id, "", "", Csv.Number(q.Points), earned, answer])).Append('\n');
                    continue;
                }
                foreach (var line in q.Rubric)
                {
                    var given = context.ManualRubric.TryGetValue((s.Student, q.Id, line.Id), out var p) ? Csv.Number(p) : "";
                    sb.Append(Csv.Line([s.Student, q.Id, line.Id, line.Text, Csv.Number(line.Points), given, line == q.Rubric[0] ? answer : ""])).Append('\n');
                }
            }
        return sb.ToString();
    }
}
