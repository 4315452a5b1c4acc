namespace ClusterLab.Tool.Grading;

/// <summary>
/// Scores the automatic questions from the check lines the trusted checker wrote. A line counts only when it comes from
/// the question's own cell; if a check reports more than once the lowest score counts; points possible come from the
/// source, never from the run.
/// </summary>
internal sealed class ScoreCheckCells : ISubmissionStep
{
    /// <inheritdoc/>
    public void Apply(Submission submission, GradeContext context)
    {
        // The checks ran in the checker notebook, which is the source cell for cell: its cell numbers are the source's.
        var cellIndex = submission.Notebook is null
            ? new Dictionary<string, int>()
            : NotebookJson.CellObjects(context.Assignment.Source).Select((c, i) => (NotebookJson.Id(c), i + 1)).ToDictionary(p => p.Item1, p => p.Item2);
        foreach (var q in context.Assignment.Questions.Where(q => q.Kind == QuestionKind.Auto))
        {
            var score = new QuestionScore(q);
            int? cell = cellIndex.TryGetValue(q.CellId, out var ci) ? ci : null;
            foreach (var spec in q.Checks)
            {
                var lines = submission.Results.Where(r => r.Id == spec.Id && (r.Cell is null || r.Cell == cell)).ToList();
                score.Checks.Add(lines.Count == 0 ? NotRun(spec, submission) : Worst(spec, lines));
            }
            score.Earned = score.Checks.Sum(c => c.Earned);
            if (submission.Zeroed.TryGetValue(q.Id, out var reason))
            {
                score.Checks.Clear();
                score.Checks.AddRange(q.Checks.Select(spec => new CheckOutcome(spec, 0, false, true, $"0 points: {reason}")));
                score.Earned = 0;
            }
            submission.Scores[q.Id] = score;
        }
    }

    private static CheckOutcome Worst(CheckSpec spec, List<CheckLine> lines)
    {
        var worst = lines.MinBy(l => (Math.Clamp(l.Earned, 0, spec.Points), l.Passed ? 1 : 0))!;
        return new CheckOutcome(spec, Math.Clamp(worst.Earned, 0, spec.Points), lines.All(l => l.Passed), true, worst.Message);
    }

    private static CheckOutcome NotRun(CheckSpec spec, Submission s) => new(spec, 0, false, false, s.Status switch
    {
        GradeStatus.Malformed => "not run: the file is not a readable notebook",
        GradeStatus.Timeout => "not run: the notebook was stopped (time limit) before this check",
        GradeStatus.Crashed => "not run: the notebook's process ended before this check",
        _ => "not run: its cell failed before this check (e.g. a compile error in an answer it calls)",
    });
}
