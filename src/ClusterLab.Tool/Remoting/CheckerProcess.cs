using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading;

namespace ClusterLab.Tool.Remoting;

/// <summary>
/// One warm trusted checker, seen from the grading process: jobs go in on its standard input as JSON lines
/// (<see cref="Job"/>); it ends each with the line <c>TOKEN done EXIT</c> on standard error and then on standard output,
/// where TOKEN is a fresh random value per job that never leaves the trusted side; everything else it prints (on
/// standard error) is the job's log, complete once the line has come on both.
/// </summary>
internal sealed class CheckerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ManualResetEventSlim _done = new(false);
    private readonly ManualResetEventSlim _logged = new(false);
    private readonly object _gate = new();
    private CappedLog _log = new(0);
    private string _token = "";
    private volatile bool _ended;

    /// <summary>Starts a checker with <paramref name="command"/> in <paramref name="workingDirectory"/>.</summary>
    public CheckerProcess(RunnerCommand command, string workingDirectory)
    {
        Directory.CreateDirectory(workingDirectory);
        var psi = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        foreach (var a in command.PrefixArgs) psi.ArgumentList.Add(a);
        _process = new Process { StartInfo = psi };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, control: true);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, control: false);
        try
        {
            _process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start the checker '{command.FileName}': {e.Message}", e);
        }
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Jobs sent so far.</summary>
    public int Jobs { get; private set; }

    /// <summary>False once the process has ended.</summary>
    public bool Alive
    {
        get
        {
            try { return !_process.HasExited; }
            catch (InvalidOperationException) { return false; }
        }
    }

    /// <summary>The job line: the checker's arguments for one submission and that student's hidden-data key.</summary>
    public static JsonObject Job(string token, IReadOnlyList<string> args, string? hiddenKey) => new()
    {
        ["token"] = token,
        ["hidden_key"] = hiddenKey,
        ["args"] = new JsonArray(args.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
    };

    /// <summary>The line that ends a job: <c>TOKEN done EXIT</c>.</summary>
    public static string DoneLine(string token, int exitCode) => $"{token} done {exitCode}";

    /// <summary>Runs one job; kills the checker (and its sandboxes) if it does not answer within <paramref name="timeout"/>.</summary>
    public CheckerOutcome Run(IReadOnlyList<string> args, string? hiddenKey, TimeSpan timeout, int maxLogChars)
    {
        var log = new CappedLog(maxLogChars);
        lock (_gate)
        {
            _token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _log = log;
            _done.Reset();
            _logged.Reset();
        }
        Jobs++;
        try
        {
            _process.StandardInput.WriteLine(Job(_token, args, hiddenKey).ToJsonString());
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            return new CheckerOutcome(false, log.ToString()); // it had ended: no results, which the grader reports
        }
        var killed = false;
        if (!_done.Wait(timeout))
        {
            killed = true;
            Kill();
        }
        _logged.Wait(TimeSpan.FromSeconds(5)); // the rest of its log
        if (_ended) _process.WaitForExit(TimeSpan.FromSeconds(5)); // it closed its output: let it finish ending, so the pool sees it gone
        return new CheckerOutcome(killed, log.ToString());
    }

    private void OnLine(string? line, bool control)
    {
        lock (_gate)
        {
            var done = _token.Length > 0 && line is not null && line.StartsWith(_token + " done ", StringComparison.Ordinal);
            if (line is null || done)
            {
                if (line is null && control) _ended = true;
                (control ? _done : _logged).Set(); // the job's end, or the process's
                return;
            }
            if (!control) _log.Add(line);
        }
    }

    private void Kill()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        _process.WaitForExit(TimeSpan.FromSeconds(10)); // no wait on the pipes: a stray holder cannot stall the run
    }

    /// <summary>Closes the checker's input (it ends after its current job) and kills it if it has not ended within a few seconds.</summary>
    public void Dispose()
    {
        try { _process.StandardInput.Close(); }
        catch (IOException) { }
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5))) Kill();
        _process.Dispose();
        _done.Dispose();
        _logged.Dispose();
    }
}

/// <summary>Keeps the first <c>max</c> characters of a process's console output; thread-safe.</summary>
internal sealed class CappedLog(int max)
{
    private readonly StringBuilder _text = new();
    private bool _cut;

    /// <summary>Appends one line, or notes once that the output was cut.</summary>
    public void Add(string? line)
    {
        if (line is null) return;
        lock (_text)
        {
            if (_text.Length + line.Length + 1 <= max) _text.Append(line).Append('\n');
            else if (!_cut) { _cut = true; _text.Append("[output cut]\n"); }
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        lock (_text) return _text.ToString();
    }
}
