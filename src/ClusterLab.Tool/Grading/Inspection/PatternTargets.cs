using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>What a <see cref="ForbiddenPattern"/> names in the referenced assemblies: whether its path is a type, and the names a reflection call would use.</summary>
/// <param name="PathIsType">True when the pattern's path (without <c>.*</c>) names a type (then <c>X.anything</c> is a member of it).</param>
/// <param name="Names">The type's name and its members' names (for <c>Type</c> and <c>Type.*</c>), or the member's name.</param>
internal sealed record PatternTargets(bool PathIsType, IReadOnlyList<string> Names)
{
    private static readonly ConcurrentDictionary<string, PatternTargets> Cache = new(StringComparer.Ordinal);

    /// <summary>Looks the pattern up in <paramref name="compilation"/>'s assemblies named by <paramref name="referencePaths"/> (cached).</summary>
    public static PatternTargets Of(ForbiddenPattern pattern, Compilation compilation, IReadOnlyList<string> referencePaths) =>
        Cache.GetOrAdd(pattern.Text + "\n" + string.Join('\n', referencePaths), _ => Find(pattern, compilation, referencePaths));

    private static PatternTargets Find(ForbiddenPattern pattern, Compilation compilation, IReadOnlyList<string> referencePaths)
    {
        var paths = new HashSet<string>(referencePaths, StringComparer.Ordinal);
        var types = compilation.References.OfType<PortableExecutableReference>()
            .Where(r => r.FilePath is { } f && paths.Contains(f))
            .Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>()
            .SelectMany(a => Types(a.GlobalNamespace))
            .Where(t => pattern.Matches(t) && !IsMemberOfMatch(pattern, t)).ToList();
        if (compilation.GetTypeByMetadataName(pattern.Path) is { } named) types.Add(named);
        if (types.Count == 0) return new PatternTargets(false, [pattern.LastName]);
        var names = types.SelectMany(t => t.MemberNames.Where(m => !m.StartsWith('.') && !m.Contains('<') && !m.StartsWith("op_", StringComparison.Ordinal)).Append(t.Name))
            .Where(n => n is not ("Equals" or "GetHashCode" or "ToString" or "GetType" or "Finalize" or "MemberwiseClone" or "Deconstruct" or "EqualityContract" or "PrintMembers"))
            .Distinct().ToList();
        return new PatternTargets(true, names);
    }

    // X.* also matches every type of namespace X; keep only types the path itself names (and their nested types).
    private static bool IsMemberOfMatch(ForbiddenPattern pattern, INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            var full = ForbiddenPattern.Full(t);
            if (full == pattern.Path || full.EndsWith("." + pattern.Path, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns)
    {
        foreach (var t in ns.GetTypeMembers()) { yield return t; foreach (var n in Nested(t)) yield return n; }
        foreach (var child in ns.GetNamespaceMembers()) foreach (var t in Types(child)) yield return t;
    }

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type) =>
        type.GetTypeMembers().SelectMany(n => Nested(n).Prepend(n));
}
