using System.Collections.Concurrent;

namespace ClusterLab.Tool.Sandbox;

/// <summary>When the grader runs as root the sandbox runs as <see cref="SandboxHost.SandboxUid"/>, who reads host files
/// through their "other" permission bits. This checks those bits (directories need r-x, files r--) and hands the
/// writable folder to that user.</summary>
internal static class SandboxUserAccess
{
    private static readonly ConcurrentDictionary<string, string?> TreeProblems = new(StringComparer.Ordinal);

    /// <summary>The first path of <paramref name="spec"/> the sandbox user could not use, as a sentence naming the fix;
    /// null when all are usable. Whole read-only trees are checked once per process.</summary>
    public static string? Problem(SandboxSpec spec)
    {
        foreach (var path in spec.ReadOnlyPaths)
        {
            var problem = AncestorProblem(path) ?? TreeProblems.GetOrAdd(SandboxSpec.Normal(path), TreeProblem);
            if (problem is not null) return problem;
        }
        if (AncestorProblem(spec.WritableDir) is { } w) return w;
        if (Path.IsPathFullyQualified(spec.FileName) && File.Exists(spec.FileName))
            return AncestorProblem(spec.FileName) ?? Missing(spec.FileName, UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return null;
    }

    /// <summary>Problem with a whole read-only tree (for <see cref="SandboxHost.WhyUnavailable"/>), or null.</summary>
    public static string? TreeProblemCached(string path) =>
        AncestorProblem(path) ?? TreeProblems.GetOrAdd(SandboxSpec.Normal(path), TreeProblem);

    /// <summary>Gives <paramref name="dir"/> and everything in it to the sandbox user (symbolic links are not followed).</summary>
    public static void HandOver(string dir)
    {
        Native.ChangeOwner(dir, SandboxHost.SandboxUid, SandboxHost.SandboxUid);
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo && entry.LinkTarget is null) HandOver(entry.FullName);
            else Native.ChangeOwner(entry.FullName, SandboxHost.SandboxUid, SandboxHost.SandboxUid);
        }
    }

    /// <summary>Every folder above <paramref name="path"/> must let others pass (o+x).</summary>
    private static string? AncestorProblem(string path)
    {
        for (var dir = Path.GetDirectoryName(SandboxSpec.Normal(path)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (Missing(dir, UnixFileMode.OtherExecute) is { } problem) return problem;
        }
        return null;
    }

    private static string? TreeProblem(string root)
    {
        if (OperatingSystem.IsWindows()) return null;
        var rootInfo = Directory.Exists(root) ? (FileSystemInfo)new DirectoryInfo(root) : new FileInfo(root);
        var pending = new Stack<FileSystemInfo>([rootInfo]);
        while (pending.Count > 0)
        {
            var entry = pending.Pop();
            if (entry.LinkTarget is not null) continue; // a link is checked where it points, if that is bound at all
            var dir = entry as DirectoryInfo;
            var need = dir is null ? UnixFileMode.OtherRead : UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            if ((entry.UnixFileMode & need) != need) return Sentence(entry.FullName, entry.UnixFileMode, dir is not null);
            if (dir is not null) foreach (var child in dir.EnumerateFileSystemInfos()) pending.Push(child);
        }
        return null;
    }

    private static string? Missing(string path, UnixFileMode need)
    {
        if (OperatingSystem.IsWindows()) return null;
        var mode = File.GetUnixFileMode(path);
        return (mode & need) == need ? null : Sentence(path, mode, Directory.Exists(path));
    }

    private static string Sentence(string path, UnixFileMode mode, bool isDir) =>
        $"The sandbox runs as uid {SandboxHost.SandboxUid}, who cannot {(isDir ? "enter" : "read")} '{path}' (mode {Octal(mode)}). " +
        $"Make it readable by others (chmod -R o+rX on the folder: directories 755, files 644), or install/build it outside a private folder such as /root.";

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
}
