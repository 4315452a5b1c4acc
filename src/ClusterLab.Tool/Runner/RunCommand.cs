using System.Diagnostics;
using System.Globalization;

namespace ClusterLab.Tool.Runner;

/// <summary>
/// <c>clusterlab run &lt;notebook.ipynb|folder&gt; [options]</c>: executes notebooks headlessly.
/// Exit code: 0 all ok; 1 a cell failed (or a check raised); 2 malformed notebook or bad usage; 3 a cell timed out
/// (over several notebooks the most severe wins: 2, then 3, then 1).
/// </summary>
internal static class RunCommand
{
    /// <summary>Hidden verb with which <c>run</c> starts itself for one notebook in a fresh process.</summary>
    public const string ChildVerb = "__run-one";

    // The kernel redirects Console.Out/Err to the running cell; progress goes to the real streams.
    private static readonly TextWriter Stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
    private static readonly TextWriter Stderr = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };

    /// <summary>Set when a timed-out cell is still running on an abandoned thread: the process must end with <see cref="Environment.Exit"/>.</summary>
    public static bool MustExitProcess { get; private set; }

    /// <summary>Runs the command with the arguments after <c>run</c>; returns the exit code.</summary>
    public static int Run(string[] args) => Execute(args, child: false);

    /// <summary>The child-process form: runs exactly one notebook in this process.</summary>
    public static int RunChild(string[] args) => Execute(args, child: true);

    private static int Execute(string[] args, bool child)
    {
        RunOptions options;
        List<string> notebooks;
        try
        {
            options = RunOptions.Parse(args);
            notebooks = FindNotebooks(options.Target);
        }
        catch (UsageException e)
        {
            Stderr.WriteLine($"clusterlab run: {e.Message}");
            Stderr.WriteLine(Program.Usage);
            return 2;
        }
        if (notebooks.Count == 0)
        {
            Stdout.WriteLine($"clusterlab run: no notebooks under {options.Target}");
            return 0;
        }
        var self = child || options.InProcess || notebooks.Count == 1 ? null : Grading.RunnerCommand.Self(ChildVerb);
        var log = new ResultsLog(options.ResultsFile);
        var codes = new List<int>();
        var total = Stopwatch.StartNew();
        foreach (var nb in notebooks)
        {
            if (self is not null)
            {
                codes.Add(RunInChild(self, nb, options));
                continue;
            }
            var result = NotebookRunner.RunAsync(nb, options, log).GetAwaiter().GetResult();
            PrintProgress(result);
            codes.Add(result.ExitCode);
            if (result.KernelAbandoned)
            {
                MustExitProcess = true;
                if (!child && nb != notebooks[^1])
                    Stderr.WriteLine("clusterlab run: a cell ignored cancellation; later notebooks run beside its abandoned thread.");
            }
        }
        var code = Combine(codes);
        if (notebooks.Count > 1)
        {
            var failed = codes.Count(c => c != 0);
            Stdout.WriteLine($"{notebooks.Count} notebooks, {failed} not ok, {total.Elapsed.TotalSeconds:0.0} s; output in {options.OutDir}");
        }
        return code;
    }

    /// <summary>The most severe exit code: 2 (malformed), then 3 (timeout), then 1 (failed), else 0.</summary>
    public static int Combine(IEnumerable<int> codes)
    {
        var set = codes.ToHashSet();
        foreach (var c in new[] { 2, 3, 1 })
            if (set.Contains(c)) return c;
        return set.FirstOrDefault(c => c != 0);
    }

    /// <summary>
    /// The one notebook-discovery rule of <c>run</c>, <c>export</c> and <c>release</c>: the notebook itself, or the
    /// <c>*.ipynb</c> directly in a folder, sorted (not its subfolders: <c>notebooks/source/</c> holds the instructor
    /// editions under the same names as the student editions in <c>notebooks/</c>, and outputs are named by notebook).
    /// </summary>
    /// <exception cref="UsageException">The target is missing or a file that is not a notebook.</exception>
    public static List<string> FindNotebooks(string target)
    {
        if (File.Exists(target))
        {
            if (!target.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                throw new UsageException($"'{target}' is not a notebook (.ipynb).");
            return [target];
        }
        if (!Directory.Exists(target)) throw new UsageException($"'{target}' does not exist.");
        return Directory.EnumerateFiles(target, "*.ipynb", SearchOption.TopDirectoryOnly)
            .Where(p => p.EndsWith(".ipynb", StringComparison.Ordinal)) // "*.ipynb" also matches .IPYNB on some systems
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    private static void PrintProgress(NotebookRunResult r)
    {
        var verdict = r.Status switch { "ok" => "ok", "timeout" => "TIMEOUT", "malformed" => "MALFORMED", _ => "FAILED" };
        var checks = r.ChecksPassed + r.ChecksFailed > 0 ? $", checks {r.ChecksPassed}/{r.ChecksPassed + r.ChecksFailed} passed" : "";
        var line = $"{verdict,-9} {r.NotebookPath}: {r.CellsRun}/{r.CodeCells} cells, {r.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s{checks}";
        if (r.Message is not null) line += $" ({r.Message})";
        Stdout.WriteLine(line);
    }

    private static int RunInChild(Grading.RunnerCommand self, string notebook, RunOptions options)
    {
        var psi = new ProcessStartInfo(self.FileName) { UseShellExecute = false };
        foreach (var a in self.PrefixArgs) psi.ArgumentList.Add(a);
        foreach (var a in options.ToArgs(notebook)) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {self.FileName}");
        process.WaitForExit();
        return process.ExitCode;
    }
}
