namespace ClusterLab.Tool.Export;

/// <summary>The <c>clusterlab export</c> sub-command (placeholder until implemented).</summary>
public static class ExportCommand
{
    /// <summary>Runs the sub-command with the arguments after its name; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("clusterlab export: not implemented");
        return 2;
    }
}
