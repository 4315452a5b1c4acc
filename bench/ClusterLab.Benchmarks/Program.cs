using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using ClusterLab.Benchmarks;

// dotnet run -c Release --project bench/ClusterLab.Benchmarks -- export-data bench/data   (binary data for sklearn_bench.py)
// dotnet run -c Release --project bench/ClusterLab.Benchmarks -- quick [--sklearn bench/sklearn.json] [--repeat 5]
// dotnet run -c Release --project bench/ClusterLab.Benchmarks -- bdn   (BenchmarkDotNet, all six workloads)
var mode = args.Length > 0 ? args[0] : "quick";
switch (mode)
{
    case "export-data":
        ExportData(args.Length > 1 ? args[1] : "bench/data");
        return 0;
    case "bdn":
        BenchmarkRunner.Run<WorkloadBenchmarks>(args: args.Skip(1).ToArray());
        return 0;
    case "quick":
        return Quick(args);
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': use export-data, quick or bdn");
        return 2;
}

static void ExportData(string dir)
{
    Directory.CreateDirectory(dir);
    foreach (var w in Workload.All)
    {
        var data = w.Data();
        using var f = File.Create(Path.Combine(dir, w.Name + ".f64"));
        using var bw = new BinaryWriter(f);
        foreach (var row in data.X) foreach (var v in row) bw.Write(v);
        File.WriteAllBytes(Path.Combine(dir, w.Name + ".labels.i32"), data.Labels.SelectMany(BitConverter.GetBytes).ToArray());
        File.WriteAllText(Path.Combine(dir, w.Name + ".json"), JsonSerializer.Serialize(w));
        Console.WriteLine($"{w.Name}: {w.N} x {w.D}");
    }
}

static int Quick(string[] args)
{
    int repeat = ArgInt(args, "--repeat", 5);
    string? sklearnPath = ArgStr(args, "--sklearn");
    var sk = sklearnPath is not null && File.Exists(sklearnPath)
        ? JsonSerializer.Deserialize<Dictionary<string, SkResult>>(File.ReadAllText(sklearnPath))!
        : new Dictionary<string, SkResult>();
    Console.WriteLine($"ClusterLab {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
    Console.WriteLine("| workload | ClusterLab (s) | scikit-learn (s) | ratio | ClusterLab quality | scikit-learn quality |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    var only = ArgStr(args, "--only");
    foreach (var w in Workload.All.Where(w => only is null || w.Name == only))
    {
        var data = w.Data();
        double quality = w.Run(data.X, data.Labels); // warm-up (JIT)
        var times = new List<double>();
        for (int r = 0; r < repeat; r++)
        {
            var sw = Stopwatch.StartNew();
            quality = w.Run(data.X, data.Labels);
            times.Add(sw.Elapsed.TotalSeconds);
        }
        double median = times.Order().ElementAt(times.Count / 2);
        sk.TryGetValue(w.Name, out var s);
        string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        Console.WriteLine($"| {w.Name} | {median:F3} | {(s is null ? "" : s.seconds.ToString("F3"))} | {(s is null ? "" : (s.seconds / median).ToString("F1") + "×")} | {F(quality)} | {(s is null ? "" : F(s.quality))} |");
    }
    return 0;
}

static int ArgInt(string[] a, string name, int def) { int i = Array.IndexOf(a, name); return i >= 0 && i + 1 < a.Length ? int.Parse(a[i + 1]) : def; }
static string? ArgStr(string[] a, string name) { int i = Array.IndexOf(a, name); return i >= 0 && i + 1 < a.Length ? a[i + 1] : null; }

/// <summary>One scikit-learn timing from sklearn_bench.py.</summary>
internal sealed record SkResult(double seconds, double quality);
