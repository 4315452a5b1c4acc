using System.Runtime.InteropServices;

namespace ClusterLab.Tool.Sandbox;

/// <summary>Whether bubblewrap sandboxes can run on this machine, and the facts they are built on.</summary>
internal static class SandboxHost
{
    /// <summary>The host uid a sandbox runs as when the grader is root ("nobody"; root is exempt from RLIMIT_NPROC).</summary>
    public const int SandboxUid = 65534;

    private static readonly Lazy<string?> Probe = new(RunProbe);

    /// <summary>Null when bubblewrap sandboxes work here (probed once by starting <c>/bin/true</c> in one, then cached);
    /// otherwise a sentence naming the problem and the fix.</summary>
    public static string? WhyUnavailable() => Probe.Value;

    /// <summary>The root of the running .NET installation (the folder holding <c>dotnet</c> and <c>shared/</c>). It is
    /// visible in the sandbox already when under /usr; otherwise add it to <see cref="SandboxSpec.ReadOnlyPaths"/>.</summary>
    public static string DotnetRoot { get; } =
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static string? RunProbe()
    {
        if (!OperatingSystem.IsLinux()) return "The bubblewrap sandbox needs Linux.";
        SandboxCommand.Tools.Find(out var missing);
        if (missing is not null) return missing;
        if (Environment.IsPrivilegedProcess && SandboxUserAccess.TreeProblemCached(DotnetRoot) is { } unreadable)
            return unreadable;
        var dir = Directory.CreateTempSubdirectory("clusterlab-probe-");
        try
        {
            using var probe = SandboxedProcess.StartUnchecked(new SandboxSpec { FileName = "/bin/true", WritableDir = dir.FullName }, IsolationMode.Bubblewrap);
            if (!probe.WaitForExit(TimeSpan.FromSeconds(20))) return "bubblewrap did not start a sandbox within 20 s.";
            probe.WaitForErrorText(TimeSpan.FromSeconds(2));
            if (probe.ExitCode == 0) return null;
            var error = probe.ErrorText.Trim();
            return $"bubblewrap cannot create a sandbox here ({(error.Length == 0 ? $"exit code {probe.ExitCode}" : error)}). " +
                   "It needs unprivileged user namespaces: `sysctl -w user.max_user_namespaces=15000` (and on Debian kernels before 6.x " +
                   "`kernel.unprivileged_userns_clone=1`, on Ubuntu 24.04+ `kernel.apparmor_restrict_unprivileged_userns=0`); " +
                   "in Docker, run the container with `--security-opt seccomp=unconfined --security-opt apparmor=unconfined` or `--privileged`.";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return $"bubblewrap could not be started: {e.Message}";
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
