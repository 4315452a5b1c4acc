namespace ClusterLab.Tool.Runner;

/// <summary>A bad command line; the message says what is wrong.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Options of <c>clusterlab run</c>.</summary>
public sealed record RunOptions
{
    /// <summary>Notebook file or folder (searched recursively for <c>*.ipynb</c>, skipping <c>bin/obj/out/artifacts</c> and checkpoints).</summary>
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

    /// <summary>Parses the arguments after <c>run</c>; throws <see cref="UsageException"/> on a bad command line.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        string? target = null, outDir = null, baseDir = null, results = null;
        TimeSpan cell = TimeSpan.FromSeconds(120);
        TimeSpan? total = null;
        bool cont = false, failOnCheck = false, inProcess = false, noHtml = false;
        var maxChars = 1_000_000;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"option {a} needs a value.");
            switch (a)
            {
                case "--out": outDir = Value(); break;
                case "--cell-timeout": cell = Seconds(a, Value()); break;
                case "--timeout": total = Seconds(a, Value()); break;
                case "--base-dir": baseDir = Value(); break;
                case "--results": results = Value(); break;
                case "--continue-on-error": cont = true; break;
                case "--fail-on-check": failOnCheck = true; break;
                case "--in-process": inProcess = true; break;
                case "--no-html": noHtml = true; break;
                case "--max-output-chars":
                    var v = Value();
                    if (!int.TryParse(v, out maxChars) || maxChars <= 0) throw new UsageException($"{a} must be a positive integer, got '{v}'.");
                    break;
                default:
                    if (a.StartsWith('-')) throw new UsageException($"unknown option '{a}'.");
                    if (target is not null) throw new UsageException($"only one notebook or folder may be given (got '{target}' and '{a}').");
                    target = a;
                    break;
            }
        }
        if (target is null) throw new UsageException("missing the notebook or folder to run.");
        if (baseDir is not null && !Directory.Exists(baseDir)) throw new UsageException($"--base-dir '{baseDir}' is not a folder.");
        return new RunOptions
        {
            Target = target,
            OutDir = Path.GetFullPath(outDir ?? DefaultOutDir()),
            CellTimeout = cell,
            NotebookTimeout = total,
            BaseDir = baseDir is null ? null : Path.GetFullPath(baseDir),
            ResultsFile = results is null ? null : Path.GetFullPath(results),
            ContinueOnError = cont,
            FailOnCheck = failOnCheck,
            InProcess = inProcess,
            NoHtml = noHtml,
            MaxOutputChars = maxChars,
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

    private static TimeSpan Seconds(string option, string value)
    {
        if (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s)
            || !double.IsFinite(s) || s <= 0)
            throw new UsageException($"{option} must be a positive number of seconds, got '{value}'.");
        return TimeSpan.FromSeconds(s);
    }
}
