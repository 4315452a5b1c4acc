using System.Collections.Concurrent;
using ClusterLab.Internal;

namespace ClusterLab.Tests;

/// <summary>
/// Runs a computation with a given thread count on the parallel path (<see cref="Parallelism.MinParallelWork"/> = 0, so
/// that no job runs inline because it is small) and counts the managed threads that ran its blocks. Restores both settings.
/// Use only in the "Parallelism" collection, which runs alone. The thread pool's minimum is raised for the run: on a
/// 2-core machine the test runner holds the two default pool threads, and a parallel loop would wait for thread injection.
/// </summary>
internal static class ParallelRun
{
    public static (T Result, int Threads) With<T>(int threads, Func<T> f)
    {
        int savedThreads = Parallelism.MaxThreads;
        long savedWork = Parallelism.MinParallelWork;
        var probe = new ConcurrentDictionary<int, int>();
        ThreadPool.GetMinThreads(out int minWorkers, out int minIo);
        ThreadPool.SetMinThreads(Math.Max(minWorkers, threads + 4), minIo);
        Parallelism.MaxThreads = threads;
        Parallelism.MinParallelWork = 0;
        Parallelism.ThreadProbe.Value = probe;
        try { return (f(), probe.Count); }
        finally
        {
            Parallelism.ThreadProbe.Value = null;
            Parallelism.MinParallelWork = savedWork;
            Parallelism.MaxThreads = savedThreads;
            ThreadPool.SetMinThreads(minWorkers, minIo);
        }
    }

    /// <summary>Runs <paramref name="f"/> with <paramref name="threads"/> threads; with more than one, asserts that more than one thread ran blocks.</summary>
    public static T Checked<T>(int threads, Func<T> f, string what)
    {
        var (result, used) = With(threads, f);
        if (threads > 1) Assert.True(used > 1, $"{what}: {threads} threads allowed but the blocks ran on {used} thread(s): the parallel path was not exercised.");
        return result;
    }
}
