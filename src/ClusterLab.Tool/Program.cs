using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool;

/// <summary>Entry point of the <c>clusterlab</c> command.</summary>
internal static class Program
{
    /// <summary>Usage text printed for a missing or unknown sub-command.</summary>
    internal const string Usage = """
        usage: clusterlab <command> [options]
          run <notebook.ipynb|folder> [--out DIR] [--cell-timeout S] [--timeout S] [--base-dir DIR] [--results FILE.jsonl]
              [--continue-on-error] [--fail-on-check] [--in-process] [--no-html] [--max-output-chars N]
              exit code: 0 ok, 1 a cell failed, 2 malformed notebook or usage error, 3 timeout
          release ...   (see clusterlab release --help)
          grade ...     (see clusterlab grade --help)
          export ...    (see clusterlab export --help)
        """;

    /// <summary>Dispatches to a sub-command; returns its exit code (2 for a usage error).</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Error.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        var rest = args[1..];
        switch (args[0])
        {
            case "run": return EndRun(RunCommand.Run(rest));
            case RunCommand.ChildVerb: return EndRun(RunCommand.RunChild(rest));
            case Remoting.CheckerCommand.Verb: return Remoting.Hosted.Run(Remoting.CheckerCommand.Run, rest);
            case Remoting.SubmissionWorker.Verb: return Remoting.Hosted.Run(Remoting.SubmissionWorker.Run, rest);
            case "release": return Grading.ReleaseCommand.Run(rest);
            case "grade": return Grading.GradeCommand.Run(rest);
            case "export": return Export.ExportCommand.Run(rest);
            default:
                Console.Error.WriteLine($"clusterlab: unknown command '{args[0]}'.");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    // A timed-out cell that ignored cancellation still spins on a kernel thread: end the process explicitly.
    private static int EndRun(int code)
    {
        if (RunCommand.MustExitProcess) Environment.Exit(code);
        return code;
    }
}
