using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ClusterLab.Tool.Sandbox;
using Xunit.Abstractions;

namespace ClusterLab.Tool.Tests;

/// <summary>A fact that is skipped, with bubblewrap's reason, where no sandbox can start (it can here and in CI).</summary>
public sealed class SandboxFactAttribute : FactAttribute
{
    /// <summary>Skips when <see cref="SandboxHost.WhyUnavailable"/> gives a reason.</summary>
    public SandboxFactAttribute()
    {
        if (SandboxHost.WhyUnavailable() is { } why) Skip = "no bubblewrap sandbox on this machine: " + why;
    }
}

/// <summary>One attack per test, each run as a shell script inside the sandbox. The layout on the host (ROOT in /var/tmp):
/// ROOT/work (the writable folder), ROOT/kit (read-only), and ROOT/source.ipynb, world-readable but not bound.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SandboxTests : IDisposable
{
    private const string Secret = "HIDDEN-TEST-SOLUTION-42";
    private readonly ITestOutputHelper _output;
    private readonly string _root, _work, _kit, _source;

    public SandboxTests(ITestOutputHelper output)
    {
        _output = output;
        // Not under /tmp: the sandbox has its own /tmp, where mount points of binds below it would appear as writable.
        var temp = Directory.Exists("/var/tmp") ? "/var/tmp" : Path.GetTempPath();
        _root = Directory.CreateDirectory(Path.Combine(temp, "sandbox-test-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101); // 755: only the mount namespace hides its files
        _work = Directory.CreateDirectory(Path.Combine(_root, "work")).FullName;
        _kit = Directory.CreateDirectory(Path.Combine(_root, "kit")).FullName;
        File.WriteAllText(Path.Combine(_kit, "kit.txt"), "kit content");
        _source = Path.Combine(_root, "source.ipynb");
        File.WriteAllText(_source, Secret);
        // Writable by everyone on the host: only the mounts keep the sandbox from changing them (as when the grader is
        // not root and the sandbox runs as the files' owner).
        File.SetUnixFileMode(_kit, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(Path.Combine(_kit, "kit.txt"), (UnixFileMode)0b110_110_110);
        File.SetUnixFileMode(_source, (UnixFileMode)0b110_110_110);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [SandboxFact]
    public void Cannot_read_a_host_file_that_is_not_bound()
    {
        var r = Sh($"cat {_kit}/kit.txt; echo; cat {_source} && echo LEAKED; ls /work /root /home 2>/dev/null && echo LISTED; ls /; echo done");
        Assert.Contains("kit content", r.Out);           // the bound folder is readable...
        Assert.DoesNotContain(Secret, r.Out);            // ...the file next to the writable folder is not
        Assert.DoesNotContain("LEAKED", r.Out);
        Assert.DoesNotContain("LISTED", r.Out);
        Assert.Contains("done", r.Out);
    }

    [SandboxFact]
    public void Cannot_write_outside_the_writable_folder()
    {
        string[] targets = ["/x", "/usr/x", "/etc/x", "/dev/x", $"{_kit}/x", $"{_kit}/kit.txt", $"{_root}/x", _source];
        var script = string.Join("; ", targets.Select(t => $"(echo pwned >> {t}) 2>/dev/null && echo WROTE {t}")) + $"; echo ok > {_work}/ok; echo done";
        var r = Sh(script);
        Assert.Contains("done", r.Out);
        Assert.DoesNotContain("WROTE", r.Out);
        Assert.Equal("ok\n", File.ReadAllText(Path.Combine(_work, "ok")));
        Assert.Equal("kit content", File.ReadAllText(Path.Combine(_kit, "kit.txt")));
        Assert.Equal(Secret, File.ReadAllText(_source));
        Assert.Equal(["kit", "source.ipynb", "work"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order());
    }

    [SandboxFact]
    public void Tmp_is_private_and_bounded()
    {
        var marker = "clusterlab-sandbox-" + Guid.NewGuid().ToString("N");
        var limits = new SandboxLimits { TmpBytes = 1 << 20 };
        var r = Sh($"echo x > /tmp/{marker} && echo WROTE; head -c 2097152 /dev/zero > /tmp/big || echo FULL; ls /tmp", limits);
        Assert.Contains("WROTE", r.Out);
        Assert.Contains("FULL", r.Out);                  // 2 MiB do not fit in a 1 MiB /tmp
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), marker)));
        Assert.DoesNotContain(marker, Sh("ls /tmp; echo done").Out); // a second sandbox has its own /tmp
    }

    [SandboxFact]
    public void Has_no_network()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var script = $"exec 3<>/dev/tcp/127.0.0.1/{port} && echo CONNECTED; cat /proc/net/dev; echo done";
        var r = Run("/bin/bash", ["-c", script]);
        Assert.Contains("done", r.Out);
        Assert.DoesNotContain("CONNECTED", r.Out);
        Assert.False(listener.Pending());
        var interfaces = r.Out.Split('\n').Where(l => l.Contains(':') && !l.Contains('|')).Select(l => l.Split(':')[0].Trim());
        Assert.Equal(["lo"], interfaces);
        // The same script without the sandbox does connect: the attack is real.
        Assert.Contains("CONNECTED", Run("/bin/bash", ["-c", script], mode: IsolationMode.None).Out);
    }

    [SandboxFact]
    public void Kill_is_prompt_and_complete_while_a_background_process_holds_stdout()
    {
        using var p = Start("/bin/sh", ["-c", "sleep 6007 & sleep 6007 & echo ready; wait"]);
        var stdout = new StreamReader(p.StandardOutput);
        Assert.Equal("ready", stdout.ReadLine());
        var ns = p.PidNamespace;
        Assert.NotNull(ns);
        Assert.Equal(4, ProcTable.InPidNamespace(ns).Count); // bwrap's init, sh, two sleeps
        var clock = Stopwatch.StartNew();
        p.Kill();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"Kill took {clock.Elapsed}");
        Assert.Empty(ProcTable.InPidNamespace(ns));
        Assert.DoesNotContain(ProcTable.Pids(), pid => ProcTable.CommandLine(pid) == "sleep 6007");
        Assert.True(stdout.ReadToEndAsync().Wait(TimeSpan.FromSeconds(3)), "stdout did not end after Kill");
    }

    [SandboxFact]
    public void Processes_left_behind_die_with_the_program()
    {
        using var p = Start("/bin/sh", ["-c", "sleep 6008 & echo started"]);
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, p.ExitCode);
        Assert.True(new StreamReader(p.StandardOutput).ReadToEndAsync().Wait(TimeSpan.FromSeconds(3)), "stdout held open");
        Assert.DoesNotContain(ProcTable.Pids(), pid => ProcTable.CommandLine(pid) == "sleep 6008");
    }

    [SandboxFact]
    public void A_fork_loop_is_stopped_by_the_process_limit()
    {
        var limits = new SandboxLimits { MaxProcesses = 32 };
        using var p = Start("/bin/sh", ["-c", "i=0; while [ $i -lt 100 ]; do sleep 6009 & i=$((i+1)); done; echo ALL-STARTED; wait"], limits);
        var exited = p.WaitForExit(TimeSpan.FromSeconds(20));
        p.Kill();
        p.WaitForErrorText(TimeSpan.FromSeconds(3));
        Assert.True(exited, "the fork loop was not stopped");
        Assert.DoesNotContain("ALL-STARTED", new StreamReader(p.StandardOutput).ReadToEnd());
        Assert.Contains("fork", p.ErrorText);
    }

    [SandboxFact]
    public void A_file_bigger_than_the_limit_cannot_be_written()
    {
        var limits = new SandboxLimits { MaxFileBytes = 1 << 20 };
        var r = Sh($"head -c 3145728 /dev/zero > {_work}/big || echo REFUSED; echo done", limits);
        Assert.Contains("REFUSED", r.Out);
        Assert.True(new FileInfo(Path.Combine(_work, "big")).Length <= 1 << 20);
    }

    [SandboxFact]
    public void The_host_environment_is_not_visible()
    {
        var name = "CLUSTERLAB_SANDBOX_TEST_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable(name, Secret);
        try
        {
            var env = new Dictionary<string, string> { ["GIVEN"] = "given-value" };
            var r = Sh("env; for f in /proc/[0-9]*/environ; do tr '\\0' '\\n' < $f; done; echo done", env: env);
            Assert.Contains("GIVEN=given-value", r.Out);
            Assert.Contains("done", r.Out);
            Assert.DoesNotContain(Secret, r.Out);   // neither in the child's env nor in bwrap's own (/proc/1/environ)
            Assert.DoesNotContain(name, r.Out);
        }
        finally { Environment.SetEnvironmentVariable(name, null); }
    }

    [SandboxFact]
    public void Only_the_sandbox_processes_are_visible()
    {
        var r = Sh("for f in /proc/[0-9]*/cmdline; do echo \"$f: $(tr '\\0' ' ' < $f)\"; done; echo done");
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("/proc/")).ToList();
        _output.WriteLine(string.Join("\n", lines.Select(l => l.Length > 120 ? l[..120] + "..." : l)));
        Assert.InRange(lines.Count, 2, 5); // bwrap's init, sh, its subshells: nothing of the host
        Assert.Contains("bwrap --unshare-all", lines.Single(l => l.StartsWith("/proc/1/")));
        var host = ProcTable.CommandLine(Environment.ProcessId)!;
        Assert.DoesNotContain(host, r.Out);
        Assert.DoesNotContain("testhost", r.Out);
    }

    [SandboxFact]
    public void Dotnet_runs_inside_and_the_start_overhead_is_measured()
    {
        var dotnet = Path.Combine(SandboxHost.DotnetRoot, "dotnet");
        var env = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        double Median(IsolationMode mode)
        {
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var clock = Stopwatch.StartNew();
                var r = Run(dotnet, ["--version"], env: env, mode: mode, readOnly: [SandboxHost.DotnetRoot]);
                times.Add(clock.Elapsed.TotalMilliseconds);
                Assert.True(r.Exit == 0, $"dotnet --version failed ({mode}): {r.Err}");
                Assert.Matches(@"^\d+\.\d+\.\d+", r.Out);
            }
            return times.Order().ElementAt(2);
        }
        double outside = Median(IsolationMode.None), inside = Median(IsolationMode.Bubblewrap);
        _output.WriteLine($"dotnet --version, median of 5: {inside:F0} ms in the sandbox, {outside:F0} ms without; overhead {inside - outside:F0} ms");
    }

    [SandboxFact]
    public void A_sandbox_outlives_the_thread_that_started_it()
    {
        // --die-with-parent is PR_SET_PDEATHSIG, which fires when the forking *thread* exits.
        // The thread waits until the program runs (bwrap has set PR_SET_PDEATHSIG by then), then exits.
        SandboxedProcess? p = null;
        string? first = null;
        var thread = new Thread(() =>
        {
            p = Start("/bin/sh", ["-c", "echo up; sleep 30"]);
            first = new StreamReader(p.StandardOutput).ReadLine();
        });
        thread.Start();
        thread.Join();
        using var started = p!;
        Assert.Equal("up", first);
        Assert.False(started.WaitForExit(TimeSpan.FromSeconds(1)), $"the sandbox died with its starting thread: {started.ErrorText}");
    }

    [SandboxFact]
    public void Standard_error_is_capped_and_never_blocks_the_child()
    {
        var r = Sh("head -c 1048576 /dev/zero | tr '\\0' x >&2; echo done");
        Assert.Contains("done", r.Out);
        Assert.InRange(r.Err.Length, 256 << 10, (256 << 10) + 100);
        Assert.EndsWith("[786432 more bytes of stderr dropped]", r.Err);
    }

    [Fact]
    public void Without_isolation_the_same_command_runs_with_a_cleared_environment()
    {
        Environment.SetEnvironmentVariable("CLUSTERLAB_SANDBOX_TEST_NONE", "leak");
        try
        {
            var r = Run("/bin/sh", ["-c", "echo hi; env"], env: new Dictionary<string, string> { ["GIVEN"] = "1" }, mode: IsolationMode.None);
            Assert.Equal(0, r.Exit);
            Assert.StartsWith("hi\n", r.Out);
            Assert.Contains("GIVEN=1", r.Out);
            Assert.DoesNotContain("CLUSTERLAB_SANDBOX_TEST_NONE", r.Out);
        }
        finally { Environment.SetEnvironmentVariable("CLUSTERLAB_SANDBOX_TEST_NONE", null); }
    }

    [Fact]
    public void A_bad_spec_is_refused_with_a_message_naming_the_problem()
    {
        var e = Assert.Throws<ArgumentException>(() => SandboxedProcess.Start(new SandboxSpec { FileName = "/bin/true", WritableDir = "work" }, IsolationMode.None));
        Assert.Contains("WritableDir 'work' is not an absolute path", e.Message);
        e = Assert.Throws<ArgumentException>(() => SandboxedProcess.Start(
            new SandboxSpec { FileName = "/bin/true", WritableDir = _work, ReadOnlyPaths = ["/"] }, IsolationMode.None));
        Assert.Contains("'/' would expose the whole host", e.Message);
        e = Assert.Throws<ArgumentException>(() => SandboxedProcess.Start(
            new SandboxSpec { FileName = "/bin/true", WritableDir = _work, WorkingDirectory = _root }, IsolationMode.None));
        Assert.Contains("cannot see it", e.Message);
    }

    [SandboxFact]
    public void A_bound_folder_the_sandbox_user_cannot_read_is_refused_clearly()
    {
        if (!Environment.IsPrivilegedProcess) return; // the sandbox then runs as the caller, who can read what it binds
        var hidden = Directory.CreateDirectory(Path.Combine(_kit, "private")).FullName;
        File.SetUnixFileMode(hidden, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var e = Assert.Throws<SandboxUnavailableException>(() => Start("/bin/true", []));
        Assert.Contains($"uid 65534, who cannot enter '{hidden}' (mode 700)", e.Message);
    }

    private sealed record Outcome(int? Exit, string Out, string Err);

    private Outcome Sh(string script, SandboxLimits? limits = null, IReadOnlyDictionary<string, string>? env = null) =>
        Run("/bin/sh", ["-c", script], limits, env);

    private Outcome Run(string file, string[] args, SandboxLimits? limits = null, IReadOnlyDictionary<string, string>? env = null,
        IsolationMode mode = IsolationMode.Bubblewrap, string[]? readOnly = null)
    {
        using var p = Start(file, args, limits, env, mode, readOnly);
        p.StandardInput.Close();
        var stdout = new StreamReader(p.StandardOutput).ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(60))) p.Kill();
        p.WaitForErrorText(TimeSpan.FromSeconds(5));
        var text = stdout.Wait(TimeSpan.FromSeconds(5)) ? stdout.Result : "";
        var outcome = new Outcome(p.ExitCode, text, p.ErrorText);
        if (outcome.Err.Length > 0) _output.WriteLine($"stderr: {(outcome.Err.Length > 2000 ? outcome.Err[..2000] : outcome.Err)}");
        return outcome;
    }

    private SandboxedProcess Start(string file, string[] args, SandboxLimits? limits = null, IReadOnlyDictionary<string, string>? env = null,
        IsolationMode mode = IsolationMode.Bubblewrap, string[]? readOnly = null) =>
        SandboxedProcess.Start(new SandboxSpec
        {
            FileName = file, Args = args, WritableDir = _work, ReadOnlyPaths = readOnly is null ? [_kit] : [_kit, .. readOnly],
            Environment = env ?? new Dictionary<string, string>(), Limits = limits ?? SandboxLimits.Default,
        }, mode);
}
