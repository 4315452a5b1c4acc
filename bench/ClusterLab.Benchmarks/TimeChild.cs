using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ClusterLab.Benchmarks;

/// <summary>
/// The <c>time</c> mode, run as a child process by <c>quick</c> (so that every contender starts alike and
/// <c>DOTNET_EnableAVX=0</c> can be set for one of them): one workload, one side (<c>--side clusterlab</c> or
/// <c>mlnet</c>), one warm-up and <c>--repeat</c> timed runs; prints <c>{"times": [...], "quality": q, "width": bits}</c>.
/// </summary>
public static class TimeChild
{
    public static int Run(BenchArgs a)
    {
        var w = Workload.All.Single(w => w.Name == a.Only);
        var (x, labels) = BenchData.TryRead(a.DataDir, w.Name, w.N, w.D) ?? (w.Data().X, w.Data().Labels);
        Func<double> run;
        if (a.Side == "mlnet")
        {
            var fit = MlNetKMeans.Prepare(w, x);
            float[][] last = [];
            run = () => { last = fit(); return 0; };
            run();
            var times = Timed(run, a.Repeat);
            return Print(times, MlNetKMeans.Inertia(x, last));
        }
        var start = SharedStart.Read(a.DataDir, w, x);
        double quality = w.Run(x, labels, start);                       // warm-up (JIT, tiering)
        run = () => quality = w.Run(x, labels, start);
        return Print(Timed(run, a.Repeat), quality);
    }

    private static List<double> Timed(Func<double> run, int repeat)
    {
        var t = new List<double>();
        for (int i = 0; i < repeat; i++)
        {
            var sw = Stopwatch.StartNew();
            run();
            t.Add(sw.Elapsed.TotalSeconds);
        }
        return t;
    }

    private static int Print(List<double> times, double quality)
    {
        Console.WriteLine(JsonSerializer.Serialize(new { times, quality, width = ClusterLab.Internal.Simd.Wide ? 256 : 128 }));
        return 0;
    }

    /// <summary>Starts this program in <c>time</c> mode; null (with a message) when it fails.</summary>
    public static (List<double> Times, double Quality, int Width)? Spawn(BenchArgs a, string workload, string side, bool avx)
    {
        string self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(typeof(TimeChild).Assembly.Location);
        foreach (var s in (string[])["time", "--only", workload, "--side", side, "--repeat", a.Repeat.ToString(CultureInfo.InvariantCulture), "--data", a.DataDir])
            psi.ArgumentList.Add(s);
        if (a.Threads is int th) { psi.ArgumentList.Add("--threads"); psi.ArgumentList.Add(th.ToString(CultureInfo.InvariantCulture)); }
        psi.Environment.Remove("DOTNET_EnableAVX");
        if (!avx) psi.Environment["DOTNET_EnableAVX"] = "0";
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) { Console.Error.WriteLine($"time {workload} {side} failed ({p.ExitCode})"); return null; }
        var json = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement;
        return (json.GetProperty("times").EnumerateArray().Select(e => e.GetDouble()).ToList(), json.GetProperty("quality").GetDouble(), json.GetProperty("width").GetInt32());
    }
}
