namespace ClusterLab.Notebooks;

/// <summary>Check cells: test a student's answer, show a pass or fail box, and emit a machine-readable result for the grader.</summary>
public static class Check
{
    /// <summary>MIME type of the machine-readable result the grader reads.</summary>
    public const string ResultMimeType = "application/vnd.clusterlab.check+json";
}
