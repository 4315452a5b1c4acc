using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Runs the sanitized notebook with <c>clusterlab run … --results … --continue-on-error</c> in a child process, with the
/// per-cell and per-notebook limits; kills the process tree if it outlives the limit plus a grace period. Sets the status:
/// timeout (runner exit 3, or killed), crashed (no final status line), otherwise ok. Check lines streamed before a crash are kept.
/// </summary>
public sealed class ExecuteNotebook : ISubmissionStep
{
    /// <summary>Largest runner console output kept in <c>runner.log</c> (the rest is read and dropped).</summary>
    public const int MaxLogChars = 1 << 20;

    /// <inheritdoc/>
    public string Help => "Run the notebook headless in its own process with time limits; stream check results to results.jsonl.";

    /// <inheritdoc/>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc/>
    public void Apply(Submission submission, GradeContext context)
    {
        if (submission.Notebook is null) return;
        var o = context.Options;
        var results = Path.Combine(submission.WorkDir, "results.jsonl");
        var runner = o.Runner ?? RunnerCommand.Self();
        var psi = new ProcessStartInfo(runner.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = submission.WorkDir,
        };
        foreach (var a in runner.PrefixArgs) psi.ArgumentList.Add(a);
        string[] args =
        [
            SanitizeSubmission.SanitizedPath(submission), "--out", Path.Combine(submission.WorkDir, "run"),
            "--cell-timeout", Seconds(o.CellTimeout), "--timeout", Seconds(o.Timeout),
            "--base-dir", Path.GetDirectoryName(context.Assignment.SourcePath)!,
            "--results", results, "--continue-on-error",
        ];
        foreach (var a in args) psi.ArgumentList.Add(a);

        var log = new CappedLog(MaxLogChars);
        int? exitCode = null;
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
            if (!process.WaitForExit(TimeSpan.FromSeconds(o.Timeout + o.Grace)))
            {
                killed = true;
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                process.WaitForExit(TimeSpan.FromSeconds(30));
            }
            else process.WaitForExit(); // drain the redirected streams
            if (!killed) exitCode = process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start the runner '{runner.FileName}': {e.Message}", e);
        }
        File.WriteAllText(Path.Combine(submission.WorkDir, "runner.log"), log.ToString());

        var (checks, status) = ResultsFile.Read(results);
        submission.Results.AddRange(checks);
        (submission.Status, submission.StatusDetail) = Classify(killed, exitCode, status, o);
    }

    /// <summary>Maps how the child ended to a grading status and a one-line explanation.</summary>
    public static (GradeStatus, string) Classify(bool killed, int? exitCode, string? status, GradeOptions o)
    {
        if (killed)
            return (GradeStatus.Timeout, $"The notebook ran longer than {Seconds(o.Timeout)} s and was stopped.");
        if (status == "timeout" || exitCode == 3)
            return (GradeStatus.Timeout, $"A cell ran longer than {Seconds(o.CellTimeout)} s or the notebook longer than {Seconds(o.Timeout)} s; it was stopped.");
        if (status is null)
            return (GradeStatus.Crashed, $"The notebook's process ended abruptly (exit code {exitCode}): a crash, a stack overflow or Environment.Exit.");
        if (status is "ok" or "failed") return (GradeStatus.Ok, "");
        return (GradeStatus.Crashed, $"The runner could not run the notebook (status {status}).");
    }

    private static string Seconds(double s) => s.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Keeps the first <c>max</c> characters of the runner's console output; thread-safe.</summary>
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
