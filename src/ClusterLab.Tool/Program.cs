namespace ClusterLab.Tool;

/// <summary>Entry point of the <c>clusterlab</c> command.</summary>
public static class Program
{
    /// <summary>Dispatches to a sub-command.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: clusterlab run|release|grade|export ...");
        return 2;
    }
}
