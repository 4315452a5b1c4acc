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

    /// <summary>The six workloads, both sides, ratio and quality.</summary>
    public static int Quick(BenchArgs a)
    {
        var saved = a.SklearnJson is string path ? ReadSklearn(path) : [];
        PrintMachine(saved.TryGetValue("_meta", out var meta) ? meta : null);
        Console.WriteLine($"Each side: {(a.Live ? $"{a.Rounds} rounds of (scikit-learn, ClusterLab), " : "")}{a.Repeat} timed runs per round after a warm-up; medians. ratio = scikit-learn time / ClusterLab time.");
        Console.WriteLine();
        Console.WriteLine("| workload | ClusterLab (s) | scikit-learn (s) | ratio | target | ClusterLab quality | scikit-learn quality | rel. diff |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var mine = new Dictionary<string, object>();
        var cpuRows = new List<string>();
        foreach (var w in Workload.All.Where(w => a.Only is null || w.Name == a.Only))
        {
            var (x, labels) = BenchData.TryRead(a.DataDir, w.Name, w.N, w.D) ?? Generate(w);
            double quality = w.Run(x, labels);                 // warm-up (JIT, tiering)
            List<double> cl = [], sk = [], clCpu = [], skCpu = [];
            double? skQuality = null;
            if (saved.TryGetValue(w.Name, out var s)) { sk.Add(s.GetProperty("seconds").GetDouble()); skQuality = s.GetProperty("quality").GetDouble(); }
            for (int r = 0; r < a.Rounds; r++)
            {
                if (a.Live && RunSklearn(a, ["--only", w.Name, "--repeat", a.Repeat.ToString(Inv)]) is { } live && live.TryGetValue(w.Name, out var l))
                {
                    sk.AddRange(l.GetProperty("times").EnumerateArray().Select(t => t.GetDouble()));
                    skCpu.AddRange(l.GetProperty("cpu").EnumerateArray().Select(t => t.GetDouble()));
                    skQuality = l.GetProperty("quality").GetDouble();
                }
                for (int i = 0; i < a.Repeat; i++)
                {
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var sw = Stopwatch.StartNew();
                    quality = w.Run(x, labels);
                    cl.Add(sw.Elapsed.TotalSeconds);
                    clCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                }
            }
            double clMed = Median(cl);
            double? skMed = sk.Count > 0 ? Median(sk) : null;
            double target = w.Kind is "silhouette" or "gmm" ? 4 : 2;
            string ratio = skMed is double m ? $"{m / clMed:F1}×" : "";
            string met = skMed is double m2 ? (m2 / clMed >= target ? $"≥ {target}× met" : $"≥ {target}× **missed**") : $"≥ {target}×";
            string rel = skQuality is double q ? (Math.Abs(quality - q) / Math.Abs(q)).ToString("0.0e+0", Inv) : "";
            Console.WriteLine($"| {w.Name} | {clMed:F3} | {skMed?.ToString("F3", Inv)} | {ratio} | {met} | {G(quality)} | {(skQuality is double q2 ? G(q2) : "")} | {rel} |");
            mine[w.Name] = new { seconds = clMed, quality, times = cl, cpu = clCpu, sklearnSeconds = skMed, sklearnQuality = skQuality, sklearnTimes = sk, sklearnCpu = skCpu };
            cpuRows.Add($"| {w.Name} | {Median(clCpu):F3} | {(skCpu.Count > 0 ? Median(skCpu).ToString("F3", Inv) : "")} | {(skCpu.Count > 0 ? $"{Median(skCpu) / Median(clCpu):F1}×" : "")} |");
        }
        Console.WriteLine();
        Console.WriteLine("Process CPU time (both threads summed; less sensitive to other load than wall time):");
        Console.WriteLine();
        Console.WriteLine("| workload | ClusterLab CPU (s) | scikit-learn CPU (s) | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var row in cpuRows) Console.WriteLine(row);
        if (a.JsonOut is string o) File.WriteAllText(o, JsonSerializer.Serialize(mine, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

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

    private static (double[][] X, int[] Labels) Generate(Workload w)
    {
        var d = w.Data();
        return (d.X, d.Labels);
    }

    private static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return (s[(s.Length - 1) / 2] + s[s.Length / 2]) / 2;
    }

    private static string G(double v) => v.ToString("G7", Inv);
}
