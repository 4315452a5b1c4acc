namespace ClusterLab.Notebooks;

/// <summary>The notebook kit's one-call set-up, made by every notebook's first cell.</summary>
public static class Kit
{
    /// <summary>
    /// Makes charts and check cells work in the current process: answers FSharp.Core and kit-assembly load requests,
    /// registers the display formatters, and returns an object whose display embeds plotly.js once (offline).
    /// Safe to call more than once.
    /// </summary>
    public static object Setup() => throw new NotImplementedException();
}
