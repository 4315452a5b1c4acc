using System.Text.Json.Nodes;
using ClusterLab.Tool.Sandbox;

namespace ClusterLab.Tool.Remoting;

/// <summary>How a worker's run of the student's notebook ended, as the checker saw it.</summary>
internal enum WorkerState
{
    /// <summary>Not started yet.</summary>
    NotStarted,
    /// <summary>The notebook ran (cells may have failed) and the worker answers calls.</summary>
    Ready,
    /// <summary>The notebook (or one cell) ran out of time.</summary>
    TimedOut,
    /// <summary>The process ended before it was ready (a crash, a stack overflow, Environment.Exit) or could not start.</summary>
    Crashed,
}

/// <summary>
/// The trusted end of one sandboxed worker: starts it, waits (with a deadline) until the student's notebook has run, then
/// sends calls and waits for each answer for at most the call time limit. A call that times out or a worker that dies
/// kills the whole sandbox; the next call starts a fresh one (up to <see cref="MaxStarts"/> starts per pass of the checker), since re-running
/// the notebook restores the same state. A cell that runs out of time or ends the process is skipped on the next start
/// (the worker reports each cell before it runs), so one endless loop costs its own answer, not the whole notebook.
/// </summary>
/// <param name="start">Starts the sandboxed worker, skipping the given cell ids.</param>
/// <param name="readyTimeout">Budget for getting the notebook run, over all starts.</param>
/// <param name="callTimeout">Time limit of one call.</param>
internal sealed class WorkerClient(Func<IReadOnlyList<string>, SandboxedProcess> start, TimeSpan readyTimeout, TimeSpan callTimeout) : IDisposable
{
    private DateTime _deadline = DateTime.UtcNow + readyTimeout;
    private int _passStarts;
    private bool _gaveUp;
    private readonly List<string> _skip = [];
    private string? _running;

    /// <summary>The worst state seen over all starts (a notebook that needed a skipped cell is still reported).</summary>
    public WorkerState Worst { get; private set; } = WorkerState.NotStarted;

    /// <summary>Most starts per pass of the checker (the first one included).</summary>
    public const int MaxStarts = 3;

    private readonly object _gate = new();
    private SandboxedProcess? _process;
    private LineChannel? _channel;

    /// <summary>The state after the latest start.</summary>
    public WorkerState State { get; private set; } = WorkerState.NotStarted;

    /// <summary>How many times the worker was started.</summary>
    public int Starts { get; private set; }

    /// <summary>The cells of the student's notebook that failed (cell id, first error line), from the first ready run.</summary>
    public List<(string Cell, string Error)> FailedCells { get; } = [];

    /// <summary>Calls answered, and calls that timed out or found the worker dead.</summary>
    public int Calls { get; private set; }

    /// <summary>Wall time spent in calls (sending, the student's code, the answer), for the overhead figures.</summary>
    public TimeSpan CallTime { get; private set; }

    /// <summary>Wall time from the first start until the student's notebook was ready (or gave up).</summary>
    public TimeSpan ReadyTime { get; private set; }

    /// <summary>Problems worth telling the instructor (time-outs, crashes), in order.</summary>
    public List<string> Events { get; } = [];

    /// <summary>
    /// The checker's second pass begins: the worker gets <see cref="MaxStarts"/> starts and the notebook time limit
    /// afresh (the hidden tests' calls may need a restart as much as the visible checks' did); cells skipped stay skipped.
    /// </summary>
    public void NextPass()
    {
        lock (_gate)
        {
            _passStarts = 0;
            _deadline = DateTime.UtcNow + readyTimeout;
        }
    }

    /// <summary>Starts the worker now (the checker does this while its own kernel warms up).</summary>
    public void StartInBackground() => Task.Run(() => { lock (_gate) EnsureStarted(); });

    /// <summary>Calls a student's function; returns its encoded value, or the error type and message.</summary>
    public (JsonNode? Value, string? ErrorType, string? ErrorMessage) Call(string name, IReadOnlyList<string>? parameterTypes, string returnType, IEnumerable<JsonNode?> args)
    {
        lock (_gate)
        {
            Calls++;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try { return CallLocked(name, parameterTypes, returnType, args); }
            finally { CallTime += clock.Elapsed; }
        }
    }

