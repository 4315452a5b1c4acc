using static ClusterLab.Tests.MixtureTestData;

namespace ClusterLab.Tests;

/// <summary>The same seed gives bit-identical mixtures whatever the thread count (runs alone: it changes Parallelism.MaxThreads and forces the parallel path).</summary>
[Collection("Parallelism")]
public sealed class MixtureDeterminismTests
{
    [Fact]
    public void Fit_is_bit_identical_whatever_the_thread_count()
    {
        // n > EmWorkspace.BlockSize, so that several blocks are summed.
        var x = Blobs(6000, 4, 5, seed: 12);
        var fits = new[] { 1, 2, 3, 8 }.Select(t => WithThreads(t, () =>
            new GaussianMixture(5) { Init = MixtureInit.Random, Seed = 4, MaxIter = 30, Tol = 0, NInit = 2 }.Fit(x))).ToArray();
        foreach (var f in fits.Skip(1))
        {
            BitEqual(fits[0].Parameters, f.Parameters, "parameters");
            Assert.Equal(BitConverter.DoubleToInt64Bits(fits[0].LogLikelihood), BitConverter.DoubleToInt64Bits(f.LogLikelihood));
            Assert.Equal(fits[0].History.Select(h => h.LogLikelihood), f.History.Select(h => h.LogLikelihood));
        }
    }

    [Fact]
    public void Steps_are_bit_identical_whatever_the_thread_count()
    {
        // Block partial sums are reduced in block order (more than one block: n > 1024).
        var x = Blobs(5000, 3, 4, seed: 7);
        var p0 = new GaussianMixture(4) { Init = MixtureInit.Random, Seed = 1, MaxIter = 0 }.Fit(x).Parameters;
        var gamma = Em.EStep(x, p0);
        var runs = new[] { 1, 2, 4 }.Select(t => WithThreads(t, () => (Em.EStep(x, p0), Em.MStep(x, gamma), Em.LogLikelihood(x, p0)))).ToArray();
        for (int r = 1; r < runs.Length; r++)
        {
            for (int n = 0; n < x.Length; n++) BitEqual(runs[0].Item1[n], runs[r].Item1[n], $"γ[{n}]");
            BitEqual(runs[0].Item2, runs[r].Item2, "M-step");
            Assert.Equal(BitConverter.DoubleToInt64Bits(runs[0].Item3), BitConverter.DoubleToInt64Bits(runs[r].Item3));
        }
    }

    /// <summary>Runs on the parallel path with <paramref name="threads"/> threads; with more than one, asserts that more than one ran.</summary>
    internal static T WithThreads<T>(int threads, Func<T> f) => ParallelRun.Checked(threads, f, $"{threads} threads");
}
