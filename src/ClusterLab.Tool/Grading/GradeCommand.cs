using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool.Grading;

/// <summary>The <c>clusterlab grade</c> sub-command: runs every submission of a folder and writes the gradebook.</summary>
public static class GradeCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        usage: clusterlab grade <source.ipynb> <submissions-folder> [--out DIR] [--manual scores.csv]
                                [--cell-timeout S] [--timeout S] [--jobs N] [--secret S]
          Grades every <student>.ipynb of the folder (never modified) in its own process, after restoring the locked
          cells from the source. Writes to DIR (default assignments/NAME/graded/): gradebook.csv, feedback/<student>.html,
          manual.csv, summary.json, and work/<student>/ (sanitized and executed notebooks, logs).
          --cell-timeout default 60 s, --timeout default 600 s per notebook, --jobs default 1.
          --manual scores.csv: the filled-in manual.csv, or rows student,question,rubric_id,points (one rubric line)
                               or student,question,points (a whole question) for the questions graded by hand.
          --secret S: the course secret for per-student hidden data; default $CLUSTERLAB_COURSE_SECRET, else
                      assignments/NAME/.course-secret (created with a random secret on first use, git-ignored).
        Exit code: 0 graded (whatever the students' results), 1 bad source or scores file, 2 usage.
        """;

    /// <summary>Runs the sub-command with the arguments after its name; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h")) { Console.WriteLine(Usage); return 0; }
        Arguments parsed;
        GradeOptions options;
        try
        {
            parsed = new Arguments(args, "--out", "--manual", "--cell-timeout", "--timeout", "--jobs", "--secret");
            if (parsed.Positionals.Count != 2) throw new ArgumentException("expected <source.ipynb> <submissions-folder>.");
            options = new GradeOptions
            {
                CellTimeout = parsed.Positive("--cell-timeout", 60),
                Timeout = parsed.Positive("--timeout", 600),
                Jobs = parsed.PositiveInt("--jobs", 1),
                ManualCsv = parsed.Get("--manual"),
            };
        }
        catch (ArgumentException e) { Console.Error.WriteLine($"clusterlab grade: {e.Message}\n{Usage}"); return 2; }
        try
        {
            var assignment = Assignment.Load(parsed.Positionals[0]);
            var assignmentDir = ReleaseCommand.DefaultAssignmentDir(assignment.SourcePath);
            options.OutDir = Path.GetFullPath(parsed.Get("--out") ?? Path.Combine(assignmentDir, "graded"));
            options.CourseSecret = CourseSecret.Resolve(parsed.Get("--secret"), assignmentDir, Console.Out);
            var submissions = Grader.Find(parsed.Positionals[1]);
            foreach (var r in submissions.Refused)
                Console.Error.WriteLine($"clusterlab grade: not grading '{StudentId.Printable(r.File)}': {r.Reason}; rename the file to the student's id.");
            var context = Create(assignment, options, submissions);
            Grader.Grade(context, submissions);
            var counts = submissions.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {WriteFeedback.Status(g.Key)}");
            Console.WriteLine($"graded {submissions.Count} submissions ({string.Join(", ", counts)}): {Path.Combine(options.OutDir, "gradebook.csv")}");
            return 0;
        }
        catch (Exception e) when (e is NotebookFormatException or FormatException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"clusterlab grade: {e.Message}");
            return 1;
        }
    }

    /// <summary>The grading context, with the manual scores read and checked against the submissions present.</summary>
    public static GradeContext Create(Assignment assignment, GradeOptions options, IReadOnlyList<Submission> submissions)
    {
        var sheet = options.ManualCsv is null
            ? null
            : ManualScores.ReadSheet(options.ManualCsv, assignment, submissions.Select(s => s.Student).ToHashSet());
        return new GradeContext(assignment, options, sheet?.Points) { ManualRubric = sheet?.Lines ?? new Dictionary<(string, string, string), double>() };
    }
}