    private (JsonNode? Value, string? ErrorType, string? ErrorMessage) CallLocked(string name, IReadOnlyList<string>? parameterTypes, string returnType, IEnumerable<JsonNode?> args)
    {
        {
            if (!EnsureStarted()) return (null, "System.InvalidOperationException", NotReadyMessage());
            // An unpredictable id, and nothing queued before the call counts: the student's code, which can write to
            // the channel during its own call, cannot answer a later call in advance.
            var id = System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, int.MaxValue) * (long)int.MaxValue
                     + System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, int.MaxValue);
            _channel!.Drain();
            try
            {
                _channel!.Send(CallProtocol.Request(id, name, parameterTypes, returnType, args));
            }
            catch (IOException)
            {
                Stop(WorkerState.Crashed, $"the student's process had ended before a call of {name}");
                return (null, "System.InvalidOperationException", "your notebook's process ended (a crash, a stack overflow or Environment.Exit) before this call.");
            }
            var reply = _channel.Receive(o => CallProtocol.IsReplyTo(o, id), callTimeout);
            if (reply is null)
            {
                var closed = _channel.Closed;
                Stop(closed ? WorkerState.Crashed : WorkerState.TimedOut,
                    closed ? $"the student's process ended during a call of {name}" : $"a call of {name} ran longer than {callTimeout.TotalSeconds:0.#} s");
                return closed
                    ? (null, "System.InvalidOperationException", $"your notebook's process ended during this call of {name} (a crash, a stack overflow or Environment.Exit).")
                    : (null, "System.TimeoutException", $"{name} did not return within {callTimeout.TotalSeconds:0.#} s.");
            }
            if (reply["error"] is JsonObject error)
                return (null, CallProtocol.Cut(error["type"]?.ToString(), 120), CallProtocol.Cut(error["message"]?.ToString(), CallProtocol.MaxMessageChars));
            return (reply["value"]?.DeepClone(), null, null);
        }
    }

    private bool EnsureStarted()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try { return EnsureStartedTimed(); }
        finally { ReadyTime += clock.Elapsed; }
    }

    private bool EnsureStartedTimed()
    {
        while (true)
        {
            if (State == WorkerState.Ready && _channel is { Closed: false }) return true;
            if (_gaveUp || _passStarts >= MaxStarts || DateTime.UtcNow >= _deadline) return false;
            if (TryStart()) return true;
        }
    }

    /// <summary>One start: true when ready; false after recording why not (the caller may start again).</summary>
    private bool TryStart()
    {
        Starts++;
        _passStarts++;
        _running = null;
        try
        {
            _process = start(_skip.ToList());
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException
                                      or System.ComponentModel.Win32Exception or SandboxUnavailableException)
        {
            _gaveUp = true;
            Stop(WorkerState.Crashed, $"the sandbox could not start: {e.Message}");
            return false;
        }
        _channel = new LineChannel(_process.StandardOutput, _process.StandardInput);
        var ready = _channel.Receive(o =>
        {
            if (o["running"] is JsonValue r) _running = CallProtocol.Cut(r.ToString(), 80);
            return o["ready"] is not null;
        }, _deadline - DateTime.UtcNow);
        if (ready is null)
        {
            var closed = _channel.Closed;
            var cell = _running is null ? "" : $" (cell {_running})";
            Stop(closed ? WorkerState.Crashed : WorkerState.TimedOut,
                closed ? $"your notebook ended its process before it finished{cell}: a crash, a stack overflow or Environment.Exit"
                       : $"your notebook did not finish within {readyTimeout.TotalSeconds:0.#} s{cell}");
            if (closed && _running is not null) Skip(_running);
            else _gaveUp = true; // out of time: no second try
            return false;
        }
        if (!_everReady && ready["failed_cells"] is JsonArray failed)
            foreach (var f in failed.OfType<JsonObject>().Take(50))
                if (f["timeout"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
                    FailedCells.Add((CallProtocol.Cut(f["cell"]?.ToString(), 80), CallProtocol.Cut(f["error"]?.ToString(), CallProtocol.MaxMessageChars)));
        if (ready["status"]?.ToString() == "timeout")
        {
            Stop(WorkerState.TimedOut, $"your cell {_running ?? "?"} ran out of time; it was skipped and the notebook run again without it");
            if (_running is not null) Skip(_running);
            return false;
        }
        State = WorkerState.Ready;
        if (Worst == WorkerState.NotStarted) Worst = WorkerState.Ready;
        _everReady = true;
        return true;
    }

    private void Skip(string cell)
    {
        if (_skip.Contains(cell)) _gaveUp = true; // skipping did not help: give up
        else _skip.Add(cell);
    }

    private bool _everReady;

    private string NotReadyMessage() => State switch
    {
        WorkerState.TimedOut => "your notebook ran out of time before this check could call your code.",
        _ => "your notebook's process ended (a crash, a stack overflow or Environment.Exit) before this check could call your code.",
    };

    private void Stop(WorkerState state, string why)
    {
        State = state;
        if (state is WorkerState.TimedOut || (state is WorkerState.Crashed && Worst != WorkerState.TimedOut)) Worst = state;
        Events.Add(why);
        _process?.Kill();
        _process?.Dispose();
        _process = null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _process?.Kill();
            _process?.Dispose();
            _process = null;
        }
    }
}
