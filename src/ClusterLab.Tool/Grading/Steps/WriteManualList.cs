using System.Text;

namespace ClusterLab.Tool.Grading;

/// <summary>Writes <c>OUT/manual.csv</c>: <c>student,question,points_possible,points,answer</c> for every answer graded by hand (points empty until given with <c>--manual</c>).</summary>
public sealed class WriteManualList : IReportStep
{
    /// <inheritdoc/>
    public string Help => "List the answers awaiting a grade by hand, with the student's text.";

    /// <inheritdoc/>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc/>
    public void Apply(IReadOnlyList<Submission> submissions, GradeContext context)
    {
        var sb = new StringBuilder();
        sb.Append("student,question,points_possible,points,answer\n");
        foreach (var s in submissions.OrderBy(s => s.Student, StringComparer.Ordinal))
            foreach (var q in context.Assignment.Questions.Where(q => q.Kind == QuestionKind.Manual))
            {
                var earned = s.Scores.GetValueOrDefault(q.Id)?.Earned is { } e ? Csv.Number(e) : "";
                sb.Append(Csv.Line([s.Student, q.Id, Csv.Number(q.Points), earned, s.ManualAnswers.GetValueOrDefault(q.Id, "")])).Append('\n');
            }
        File.WriteAllText(Path.Combine(context.Options.OutDir, "manual.csv"), sb.ToString(), new UTF8Encoding(false));
    }
}
