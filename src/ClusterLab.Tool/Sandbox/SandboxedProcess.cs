using System.Diagnostics;

namespace ClusterLab.Tool.Sandbox;

/// <summary>One program running in a sandbox (or, with <see cref="IsolationMode.None"/>, as a plain child). The caller
/// owns the time limits: <see cref="WaitForExit"/>, then <see cref="Kill"/>, which ends every process of the sandbox
/// even when one of them keeps a pipe open.</summary>
internal sealed class SandboxedProcess : IDisposable
{
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StderrCapture _stderr;
    private string? _pidNamespace;

    private SandboxedProcess(Process process, IsolationMode mode)
    {
        _process = process;
        Mode = mode;
        _stderr = new StderrCapture(process.StandardError.BaseStream);
    }

    /// <summary>Starts <paramref name="spec"/>. Bubblewrap mode throws <see cref="SandboxUnavailableException"/> when
    /// <see cref="SandboxHost.WhyUnavailable"/> says no or a bound path is not readable by the sandbox user; a bad spec
    /// throws <see cref="ArgumentException"/>.</summary>
    public static SandboxedProcess Start(SandboxSpec spec, IsolationMode mode)
    {
        spec.Validate();
        if (mode == IsolationMode.Bubblewrap)
        {
            if (SandboxHost.WhyUnavailable() is { } why) throw new SandboxUnavailableException(why);
            if (Environment.IsPrivilegedProcess && SandboxUserAccess.Problem(spec) is { } unreadable)
                throw new SandboxUnavailableException(unreadable);
        }
        return StartUnchecked(spec, mode);
    }

    /// <summary>Starts without the availability checks (the probe itself uses this).</summary>
    internal static SandboxedProcess StartUnchecked(SandboxSpec spec, IsolationMode mode)
    {
        var info = SandboxCommand.For(spec, mode, SandboxCommand.Tools.Find(out _));
        if (mode == IsolationMode.Bubblewrap && Environment.IsPrivilegedProcess) SandboxUserAccess.HandOver(spec.WritableDir);
        return new SandboxedProcess(LauncherThread.Start(info), mode);
    }

    /// <summary>How this process is isolated.</summary>
    public IsolationMode Mode { get; }

    /// <summary>Host process id of the outer process (bubblewrap, or the program itself without isolation).</summary>
    public int Id => _process.Id;

    /// <summary>The child's standard input (raw bytes; the caller frames messages and flushes).</summary>
    public Stream StandardInput => _process.StandardInput.BaseStream;

    /// <summary>The child's standard output (raw bytes). It ends when every process of the sandbox has ended.</summary>
    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    /// <summary>Standard error so far, drained in the background so the child never blocks on it; the first 256 KiB
    /// are kept, the rest counted.</summary>
    public string ErrorText => _stderr.Text;

    /// <summary>Exit code once the process has exited (bubblewrap passes its program's code on), else null.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The sandbox's PID namespace (e.g. <c>pid:[4026532301]</c>) while it runs; null without isolation or before
    /// bubblewrap set it up. Every process in it is the sandbox's (see <see cref="ProcTable.InPidNamespace"/>).</summary>
    public string? PidNamespace => _pidNamespace ??= FindInit() is { } init ? ProcTable.PidNamespaceOf(init) : null;

    /// <summary>Waits up to <paramref name="timeout"/> for the program to exit; true when it did. With bubblewrap, when
    /// the program exits every process it left in the sandbox is killed too.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Waits (bounded) until standard error has been read to its end, so <see cref="ErrorText"/> is complete.</summary>
    public bool WaitForErrorText(TimeSpan timeout) => _stderr.Completion.Wait(timeout);

    /// <summary>Kills every process of the sandbox and returns once they are gone: SIGKILL to the PID namespace's init
    /// (the kernel then kills the whole namespace, and the outer bwrap exits when its init is reaped), then to the outer
    /// process. Does not wait for the output pipes, so a process holding one open cannot stall it. Without isolation it
    /// kills the process tree, best effort (a child that detached itself may survive).</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        if (Mode == IsolationMode.Bubblewrap)
        {
            _pidNamespace ??= FindInit() is { } init ? ProcTable.PidNamespaceOf(init) : null;
            foreach (var child in ProcTable.ChildrenOf(_process.Id)) Native.KillProcess(child);
            if (_process.WaitForExit(KillWait)) return;
        }
        try { _process.Kill(entireProcessTree: Mode == IsolationMode.None); }
        catch (InvalidOperationException) { } // exited meanwhile
        _process.WaitForExit(KillWait);
    }

    /// <summary>Kills the sandbox if it still runs and releases the streams.</summary>
    public void Dispose()
    {
        try { Kill(); }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
        _process.Dispose();
    }

    /// <summary>The host pid of the sandbox's init (bubblewrap's child), or null.</summary>
    private int? FindInit() =>
        Mode == IsolationMode.Bubblewrap && !_process.HasExited && ProcTable.ChildrenOf(_process.Id) is [var init, ..] ? init : null;
}
