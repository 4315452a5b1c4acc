using System.Globalization;
using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Grades one submission across the trust boundary: writes the student notebook (no test code) and the checker notebooks
/// (the source's checks, with proxies for the student's functions: visible checks only, and all) into the student's work
/// folder, then hands the job to a warm trusted checker (<see cref="Remoting.CheckerPool"/>), which runs the student
/// notebook in a sandbox and the checks in its own kernels, and writes results where no sandbox can reach. A visible
/// check counts from the first pass, a hidden one from the second. The job is killed at the time limit.
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
        var hiddenChecker = Path.Combine(work, "checker-hidden.ipynb");
        var results = Path.Combine(work, "results.jsonl");
        var hiddenResults = Path.Combine(work, "results-hidden.jsonl");
        var report = Path.Combine(work, "workers.json");
        var studentNotebook = StudentNotebook.Build(submission.Notebook, context.Assignment.Source, context.Released);
        var sourceDir = Path.GetDirectoryName(context.Assignment.SourcePath)!;
        foreach (var cell in NotebookJson.CellObjects(studentNotebook).Where(c => NotebookJson.Type(c) == "code"))
            NotebookJson.SetSource(cell, Runner.ReferencePaths.MakeAbsolute(NotebookJson.Source(cell), sourceDir)); // the sandbox never learns the source's folder
        NotebookJson.Save(studentNotebook, student);
        NotebookJson.Save(context.VisibleChecker, checker);
        var twoPasses = CheckerNotebook.HasHiddenTests(context.Checker);
        if (twoPasses) NotebookJson.Save(context.Checker, hiddenChecker);

        string S(double s) => s.ToString("0.###", CultureInfo.InvariantCulture);
        var args = new List<string> { checker, "--student", student,
            "--base-dir", sourceDir, "--results", results, "--report", report,
            "--out", Path.Combine(work, "run"), "--cell-timeout", S(o.CellTimeout), "--timeout", S(o.Timeout),
            "--call-timeout", S(o.CallTimeout), "--isolation", o.Isolation == Sandbox.IsolationMode.None ? "none" : "bubblewrap",
            "--memory", o.MemoryBytes.ToString(CultureInfo.InvariantCulture) };
        if (twoPasses) args.AddRange(["--hidden-checker", hiddenChecker, "--hidden-results", hiddenResults]);
        var key = o.CourseSecret is { } secret ? CourseSecret.StudentKey(secret, submission.Student) : null;
        // A kernel starts before the first check (the worker's) and every call may take CallTimeout: the grace allows for both.
        var outcome = context.Checkers.Run(args, key, TimeSpan.FromSeconds(o.Timeout + o.Grace), MaxLogChars);
        File.WriteAllText(Path.Combine(work, "checker.log"), outcome.Log);

        var (checks, status) = ResultsFile.Read(results);
        var hiddenIds = context.Assignment.Questions.SelectMany(q => q.Checks).Where(c => c.Hidden).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        submission.Results.AddRange(checks.Where(c => !hiddenIds.Contains(c.Id)));
        if (twoPasses) submission.Results.AddRange(ResultsFile.Read(hiddenResults).Checks.Where(c => hiddenIds.Contains(c.Id)));
        var workers = ReadReport(report);
        foreach (var (cell, error) in workers.FailedCells) submission.Flags.Add($"your cell {cell} failed: {error}");
        foreach (var e in workers.Events) submission.Flags.Add(e);
        (submission.Status, submission.StatusDetail) = Classify(outcome.Killed, status, workers.State, o);
    }

    /// <summary>Maps how the run ended to a grading status and a one-line explanation.</summary>
    public static (GradeStatus, string) Classify(bool killed, string? checkerStatus, string? worker, GradeOptions o)
    {
        if (killed) return (GradeStatus.Timeout, $"Grading took longer than {o.Timeout + o.Grace:0.#} s and was stopped.");
        if (worker == "TimedOut")
            return (GradeStatus.Timeout, $"A cell ran longer than {o.CellTimeout:0.#} s, the notebook longer than {o.Timeout:0.#} s, or a call of your code longer than {o.CallTimeout:0.#} s; it was stopped (see the notes below).");
        if (worker == "Crashed")
            return (GradeStatus.Crashed, "Your notebook's process ended abruptly: a crash, a stack overflow or Environment.Exit (see the notes below).");
        if (checkerStatus is null) return (GradeStatus.Crashed, "The grader's checker ended without a result (see checker.log).");
        return (GradeStatus.Ok, "");
    }

    private static (string? State, List<(string, string)> FailedCells, List<string> Events) ReadReport(string path)
    {
        var failed = new List<(string, string)>();
        var events = new List<string>();
        if (!File.Exists(path)) return (null, failed, events);
        JsonObject? o;
        try { o = JsonNode.Parse(File.ReadAllText(path)) as JsonObject; }
        catch (System.Text.Json.JsonException) { return (null, failed, events); }
        if (o?["worker"] is not JsonObject worker) return (null, failed, events);
        foreach (var f in (worker["failed_cells"] as JsonArray ?? []).OfType<JsonObject>())
            failed.Add((f["cell"]?.ToString() ?? "?", f["error"]?.ToString() ?? ""));
        foreach (var e in (worker["events"] as JsonArray ?? []))
            if (e?.ToString() is { } text && !events.Contains(text)) events.Add(text);
        return ((worker["worst"] ?? worker["state"])?.ToString(), failed, events);
    }
}
