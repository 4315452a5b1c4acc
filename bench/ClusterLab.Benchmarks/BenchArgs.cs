namespace ClusterLab.Benchmarks;

/// <summary>The command-line options of the quick and sweep modes (<c>--name value</c> pairs and <c>--flag</c>s).</summary>
public sealed class BenchArgs(string[] args)
{
    /// <summary>Timed runs per round after one warm-up. Default 3.</summary>
    public int Repeat => Int("--repeat", 3);
    /// <summary>Rounds of (scikit-learn, ClusterLab) measured back to back. Default 3 with --live, else 1.</summary>
    public int Rounds => Int("--rounds", Live ? 3 : 1);
    /// <summary>A saved scikit-learn timing (sklearn_bench.py output) to merge; null for none.</summary>
    public string? SklearnJson => Str("--sklearn");
    /// <summary>Whether to run scikit-learn now, alternating with ClusterLab.</summary>
    public bool Live => Array.IndexOf(args, "--live") >= 0;
    /// <summary>The Python interpreter. Default python3.</summary>
    public string Python => Str("--python") ?? "python3";
    /// <summary>The script. Default bench/sklearn_bench.py.</summary>
    public string Script => Str("--script") ?? "bench/sklearn_bench.py";
    /// <summary>Folder of the exported data (read by both sides when present). Default bench/data.</summary>
    public string DataDir => Str("--data") ?? "bench/data";
    /// <summary>Only this workload; null for all.</summary>
    public string? Only => Str("--only");
    /// <summary>Where to write the ClusterLab timings as JSON; null for nowhere.</summary>
    public string? JsonOut => Str("--json");

    /// <summary>ClusterLab's thread limit (Parallelism.MaxThreads); null keeps the default (the processor count).</summary>
    public int? Threads => Str("--threads") is string s ? int.Parse(s) : null;

    private int Int(string name, int def) => Str(name) is string s ? int.Parse(s) : def;

    private string? Str(string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
