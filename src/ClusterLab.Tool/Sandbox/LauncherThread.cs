using System.Collections.Concurrent;
using System.Diagnostics;

namespace ClusterLab.Tool.Sandbox;

/// <summary>Starts child processes from one thread that lives as long as the grader. bubblewrap's
/// <c>--die-with-parent</c> is <c>PR_SET_PDEATHSIG</c>, which fires when the <em>thread</em> that forked the child
/// exits: started from a thread-pool thread, a sandbox would be SIGKILLed when the pool retires that thread.</summary>
internal static class LauncherThread
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Done)> Queue = new();

    static LauncherThread()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "sandbox launcher" };
        thread.Start();
    }

    /// <summary>Starts the process on the launcher thread and returns it (or rethrows the start failure).</summary>
    public static Process Start(ProcessStartInfo info)
    {
        var done = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((info, done));
        return done.Task.GetAwaiter().GetResult();
    }

    private static void Loop()
    {
        foreach (var (info, done) in Queue.GetConsumingEnumerable())
        {
            try { done.SetResult(Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}")); }
            catch (Exception e) { done.SetException(e); }
        }
    }
}
