using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace ClusterLab.Notebooks;

/// <summary>
/// Everything that touches Microsoft.DotNet.Interactive. The kit does not ship that assembly (the kernel provides it),
/// so every call first checks that it is already loaded and only then enters a non-inlined method that uses it.
/// </summary>
internal static class KernelBridge
{
    private const string InteractiveAssembly = "Microsoft.DotNet.Interactive";
    private const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";

    // Kernels (typed object: the Kernel type must not load outside a kernel) whose references the kit already added.
    private static readonly ConditionalWeakTable<object, object> ReferencedKernels = new();

    /// <summary>True when the assembly named <paramref name="name"/> is loaded in this process.</summary>
    public static bool IsLoaded(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == name);

    /// <summary>True when a kernel command is executing on this call path.</summary>
    public static bool InKernel => IsLoaded(InteractiveAssembly) && HasContext();

    /// <summary>Displays a check result in the current kernel cell (HTML box and grader JSON); false outside a kernel.</summary>
    public static bool TryDisplay(CheckResult result) => IsLoaded(InteractiveAssembly) && Publish(result,
        [("text/html", result.ToHtml()), (Check.ResultMimeType, result.ToJson())]);

    /// <summary>Registers the kit's formatters when the formatting library is loaded; false otherwise.</summary>
    public static bool TryRegisterFormatters() => IsLoaded(FormattingAssembly) && RegisterFormatters();

    /// <summary>
    /// Makes the kit's <paramref name="assemblyPaths"/> referenceable by the next cells of the kernel running this
    /// cell (as <c>#r</c> would), once per kernel; false outside a kernel or when the kernel cannot add references.
    /// </summary>
    public static bool TryAddReferences(IReadOnlyList<string> assemblyPaths) =>
        IsLoaded(InteractiveAssembly) && AddReferences(assemblyPaths);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool HasContext() => KernelInvocationContext.Current is not null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Publish(object value, (string MimeType, string Text)[] formatted)
    {
        var context = KernelInvocationContext.Current;
        if (context is null) return false;
        var values = formatted.Select(f => new FormattedValue(f.MimeType, f.Text)).ToArray();
        context.Publish(new DisplayedValueProduced(value, context.Command, values));
        return true;
    }

    // The C# kernel (Microsoft.DotNet.Interactive.CSharp, which the kit does not reference) has a public
    // AddAssemblyReferences(IEnumerable<string>): what its #r directive calls. Found by name, so no compile-time reference.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool AddReferences(IReadOnlyList<string> assemblyPaths)
    {
        if (KernelInvocationContext.Current?.HandlingKernel is not { } kernel) return false;
        if (ReferencedKernels.TryGetValue(kernel, out _)) return true;
        var add = kernel.GetType().GetMethod("AddAssemblyReferences", [typeof(IEnumerable<string>)]);
        if (add is null) return false;
        add.Invoke(kernel, [assemblyPaths]);
        ReferencedKernels.AddOrUpdate(kernel, assemblyPaths);
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool RegisterFormatters()
    {
        Formatter.Register<Figure>((figure, writer) => writer.Write(figure.ToHtmlFragment()), "text/html");
        // Any Plotly.NET chart (e.g. Plotly.NET.CSharp.Chart.Point(...)) draws like a Figure: offline, not as a tree.
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(new Figure(chart).ToHtmlFragment()), "text/html");
        Formatter.Register<CheckResult>((r, writer) => writer.Write(r.ToHtml()), "text/html");
        Formatter.Register<CheckResult>((r, writer) => writer.Write(r.ToJson()), Check.ResultMimeType);
        Formatter.Register<CheckSummary>((s, writer) => writer.Write(s.ToHtml()), "text/html");
        Formatter.Register<KitReady>((k, writer) => writer.Write(k.ToHtml()), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(Figure), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(CheckResult), "text/html", Check.ResultMimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(CheckSummary), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(KitReady), "text/html");
        return true;
    }
}
