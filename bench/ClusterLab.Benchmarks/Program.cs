using BenchmarkDotNet.Running;
using ClusterLab.Benchmarks;

// dotnet run -c Release --project bench/ClusterLab.Benchmarks -- export-data bench/data     (binary data for sklearn_bench.py)
// dotnet run -c Release --project bench/ClusterLab.Benchmarks -- quick --live [--rounds 3] [--repeat 3] [--only NAME]
//      each workload: scikit-learn (python3 bench/sklearn_bench.py --only NAME) and ClusterLab alternately, medians
// dotnet run -c Release --project bench/ClusterLab.Benchmarks -- quick --sklearn bench/sklearn.json   (merge a saved timing)
// dotnet run -c Release --project bench/ClusterLab.Benchmarks -- sweep [--live] [--repeat 3]   (lesson 05, k = 1 … 100)
// dotnet run -c Release --project bench/ClusterLab.Benchmarks -- bdn   (BenchmarkDotNet, all six workloads)
// dotnet run -c Release --project bench/ClusterLab.Benchmarks -- phases [--only NAME]   (time of each phase, for profiling)
// dotnet run -c Release --project bench/ClusterLab.Benchmarks -- history [--repeat 7]   (K-means: KeepHistory on vs off)
var mode = args.Length > 0 ? args[0] : "quick";
if (new BenchArgs(args).Threads is int threads) ClusterLab.Internal.Parallelism.MaxThreads = threads;   // --threads N
switch (mode)
{
    case "export-data":
        BenchData.Export(args.Length > 1 && !args[1].StartsWith("--") ? args[1] : "bench/data");
        return 0;
    case "bdn":
        BenchmarkRunner.Run<WorkloadBenchmarks>(args: args.Skip(1).ToArray());
        return 0;
    case "quick":
        return SideBySide.Quick(new BenchArgs(args));
    case "sweep":
        return SideBySide.Sweep(new BenchArgs(args));
    case "phases":
        return Phases.Run(new BenchArgs(args));
    case "time":
        return TimeChild.Run(new BenchArgs(args));
    case "kernels":
        return KernelTimes.Run(new BenchArgs(args));
    case "history":
        return HistoryCost.Run(new BenchArgs(args));
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': use export-data, quick, sweep, phases, history or bdn");
        return 2;
}
