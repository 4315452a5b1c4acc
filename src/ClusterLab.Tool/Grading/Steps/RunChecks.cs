using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Grades one submission across the trust boundary: writes the student notebook (no test code) and the checker notebook
/// (the source's checks, with proxies for the student's functions) into the student's work folder, then runs
/// <c>clusterlab __check</c>, which runs the student notebook in two sandboxes and the checks in its own kernel, and
/// writes results.jsonl and workers.json where no sandbox can reach. The whole run is killed at the time limit.
/// Sets the status: timeout (killed, or the student's notebook ran out of time), crashed (the student's process ended
/// before it was ready, or the checker ended without its status line), otherwise ok.
/// </summary>
internal sealed class RunChecks : ISubmissionStep
{
    /// <summary>Largest checker console output kept in <c>checker.log</c>.</summary>
    public const int MaxLogChars = 1 << 20;

    /// <inheritdoc/>
    public void Apply(Submission submission, GradeContext context)
    {
        if (submission.Notebook is null) return;
        var o = context.Options;
        var work = submission.WorkDir;
        var student = Path.Combine(work, "student.ipynb");
        var checker = Path.Combine(work, "checker.ipynb");
        var results = Path.Combine(work, "results.jsonl");
        var report = Path.Combine(work, "workers.json");
        var studentNotebook = StudentNotebook.Build(submission.Notebook, context.Assignment.Source, context.Released);
        var sourceDir = Path.GetDirectoryName(context.Assignment.SourcePath)!;
        foreach (var cell in NotebookJson.CellObjects(studentNotebook).Where(c => NotebookJson.Type(c) == "code"))
            NotebookJson.SetSource(cell, Runner.ReferencePaths.MakeAbsolute(NotebookJson.Source(cell), sourceDir)); // the sandbox never learns the source's folder
        NotebookJson.Save(studentNotebook, student);
        NotebookJson.Save(context.Checker, checker);

        var runner = o.Runner ?? RunnerCommand.Self(Remoting.CheckerCommand.Verb);
        var psi = new ProcessStartInfo(runner.FileName)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            UseShellExecute = false, WorkingDirectory = work,
        };
        string S(double s) => s.ToString("0.###", CultureInfo.InvariantCulture);
        foreach (var a in (string[])[.. runner.PrefixArgs, checker, "--student", student,
                     "--base-dir", Path.GetDirectoryName(context.Assignment.SourcePath)!, "--results", results, "--report", report,
                     "--out", Path.Combine(work, "run"), "--cell-timeout", S(o.CellTimeout), "--timeout", S(o.Timeout),
                     "--call-timeout", S(o.CallTimeout), "--isolation", o.Isolation == Sandbox.IsolationMode.None ? "none" : "bubblewrap",
                     "--memory", o.MemoryBytes.ToString(CultureInfo.InvariantCulture)])
            psi.ArgumentList.Add(a);
        if (o.CourseSecret is { } secret) psi.Environment["CLUSTERLAB_HIDDEN_KEY"] = CourseSecret.StudentKey(secret, submission.Student);

        var log = new CappedLog(MaxLogChars);
        var killed = false;
        try
        {
            using var process = new Process { StartInfo = psi };
            process.OutputDataReceived += (_, e) => log.Add(e.Data);
            process.ErrorDataReceived += (_, e) => log.Add(e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            // Two kernels start before the first check (checker, worker) and every call may take CallTimeout: allow for both.
            if (!process.WaitForExit(TimeSpan.FromSeconds(o.Timeout + o.Grace)))
            {
                killed = true;
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                process.WaitForExit(TimeSpan.FromSeconds(10)); // no wait on the pipes: a stray holder cannot stall the run
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start the checker '{runner.FileName}': {e.Message}", e);
        }
        File.WriteAllText(Path.Combine(work, "checker.log"), log.ToString());

        var (checks, status) = ResultsFile.Read(results);
        submission.Results.AddRange(checks);
        var workers = ReadReport(report);
        foreach (var (cell, error) in workers.FailedCells) submission.Flags.Add($"your cell {cell} failed: {error}");
        foreach (var e in workers.Events) submission.Flags.Add(e);
        (submission.Status, submission.StatusDetail) = Classify(killed, status, workers.Visible, o);
    }

    /// <summary>Maps how the run ended to a grading status and a one-line explanation.</summary>
    public static (GradeStatus, string) Classify(bool killed, string? checkerStatus, string? visibleWorker, GradeOptions o)
    {
        if (killed) return (GradeStatus.Timeout, $"Grading took longer than {o.Timeout + o.Grace:0.#} s and was stopped.");
        if (visibleWorker == "TimedOut")
            return (GradeStatus.Timeout, $"A cell ran longer than {o.CellTimeout:0.#} s, the notebook longer than {o.Timeout:0.#} s, or a call of your code longer than {o.CallTimeout:0.#} s; it was stopped (see the notes below).");
        if (visibleWorker == "Crashed")
            return (GradeStatus.Crashed, "Your notebook's process ended abruptly: a crash, a stack overflow or Environment.Exit (see the notes below).");
        if (checkerStatus is null) return (GradeStatus.Crashed, "The grader's checker ended without a result (see checker.log).");
        return (GradeStatus.Ok, "");
    }

    private static (string? Visible, List<(string, string)> FailedCells, List<string> Events) ReadReport(string path)
    {
        var failed = new List<(string, string)>();
        var events = new List<string>();
        if (!File.Exists(path)) return (null, failed, events);
        JsonObject? o;
        try { o = JsonNode.Parse(File.ReadAllText(path)) as JsonObject; }
        catch (System.Text.Json.JsonException) { return (null, failed, events); }
        if (o?["visible"] is not JsonObject visible) return (null, failed, events);
        foreach (var f in (visible["failed_cells"] as JsonArray ?? []).OfType<JsonObject>())
            failed.Add((f["cell"]?.ToString() ?? "?", f["error"]?.ToString() ?? ""));
        foreach (var w in new[] { "visible", "hidden" })
            foreach (var e in (o[w]?["events"] as JsonArray ?? []))
                if (e?.ToString() is { } text && !events.Contains(text)) events.Add(text);
        return ((visible["worst"] ?? visible["state"])?.ToString(), failed, events);
    }

    /// <summary>Keeps the first <c>max</c> characters of the checker's console output; thread-safe.</summary>
    private sealed class CappedLog(int max)
    {
        private readonly StringBuilder _text = new();
        private bool _cut;

        public void Add(string? line)
        {
            if (line is null) return;
            lock (_text)
            {
                if (_text.Length + line.Length + 1 <= max) _text.Append(line).Append('\n');
                else if (!_cut) { _cut = true; _text.Append("[output cut]\n"); }
            }
        }

        public override string ToString()
        {
            lock (_text) return _text.ToString();
        }
    }
}
