using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClusterLab.Tool.Runner;
using ClusterLab.Tool.Sandbox;

namespace ClusterLab.Tool.Remoting;

/// <summary>
/// The trusted side of grading (<c>clusterlab __check</c>, started by <c>grade</c> once per parallel job, never sandboxed,
/// never running student code). It reads jobs from standard input, one JSON line per submission (see
/// <see cref="CheckerProcess"/>), and for each starts one sandboxed worker on the student's notebook, installs the
/// channel the proxies call, and runs the checker notebook in two passes with a fresh kernel each, the real kit and
/// library: the visible checks (messages may reach the feedback), then the whole notebook, hidden tests included (only
/// their pass/fail counts). It writes the check results and a report of the worker to files the sandbox cannot see.
/// </summary>
internal static class CheckerCommand
{
    /// <summary>The hidden verb.</summary>
    public const string Verb = "__check";

    /// <summary>The kit's <c>Remote.ChannelKey</c> (the tool does not reference the kit: the channel uses BCL types only).</summary>
    public const string ChannelKey = "ClusterLab.Remote.Channel";

    /// <summary>The kit's <c>Remote.HiddenKey</c>: whether hidden tests run, reset before each pass.</summary>
    public const string HiddenSwitchKey = "ClusterLab.Remote.Hidden";

    /// <summary>The kit's <c>HiddenData.KeyVariable</c>: the student's hidden-data key, set for the length of a job.</summary>
    public const string HiddenKeyVariable = "CLUSTERLAB_HIDDEN_KEY";

    /// <summary>Options of a job, each with a value.</summary>
    public static readonly string[] OptionNames =
        ["--student", "--base-dir", "--results", "--hidden-checker", "--hidden-results", "--report", "--out",
         "--cell-timeout", "--timeout", "--call-timeout", "--isolation", "--memory"];

    /// <summary>Serves jobs until standard input ends; returns 0.</summary>
    public static int Run(string[] args)
    {
        if (args.Length != 0) throw new ArgumentException("usage: __check (jobs on standard input, one JSON line each)");
        var control = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        Console.SetOut(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true }); // only done lines on standard output
        var input = new StreamReader(Console.OpenStandardInput());
        while (input.ReadLine() is { } line)
        {
            if (JsonNode.Parse(line) is not JsonObject job || job["token"]?.ToString() is not { Length: > 0 } token) continue;
            var jobArgs = (job["args"] as JsonArray ?? []).Select(a => a?.ToString() ?? "").ToArray();
            var (exit, abandoned) = (2, false);
            try
            {
                Environment.SetEnvironmentVariable(HiddenKeyVariable, job["hidden_key"]?.ToString());
                (exit, abandoned) = RunJob(jobArgs);
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Console.Error.WriteLine($"checker: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                Environment.SetEnvironmentVariable(HiddenKeyVariable, null);
            }
            Console.Error.WriteLine(CheckerProcess.DoneLine(token, exit)); // the log is complete
            control.WriteLine(CheckerProcess.DoneLine(token, exit));
            if (abandoned) Environment.Exit(exit); // a checker cell still runs on a lost thread: this process is done
        }
        return 0;
    }

