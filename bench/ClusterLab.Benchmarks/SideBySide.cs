using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ClusterLab.Benchmarks;

/// <summary>
/// The quick and sweep modes: ClusterLab timed with a Stopwatch (one warm-up, then medians), scikit-learn either read from
/// a saved sklearn_bench.py output or run live, alternating with ClusterLab round by round so that both sides see the
/// same machine load. Prints markdown tables.
/// </summary>
public static class SideBySide
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// The six workloads from the shared start: per round scikit-learn, ClusterLab, ClusterLab with DOTNET_EnableAVX=0
    /// and (K-means) ML.NET, each a fresh process with a warm-up, in an order that reverses every round; medians with the
    /// range (min–max) of every timed run, ratios of the medians with the range of the per-round ratios.
    /// </summary>
    public static int Quick(BenchArgs a)
    {
        PrintMachine(null);
        Console.WriteLine($"python: {a.Python}; {a.Rounds} rounds, {a.Repeat} timed runs per contender and round after a warm-up; times in seconds as median (min–max).");
        Console.WriteLine();
        Console.WriteLine("| workload | ClusterLab | ClusterLab, AVX=0 | AVX=0 ÷ full (≤ 2.5) | scikit-learn | ClusterLab ÷ scikit-learn | target | ML.NET | ClusterLab quality | scikit-learn quality | ML.NET quality |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var mine = new Dictionary<string, object>();
        foreach (var w in Workload.All.Where(w => a.Only is null || w.Name == a.Only))
        {
            bool kmeans = w.Kind == "kmeans";
            List<double> cl = [], c0 = [], sk = [], ml = [], rSk = [], rAvx = [];
            double clQ = double.NaN, skQ = double.NaN, mlQ = double.NaN;
            for (int r = 0; r < a.Rounds; r++)
            {
                double? skRound = null, clRound = null, c0Round = null;
                var steps = new List<Action>
                {
                    () => { if (RunSklearn(a, ["--only", w.Name, "--repeat", a.Repeat.ToString(Inv)]) is { } live && live.TryGetValue(w.Name, out var l))
                            { var t = l.GetProperty("times").EnumerateArray().Select(e => e.GetDouble()).ToList(); sk.AddRange(t); skRound = Median(t); skQ = l.GetProperty("quality").GetDouble(); } },
                    () => { if (TimeChild.Spawn(a, w.Name, "clusterlab", avx: true) is { } c) { cl.AddRange(c.Times); clRound = Median(c.Times); clQ = c.Quality; } },
                    () => { if (TimeChild.Spawn(a, w.Name, "clusterlab", avx: false) is { } c) { c0.AddRange(c.Times); c0Round = Median(c.Times); } },
                };
                if (kmeans) steps.Add(() => { if (TimeChild.Spawn(a, w.Name, "mlnet", avx: true) is { } m) { ml.AddRange(m.Times); mlQ = m.Quality; } });
                if (r % 2 == 1) steps.Reverse();                                // no contender always goes first
                foreach (var step in steps) step();
                if (clRound is double cr && skRound is double sr) rSk.Add(cr / sr);
                if (clRound is double cr2 && c0Round is double zr) rAvx.Add(zr / cr2);
            }
            double target = w.Kind is "silhouette" or "gmm" ? 0.25 : 0.5;
            double ratio = Median(cl) / Median(sk), avx = Median(c0) / Median(cl);
            string met = ratio <= target ? "met" : "**missed**", avxMet = avx <= 2.5 ? "" : " **missed**";
            Console.WriteLine($"| `{w.Name}` | {Spread(cl)} | {Spread(c0)} | {avx:F2} ({Range(rAvx)}){avxMet} | {Spread(sk)} | {ratio:F2} ({Range(rSk)}) | ≤ {target:G2} {met} | " +
                $"{(kmeans ? Spread(ml) : "n/a")} | {G(clQ)} | {G(skQ)} | {(kmeans ? G(mlQ) : "")} |");
            mine[w.Name] = new { clusterlab = cl, avx0 = c0, sklearn = sk, mlnet = ml, clusterlabQuality = clQ, sklearnQuality = skQ, mlnetQuality = mlQ };
        }
        if (a.JsonOut is string o) File.WriteAllText(o, JsonSerializer.Serialize(mine, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static string Spread(List<double> t) => t.Count == 0 ? "" : $"{Median(t):F3} ({t.Min():F3}–{t.Max():F3})";

    private static string Range(List<double> r) => r.Count == 0 ? "" : $"{r.Min():F2}–{r.Max():F2}";

    /// <summary>Lesson 05's sweep, k = 1 … 100, both estimators; with --live also scikit-learn's (one run per round).</summary>
    public static int Sweep(BenchArgs a)
    {
        var x = BenchData.TryRead(a.DataDir, BenchData.SweepName, Benchmarks.Sweep.N, 2)?.X ?? Benchmarks.Sweep.Data();
        PrintMachine(null);
        // Warm-up as in the lesson, where earlier cells have already fitted both estimators.
        new KMeans(5) { NInit = 3, Seed = 42 }.Fit(x);
        new MiniBatchKMeans(5) { BatchSize = 1024, Seed = 42 }.Fit(x);
        Console.WriteLine($"| sweep k = 1 … {Benchmarks.Sweep.MaxK}, n = {x.Length} | KMeans (s) | MiniBatchKMeans (s) | total (s) | Σ inertia KMeans | Σ inertia mini-batch |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var totals = new List<double>();
        for (int r = 0; r < a.Rounds; r++)
        {
            if (a.Live && RunSklearn(a, ["--sweep"]) is { } sk)
            {
                double f = sk["sweep_kmeans"].GetProperty("seconds").GetDouble(), m = sk["sweep_minibatch"].GetProperty("seconds").GetDouble();
                Console.WriteLine($"| scikit-learn | {f:F2} | {m:F2} | {f + m:F2} | {G(sk["sweep_kmeans"].GetProperty("quality").GetDouble())} | {G(sk["sweep_minibatch"].GetProperty("quality").GetDouble())} |");
            }
            for (int i = 0; i < a.Repeat; i++)
            {
                var (full, mini, fi, mi) = Benchmarks.Sweep.Run(x);
                totals.Add(full + mini);
                Console.WriteLine($"| ClusterLab (history kept, as in the lesson) | {full:F2} | {mini:F2} | {full + mini:F2} | {G(fi)} | {G(mi)} |");
            }
        }
        var (f2, m2, fi2, mi2) = Benchmarks.Sweep.Run(x, keepHistory: false);
        Console.WriteLine($"| ClusterLab (KeepHistory = false) | {f2:F2} | {m2:F2} | {f2 + m2:F2} | {G(fi2)} | {G(mi2)} |");
        double med = Median(totals);
        Console.WriteLine();
        Console.WriteLine($"ClusterLab sweep, median total {med:F2} s over {totals.Count} runs: target < 10 s {(med < 10 ? "met" : "**missed**")}.");
        return 0;
    }

    /// <summary>Cores, CPU model, runtime and date (UTC), for the README.</summary>
    private static void PrintMachine(JsonElement? sklearnMeta)
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        double[] load = File.Exists("/proc/loadavg")
            ? File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, Inv)).ToArray()
            : [];
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores ({cpu}); .NET {Environment.Version}; " +
            $"load average {string.Join(" ", load.Select(v => v.ToString("F1", Inv)))}" +
            (sklearnMeta is JsonElement m ? $"; scikit-learn {m.GetProperty("sklearn").GetString()}, {m.GetProperty("threads").GetInt32()} threads" : ""));
    }

    /// <summary>Runs sklearn_bench.py with <paramref name="extra"/> arguments; returns its JSON, or null (with a message) when it fails.</summary>
    private static Dictionary<string, JsonElement>? RunSklearn(BenchArgs a, string[] extra)
    {
        string tmp = Path.GetTempFileName();
        try
        {
            var psi = new ProcessStartInfo(a.Python) { UseShellExecute = false, RedirectStandardOutput = true };
            foreach (var s in (string[])[a.Script, a.DataDir, tmp, .. extra]) psi.ArgumentList.Add(s);
            using var p = Process.Start(psi)!;
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) { Console.Error.WriteLine($"{a.Python} {a.Script} failed ({p.ExitCode})"); return null; }
            return ReadSklearn(tmp);
        }
        finally { File.Delete(tmp); }
    }

    private static Dictionary<string, JsonElement> ReadSklearn(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(path))!;

    private static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return (s[(s.Length - 1) / 2] + s[s.Length / 2]) / 2;
    }

    private static string G(double v) => v.ToString("G7", Inv);
}
