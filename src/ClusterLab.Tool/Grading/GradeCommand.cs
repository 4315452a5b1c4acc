using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool.Grading;

/// <summary>The <c>clusterlab grade</c> sub-command: runs every submission of a folder and writes the gradebook.</summary>
internal static class GradeCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        usage: clusterlab grade <source.ipynb> <submissions-folder> [--out DIR] [--manual scores.csv]
                                [--cell-timeout S] [--timeout S] [--call-timeout S] [--jobs N] [--secret S]
                                [--memory MB] [--no-sandbox]
          Grades every <student>.ipynb of the folder (never modified). The student's notebook runs in a bubblewrap
          sandbox (Debian: apt-get install bubblewrap); the checks run in the grader's own process and call the
          student's functions across the boundary. Writes to DIR (default assignments/NAME/graded/): gradebook.csv, feedback/<student>.html,
          manual.csv, summary.json, and work/<student>/ (sanitized and executed notebooks, logs).
          --cell-timeout default 60 s, --timeout default 600 s per notebook, --call-timeout default 30 s per call of
          the student's code, --jobs default 1, --memory default 1024 MB per sandboxed process.
          --no-sandbox: run student code without isolation (only where bubblewrap cannot run; recorded in the
                        gradebook's isolation column and in summary.json).
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
            parsed = new Arguments(args, ["--out", "--manual", "--cell-timeout", "--timeout", "--call-timeout", "--jobs", "--secret", "--memory"], ["--no-sandbox"]);
            if (parsed.Positionals.Count != 2) throw new ArgumentException("expected <source.ipynb> <submissions-folder>.");
            options = new GradeOptions
            {
                CellTimeout = parsed.Positive("--cell-timeout", 60),
                Timeout = parsed.Positive("--timeout", 600),
                Jobs = parsed.PositiveInt("--jobs", 1),
                ManualCsv = parsed.Get("--manual"),
                CallTimeout = parsed.Positive("--call-timeout", 30),
                MemoryBytes = (long)(parsed.Positive("--memory", 1024) * (1 << 20)),
                Isolation = parsed.Has("--no-sandbox") ? Sandbox.IsolationMode.None : Sandbox.IsolationMode.Bubblewrap,
            };
        }
        catch (ArgumentException e) { Console.Error.WriteLine($"clusterlab grade: {e.Message}\n{Usage}"); return 2; }
        try
        {
            if (options.Isolation == Sandbox.IsolationMode.Bubblewrap && Sandbox.SandboxHost.WhyUnavailable() is { } why)
            {
                Console.Error.WriteLine($"clusterlab grade: cannot isolate student code: {why}\n" +
                                        "Install bubblewrap, or pass --no-sandbox to grade WITHOUT isolation (students' code can then read and change your files; the gradebook records it).");
                return 1;
            }
            if (options.Isolation == Sandbox.IsolationMode.None)
                Console.Error.WriteLine("clusterlab grade: --no-sandbox: student code runs WITHOUT isolation (recorded in gradebook.csv and summary.json).");
            var assignment = Assignment.Load(parsed.Positionals[0]);
            if (options.Isolation == Sandbox.IsolationMode.Bubblewrap && SandboxReach(assignment) is { } unreachable)
            {
                Console.Error.WriteLine($"clusterlab grade: the sandbox cannot read what the student's notebook needs: {unreachable}\n" +
                                        "Or pass --no-sandbox to grade WITHOUT isolation (recorded in the gradebook).");
                return 1;
            }
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

    /// <summary>
    /// Null when the sandbox user can read the tool, the dotnet root and the kit the assignment loads; else the first
    /// problem, naming the path and the fix (e.g. a repository under a private home folder).
    /// </summary>
    internal static string? SandboxReach(Assignment assignment)
    {
        var probe = Remoting.SandboxFolders.Create();
        try
        {
            var readOnly = new List<string> { AppContext.BaseDirectory.TrimEnd('/'), Sandbox.SandboxHost.DotnetRoot };
            readOnly.AddRange(InspectStudentCode.KitReferences(assignment).Select(f => Path.GetDirectoryName(f)!).Distinct());
            return Sandbox.SandboxUserAccess.Problem(new Sandbox.SandboxSpec { FileName = "/bin/true", WritableDir = probe, ReadOnlyPaths = readOnly });
        }
        finally { Remoting.SandboxFolders.Delete(probe); }
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