    /// <summary>Grades one submission; returns the first pass's exit code and whether a kernel was abandoned.</summary>
    private static (int ExitCode, bool Abandoned) RunJob(string[] args)
    {
        var a = new Arguments(args, OptionNames);
        if (a.Positionals.Count != 1) throw new ArgumentException("a job is: CHECKER.ipynb --student NB --results FILE --report FILE --out DIR [--hidden-checker NB --hidden-results FILE] …");
        string Required(string name) => a.Get(name) ?? throw new ArgumentException($"{name} is required.");
        var student = Path.GetFullPath(Required("--student"));
        var baseDir = Path.GetFullPath(Required("--base-dir"));
        var cellTimeout = TimeSpan.FromSeconds(a.Positive("--cell-timeout", 60));
        var timeout = TimeSpan.FromSeconds(a.Positive("--timeout", 600));
        var callTimeout = TimeSpan.FromSeconds(a.Positive("--call-timeout", 30));
        var isolation = a.Get("--isolation") == "none" ? IsolationMode.None : IsolationMode.Bubblewrap;
        var memory = (long)a.Positive("--memory", 1L << 30);

        // The worker's only writable folder is a fresh one under the system temp folder, not inside OUT: the sandbox user
        // must be able to reach it, and OUT may sit in a private folder. It is deleted at the end; the executed notebook is
        // copied back (a plain file only) for the instructor.
        var dir = SandboxFolders.Create();
        NotebookRunResult visible;
        NotebookRunResult? hidden = null;
        try
        {
            var copy = Path.Combine(dir, "submission.ipynb");
            File.Copy(student, copy, overwrite: true);
            var hiddenPass = false;
            var answers = new Dictionary<string, (JsonNode?, string?, string?)>(StringComparer.Ordinal); // the first pass's, by call
            using var worker = new WorkerClient(skip => SandboxedProcess.Start(WorkerSpec(copy, dir, dir, cellTimeout, timeout, memory, skip), isolation),
                timeout, callTimeout);
            worker.StartInBackground();
            AppDomain.CurrentDomain.SetData(HiddenSwitchKey, null); // whatever an earlier submission's hidden cell left
            AppDomain.CurrentDomain.SetData(ChannelKey,
                new Func<(string, string[], string, object?[], Type, bool), (object?, string?, string?)>(call =>
                    call.Item6 && !hiddenPass
                        ? (null, "System.InvalidOperationException", "a hidden test ran in the grader's visible pass.")
                        : Dispatch(call, worker, answers, replay: hiddenPass && !call.Item6)));
            RunOptions Options(string notebook) => new()
            {
                Target = Path.GetFullPath(notebook),
                OutDir = Path.GetFullPath(Required("--out")),
                BaseDir = baseDir,
                CellTimeout = timeout,
                NotebookTimeout = timeout,
                ContinueOnError = true,
                NoHtml = true,
            };
            var first = Options(a.Positionals[0]);
            visible = NotebookRunner.RunAsync(first.Target, first, new ResultsLog(Required("--results"))).GetAwaiter().GetResult();
            if (a.Get("--hidden-checker") is { } hiddenChecker && !visible.KernelAbandoned)
            {
                hiddenPass = true; // from here on nothing the student's code says reaches the feedback but hidden pass/fail
                worker.NextPass();
                AppDomain.CurrentDomain.SetData(HiddenSwitchKey, null);
                var second = Options(hiddenChecker);
                hidden = NotebookRunner.RunAsync(second.Target, second, new ResultsLog(Required("--hidden-results"))).GetAwaiter().GetResult();
            }
            File.WriteAllText(Required("--report"), new JsonObject { ["worker"] = Report(worker) }.ToJsonString());
            worker.Dispose();
            SandboxFolders.CopyBack(Path.Combine(dir, "run", "submission.ipynb"), Path.Combine(Path.GetDirectoryName(student)!, "executed.ipynb"));
        }
        finally
        {
            AppDomain.CurrentDomain.SetData(ChannelKey, null);
            AppDomain.CurrentDomain.SetData(HiddenSwitchKey, null);
            SandboxFolders.Delete(dir);
        }
        return (visible.ExitCode, visible.KernelAbandoned || hidden is { KernelAbandoned: true });
    }

    /// <summary>One proxy call: encode the arguments, ask the worker, decode the answer into the type the source declares.</summary>
    /// <summary>
    /// One proxy call: encode the arguments, ask the worker, decode the answer into the type the source declares. Every
    /// answer of the first pass is kept by call (name, signature, arguments); in the second pass a visible check's call
    /// made before gets that answer again without asking the worker (<paramref name="replay"/>), so a call that ran out
    /// of time costs its time limit and a restart of the worker once, not once per pass.
    /// </summary>
    private static (object?, string?, string?) Dispatch((string Name, string[]? Params, string Returns, object?[] Args, Type Result, bool Hidden) call,
        WorkerClient worker, Dictionary<string, (JsonNode?, string?, string?)> answers, bool replay)
    {
        List<JsonNode?> args;
        try { args = call.Args.Select(ValueCodec.Encode).ToList(); }
        catch (NotSupportedException e) { return (null, "System.NotSupportedException", $"the grader cannot pass this argument of {call.Name}: {e.Message}"); }
        var key = new JsonArray(call.Name, call.Returns, new JsonArray((call.Params ?? []).Select(p => (JsonNode?)p).ToArray()),
            new JsonArray(args.Select(x => x?.DeepClone()).ToArray())).ToJsonString();
        if (!(replay && answers.TryGetValue(key, out var answer)))
        {
            answer = worker.Call(call.Name, call.Params, call.Returns, args);
            if (!call.Hidden) answers.TryAdd(key, answer);
        }
        var (value, errorType, errorMessage) = answer;
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
