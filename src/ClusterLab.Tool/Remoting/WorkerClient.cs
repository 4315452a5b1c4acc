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
/// kills the whole sandbox; the next call starts a fresh one (up to <see cref="MaxStarts"/> starts), since re-running
/// the notebook restores the same state.
/// </summary>
internal sealed class WorkerClient(Func<SandboxedProcess> start, TimeSpan readyTimeout, TimeSpan callTimeout) : IDisposable
{
    /// <summary>Most starts per worker (the first one included).</summary>
    public const int MaxStarts = 3;

    private readonly object _gate = new();
    private SandboxedProcess? _process;
    private LineChannel? _channel;
    private long _nextId;

    /// <summary>The state after the latest start.</summary>
    public WorkerState State { get; private set; } = WorkerState.NotStarted;

    /// <summary>How many times the worker was started.</summary>
    public int Starts { get; private set; }

    /// <summary>The cells of the student's notebook that failed (cell id, first error line), from the first ready run.</summary>
    public List<(string Cell, string Error)> FailedCells { get; } = [];

    /// <summary>Calls answered, and calls that timed out or found the worker dead.</summary>
    public int Calls { get; private set; }

    /// <summary>Problems worth telling the instructor (time-outs, crashes), in order.</summary>
    public List<string> Events { get; } = [];

    /// <summary>Starts the worker now (the checker does this for both workers while its own kernel warms up).</summary>
    public void StartInBackground() => Task.Run(() => { lock (_gate) EnsureStarted(); });

    /// <summary>Calls a student's function; returns its encoded value, or the error type and message.</summary>
    public (JsonNode? Value, string? ErrorType, string? ErrorMessage) Call(string name, IReadOnlyList<string>? parameterTypes, string returnType, IEnumerable<JsonNode?> args)
    {
        lock (_gate)
        {
            Calls++;
            if (!EnsureStarted()) return (null, "System.InvalidOperationException", NotReadyMessage());
            var id = ++_nextId;
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
        if (State == WorkerState.Ready && _channel is { Closed: false }) return true;
        if (State is WorkerState.TimedOut or WorkerState.Crashed && !_everReady) return false; // the notebook itself fails: no retry
        if (Starts >= MaxStarts) return false;
        Starts++;
        try
        {
            _process = start();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or System.ComponentModel.Win32Exception)
        {
            State = WorkerState.Crashed;
            Events.Add($"the sandbox could not start: {e.Message}");
            return false;
        }
        _channel = new LineChannel(_process.StandardOutput, _process.StandardInput);
        var ready = _channel.Receive(o => o["ready"] is not null, readyTimeout);
        if (ready is null)
        {
            var closed = _channel.Closed;
            Stop(closed ? WorkerState.Crashed : WorkerState.TimedOut,
                closed ? "the student's notebook ended its process before it finished" : $"the student's notebook did not finish within {readyTimeout.TotalSeconds:0.#} s");
            return false;
        }
        var status = ready["status"]?.ToString();
        if (!_everReady && ready["failed_cells"] is JsonArray failed)
            foreach (var f in failed.OfType<JsonObject>().Take(50))
                FailedCells.Add((CallProtocol.Cut(f["cell"]?.ToString(), 80), CallProtocol.Cut(f["error"]?.ToString(), CallProtocol.MaxMessageChars)));
        if (status == "timeout")
        {
            Stop(WorkerState.TimedOut, "a cell of the student's notebook ran out of time");
            return false;
        }
        State = WorkerState.Ready;
        _everReady = true;
        return true;
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
