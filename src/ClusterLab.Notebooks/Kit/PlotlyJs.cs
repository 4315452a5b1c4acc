using System.Reflection;

namespace ClusterLab.Notebooks;

/// <summary>The full plotly.js that Plotly.NET embeds as a resource (what <c>PlotlyJSReference.Full</c> uses): never a CDN.</summary>
internal static class PlotlyJs
{
    private static readonly Lazy<string> Source = new(Load);

    /// <summary>The minified plotly.js source (about 3.6 MB).</summary>
    public static string Text => Source.Value;

    /// <summary>The resource name, e.g. "Plotly.NET.plotly-2.28.0.min.js".</summary>
    public static string ResourceName => FindResource(typeof(Plotly.NET.PlotlyJSReference).Assembly);

    /// <summary>A script element that defines <c>window.Plotly</c> once, also when a notebook runs it again.</summary>
    public static string ScriptTag() =>
        "<script type=\"text/javascript\">\n" +
        "if (!window.Plotly) {\n" +
        // plotly.js is a UMD bundle: hide an AMD loader (Jupyter's require.js) so that it always sets window.Plotly.
        "(function(){ var define = undefined, require = undefined, module = undefined, exports = undefined;\n" +
        Text + "\n}).call(window);\n}\n</script>";

    private static string Load()
    {
        var asm = typeof(Plotly.NET.PlotlyJSReference).Assembly;
        using var stream = asm.GetManifestResourceStream(FindResource(asm))!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }

    private static string FindResource(Assembly asm) =>
        asm.GetManifestResourceNames().FirstOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"plotly.js resource not found in {asm.GetName().Name} (resources: {string.Join(", ", asm.GetManifestResourceNames())})");
}
