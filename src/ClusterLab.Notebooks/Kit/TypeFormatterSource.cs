namespace ClusterLab.Notebooks;

/// <summary>
/// dotnet-interactive's convention-based formatter hook (matched by name, so the kit needs no Formatting reference):
/// kit types display as HTML in a kernel even before <see cref="Kit.Setup"/> registers its formatters.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    public string[]? PreferredMimeTypes { get; set; }
}

/// <summary>Creates the convention-based formatters for the kit's displayable types.</summary>
internal sealed class KitFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new KitConventionFormatter { MimeType = "text/html" };
        yield return new KitConventionFormatter { MimeType = Check.ResultMimeType };
    }
}

/// <summary>One MIME type's convention-based formatter: <c>MimeType</c> plus <c>Format(object, TextWriter)</c>.</summary>
internal sealed class KitConventionFormatter
{
    public string MimeType { get; set; } = "text/html";

    public bool Format(object instance, TextWriter writer)
    {
        var text = KitDisplay.Format(instance, MimeType);
        if (text is null) return false;
        writer.Write(text);
        return true;
    }
}

/// <summary>How each kit type renders, per MIME type (null: not supported).</summary>
internal static class KitDisplay
{
    public static string? Format(object instance, string mimeType) => (instance, mimeType) switch
    {
        (Figure f, "text/html") => f.ToHtmlFragment(),
        (CheckResult r, "text/html") => r.ToHtml(),
        (CheckResult r, Check.ResultMimeType) => r.ToJson(),
        (CheckSummary s, "text/html") => s.ToHtml(),
        (KitReady k, "text/html") => k.ToHtml(),
        _ => null,
    };
}
