using System.Runtime.CompilerServices;

namespace ClusterLab.Notebooks;

/// <summary>The notebook kit's one-call set-up, made by every notebook's first cell.</summary>
public static class Kit
{
    private static int _formattersRegistered;

    /// <summary>
    /// Makes charts and check cells work in the current process: answers FSharp.Core and kit-assembly load requests,
    /// registers the display formatters (the kit's types and any Plotly.NET <c>GenericChart</c>), lets the following
    /// cells use Plotly.NET and Plotly.NET.CSharp without <c>#r</c>, and returns an object whose display embeds
    /// plotly.js once (offline).
    /// Safe to call more than once; outside a kernel it only sets up assembly resolution.
    /// </summary>
    public static KitReady Setup()
    {
        AssemblyResolution.Install(); // first, before anything touches Plotly.NET or FSharp.Core
        return Finish();
    }

    /// <summary>The folder the kit was loaded from (normally the repository's <c>artifacts/kit/</c>).</summary>
    public static string Folder => AssemblyResolution.KitFolder;

    /// <summary>A script element with the full plotly.js that Plotly.NET embeds (about 3.6 MB), for exported pages.</summary>
    public static string PlotlyScriptTag() => PlotlyJs.ScriptTag();

    /// <summary>The kit's Plotly.NET assemblies, which later cells may use without <c>#r</c>.</summary>
    internal static string[] PlotlyReferences() => [.. PlotlyAssemblies.Select(f => Path.Combine(Folder, f)).Where(File.Exists)];

    private static readonly string[] PlotlyAssemblies = ["Plotly.NET.dll", "Plotly.NET.CSharp.dll"];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static KitReady Finish()
    {
        bool inKernel = false;
        if (Interlocked.CompareExchange(ref _formattersRegistered, 1, 0) == 0 && !KernelBridge.TryRegisterFormatters())
            _formattersRegistered = 0; // no kernel yet: try again on the next call
        inKernel = KernelBridge.InKernel;
        if (inKernel) KernelBridge.TryAddReferences(PlotlyReferences());
        return new KitReady(inKernel
            ? "ClusterLab ready: charts draw with the embedded plotly.js (offline)."
            : "ClusterLab ready (no kernel: assembly resolution only).");
    }
}
