using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>
/// One entry of <c>metadata.clusterlab.forbidden</c>: <c>Type</c> (the type: construction, any member, any reference),
/// <c>Type.*</c> (any member of the type, or the type itself), <c>Type.Member</c> (one member, every overload). A type may be
/// written with its namespace (<c>ClusterLab.Em.EStep</c>); without one it matches that type name in any namespace.
/// </summary>
internal sealed partial record ForbiddenPattern
{
    private ForbiddenPattern(string text, string path, bool anyMember)
    {
        Text = text;
        Path = path;
        AnyMember = anyMember;
        Segments = path.Split('.');
    }

    /// <summary>The pattern as written (e.g. <c>GaussianMle.*</c>).</summary>
    public string Text { get; }
    /// <summary>The dotted name without a trailing <c>.*</c>.</summary>
    public string Path { get; }
    /// <summary>True for <c>X.*</c>.</summary>
    public bool AnyMember { get; }
    private string[] Segments { get; }

    [GeneratedRegex(@"^(?:global::)?[\p{L}_][\p{L}\p{Nd}_]*(?:\.[\p{L}_][\p{L}\p{Nd}_]*)*(?:\.\*)?$")]
    private static partial Regex Shape();

    /// <summary>Parses one pattern; a malformed one throws <see cref="FormatException"/> naming <paramref name="where"/>.</summary>
    public static ForbiddenPattern Parse(string text, string where)
    {
        var t = text.Trim();
        if (!Shape().IsMatch(t))
            throw new FormatException($"{where}: forbidden pattern \"{text}\" should be Type, Type.Member or Type.* (e.g. GaussianMle.*, Em.EStep).");
        if (t.StartsWith("global::", StringComparison.Ordinal)) t = t["global::".Length..];
        var any = t.EndsWith(".*", StringComparison.Ordinal);
        return new ForbiddenPattern(text.Trim(), any ? t[..^2] : t, any);
    }

    /// <summary>True when <paramref name="symbol"/> (a type, or a member with its containing type) is what the pattern forbids.</summary>
    public bool Matches(ISymbol symbol)
    {
        if (symbol is INamespaceSymbol ns) return AnyMember && NameMatches(Full(ns));
        // The type itself, a nested type of it, or (X.*) a type in namespace X.
        for (var t = symbol as INamedTypeSymbol ?? symbol.ContainingType; t is not null; t = t.ContainingType)
            if (NameMatches(Full(t))) return true;
        if (symbol is not INamedTypeSymbol && symbol.ContainingType is { } owner && NameMatches(Full(owner) + "." + symbol.Name))
            return true;                                                    // Type.Member
        if (AnyMember)
            for (var n = symbol.ContainingNamespace; n is { IsGlobalNamespace: false }; n = n.ContainingNamespace)
                if (NameMatches(Full(n))) return true;
        return false;
    }

    /// <summary>
    /// Text fallback for a name that did not bind: <paramref name="qualifier"/> is the last identifier before the dot
    /// (null for a bare name), <paramref name="name"/> the identifier. <paramref name="pathIsType"/> says whether the
    /// pattern's path names a type (<c>ClusterLab.GaussianMixture</c>) rather than a member (<c>Em.EStep</c>).
    /// </summary>
    public bool MatchesText(string? qualifier, string name, bool pathIsType)
    {
        var last = Segments[^1];
        if (qualifier is null) return name == last && (AnyMember || pathIsType || Segments.Length == 1);
        if (qualifier == last) return AnyMember || pathIsType || Segments.Length == 1;   // Type.anything
        return Segments.Length >= 2 && Segments[^2] == qualifier && name == last;
    }

    /// <summary>True when <paramref name="text"/> (a string in a reflection call) names the pattern's type or member.</summary>
    public bool NamedBy(string text, IEnumerable<string> memberNames) =>
        text.Contains(Segments[^1], StringComparison.Ordinal) ||
        memberNames.Any(m => m.Length > 0 && text.Contains(m, StringComparison.Ordinal));

    /// <summary>The type or member name the pattern ends with (<c>EStep</c>, <c>GaussianMle</c>).</summary>
    public string LastName => Segments[^1];

    private bool NameMatches(string full) => full == Path || full.EndsWith("." + Path, StringComparison.Ordinal);

    /// <summary>The symbol's dotted name without <c>global::</c> and without script-class prefixes.</summary>
    public static string Full(ISymbol symbol) =>
        symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat
            .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
            .WithGenericsOptions(SymbolDisplayGenericsOptions.None));
}
