namespace ClusterLab.Tool.Remoting;

/// <summary>
/// The writable folders of the sandboxed workers: one fresh folder each under <c>$TMPDIR/clusterlab-sandboxes/</c>
/// (reachable by the sandbox user wherever the grader's output lives), deleted when the submission is graded.
/// </summary>
internal static class SandboxFolders
{
    /// <summary>Largest executed notebook copied back for the instructor.</summary>
    public const long MaxCopyBytes = 64L << 20;

    private static string Root => Path.Combine(Path.GetTempPath(), "clusterlab-sandboxes");

    /// <summary>A new empty folder (the root is world-traversable, the folder itself is handed to the sandbox user on start).</summary>
    public static string Create()
    {
        var root = Directory.CreateDirectory(Root);
        if (OperatingSystem.IsLinux() && (File.GetUnixFileMode(root.FullName) & UnixFileMode.OtherExecute) == 0)
            File.SetUnixFileMode(root.FullName, File.GetUnixFileMode(root.FullName) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        return Directory.CreateDirectory(Path.Combine(root.FullName, Guid.NewGuid().ToString("N"))).FullName;
    }

    /// <summary>Copies <paramref name="from"/> (written by the sandbox, so untrusted) to <paramref name="to"/> when it is a plain file of bounded size; never follows a link.</summary>
    public static void CopyBack(string from, string to)
    {
        var info = new FileInfo(from);
        if (!info.Exists || info.LinkTarget is not null || info.Length > MaxCopyBytes) return;
        if (info.Directory is { } d && (d.LinkTarget is not null || d.Parent?.LinkTarget is not null)) return;
        try { File.Copy(from, to, overwrite: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Deletes a worker folder (links inside are removed, not followed); a failure is left for the OS to clean.</summary>
    public static void Delete(string dir)
    {
        if (!Path.GetFullPath(dir).StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
