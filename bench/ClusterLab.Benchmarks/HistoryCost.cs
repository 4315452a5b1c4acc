using System.Diagnostics;

namespace ClusterLab.Benchmarks;

/// <summary>
/// What keeping the history costs: default K-means fits (<c>KeepHistory = true</c>) against <c>KeepHistory = false</c> on
/// the issue-15 workloads, from the same given centroids, alternately; medians, the ratio (target ≤ 1.10) and the bytes
/// allocated per fit. <c>dotnet run -c Release --project bench/ClusterLab.Benchmarks -- history [--repeat 7]</c>
/// </summary>
public static class HistoryCost
{
    public static int Run(BenchArgs a)
    {
        int repeat = Math.Max(a.Repeat, 5);
        Console.WriteLine($"| workload | history (s) | no history (s) | ratio | history bytes | no-history bytes |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        bool ok = true;
        foreach (var (name, n, d, k, iters) in new[] { ("kmeans_200k_d2_k8", 200_000, 2, 8, 50), ("kmeans_100k_d16_k64", 100_000, 16, 64, 20), ("kmeans_1m_d2_k50", 1_000_000, 2, 50, 40) })
        {
            var x = Blobs(n, d, k, seed: 7);
            var init = x.Take(k).Select(r => (double[])r.Clone()).ToArray();
            KMeansModel Fit(bool history) => new KMeans(k) { InitialCentroids = init, MaxIter = iters, Tol = 0, KeepHistory = history }.Fit(x);
            Fit(true); Fit(false);
            var on = new List<double>(); var off = new List<double>();
            long bytesOn = 0, bytesOff = 0;
            for (int r = 0; r < repeat; r++)
            {
                bool onFirst = r % 2 == 0;                                     // alternate the order: no bias from going first
                (double t1, long b1) = onFirst ? Time(() => Fit(true)) : default;
                (double t0, long b0) = Time(() => Fit(false));
                if (!onFirst) (t1, b1) = Time(() => Fit(true));
                on.Add(t1); off.Add(t0); bytesOn = b1; bytesOff = b0;
            }
            double mOn = Median(on), mOff = Median(off), ratio = mOn / mOff;
            ok &= ratio <= 1.10;
            Console.WriteLine($"| `{name}` ({iters} iterations) | {mOn:F3} | {mOff:F3} | {ratio:F2} | {bytesOn:N0} | {bytesOff:N0} |");
        }
        Console.WriteLine(ok ? "every ratio ≤ 1.10" : "some ratio > 1.10");
        return ok ? 0 : 1;
    }

    private static (double Seconds, long Bytes) Time(Action f)
    {
        GC.Collect(); GC.WaitForPendingFinalizers();
        long b = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        f();
        sw.Stop();
        return (sw.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - b);
    }

    private static double Median(List<double> v) { var s = v.Order().ToArray(); return s[s.Length / 2]; }

    private static double[][] Blobs(int n, int d, int k, int seed)
    {
        var rng = new Random(seed);
        var centers = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, d).Select(_ => 20 * rng.NextDouble()).ToArray()).ToArray();
        return Enumerable.Range(0, n).Select(i => centers[i % k].Select(c => c + rng.NextDouble() * 2 - 1).ToArray()).ToArray();
    }
}
