using System.Text.Json;

namespace ClusterLab.Benchmarks;

/// <summary>
/// The data both sides read: per workload <c>NAME.f64</c> (n × d little-endian doubles, row-major), <c>NAME.labels.i32</c>
/// (the true blob labels), <c>NAME.json</c> (the <see cref="Workload"/> settings) and <c>NAME.init.json</c> (the
/// <see cref="SharedStart"/>); plus <c>sweep_10k_d2.*</c> for the sweep.
/// </summary>
public static class BenchData
{
    /// <summary>Name of the sweep's data files.</summary>
    public const string SweepName = "sweep_10k_d2";

    /// <summary>Writes every workload's data and the sweep's data to <paramref name="dir"/>.</summary>
    public static void Export(string dir)
    {
        Directory.CreateDirectory(dir);
        foreach (var w in Workload.All)
        {
            var data = w.Data();
            Write(dir, w.Name, data.X, data.Labels, JsonSerializer.Serialize(w));
            SharedStart.For(w, data.X).Write(dir, w.Name);                       // the start both sides use
            Console.WriteLine($"{w.Name}: {w.N} x {w.D}");
        }
        var sweep = Sweep.Data();
        Write(dir, SweepName, sweep, new int[sweep.Length],
            JsonSerializer.Serialize(new { Name = SweepName, Kind = "sweep", N = sweep.Length, D = sweep[0].Length, Sweep.MaxK }));
        Console.WriteLine($"{SweepName}: {sweep.Length} x {sweep[0].Length}");
    }

    /// <summary>Reads <c>NAME.f64</c> and <c>NAME.labels.i32</c> back; null when the files are missing.</summary>
    public static (double[][] X, int[] Labels)? TryRead(string dir, string name, int n, int d)
    {
        string xf = Path.Combine(dir, name + ".f64"), lf = Path.Combine(dir, name + ".labels.i32");
        if (!File.Exists(xf) || !File.Exists(lf)) return null;
        var bytes = File.ReadAllBytes(xf);
        if (bytes.Length != n * d * sizeof(double)) throw new InvalidDataException($"{xf} holds {bytes.Length} bytes, expected {n} x {d} doubles: run export-data again.");
        var flat = new double[n * d];
        Buffer.BlockCopy(bytes, 0, flat, 0, bytes.Length);
        var x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = flat.AsSpan(i * d, d).ToArray();
        var lb = File.ReadAllBytes(lf);
        var labels = new int[n];
        Buffer.BlockCopy(lb, 0, labels, 0, lb.Length);
        return (x, labels);
    }

    private static void Write(string dir, string name, double[][] x, int[] labels, string json)
    {
        using (var bw = new BinaryWriter(File.Create(Path.Combine(dir, name + ".f64"))))
            foreach (var row in x) foreach (var v in row) bw.Write(v);
        using (var bw = new BinaryWriter(File.Create(Path.Combine(dir, name + ".labels.i32"))))
            foreach (var l in labels) bw.Write(l);
        File.WriteAllText(Path.Combine(dir, name + ".json"), json);
    }
}
