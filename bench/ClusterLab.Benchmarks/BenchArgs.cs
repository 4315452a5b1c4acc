namespace ClusterLab.Benchmarks;

/// <summary>The command-line options of the quick and sweep modes (<c>--name value</c> pairs and <c>--flag</c>s).</summary>
public sealed class BenchArgs(string[] args)
{
    /// <summary>Timed runs per round after one warm-up. Default 3.</summary>
    public int Repeat => Int("--repeat", 3);
    /// <summary>Rounds of (scikit-learn, ClusterLab, ClusterLab with AVX=0, ML.NET) measured back to back. Default 3.</summary>
    public int Rounds => Int("--rounds", 3);
    /// <summary>Whether the sweep runs scikit-learn too (quick always does).</summary>
    public bool Live => Array.IndexOf(args, "--live") >= 0;
    /// <summary>
    /// The Python interpreter: <c>--python</c>, else the first of Debian's <c>/usr/bin/python3</c> and PATH's
    /// <c>python3</c> that imports scikit-learn (on Debian another Python first on PATH usually lacks it).
    /// </summary>
    public string Python => _python ??= Str("--python") ?? FindPython();
    private string? _python;
    /// <summary>The side a <c>time</c> child runs: clusterlab (default) or mlnet.</summary>
    public string Side => Str("--side") ?? "clusterlab";

    private static string FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var psi = new System.Diagnostics.ProcessStartInfo(candidate, ["-c", "import sklearn"]) { UseShellExecute = false, RedirectStandardError = true };
                using var p = System.Diagnostics.Process.Start(psi)!;
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception) { }                      // not installed
        }
        throw new InvalidOperationException("No python3 with scikit-learn: install Debian's python3-sklearn (apt-get install -y python3-sklearn) or pass --python PATH.");
    }
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
