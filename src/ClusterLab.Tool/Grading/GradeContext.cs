using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>Options of <c>clusterlab grade</c>.</summary>
internal sealed class GradeOptions
{
    /// <summary>Output folder. Default <c>assignments/&lt;name&gt;/graded/</c> (next to <c>source/</c>).</summary>
    public string OutDir { get; set; } = "";
    /// <summary>CSV of hand-given points (student,question,points). Default none.</summary>
    public string? ManualCsv { get; set; }
    /// <summary>Per-cell time limit in seconds. Default 60. Range: &gt; 0.</summary>
    public double CellTimeout { get; set; } = 60;
    /// <summary>Per-notebook time limit in seconds. Default 600. Range: &gt; 0.</summary>
    public double Timeout { get; set; } = 600;
    /// <summary>Extra seconds the grader waits past <see cref="Timeout"/> (kernel start-up) before it kills the process tree itself. Default 60.</summary>
    public double Grace { get; set; } = 60;
    /// <summary>Submissions graded at once. Default 1. Range: ≥ 1.</summary>
    public int Jobs { get; set; } = 1;
    /// <summary>How to start <c>clusterlab run</c>. Default: this tool itself (see <see cref="RunnerCommand.Self"/>).</summary>
    public RunnerCommand? Runner { get; set; }
    /// <summary>Show the progress bar on standard error. Default true.</summary>
    public bool Progress { get; set; } = true;
    /// <summary>How student code is isolated. Default bubblewrap; <see cref="Sandbox.IsolationMode.None"/> only on the instructor's explicit <c>--no-sandbox</c>.</summary>
    public Sandbox.IsolationMode Isolation { get; set; } = Sandbox.IsolationMode.Bubblewrap;
    /// <summary>Time limit of one call of a student's function, in seconds. Default 30. Range: &gt; 0.</summary>
    public double CallTimeout { get; set; } = 30;
    /// <summary>Managed-heap limit of each sandboxed process, in bytes. Default 1 GiB.</summary>
    public long MemoryBytes { get; set; } = 1L << 30;
    /// <summary>The course secret per-student hidden data are derived from (see <see cref="Grading.CourseSecret"/>); null: not resolved.</summary>
    public string? CourseSecret { get; set; }
}

/// <summary>Everything shared by the submissions of one grading run.</summary>
internal sealed class GradeContext
{
    /// <summary>Prepares a run: makes the released copy the sanitize steps compare against.</summary>
    public GradeContext(Assignment assignment, GradeOptions options, IReadOnlyDictionary<(string Student, string Question), double>? manual = null)
    {
        Assignment = assignment;
        Options = options;
        ManualScores = manual ?? new Dictionary<(string, string), double>();
        _checker = new Lazy<JsonObject>(() => CheckerNotebook.Build(Assignment.Source, CheckerProblems));
        _visibleChecker = new Lazy<JsonObject>(() => CheckerNotebook.Build(Assignment.Source, [], visibleOnly: true));
        _checkers = new Lazy<Remoting.CheckerPool>(() => new Remoting.CheckerPool(Options.Runner ?? RunnerCommand.Self(Remoting.CheckerCommand.Verb), WorkDir),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _inspection = new Lazy<Inspection.InspectionRules>(() => Grading.Inspection.InspectionRules.FromSource(Assignment.Source));
        _kitReferences = new Lazy<IReadOnlyList<string>>(() => InspectStudentCode.KitReferences(Assignment));
        Released = NotebookJson.Clone(assignment.Source);
        Pipelines.Apply(Pipelines.Release(), Released, new StepContext(assignment.Name));
    }

    /// <summary>The notebook the trusted checker runs in its second pass: every check, hidden ones included (built once from the source, see <see cref="CheckerNotebook"/>).</summary>
    public JsonObject Checker => _checker.Value;

    /// <summary>The notebook of the checker's first pass: the visible checks only.</summary>
    public JsonObject VisibleChecker => _visibleChecker.Value;

    /// <summary>Warm checker processes, one per parallel job, each grading one submission after another (disposed by <see cref="Grader.Grade"/>).</summary>
    public Remoting.CheckerPool Checkers => _checkers.Value;

    /// <summary>Ends the checker processes, if any were started.</summary>
    public void StopCheckers()
    {
        if (_checkers.IsValueCreated) _checkers.Value.Dispose();
    }

    private readonly Lazy<JsonObject> _visibleChecker;
    private readonly Lazy<Remoting.CheckerPool> _checkers;

    /// <summary>The static inspection's rules (names the tests use, forbidden members), from the source.</summary>
    public Inspection.InspectionRules Inspection => _inspection.Value;

    /// <summary>The kit's assemblies (the source setup cell's <c>#r</c> files), for the inspection's semantic model.</summary>
    public IReadOnlyList<string> KitReferences => _kitReferences.Value;

    private readonly Lazy<Inspection.InspectionRules> _inspection;
    private readonly Lazy<IReadOnlyList<string>> _kitReferences;

    /// <summary>What the checker cannot call across the boundary (an authoring problem, reported on the console).</summary>
    public List<string> CheckerProblems { get; } = [];

    private readonly Lazy<JsonObject> _checker;

    /// <summary>The assignment being graded.</summary>
    public Assignment Assignment { get; }
    /// <summary>The options.</summary>
    public GradeOptions Options { get; }
    /// <summary>The student copy, as <c>clusterlab release</c> makes it.</summary>
    public JsonObject Released { get; }
    /// <summary>Hand-given points by (student, question).</summary>
    public IReadOnlyDictionary<(string Student, string Question), double> ManualScores { get; }
    /// <summary>Hand-given points by (student, question, rubric id), for questions graded line by line. Default empty.</summary>
    public IReadOnlyDictionary<(string Student, string Question, string Rubric), double> ManualRubric { get; init; } =
        new Dictionary<(string, string, string), double>();
    /// <summary>Submission files not graded (unsafe names), reported in gradebook.csv and summary.json; filled by <see cref="Grader.Grade"/>.</summary>
    public List<RefusedFile> Refused { get; } = [];
    /// <summary>Sanitized notebooks, run outputs and logs: <c>OUT/work/&lt;student&gt;/</c>.</summary>
    public string WorkDir => Path.Combine(Options.OutDir, "work");
    /// <summary>Feedback pages: <c>OUT/feedback/&lt;student&gt;.html</c>.</summary>
    public string FeedbackDir => Path.Combine(Options.OutDir, "feedback");
}

/// <summary>One step of grading one submission (nbgrader's autograde preprocessors).</summary>
internal interface ISubmissionStep
{
    /// <summary>Works on one submission; must not throw for a bad submission (set its status instead).</summary>
    void Apply(Submission submission, GradeContext context);
}

/// <summary>One step that writes the class's files once every submission is graded.</summary>
internal interface IReportStep
{
    /// <summary>Writes its file from the submissions, sorted by student.</summary>
    void Apply(IReadOnlyList<Submission> submissions, GradeContext context);
}
