using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClusterLab.Tool.Runner;
using ClusterLab.Tool.Sandbox;

namespace ClusterLab.Tool.Remoting;

/// <summary>
/// The trusted side of grading one submission (<c>clusterlab __check CHECKER.ipynb --student NB …</c>, started by
/// <c>grade</c>, never sandboxed, never running student code): starts two sandboxed workers on the student's notebook
/// (one for visible checks, one for hidden tests), installs the channel the proxies call, runs the checker notebook
/// with the real kit and library, and writes the check results and a report of the workers to files the sandbox cannot see.
/// </summary>
internal static class CheckerCommand
{
    /// <summary>The hidden verb.</summary>
    public const string Verb = "__check";

    /// <summary>The kit's <c>Remote.ChannelKey</c> (the tool does not reference the kit: the channel uses BCL types only).</summary>
    public const string ChannelKey = "ClusterLab.Remote.Channel";

    /// <summary>Options, each with a value.</summary>
    public static readonly string[] OptionNames =
        ["--student", "--base-dir", "--results", "--report", "--out", "--cell-timeout", "--timeout", "--call-timeout", "--isolation", "--memory"];

    /// <summary>Runs the checker; returns the checker notebook's run exit code.</summary>
    public static int Run(string[] args)
    {
        var a = new Arguments(args, OptionNames);
        if (a.Positionals.Count != 1) throw new ArgumentException("usage: __check CHECKER.ipynb --student NB --results FILE --report FILE --out DIR …");
        string Required(string name) => a.Get(name) ?? throw new ArgumentException($"{name} is required.");
        var student = Path.GetFullPath(Required("--student"));
        var baseDir = Path.GetFullPath(Required("--base-dir"));
        var cellTimeout = TimeSpan.FromSeconds(a.Positive("--cell-timeout", 60));
        var timeout = TimeSpan.FromSeconds(a.Positive("--timeout", 600));
        var callTimeout = TimeSpan.FromSeconds(a.Positive("--call-timeout", 30));
        var isolation = a.Get("--isolation") == "none" ? IsolationMode.None : IsolationMode.Bubblewrap;
        var memory = (long)a.Positive("--memory", 1L << 30);

        // Each worker's only writable folder is a fresh one under the system temp folder, not inside OUT: the sandbox user
        // must be able to reach it, and OUT may sit in a private folder. It is deleted at the end; the executed notebook is
        // copied back (a plain file only) for the instructor.
        var scratch = new List<(string Dir, string Role)>();
        WorkerClient Worker(string role)
        {
            var dir = SandboxFolders.Create();
            scratch.Add((dir, role));
            var copy = Path.Combine(dir, "submission.ipynb");
            File.Copy(student, copy, overwrite: true);
            // The student notebook's #r paths are absolute already: the worker's base folder is its own (no path of the source's).
            return new WorkerClient(skip => SandboxedProcess.Start(WorkerSpec(copy, dir, dir, cellTimeout, timeout, memory, skip), isolation),
                timeout, callTimeout);
        }

        using var visible = Worker("visible");
        using var hidden = Worker("hidden");
        visible.StartInBackground();
        if (File.ReadAllText(a.Positionals[0]).Contains("Remote.Hidden = true", StringComparison.Ordinal))
            hidden.StartInBackground(); // else it starts only if a call ever needs it
        AppDomain.CurrentDomain.SetData(ChannelKey,
            new Func<(string, string[], string, object?[], Type, bool), (object?, string?, string?)>(call => Dispatch(call, call.Item6 ? hidden : visible)));

        var options = new RunOptions
        {
            Target = Path.GetFullPath(a.Positionals[0]),
            OutDir = Path.GetFullPath(Required("--out")),
            BaseDir = baseDir,
            CellTimeout = timeout,
            NotebookTimeout = timeout,
            ContinueOnError = true,
        };
        var result = NotebookRunner.RunAsync(options.Target, options, new ResultsLog(Required("--results"))).GetAwaiter().GetResult();
        File.WriteAllText(Required("--report"), new JsonObject { ["visible"] = Report(visible), ["hidden"] = Report(hidden) }.ToJsonString());
        visible.Dispose();
        hidden.Dispose();
        foreach (var (dir, role) in scratch)
        {
            SandboxFolders.CopyBack(Path.Combine(dir, "run", "submission.ipynb"), Path.Combine(Path.GetDirectoryName(student)!, $"executed-{role}.ipynb"));
            SandboxFolders.Delete(dir);
        }
        return result.ExitCode;
    }

