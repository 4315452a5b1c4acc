namespace ClusterLab.Notebooks;

/// <summary>Thread-safe record of the results of this process's checks.</summary>
internal static class CheckLog
{
    private static readonly List<CheckResult> Items = new();

    public static void Add(CheckResult r) { lock (Items) Items.Add(r); }

    public static CheckResult[] Snapshot() { lock (Items) return Items.ToArray(); }

    public static void Clear() { lock (Items) Items.Clear(); }
}
