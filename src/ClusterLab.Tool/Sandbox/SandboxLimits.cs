namespace ClusterLab.Tool.Sandbox;

/// <summary>Resource limits of one sandboxed process tree. Time limits are the caller's (see
/// <see cref="SandboxedProcess.WaitForExit"/> and <see cref="SandboxedProcess.Kill"/>).</summary>
internal sealed record SandboxLimits
{
    /// <summary>The defaults: 1 GiB managed heap, 256 processes/threads, 64 MiB per file, 64 MiB of /tmp.</summary>
    public static SandboxLimits Default { get; } = new();

    /// <summary>Managed heap limit of a .NET child, passed as <c>DOTNET_GCHeapHardLimit</c> (address-space limits
    /// break the runtime, which reserves far more than it uses). Not a limit for native children.</summary>
    public long MemoryBytes { get; init; } = 1L << 30;

    /// <summary>Processes plus threads the sandbox may run at once (<c>RLIMIT_NPROC</c>, counted per sandbox: it is set
    /// inside the sandbox's own user namespace). A .NET runtime needs about 20; a notebook kernel about 60.</summary>
    public int MaxProcesses { get; init; } = 256;

    /// <summary>Largest file the sandbox may write (<c>RLIMIT_FSIZE</c>); a bigger write fails with EFBIG.</summary>
    public long MaxFileBytes { get; init; } = 64L << 20;

    /// <summary>Size of the private <c>/tmp</c> (and of <c>/dev/shm</c>), both memory-backed tmpfs.</summary>
    public long TmpBytes { get; init; } = 64L << 20;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first limit that is not positive or too small.</summary>
    internal void Validate()
    {
        if (MemoryBytes < 16L << 20) throw new ArgumentException($"SandboxLimits.MemoryBytes must be at least 16 MiB (was {MemoryBytes}).");
        if (MaxProcesses < 4) throw new ArgumentException($"SandboxLimits.MaxProcesses must be at least 4 (was {MaxProcesses}).");
        if (MaxFileBytes < 1) throw new ArgumentException($"SandboxLimits.MaxFileBytes must be positive (was {MaxFileBytes}).");
        if (TmpBytes < 1) throw new ArgumentException($"SandboxLimits.TmpBytes must be positive (was {TmpBytes}).");
    }
}
