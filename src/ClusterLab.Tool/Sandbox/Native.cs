using System.Runtime.InteropServices;

namespace ClusterLab.Tool.Sandbox;

/// <summary>The two libc calls .NET does not offer: <c>kill</c> with SIGKILL by pid, and <c>lchown</c>.</summary>
internal static class Native
{
    private const int SigKill = 9;

    /// <summary>Sends SIGKILL; false when the process is already gone.</summary>
    public static bool KillProcess(int pid) => pid > 1 && kill(pid, SigKill) == 0;

    /// <summary>Changes the owner of a path without following a symbolic link; throws on failure.</summary>
    public static void ChangeOwner(string path, int uid, int gid)
    {
        if (lchown(path, uid, gid) != 0)
            throw new IOException($"cannot give '{path}' to uid {uid}: errno {Marshal.GetLastPInvokeError()}");
    }

    // DllImport rather than LibraryImport: the generated marshalling would need AllowUnsafeBlocks in the project.
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int lchown(string path, int owner, int group);
}
