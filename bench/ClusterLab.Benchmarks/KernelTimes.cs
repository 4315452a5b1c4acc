using System.Diagnostics;
using ClusterLab.Internal;

namespace ClusterLab.Benchmarks;

/// <summary>
/// The <c>kernels</c> mode: one full assignment pass of each K-means workload's shape through the kernel Lloyd uses
/// (points or centroids in lanes), one thread, medians; run it with and without <c>DOTNET_EnableAVX=0</c> to see what
/// the vector width costs. <c>dotnet run -c Release --project bench/ClusterLab.Benchmarks -- kernels [--repeat 9]</c>
/// </summary>
public static class KernelTimes
{
    public static int Run(BenchArgs a)
    {
        Console.WriteLine($"vector width {(Simd.Wide ? 256 : 128)} bits");
        foreach (var (n, d, k) in new[] { (200_000, 2, 8), (100_000, 16, 64), (10_000, 2, 50) })
        {
            var rng = new Random(1);
            var x = new RowMatrix(n, d, Enumerable.Range(0, n * d).Select(_ => rng.NextDouble() * 20 - 10).ToArray());
            var centers = x.Data.AsSpan(0, k * d).ToArray();
            var kernel = new NearestCentroid(k, d);
            kernel.Prepare(centers);
            var columns = kernel.PointLanesPay ? x.FeatureMajor() : null;
            var labels = new int[n];
            void Pass() => kernel.AssignBlock(x, columns, 0, n, labels);
            Pass();
            var t = new List<double>();
            for (int r = 0; r < Math.Max(a.Repeat, 5); r++) { var sw = Stopwatch.StartNew(); Pass(); t.Add(sw.Elapsed.TotalMilliseconds); }
            t.Sort();
            Console.WriteLine($"n={n} d={d} k={k} ({(columns is null ? "rows" : "columns")}): {t[t.Count / 2]:F2} ms (min {t[0]:F2})");
        }
        return 0;
    }
}
