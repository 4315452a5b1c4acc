using System.Diagnostics;
using System.Globalization;

namespace ClusterLab.Tool.Sandbox;

/// <summary>Builds the host command line of a sandbox:
/// <c>[setpriv --reuid=65534 …] bwrap OPTIONS -- prlimit LIMITS -- FILE ARGS</c>. The limits are set inside the
/// sandbox, after bubblewrap created its user namespace, so RLIMIT_NPROC counts only this sandbox's processes (set
/// before bubblewrap, it would count every process of the sandbox user on the host, and one fork bomb would starve
/// every other sandbox). <c>prlimit</c> rather than the shell's <c>ulimit</c>: Debian's dash has no <c>ulimit -u</c>.</summary>
internal static class SandboxCommand
{
    /// <summary>Top-level system folders bound read-only (or recreated as the same symbolic link, on merged-/usr systems).</summary>
    private static readonly string[] SystemFolders = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    /// <summary>The only files of /etc the sandbox sees: what the dynamic loader (ICU is loaded with dlopen) and
    /// /usr/bin's alternatives links need, and the time zone.</summary>
    private static readonly string[] EtcFiles = ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives", "/etc/localtime"];

    /// <summary>The start info for <paramref name="spec"/> in <paramref name="mode"/>; streams redirected, environment
    /// cleared (the outer bwrap's own environment is readable in the sandbox as /proc/1/environ).</summary>
    public static ProcessStartInfo For(SandboxSpec spec, IsolationMode mode, Tools tools)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment.Clear();
        // Without the sandbox, limits are best effort: prlimit may be missing, and root ignores RLIMIT_NPROC.
        var limits = mode == IsolationMode.None && !File.Exists(tools.Prlimit) ? [] : Limits(spec.Limits, tools.Prlimit);
        var inner = limits.Append(spec.FileName).Concat(spec.Args).ToList();
        if (mode == IsolationMode.None)
        {
            info.FileName = inner[0];
            foreach (var a in inner.Skip(1)) info.ArgumentList.Add(a);
            foreach (var (k, v) in spec.ChildEnvironment()) info.Environment[k] = v;
            info.WorkingDirectory = spec.EffectiveWorkingDirectory;
            return info;
        }
        var outer = new List<string>();
        if (Environment.IsPrivilegedProcess)
        {
            // Root is exempt from RLIMIT_NPROC: drop to the sandbox user first.
            var id = SandboxHost.SandboxUid.ToString(CultureInfo.InvariantCulture);
            outer.AddRange([tools.Setpriv, $"--reuid={id}", $"--regid={id}", "--clear-groups", "--no-new-privs"]);
        }
        outer.Add(tools.Bwrap);
        outer.AddRange(BwrapOptions(spec));
        outer.Add("--");
        outer.AddRange(inner);
        info.FileName = outer[0];
        foreach (var a in outer.Skip(1)) info.ArgumentList.Add(a);
        info.WorkingDirectory = "/";
        return info;
    }

    /// <summary>The bubblewrap options (0.8.0): every namespace new, no capabilities, cleared environment, a read-only
    /// root of system folders, size-limited tmpfs on /tmp and /dev/shm, the given binds.</summary>
    internal static List<string> BwrapOptions(SandboxSpec spec)
    {
        var size = spec.Limits.TmpBytes.ToString(CultureInfo.InvariantCulture);
        var o = new List<string>
        {
            "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
            "--cap-drop", "ALL", "--clearenv", "--hostname", "sandbox",
        };
        foreach (var folder in SystemFolders)
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is { } target) o.AddRange(["--symlink", target, folder]);
            else if (info.Exists) o.AddRange(["--ro-bind", folder, folder]);
        }
        foreach (var file in EtcFiles) o.AddRange(["--ro-bind-try", file, file]);
        o.AddRange(["--proc", "/proc", "--dev", "/dev", "--size", size, "--tmpfs", "/dev/shm", "--size", size, "--tmpfs", "/tmp"]);
        foreach (var path in spec.ReadOnlyPaths) o.AddRange(["--ro-bind", path, path]);
        o.AddRange(["--bind", spec.WritableDir, spec.WritableDir]);
        // The root and /dev are tmpfs mounts bubblewrap made writable by the sandbox user and unbounded: freeze them.
        o.AddRange(["--remount-ro", "/dev", "--remount-ro", "/", "--chdir", spec.EffectiveWorkingDirectory]);
        foreach (var (k, v) in spec.ChildEnvironment()) o.AddRange(["--setenv", k, v]);
        return o;
    }

    /// <summary><c>prlimit</c> with soft = hard limits (the child cannot raise them) and no core dumps.</summary>
    private static IEnumerable<string> Limits(SandboxLimits limits, string prlimit)
    {
        string Both(long v) => $"{v.ToString(CultureInfo.InvariantCulture)}:{v.ToString(CultureInfo.InvariantCulture)}";
        return [prlimit, $"--nproc={Both(limits.MaxProcesses)}", $"--fsize={Both(limits.MaxFileBytes)}", "--core=0:0", "--"];
    }

    /// <summary>Absolute paths of the host programs a sandbox needs (bwrap, setpriv and prlimit; all in /usr so that
    /// prlimit is visible inside too).</summary>
    internal sealed record Tools(string Bwrap, string Setpriv, string Prlimit)
    {
        private static readonly string[] Folders = ["/usr/bin", "/usr/sbin", "/bin", "/sbin"];

        /// <summary>Finds the programs, or says which package is missing.</summary>
        public static Tools Find(out string? problem)
        {
            string? Where(string name) => Folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
            string? bwrap = Where("bwrap"), setpriv = Where("setpriv"), prlimit = Where("prlimit");
            problem = bwrap is null ? "bubblewrap is not installed (no bwrap in /usr/bin): install it with `apt-get install bubblewrap`."
                : prlimit is null || (setpriv is null && Environment.IsPrivilegedProcess)
                    ? "util-linux's prlimit/setpriv are missing: install them with `apt-get install util-linux`."
                    : null;
            return new Tools(bwrap ?? "bwrap", setpriv ?? "setpriv", prlimit ?? "prlimit");
        }
    }
}
