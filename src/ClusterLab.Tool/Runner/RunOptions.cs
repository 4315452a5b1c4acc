namespace ClusterLab.Tool.Runner;

/// <summary>Options of <c>clusterlab run</c>.</summary>
internal sealed record RunOptions
{
    /// <summary>Notebook file or folder (a folder: its <c>*.ipynb</c>, see <see cref="RunCommand.FindNotebooks"/>).</summary>
    public required string Target { get; init; }

    /// <summary>Folder for the executed notebooks and HTML pages; default <c>out/</c> at the repository root (or the current folder outside a repository).</summary>
    public required string OutDir { get; init; }

    /// <summary>Time budget of one cell; default 120 s.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Time budget of a whole notebook; default none.</summary>
    public TimeSpan? NotebookTimeout { get; init; }

    /// <summary>Folder against which relative <c>#r</c> paths resolve; default the notebook's own folder.</summary>
    public string? BaseDir { get; init; }

    /// <summary>The kernel's working folder; default <see cref="BaseDir"/> (the notebook's folder, as in VS Code).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>JSON-lines file to append check results and status lines to; default none.</summary>
    public string? ResultsFile { get; init; }

    /// <summary>Keep running the cells after a failed one (default: stop at the first failure).</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>Exit with 1 when a check fails (default: failed checks are reported but do not fail the run).</summary>
    public bool FailOnCheck { get; init; }

    /// <summary>Run every notebook in this process (default: a folder's notebooks each get a fresh child process).</summary>
    public bool InProcess { get; init; }

    /// <summary>Do not write the HTML page.</summary>
    public bool NoHtml { get; init; }

    /// <summary>Maximum characters of output text kept per cell (the setup cell is exempt); default 1,000,000.</summary>
    public int MaxOutputChars { get; init; } = 1_000_000;

    /// <summary>Time a timed-out cell gets to honour cancellation before it is abandoned.</summary>
    public TimeSpan CancelGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The <c>run</c> options that take a value.</summary>
    private static readonly string[] ValueOptions = ["--out", "--cell-timeout", "--timeout", "--base-dir", "--results", "--max-output-chars"];

    /// <summary>The <c>run</c> options that stand alone.</summary>
    private static readonly string[] Flags = ["--continue-on-error", "--fail-on-check", "--in-process", "--no-html"];

    /// <summary>Parses the arguments after <c>run</c>; throws <see cref="UsageException"/> on a bad command line.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        var a = new Arguments([.. args], ValueOptions, Flags);
        if (a.Positionals.FirstOrDefault(p => p.StartsWith('-')) is { } unknown) throw new UsageException($"unknown option '{unknown}'.");
        if (a.Positionals.Count == 0) throw new UsageException("missing the notebook or folder to run.");
        if (a.Positionals.Count > 1) throw new UsageException($"only one notebook or folder may be given (got '{a.Positionals[0]}' and '{a.Positionals[1]}').");
        var baseDir = a.Get("--base-dir");
        if (baseDir is not null && !Directory.Exists(baseDir)) throw new UsageException($"--base-dir '{baseDir}' is not a folder.");
        var results = a.Get("--results");
        return new RunOptions
        {
            Target = a.Positionals[0],
            OutDir = Path.GetFullPath(a.Get("--out") ?? DefaultOutDir()),
            CellTimeout = TimeSpan.FromSeconds(a.Positive("--cell-timeout", 120)),
            NotebookTimeout = a.Get("--timeout") is null ? null : TimeSpan.FromSeconds(a.Positive("--timeout", 0)),
            BaseDir = baseDir is null ? null : Path.GetFullPath(baseDir),
            ResultsFile = results is null ? null : Path.GetFullPath(results),
            ContinueOnError = a.Has("--continue-on-error"),
            FailOnCheck = a.Has("--fail-on-check"),
            InProcess = a.Has("--in-process"),
            NoHtml = a.Has("--no-html"),
            MaxOutputChars = a.PositiveInt("--max-output-chars", 1_000_000),
        };
    }

    /// <summary>The arguments that reproduce these options for one notebook (used to start a child process).</summary>
    public List<string> ToArgs(string notebook)
    {
        var args = new List<string> { notebook, "--out", OutDir, "--cell-timeout", CellTimeout.TotalSeconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture) };
        if (NotebookTimeout is { } t) args.AddRange(["--timeout", t.TotalSeconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture)]);
        if (BaseDir is not null) args.AddRange(["--base-dir", BaseDir]);
        if (ResultsFile is not null) args.AddRange(["--results", ResultsFile]);
        if (ContinueOnError) args.Add("--continue-on-error");
        if (FailOnCheck) args.Add("--fail-on-check");
        if (NoHtml) args.Add("--no-html");
        args.AddRange(["--max-output-chars", MaxOutputChars.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return args;
    }

    /// <summary><c>out/</c> at the root of the enclosing repository (a folder with <c>.git</c>), else in the current folder.</summary>
    public static string DefaultOutDir()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
                return Path.Combine(dir.FullName, "out");
        }
        return Path.Combine(Environment.CurrentDirectory, "out");
    }
}
