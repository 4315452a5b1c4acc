namespace ClusterLab.Tool.Grading;

/// <summary>
/// Takes the student's answer to each manual question (its text for manual.csv, its attached files copied into OUT,
/// see <see cref="AnswerFiles"/>) and any hand-given points from <c>--manual</c>.
/// </summary>
internal sealed class CollectManualAnswers : ISubmissionStep
{
    /// <inheritdoc/>
    public void Apply(Submission submission, GradeContext context)
    {
        var cells = submission.Notebook is null
            ? []
            : NotebookJson.CellObjects(submission.Notebook).ToDictionary(NotebookJson.Id);
        var old = Path.Combine(context.Options.OutDir, AnswerFiles.Folder, AnswerFiles.Safe(submission.Student));
        if (context.Options.OutDir.Length > 0 && Directory.Exists(old)) Directory.Delete(old, recursive: true); // a regrade shows today's files only
        foreach (var q in context.Assignment.Questions.Where(q => q.Kind == QuestionKind.Manual))
        {
            var cell = cells.GetValueOrDefault(q.CellId);
            submission.ManualAnswers[q.Id] = cell is null ? "" : NotebookJson.Source(cell);
            if (cell is not null)
                submission.ManualFiles[q.Id] = AnswerFiles.Collect(cell, submission, q.Id, context.Options.OutDir, submission.Flags);
            var score = new QuestionScore(q);
            if (context.ManualScores.TryGetValue((submission.Student, q.Id), out var points)) score.Earned = points;
            submission.Scores[q.Id] = score;
        }
    }
}
