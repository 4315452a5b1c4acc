using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>How a submission's run ended (the gradebook's <c>status</c> column).</summary>
internal enum GradeStatus
{
    /// <summary>The notebook ran to the end (failed answers included).</summary>
    Ok,
    /// <summary>A cell or the whole notebook exceeded its time limit; the process tree was killed.</summary>
    Timeout,
    /// <summary>The process ended without its final status line (crash, stack overflow, Environment.Exit).</summary>
    Crashed,
    /// <summary>The file is not a readable notebook; nothing ran.</summary>
    Malformed,
}

/// <summary>One check's outcome for one student.</summary>
/// <param name="Spec">The check as declared in the source.</param>
/// <param name="Earned">Points earned, 0 ≤ earned ≤ points.</param>
/// <param name="Passed">True when it passed.</param>
/// <param name="Ran">False when no result was produced (the notebook stopped first).</param>
/// <param name="Message">The check's message ("ok", "expected …, got …"); never shown for hidden checks.</param>
internal sealed record CheckOutcome(CheckSpec Spec, double Earned, bool Passed, bool Ran, string Message);

/// <summary>One question's score for one student.</summary>
internal sealed class QuestionScore(Question question)
{
    /// <summary>The question.</summary>
    public Question Question { get; } = question;
    /// <summary>Points earned; null for a manual question not graded yet.</summary>
    public double? Earned { get; set; }
    /// <summary>Check outcomes, in the order of the source (automatic questions only).</summary>
    public List<CheckOutcome> Checks { get; } = [];
}

/// <summary>One student's notebook on its way through <see cref="Pipelines.Autograde"/>.</summary>
internal sealed class Submission(string student, string path)
{
    /// <summary>Student id: the file name without extension.</summary>
    public string Student { get; } = student;
    /// <summary>The file in the submissions folder (only ever read).</summary>
    public string Path { get; } = path;
    /// <summary>Run status. Default ok.</summary>
    public GradeStatus Status { get; set; } = GradeStatus.Ok;
    /// <summary>One line explaining a non-ok status (no hidden-test details).</summary>
    public string StatusDetail { get; set; } = "";
    /// <summary>Questions given 0 points by the static inspection (a shadowing declaration or a forbidden member), with the reason.</summary>
    public Dictionary<string, string> Zeroed { get; } = new(StringComparer.Ordinal);
    /// <summary>Problems found while sanitizing (edited or deleted locked cells).</summary>
    public List<string> Flags { get; } = [];
    /// <summary>The sanitized notebook (null when malformed).</summary>
    public JsonObject? Notebook { get; set; }
    /// <summary>The student's work folder.</summary>
    public string WorkDir { get; set; } = "";
    /// <summary>Check lines read from the results file.</summary>
    public List<CheckLine> Results { get; } = [];
    /// <summary>Scores by question id.</summary>
    public Dictionary<string, QuestionScore> Scores { get; } = new(StringComparer.Ordinal);
    /// <summary>The student's text of each manual question, by question id.</summary>
    public Dictionary<string, string> ManualAnswers { get; } = new(StringComparer.Ordinal);

    /// <summary>Sum of the points earned so far, bonus questions excluded (ungraded manual questions count 0).</summary>
    public double Total => Totals.Earned(this);
    /// <summary>Files of each manual answer copied into OUT, by question id: the name the cell uses → the path relative to OUT (see <see cref="AnswerFiles"/>).</summary>
    public Dictionary<string, IReadOnlyDictionary<string, string>> ManualFiles { get; } = new(StringComparer.Ordinal);
}