    /// <summary>One proxy call: encode the arguments, ask the worker, decode the answer into the type the source declares.</summary>
    private static (object?, string?, string?) Dispatch((string Name, string[]? Params, string Returns, object?[] Args, Type Result, bool Hidden) call, WorkerClient worker)
    {
        List<JsonNode?> args;
        try { args = call.Args.Select(ValueCodec.Encode).ToList(); }
        catch (NotSupportedException e) { return (null, "System.NotSupportedException", $"the grader cannot pass this argument of {call.Name}: {e.Message}"); }
        var (value, errorType, errorMessage) = worker.Call(call.Name, call.Params, call.Returns, args);
        if (errorType is not null) return (null, errorType, errorMessage);
        if (call.Result == typeof(void)) return (null, null, null);
        try { return (ValueCodec.Decode(value, call.Result), null, null); }
        catch (FormatException e) { return (null, "System.InvalidCastException", $"{call.Name} returned a value that is not a {ValueCodec.Name(call.Result)}: {e.Message}"); }
    }

    private static SandboxSpec WorkerSpec(string notebook, string baseDir, string dir, TimeSpan cellTimeout, TimeSpan timeout, long memory, IReadOnlyList<string> skip)
    {
        var self = Grading.RunnerCommand.Self(SubmissionWorker.Verb);
        var readOnly = new List<string> { AppContext.BaseDirectory.TrimEnd('/') };
        var host = Path.GetDirectoryName(Path.GetFullPath(ResolveLink(self.FileName)));
        if (host is not null && !host.StartsWith("/usr/", StringComparison.Ordinal)) readOnly.Add(host);
        readOnly.AddRange(KitFolders(notebook, baseDir));
        string S(TimeSpan t) => t.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SandboxSpec
        {
            FileName = self.FileName,
            Args = [.. self.PrefixArgs, notebook, "--base-dir", baseDir, "--cell-timeout", S(cellTimeout), "--timeout", S(timeout),
                    .. skip.Count == 0 ? (string[])[] : ["--skip", string.Join(",", skip)]],
            ReadOnlyPaths = readOnly.Distinct().ToList(),
            WritableDir = dir,
            WorkingDirectory = dir,
            Environment = new Dictionary<string, string>
            {
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            },
            Limits = SandboxLimits.Default with { MemoryBytes = memory },
        };
    }

    /// <summary>The folders of the setup cell's <c>#r</c> files (the kit), resolved as the runner resolves them.</summary>
    private static IEnumerable<string> KitFolders(string notebook, string baseDir)
    {
        var doc = NotebookDocument.Load(notebook);
        var setup = doc.SetupCellIndex();
        if (setup < 0) yield break;
        var code = ReferencePaths.MakeAbsolute(NotebookDocument.Source(doc.Cells[setup]), baseDir);
        foreach (Match m in Regex.Matches(code, "^\\s*#r\\s+\"(?<p>/[^\"]+)\"", RegexOptions.Multiline))
            if (Path.GetDirectoryName(m.Groups["p"].Value) is { } d && Directory.Exists(d)) yield return d;
    }

    private static string ResolveLink(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
    }

    private static JsonObject Report(WorkerClient w) => new()
    {
        ["state"] = w.State.ToString(),
        ["worst"] = w.Worst.ToString(),
        ["starts"] = w.Starts,
        ["calls"] = w.Calls,
        ["ready_seconds"] = Math.Round(w.ReadyTime.TotalSeconds, 3),
        ["call_seconds"] = Math.Round(w.CallTime.TotalSeconds, 3),
        ["failed_cells"] = new JsonArray(w.FailedCells.Select(f => (JsonNode)new JsonObject { ["cell"] = f.Cell, ["error"] = f.Error }).ToArray()),
        ["events"] = new JsonArray(w.Events.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
    };
}
