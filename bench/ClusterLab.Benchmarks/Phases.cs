using System.Diagnostics;
using ClusterLab.Internal;

namespace ClusterLab.Benchmarks;

/// <summary>
/// The <c>phases</c> mode: where the time of each workload goes (seeding against Lloyd iterations, K-means init against
/// EM steps), each phase timed alone on the workload's data, median of a few runs. For finding what to optimise.
/// </summary>
public static class Phases
{
    /// <summary>Prints one line per phase.</summary>
    public static int Run(BenchArgs a)
    {
        if (a.Only == "sweep") return SweepPhases();
        foreach (var w in Workload.All.Where(w => a.Only is null || w.Name == a.Only))
        {
            var (x, labels) = BenchData.TryRead(a.DataDir, w.Name, w.N, w.D) ?? (w.Data().X, w.Data().Labels);
            var data = RowMatrix.FromJagged(x);
            data.SubtractRowVector(data.ColumnMeans());
            switch (w.Kind)
            {
                case "kmeans":
                    var init = KMeansSeeding.PlusPlus(data, w.K, new Random(0));
                    Time(w, "copy + validate (FromJagged, DistinctPoints)", a, () => { var m = RowMatrix.FromJagged(x); Validate.DistinctPoints(m.Data, w.N, w.D, w.K); });
                    Time(w, "k-means++", a, () => KMeansSeeding.PlusPlus(data, w.K, new Random(0)));
                    Time(w, $"Lloyd, {w.MaxIter} iterations", a, () => new Lloyd(data, w.K).Run(init, w.MaxIter, 0, false));
                    break;
                case "gmm":
                    var ws = new EmWorkspace(x, w.K);
                    Time(w, "K-means init (KMeans.Fit, defaults)", a, () => new KMeans(w.K) { NInit = 1, Seed = 0 }.Fit(x));
                    Time(w, "K-means init, KeepHistory = false", a, () => new KMeans(w.K) { NInit = 1, Seed = 0, KeepHistory = false }.Fit(x));
                    ws.SetHard(new KMeans(w.K) { NInit = 1, Seed = 0 }.Fit(x).Labels);
                    MStepKernel.AccumulateMeans(ws);
                    var theta = MStepKernel.Run(ws, 1e-6, out _)!;
                    Time(w, "workspace (column copy)", a, () => new EmWorkspace(x, w.K));
                    Time(w, "E-step × 10", a, () => { for (int t = 0; t < 10; t++) EStepKernel.Run(ws, theta, accumulateForMStep: true); });
                    Time(w, "M-step × 10", a, () => { for (int t = 0; t < 10; t++) MStepKernel.Run(ws, 1e-6, out _); });
                    break;
                default:
                    Time(w, "whole", a, () => w.Run(x, labels, SharedStart.Read(a.DataDir, w, x)));
                    break;
            }
        }
        return 0;
    }

    /// <summary>The sweep's K-means half split into k-means++ and Lloyd (iterations counted), and the mini-batch half.</summary>
    private static int SweepPhases()
    {
        var x = Sweep.Data();
        var data = RowMatrix.FromJagged(x);
        var mean = data.ColumnMeans();
        double tol = 1e-4 * data.ColumnVariances(mean).Average();
        data.SubtractRowVector(mean);
        double seed = 0, lloyd = 0, mini = 0;
        long iterations = 0;
        var sw = new Stopwatch();
        for (int k = 1; k <= Sweep.MaxK; k++)
        {
            var rng = new Random(42);
            sw.Restart();
            var init = KMeansSeeding.PlusPlus(data, k, rng);
            seed += sw.Elapsed.TotalSeconds;
            sw.Restart();
            iterations += new Lloyd(data, k).Run(init, 300, tol, keepHistory: false).Iterations;
            lloyd += sw.Elapsed.TotalSeconds;
            sw.Restart();
            new MiniBatchKMeans(k) { NInit = 1, Seed = 42 }.Fit(x);
            mini += sw.Elapsed.TotalSeconds;
        }
        Console.WriteLine($"sweep: k-means++ {seed:F2} s, Lloyd {lloyd:F2} s ({iterations} iterations in all), mini-batch {mini:F2} s");
        return 0;
    }

    private static void Time(Workload w, string phase, BenchArgs a, Action body)
    {
        body();
        var t = new List<double>();
        for (int r = 0; r < a.Repeat; r++)
        {
            var sw = Stopwatch.StartNew();
            body();
            t.Add(sw.Elapsed.TotalSeconds);
        }
        t.Sort();
        Console.WriteLine($"{w.Name,-22} {phase,-46} {t[t.Count / 2]:F4} s  (min {t[0]:F4})");
    }
}
