namespace ClusterLab.Tool.Grading;

/// <summary>The grading steps in the order they run (nbgrader's converters): read this file to know what release and grade do.</summary>
internal static class Pipelines
{
    /// <summary>Instructor notebook → student copy.</summary>
    public static IReadOnlyList<INotebookStep> Release() =>
    [
        new CheckCellMetadata(),
        new RemoveInstructorCells(),
        new ClearOutputs(),
        new ClearSolutions(),
        new AnnounceForbiddenMembers(),
        new RemoveHiddenTests(),
        new ReplaceManualAnswers(),
        new LockCells(),
    ];

    /// <summary>Submission → notebook safe to grade (before it runs).</summary>
    public static IReadOnlyList<INotebookStep> Sanitize() =>
    [
        new DeduplicateIds(),
        new RestoreLockedCells(),
        new ReinsertDeletedCells(),
        new OverwriteNotebookMetadata(),
        new ClearOutputs(),
    ];

    /// <summary>Sanitized submission → scores (one per student, in its own process).</summary>
    public static IReadOnlyList<ISubmissionStep> Autograde() =>
    [
        new SanitizeSubmission(),
        new InspectStudentCode(),
        new RunChecks(),
        new ScoreCheckCells(),
        new CollectManualAnswers(),
        new WriteFeedback(),
    ];

    /// <summary>All scores → the class's files.</summary>
    public static IReadOnlyList<IReportStep> Report() =>
    [
        new WriteGradebook(),
        new WriteManualList(),
        new WriteSummary(),
    ];

    /// <summary>Runs the steps in order on <paramref name="notebook"/>.</summary>
    public static void Apply(IEnumerable<INotebookStep> steps, System.Text.Json.Nodes.JsonObject notebook, StepContext context)
    {
        foreach (var step in steps)
            step.Apply(notebook, context);
    }
}
