using BenchmarkDotNet.Attributes;

namespace ClusterLab.Benchmarks;

/// <summary>BenchmarkDotNet over the six workloads (data generated once per workload, outside the measurement).</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class WorkloadBenchmarks
{
    private double[][] _x = [];
    private int[] _labels = [];
    private SharedStart _start = new(null, null, null, null);
    private Workload _w = Workload.All[0];

    /// <summary>Workload name.</summary>
    [ParamsSource(nameof(Names))]
    public string Name { get; set; } = "";

    /// <summary>All workload names.</summary>
    public static IEnumerable<string> Names => Workload.All.Select(w => w.Name);

    /// <summary>Generates the data.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _w = Workload.All.Single(w => w.Name == Name);
        var data = _w.Data();
        (_x, _labels) = (data.X, data.Labels);
        _start = SharedStart.For(_w, _x);
    }

    /// <summary>One run of the workload.</summary>
    [Benchmark]
    public double Run() => _w.Run(_x, _labels, _start);
}
