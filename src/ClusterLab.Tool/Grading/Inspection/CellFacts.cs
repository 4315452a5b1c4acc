using Microsoft.CodeAnalysis;

namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>One use of a name in a student cell: the library symbol it binds to, or its text when it does not bind.</summary>
/// <param name="Symbol">The bound metadata symbol (alias targets, reduced extension methods and generic constructions normalised); null when unbound.</param>
/// <param name="Qualifier">Unbound only: the identifier before the dot (<c>Em</c> in <c>Em.EStep</c>), or null for a bare name.</param>
/// <param name="Name">The identifier.</param>
internal sealed record NameUse(ISymbol? Symbol, string? Qualifier, string Name);

/// <summary>What <see cref="CellScanner"/> found in one student cell; <see cref="CodeInspector"/> turns it into flags.</summary>
internal sealed class CellFacts
{
    /// <summary>Library symbols and unbound names the cell uses (forbidden-member candidates).</summary>
    public HashSet<NameUse> Uses { get; } = [];
    /// <summary>API-family findings: (category, member shown in the flag).</summary>
    public HashSet<(FlagKind Kind, string Member)> Api { get; } = [];
    /// <summary>Every name the cell declares for later cells (types, methods, variables, aliases).</summary>
    public HashSet<string> Declared { get; } = new(StringComparer.Ordinal);
    /// <summary>Script-level declarations named like a test name: (name, what: type, method, variable…).</summary>
    public HashSet<(string Name, string What)> Shadowing { get; } = [];
    /// <summary>Directive lines and conditional-compilation directives.</summary>
    public List<string> Directives { get; } = [];
    /// <summary>Indices of other cells whose declarations this cell refers to.</summary>
    public HashSet<int> DependsOn { get; } = [];
    /// <summary>Script-level variables and properties the cell assigns (a later cell can change what an earlier answer reads).</summary>
    public HashSet<ISymbol> Writes { get; } = new(SymbolEqualityComparer.Default);
    /// <summary>Script-level variables and properties the cell refers to.</summary>
    public HashSet<ISymbol> Reads { get; } = new(SymbolEqualityComparer.Default);
    /// <summary>Constant strings, string literals joined, and member names used on <c>dynamic</c> receivers (reflection by name).</summary>
    public List<string> Names { get; } = [];
    /// <summary>True when the cell uses reflection or <c>dynamic</c>.</summary>
    public bool UsesReflection => Api.Any(a => a.Kind == FlagKind.Reflection);
}
