namespace ClusterLab.Tool.Grading;

/// <summary>Takes the student's text of each manual question (for manual.csv) and any hand-given points from <c>--manual</c>.</summary>
public sealed class CollectManualAnswers : ISubmissionStep
{
    /// <inheritdoc/>
    public string Help => "Collect the answers graded by hand and merge the points given in --manual scores.csv.";

    /// <inheritdoc/>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc/>
    public void Apply(Submission submission, GradeContext context)
    {
        var cells = submission.Notebook is null
            ? []
            : NotebookJson.CellObjects(submission.Notebook).ToDictionary(NotebookJson.Id, NotebookJson.Source);
        foreach (var q in context.Assignment.Questions.Where(q => q.Kind == QuestionKind.Manual))
        {
            submission.ManualAnswers[q.Id] = cells.GetValueOrDefault(q.CellId, "");
            var score = new QuestionScore(q);
            if (context.ManualScores.TryGetValue((submission.Student, q.Id), out var points)) score.Earned = points;
            submission.Scores[q.Id] = score;
        }
    }
}
