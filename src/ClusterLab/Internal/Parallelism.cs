using System.Collections.Concurrent;

namespace ClusterLab.Internal;

/// <summary>
/// Runs work over fixed-size blocks of rows. The block size never depends on the thread count and every reduction is done
/// afterwards in block order, so results are bit-identical whatever <see cref="MaxThreads"/> is.
/// </summary>
internal static class Parallelism
{
    private static int _maxThreads = Environment.ProcessorCount;
    private static ParallelOptions? _options;   // reused while the thread count stays the same

    /// <summary>Upper bound on the threads used by the kernels. Default: the processor count. Range: ≥ 1. Tests change it to check determinism.</summary>
    public static int MaxThreads
    {
        get => _maxThreads;
        set => _maxThreads = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxThreads should be >= 1.");
    }

    /// <summary>The default of <see cref="MinParallelWork"/>: 2²⁰ units, about half a millisecond of work.</summary>
    public const long DefaultMinParallelWork = 1 << 20;

    /// <summary>
    /// Work (about one multiply-add per unit) below which <see cref="For(int, long, Action{int})"/> runs inline: handing
    /// blocks to a second thread costs tens of microseconds, and far more on a busy machine. Default
    /// <see cref="DefaultMinParallelWork"/>. Range: ≥ 0. Tests set it to 0 to force the parallel path (and reset it after).
    /// </summary>
    public static long MinParallelWork
    {
        get => _minParallelWork;
        set => _minParallelWork = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MinParallelWork should be >= 0.");
    }
    private static long _minParallelWork = DefaultMinParallelWork;

    /// <summary>
    /// Test hook: while set (on the calling thread's execution context), every block run on the parallel path records the
    /// managed id of the thread that ran it, so that a test can check that more than one thread did the work; until a second
    /// thread has been seen, each block first sleeps 1 ms so that pool threads get the chance to join even on tiny jobs
    /// (blocks are independent, so this changes the timing, never the result). Null in production.
    /// </summary>
    internal static readonly AsyncLocal<ConcurrentDictionary<int, int>?> ThreadProbe = new();

    /// <summary>Number of blocks of <paramref name="blockSize"/> rows that cover <paramref name="n"/> rows.</summary>
    public static int BlockCount(int n, int blockSize) => (n + blockSize - 1) / blockSize;

    /// <summary>
    /// Calls <paramref name="body"/> once for every block index in [0, <paramref name="blockCount"/>), possibly in parallel.
    /// Runs inline (no allocation) when one thread is allowed or there is one block.
    /// </summary>
    public static void For(int blockCount, Action<int> body)
    {
        int threads = Math.Min(_maxThreads, blockCount);
        if (threads <= 1)
        {
            for (int b = 0; b < blockCount; b++) body(b);
            return;
        }
        var options = _options;
        if (options is null || options.MaxDegreeOfParallelism != threads)
            _options = options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        if (ThreadProbe.Value is { } probe)
            Parallel.For(0, blockCount, options, b =>
            {
                if (probe.Count < 2) Thread.Sleep(1);
                probe.AddOrUpdate(Environment.CurrentManagedThreadId, 1, (_, c) => c + 1);
                body(b);
            });
        else
            Parallel.For(0, blockCount, options, body);
    }

    /// <summary>
    /// As <see cref="For(int, Action{int})"/>, but inline when the whole job (<paramref name="blockCount"/> ×
    /// <paramref name="workPerBlock"/>) is below <see cref="MinParallelWork"/>. The blocks are the same either way, so the
    /// results are too.
    /// </summary>
    public static void For(int blockCount, long workPerBlock, Action<int> body)
    {
        if (blockCount * workPerBlock < MinParallelWork)
        {
            for (int b = 0; b < blockCount; b++) body(b);
            return;
        }
        For(blockCount, body);
    }
}
