using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace ClusterLab.Notebooks;

/// <summary>
/// Everything that touches Microsoft.DotNet.Interactive. The kit does not ship that assembly (the kernel provides it),
/// so every call first checks that it is already loaded and only then enters a non-inlined method that uses it.
/// </summary>
internal static class KernelBridge
{
    private const string InteractiveAssembly = "Microsoft.DotNet.Interactive";
    private const string FormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";

    /// <summary>True when the assembly named <paramref name="name"/> is loaded in this process.</summary>
    public static bool IsLoaded(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == name);

    /// <summary>True when a kernel command is executing on this call path.</summary>
    public static bool InKernel => IsLoaded(InteractiveAssembly) && HasContext();

    /// <summary>Displays a check result in the current kernel cell (HTML box and grader JSON); false outside a kernel.</summary>
    public static bool TryDisplay(CheckResult result) => IsLoaded(InteractiveAssembly) && Publish(result,
        [("text/html", result.ToHtml()), (Check.ResultMimeType, result.ToJson())]);

    /// <summary>Displays <paramref name="value"/> as the given formatted values; false outside a kernel.</summary>
    public static bool TryDisplay(object value, params (string MimeType, string Text)[] formatted) =>
        IsLoaded(InteractiveAssembly) && Publish(value, formatted);

    /// <summary>Registers the kit's formatters when the formatting library is loaded; false otherwise.</summary>
    public static bool TryRegisterFormatters() => IsLoaded(FormattingAssembly) && RegisterFormatters();

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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool RegisterFormatters()
    {
        Formatter.Register<Figure>((figure, writer) => writer.Write(figure.ToHtmlFragment()), "text/html");
        Formatter.Register<CheckResult>((r, writer) => writer.Write(r.ToHtml()), "text/html");
        Formatter.Register<CheckResult>((r, writer) => writer.Write(r.ToJson()), Check.ResultMimeType);
        Formatter.Register<CheckSummary>((s, writer) => writer.Write(s.ToHtml()), "text/html");
        Formatter.Register<KitReady>((k, writer) => writer.Write(k.ToHtml()), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(Figure), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(CheckResult), "text/html", Check.ResultMimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(CheckSummary), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(KitReady), "text/html");
        return true;
    }
}
