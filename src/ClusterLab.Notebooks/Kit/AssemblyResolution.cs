using System.Reflection;
using System.Runtime.Loader;

namespace ClusterLab.Notebooks;

/// <summary>
/// The <see cref="AssemblyLoadContext.Default"/> Resolving handler installed by <see cref="Kit.Setup"/>. A request the
/// default binder could not satisfy is answered, in order, by: an assembly of that name already loaded (any version,
/// any load context: the kernel ships FSharp.Core 10.0 while Plotly.NET 6 asks for 10.1), the host's own copy
/// (trusted platform assemblies), then the kit folder.
/// </summary>
internal static class AssemblyResolution
{
    private static int _installed;

    [ThreadStatic] private static bool _resolving;

    /// <summary>The folder holding ClusterLab.Notebooks.dll and its dependencies.</summary>
    public static string KitFolder { get; } =
        Path.GetDirectoryName(typeof(AssemblyResolution).Assembly.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory;

    /// <summary>Installs the handler once per process; returns false when it was already installed.</summary>
    public static bool Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return false;
        AssemblyLoadContext.Default.Resolving += Resolve;
        return true;
    }

    /// <summary>The handler (also callable directly by tests).</summary>
    internal static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (_resolving || name.Name is null) return null;
        if (!string.IsNullOrEmpty(name.CultureName) && name.CultureName != "neutral") return null; // satellite resources: optional
        _resolving = true;
        try
        {
            return AlreadyLoaded(name.Name) ?? FromHost(context, name.Name) ?? FromKit(context, name.Name);
        }
        finally
        {
            _resolving = false;
        }
    }

    // Default context first; then any other (the C# kernel loads each #r'd dll into its own context: reusing that copy
    // keeps one ClusterLab.Notebooks, hence one set of formatters and one Check.Results, per process).
    private static Assembly? AlreadyLoaded(string simpleName)
    {
        bool Named(Assembly a) => string.Equals(a.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase);
        return AssemblyLoadContext.Default.Assemblies.FirstOrDefault(Named)
            ?? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => Named(a) && !a.IsDynamic && !IsCollectible(a));
    }

    private static bool IsCollectible(Assembly a) => AssemblyLoadContext.GetLoadContext(a)?.IsCollectible ?? false;

    private static Assembly? FromHost(AssemblyLoadContext context, string simpleName)
    {
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is not string tpa) return null;
        var path = tpa.Split(Path.PathSeparator).FirstOrDefault(p =>
            string.Equals(Path.GetFileNameWithoutExtension(p), simpleName, StringComparison.OrdinalIgnoreCase));
        return path is null ? null : TryLoad(context, path);
    }

    private static Assembly? FromKit(AssemblyLoadContext context, string simpleName)
    {
        var path = Path.Combine(KitFolder, simpleName + ".dll");
        return File.Exists(path) ? TryLoad(context, path) : null;
    }

    private static Assembly? TryLoad(AssemblyLoadContext context, string path)
    {
        try { return context.LoadFromAssemblyPath(path); }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException or FileNotFoundException) { return null; }
    }
}
