using System.Collections.Concurrent;
using ClusterLab.Tool.Grading;

namespace ClusterLab.Tool.Remoting;

/// <summary>How one checker job ended, as the grading process saw it.</summary>
/// <param name="Killed">True when the job ran past its time limit and the checker (with its sandboxes) was killed.</param>
/// <param name="Log">The checker's console output during the job, capped.</param>
internal sealed record CheckerOutcome(bool Killed, string Log);

/// <summary>
/// The warm trusted checkers of one grading run (<c>clusterlab __check</c>, see <see cref="CheckerCommand"/>): at most one
/// per parallel job, each grading one submission after another with a fresh kernel per notebook. Starting a process
/// with a C# kernel costs about two seconds of CPU; a warm one starts a fresh kernel in a tenth of that. A checker that
/// runs past a job's time limit is killed with its sandboxes; one that ends, or has served
/// <see cref="MaxJobsPerProcess"/> jobs, is replaced by a new one.
/// </summary>
/// <param name="command">How to start a checker.</param>
/// <param name="workingDirectory">The checkers' working folder (the grading output's work folder).</param>
internal sealed class CheckerPool(RunnerCommand command, string workingDirectory) : IDisposable
{
    /// <summary>Jobs one checker process serves before it is replaced (the compiled cells of every job stay loaded in it).</summary>
    public const int MaxJobsPerProcess = 25;

    private readonly ConcurrentBag<CheckerProcess> _idle = [];
    private readonly ConcurrentDictionary<CheckerProcess, byte> _all = new();
    private volatile bool _disposed;

    /// <summary>Checker processes started so far (for tests and the timing report).</summary>
    public int Started => _started;
    private int _started;

    /// <summary>Runs one job (the arguments of one submission) on an idle checker, or a new one; waits at most <paramref name="timeout"/>.</summary>
    public CheckerOutcome Run(IReadOnlyList<string> args, string? hiddenKey, TimeSpan timeout, int maxLogChars)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckerProcess? checker = null;
        while (checker is null && _idle.TryTake(out var idle))
        {
            if (idle.Alive) checker = idle;
            else Retire(idle);
        }
        checker ??= Start();
        var outcome = checker.Run(args, hiddenKey, timeout, maxLogChars);
        if (!outcome.Killed && checker.Alive && checker.Jobs < MaxJobsPerProcess && !_disposed) _idle.Add(checker);
        else Retire(checker);
        return outcome;
    }

    private CheckerProcess Start()
    {
        var checker = new CheckerProcess(command, workingDirectory);
        Interlocked.Increment(ref _started);
        _all[checker] = 0;
        return checker;
    }

    private void Retire(CheckerProcess checker)
    {
        checker.Dispose();
        _all.TryRemove(checker, out _);
    }

    /// <summary>Ends every checker (closing its input ends it; one that does not end soon is killed).</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var checker in _all.Keys) Retire(checker);
    }
}
