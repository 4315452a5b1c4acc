namespace ClusterLab.Notebooks;

public static partial class Charts
{
    /// <summary>Inertia against k (Géron Fig 9-8), with the elbow marked.</summary>
    /// <param name="ks">Numbers of clusters, ascending.</param>
    /// <param name="inertias">Inertia of the model for every k, same length.</param>
    /// <param name="highlightK">k to mark as the elbow, or null for none. Default null.</param>
    /// <param name="title">Chart title.</param>
    public static Figure ElbowCurve(int[] ks, double[] inertias, int? highlightK = null, string title = "Elbow rule: inertia against k")
        => throw new NotImplementedException();
}
