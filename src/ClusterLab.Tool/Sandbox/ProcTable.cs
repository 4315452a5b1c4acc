namespace ClusterLab.Tool.Sandbox;

/// <summary>Reads the host's process table from <c>/proc</c>: parents, PID namespaces, command lines.</summary>
internal static class ProcTable
{
    /// <summary>Every process id currently listed in <c>/proc</c>.</summary>
    public static IEnumerable<int> Pids()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid)) yield return pid;
    }

    /// <summary>The processes whose parent is <paramref name="parent"/>.</summary>
    public static List<int> ChildrenOf(int parent) => Pids().Where(p => Stat(p) is { } s && s.Parent == parent).ToList();

    /// <summary>The PID namespace of a process, e.g. <c>pid:[4026532301]</c>, or null when it is gone or unreadable.</summary>
    public static string? PidNamespaceOf(int pid)
    {
        try { return new FileInfo($"/proc/{pid}/ns/pid").LinkTarget; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>The live (not zombie) processes in a PID namespace.</summary>
    public static List<int> InPidNamespace(string pidNamespace) =>
        Pids().Where(p => PidNamespaceOf(p) == pidNamespace && Stat(p) is { State: not 'Z' }).ToList();

    /// <summary>A process's command line with NULs as spaces, or null when it is gone.</summary>
    public static string? CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').TrimEnd(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>State letter and parent id from <c>/proc/PID/stat</c>, or null when the process is gone.</summary>
    internal static (char State, int Parent)? Stat(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so parse after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], out var ppid) ? (fields[0][0], ppid) : null;
    }
}
