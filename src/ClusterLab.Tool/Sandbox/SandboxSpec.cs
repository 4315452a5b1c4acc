namespace ClusterLab.Tool.Sandbox;

/// <summary>What to run in a sandbox and which host folders it may see. Every path is absolute and appears at the same
/// path inside; nothing else of the host is visible except the system folders (<c>/usr</c>, <c>/lib*</c>, <c>/bin</c>,
/// <c>/sbin</c> and the few <c>/etc</c> files the dynamic loader needs).</summary>
internal sealed class SandboxSpec
{
    /// <summary>The program: an absolute path, or a name looked up in the child's <c>PATH</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>Arguments, passed as they are (no shell).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Host folders or files bound read-only at the same path (the dotnet root when it is not under /usr,
    /// the tool's folder, <c>artifacts/kit</c>). Never <c>/</c>.</summary>
    public IReadOnlyList<string> ReadOnlyPaths { get; init; } = [];

    /// <summary>The only writable host folder, bound read-write at the same path. It must exist; when the grader runs as
    /// root it is handed (with its contents) to the sandbox user, uid <see cref="SandboxHost.SandboxUid"/>.</summary>
    public required string WritableDir { get; init; }

    /// <summary>The child's working directory (default <see cref="WritableDir"/>); must be inside a visible path.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The child's whole environment: nothing of the grader's is inherited. <c>PATH</c> (default
    /// <c>/usr/bin:/bin</c>), <c>HOME</c> (default <see cref="WritableDir"/>) and <c>TMPDIR</c> (default <c>/tmp</c>) are added
    /// when absent; <c>DOTNET_GCHeapHardLimit</c> and <c>DOTNET_EnableWriteXorExecute</c> always come from <see cref="Limits"/>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Resource limits.</summary>
    public SandboxLimits Limits { get; init; } = SandboxLimits.Default;

    /// <summary>The working directory actually used.</summary>
    internal string EffectiveWorkingDirectory => WorkingDirectory ?? WritableDir;

    /// <summary>The child's environment: <see cref="Environment"/> plus the defaults and the runtime settings the
    /// limits need. W^X is off because the runtime's double-mapped code heap is a memfd that RLIMIT_FSIZE truncates
    /// (the runtime then fails to start with "Out of memory" below about 8 MiB).</summary>
    internal SortedDictionary<string, string> ChildEnvironment()
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Environment) env[name] = value;
        env.TryAdd("PATH", "/usr/bin:/bin");
        env.TryAdd("HOME", WritableDir);
        env.TryAdd("TMPDIR", "/tmp");
        env["DOTNET_GCHeapHardLimit"] = Limits.MemoryBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        env["DOTNET_EnableWriteXorExecute"] = "0";
        return env;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first problem: a relative or missing path, <c>/</c>
    /// as a bound path, a working directory the sandbox cannot see, or a bad environment name.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(FileName)) throw new ArgumentException("SandboxSpec.FileName is empty.");
        Limits.Validate();
        CheckDir(WritableDir, "WritableDir");
        foreach (var p in ReadOnlyPaths)
        {
            if (!Path.IsPathFullyQualified(p)) throw new ArgumentException($"SandboxSpec.ReadOnlyPaths: '{p}' is not an absolute path.");
            if (Normal(p) == "/") throw new ArgumentException("SandboxSpec.ReadOnlyPaths: '/' would expose the whole host.");
            if (!Path.Exists(p)) throw new ArgumentException($"SandboxSpec.ReadOnlyPaths: '{p}' does not exist.");
        }
        var work = EffectiveWorkingDirectory;
        if (!Path.IsPathFullyQualified(work)) throw new ArgumentException($"SandboxSpec.WorkingDirectory '{work}' is not an absolute path.");
        if (!ReadOnlyPaths.Append(WritableDir).Any(p => IsInside(work, p)))
            throw new ArgumentException($"SandboxSpec.WorkingDirectory '{work}' is not inside WritableDir or a read-only path, so the sandbox cannot see it.");
        foreach (var (name, value) in Environment)
        {
            if (name.Length == 0 || name.Contains('=') || name.Contains('\0') || value.Contains('\0'))
                throw new ArgumentException($"SandboxSpec.Environment: '{name}' is not a valid variable name (or its value holds a NUL).");
        }
    }

    private static void CheckDir(string path, string what)
    {
        if (string.IsNullOrEmpty(path) || !Path.IsPathFullyQualified(path)) throw new ArgumentException($"SandboxSpec.{what} '{path}' is not an absolute path.");
        if (Normal(path) == "/") throw new ArgumentException($"SandboxSpec.{what} cannot be '/'.");
        if (!Directory.Exists(path)) throw new ArgumentException($"SandboxSpec.{what} '{path}' does not exist (create it first).");
    }

    /// <summary>The full path without a trailing separator.</summary>
    internal static string Normal(string path)
    {
        var full = Path.GetFullPath(path);
        return full.Length > 1 ? full.TrimEnd('/') : full;
    }

    private static bool IsInside(string path, string folder)
    {
        string p = Normal(path), f = Normal(folder);
        return p == f || p.StartsWith(f + "/", StringComparison.Ordinal);
    }
}
