using System.Diagnostics;
using ClusterLab.Tool.Grading;
using ClusterLab.Tool.Remoting;

namespace ClusterLab.Tool.Tests;

/// <summary>
/// The warm checkers seen from the grading process, with a few lines of Python standing in for <c>clusterlab __check</c>:
/// one process serves job after job; a job that hangs, forges its end or kills its process costs that process, never the next job.
/// </summary>
public class CheckerPoolTests
{
    private const string Checker = """
        import json, os, sys, time
        for line in sys.stdin:
            job = json.loads(line)
            what = job["args"][0]
            print(f"pid {os.getpid()} key {job['hidden_key']} job {what}", file=sys.stderr, flush=True)
            if what == "hang":
                time.sleep(3600)
            if what == "forge":  # a done line without the token, and one with a wrong token
                print("done 0", flush=True)
                t = job["token"]
                print(t[:-1] + ("1" if t[-1] == "0" else "0") + " done 0", flush=True)
                time.sleep(3600)
            if what == "exit":
                sys.exit(3)
            print(f"{job['token']} done 0", file=sys.stderr, flush=True)
            print(f"{job['token']} done 0", flush=True)
        """;

    private static CheckerPool Pool(string dir)
    {
        var script = Path.Combine(dir, "checker.py");
        File.WriteAllText(script, Checker);
        return new CheckerPool(new RunnerCommand("python3", [script]), dir);
    }

    private static int Pid(CheckerOutcome o) => int.Parse(o.Log.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static bool Running(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    [Fact]
    public void OneWarmProcessServesJobAfterJobWithEachStudentsKey()
    {
        var dir = GradingFixtures.TempDir("pool-warm");
        using var pool = Pool(dir);
        var outcomes = new[] { "ana", "ben", "cat" }.Select(s => pool.Run([s], "key-" + s, TimeSpan.FromSeconds(20), 10_000)).ToList();
        Assert.All(outcomes, o => Assert.False(o.Killed));
        Assert.Equal(1, pool.Started);
        Assert.Single(outcomes.Select(Pid).Distinct());
        Assert.Equal($"pid {Pid(outcomes[1])} key key-ben job ben\n", outcomes[1].Log);  // its own log and key, complete, no done line
        var pid = Pid(outcomes[0]);
        pool.Dispose();
        Assert.False(Running(pid), "the checker outlived the pool");
    }

    [Theory]
    [InlineData("hang", true)]
    [InlineData("forge", true)]  // forged done lines do not end the job: it runs into its time limit
    [InlineData("exit", false)]  // ended: no results (the grader reports a crash), not a time-out
    public void AJobThatHangsForgesItsEndOrExitsCostsItsProcessNotTheNextJob(string attack, bool killed)
    {
        var dir = GradingFixtures.TempDir("pool-" + attack);
        using var pool = Pool(dir);
        var clock = Stopwatch.StartNew();
        var bad = pool.Run([attack], "k1", TimeSpan.FromSeconds(3), 10_000);
        Assert.Equal(killed, bad.Killed);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{attack}: the job took {clock.Elapsed.TotalSeconds:0} s");
        Assert.False(Running(Pid(bad)), $"{attack}: the checker still runs");
        var next = pool.Run(["ana"], "k2", TimeSpan.FromSeconds(20), 10_000);
        Assert.False(next.Killed);
        Assert.Equal(2, pool.Started);
        Assert.NotEqual(Pid(bad), Pid(next));
    }
}
