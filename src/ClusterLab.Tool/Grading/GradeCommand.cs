using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool.Grading;

/// <summary>The <c>clusterlab grade</c> sub-command: runs every submission of a folder and writes the gradebook.</summary>
public static class GradeCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        usage: clusterlab grade <source.ipynb> <submissions-folder> [--out DIR] [--manual scores.csv]
                                [--cell-timeout S] [--timeout S] [--jobs N]
          Grades every <student>.ipynb of the folder (never modified) in its own process, after restoring the locked
          cells from the source. Writes to DIR (default assignments/NAME/graded/): gradebook.csv, feedback/<student>.html,
          manual.csv, summary.json, and work/<student>/ (sanitized and executed notebooks, logs).
          --cell-timeout default 60 s, --timeout default 600 s per notebook, --jobs default 1.
          --manual scores.csv: student,question,points for the questions graded by hand.
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
            parsed = new Arguments(args, "--out", "--manual", "--cell-timeout", "--timeout", "--jobs");
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
            options.OutDir = Path.GetFullPath(parsed.Get("--out") ?? Path.Combine(ReleaseCommand.DefaultAssignmentDir(assignment.SourcePath), "graded"));
            var submissions = Grader.Find(parsed.Positionals[1]);
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
        var manual = options.ManualCsv is null
            ? null
            : ManualScores.Read(options.ManualCsv, assignment, submissions.Select(s => s.Student).ToHashSet());
        return new GradeContext(assignment, options, manual);
    }
}
