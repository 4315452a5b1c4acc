namespace ClusterLab.Tool.Remoting;

/// <summary>Runs one of the grader's hidden verbs: a usage error is exit code 2 with its message, and the process always
/// ends with <see cref="Environment.Exit"/> (a student's thread or a timed-out cell must not keep it alive).</summary>
internal static class Hosted
{
    /// <summary>Runs <paramref name="verb"/> with <paramref name="args"/> and exits the process with its code.</summary>
    public static int Run(Func<string[], int> verb, string[] args)
    {
        int code;
        try { code = verb(args); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"clusterlab: {e.Message}");
            code = 2;
        }
        Console.Out.Flush();
        Environment.Exit(code);
        return code;
    }
}
