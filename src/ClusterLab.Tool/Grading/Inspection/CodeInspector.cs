using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>
/// Static inspection of a student notebook with Roslyn's semantic model: the cells are compiled as the kernel compiles
/// them (a chain of script submissions) and every student cell is checked for shadowing declarations, kernel directives,
/// risky APIs (process, files, environment, reflection, network, interop) and library members its question forbids.
/// Nothing runs; the inspector only reads. See <see cref="CodeFlag"/> for what each flag means.
/// </summary>
internal static class CodeInspector
{
    /// <summary>
    /// Inspects <paramref name="cells"/> (all code cells in notebook order, locked ones included, tests left out) against
    /// <paramref name="rules"/>; <paramref name="referencePaths"/> are the kit's assemblies (<c>artifacts/kit/*.dll</c>).
    /// Returns the flags in cell order, one per (kind, cell, question, member).
    /// </summary>
    public static IReadOnlyList<CodeFlag> Inspect(IReadOnlyList<CodeCell> cells, InspectionRules rules, IReadOnlyList<string> referencePaths)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(rules);
        var stripped = cells.Select(c => KernelDirectives.Strip(c.Code)).ToList();
        var chain = ScriptChain.Build([.. stripped.Select(s => s.Code)], referencePaths);
        var cellOfTree = chain.Trees.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var facts = new CellFacts?[cells.Count];
        var flags = new FlagList();
        var usingStatic = new List<string>();
        for (var i = 0; i < cells.Count; i++)
        {
            usingStatic.AddRange(((CompilationUnitSyntax)chain.Trees[i].GetRoot()).Usings
                .Where(u => u.StaticKeyword != default && u.Name is not null)
                .Select(u => Last(u.Name!).Identifier.ValueText));
            var cell = cells[i];
            if (!cell.Student) continue;
            var f = facts[i] = new CellScanner(chain.Model(i), cellOfTree, rules.TestNames).Scan(chain.Trees[i], [.. usingStatic]);
            foreach (var d in stripped[i].Directives.Concat(f.Directives))
                flags.Add(FlagKind.Directive, cell, cell.QuestionId, d, $"the directive {d} is not allowed in an answer (the grader loads what the notebook needs)");
            foreach (var (name, what) in f.Shadowing)
                flags.Add(FlagKind.Shadowing, cell, cell.QuestionId, name,
                    $"declares the {what} {name}, a name reserved for the kit, the library and the given cells: rename it");
            foreach (var (kind, member) in f.Api.OrderBy(a => a.Kind).ThenBy(a => a.Member, StringComparer.Ordinal))
                flags.Add(kind, cell, cell.QuestionId, member, $"uses {member} ({Describe(kind)}), which an answer should not need");
        }
        ForbiddenUses.Add(flags, cells, facts, rules, chain.Compilations.Count > 0 ? chain.Compilations[^1] : null, referencePaths);
        return flags.Sorted(cells);
    }

    private static SimpleNameSyntax Last(NameSyntax name) => name switch
    {
        QualifiedNameSyntax q => q.Right,
        AliasQualifiedNameSyntax a => a.Name,
        _ => (SimpleNameSyntax)name,
    };

    private static string Describe(FlagKind kind) => kind switch
    {
        FlagKind.Process => "starts or inspects processes",
        FlagKind.FileSystem => "reads or writes files",
        FlagKind.Environment => "reads or changes the process environment",
        FlagKind.Reflection => "reflection or dynamic code",
        FlagKind.Network => "network access",
        FlagKind.Interop => "native interop or unsafe code",
        _ => kind.ToString(),
    };
}
