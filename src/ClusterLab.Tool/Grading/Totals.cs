namespace ClusterLab.Tool.Grading;

/// <summary>A student's points split as the gradebook reports them: <c>total</c> (bonus questions excluded) and <c>bonus</c>.</summary>
internal static class Totals
{
    /// <summary>Points earned on the questions that are not bonus (ungraded manual questions count 0); out of <see cref="Assignment.Points"/>.</summary>
    public static double Earned(Submission s) => s.Scores.Values.Where(q => !q.Question.Bonus).Sum(q => q.Earned ?? 0);

    /// <summary>Points earned on bonus questions; out of <see cref="Assignment.BonusPoints"/>.</summary>
    public static double Bonus(Submission s) => s.Scores.Values.Where(q => q.Question.Bonus).Sum(q => q.Earned ?? 0);
}
