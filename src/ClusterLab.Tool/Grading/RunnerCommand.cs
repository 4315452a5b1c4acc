namespace ClusterLab.Tool.Grading;

/// <summary>The program and leading arguments that start <c>clusterlab run</c> in a child process.</summary>
/// <param name="FileName">The executable (the <c>clusterlab</c> app host, or <c>dotnet</c>).</param>
/// <param name="PrefixArgs">Arguments before the run options (e.g. the path of clusterlab.dll, then <c>run</c>).</param>
internal sealed record RunnerCommand(string FileName, IReadOnlyList<string> PrefixArgs)
{
    /// <summary>
    /// This same tool with <paramref name="verb"/>: the app host when the process is <c>clusterlab</c> itself, else <c>dotnet clusterlab.dll VERB</c>
    /// (run via <c>dotnet clusterlab.dll</c>, as a dotnet tool, or from a test host).
    /// </summary>
    public static RunnerCommand Self(string verb = "run")
    {
        var dll = typeof(RunnerCommand).Assembly.Location;
        var host = Environment.ProcessPath;
        var hostName = host is null ? "" : Path.GetFileNameWithoutExtension(host);
        if (host is not null && hostName == Path.GetFileNameWithoutExtension(dll)) return new RunnerCommand(host, [verb]);
        var dotnet = hostName == "dotnet" ? host! : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return new RunnerCommand(dotnet, [dll, verb]);
    }
}
