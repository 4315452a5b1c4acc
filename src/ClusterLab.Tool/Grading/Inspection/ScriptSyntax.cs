using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>Syntax-only facts about one notebook cell parsed as a C# script submission.</summary>
internal static class ScriptSyntax
{
    /// <summary>Script parse options of the latest language version (what the kernel uses).</summary>
    public static readonly CSharpParseOptions Options =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>Parses cell code (kernel directives blanked first).</summary>
    public static SyntaxTree Parse(string code, string path = "") =>
        CSharpSyntaxTree.ParseText(KernelDirectives.Strip(code).Code, Options, path);

    /// <summary>
    /// The names a submission declares for later submissions: types, delegates, methods, properties, events, fields and
    /// top-level variables (deconstruction and <c>out var</c> included), namespaces and <c>using</c> aliases, with the node.
    /// </summary>
    public static IEnumerable<(string Name, SyntaxNode Node, string What)> TopLevelDeclarations(SyntaxTree tree)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        foreach (var u in root.Usings)
            if (u.Alias is { } alias) yield return (alias.Name.Identifier.ValueText, u, "alias");
        foreach (var member in root.Members)
            foreach (var d in Members(member))
                yield return d;
    }

    private static IEnumerable<(string, SyntaxNode, string)> Members(MemberDeclarationSyntax member)
    {
        switch (member)
        {
            case BaseTypeDeclarationSyntax t: yield return (t.Identifier.ValueText, t, "type"); break;
            case DelegateDeclarationSyntax d: yield return (d.Identifier.ValueText, d, "delegate"); break;
            case MethodDeclarationSyntax m: yield return (m.Identifier.ValueText, m, "method"); break;
            case PropertyDeclarationSyntax p: yield return (p.Identifier.ValueText, p, "property"); break;
            case EventDeclarationSyntax e: yield return (e.Identifier.ValueText, e, "event"); break;
            case BaseFieldDeclarationSyntax f:
                foreach (var v in f.Declaration.Variables) yield return (v.Identifier.ValueText, v, "variable");
                break;
            case BaseNamespaceDeclarationSyntax n:
                foreach (var part in n.Name.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                    yield return (part.Identifier.ValueText, n, "namespace");
                foreach (var inner in n.Members)
                    foreach (var d in Members(inner)) yield return d;
                break;
            case GlobalStatementSyntax g:
                foreach (var d in Statement(g.Statement)) yield return d;
                break;
        }
    }

    // A top-level statement's declarations that outlive it: locals and local functions become script members, and so do
    // expression variables (out var, patterns, deconstruction) outside nested lambdas and blocks.
    private static IEnumerable<(string, SyntaxNode, string)> Statement(StatementSyntax statement)
    {
        if (statement is LocalFunctionStatementSyntax lf) { yield return (lf.Identifier.ValueText, lf, "method"); yield break; }
        if (statement is LocalDeclarationStatementSyntax ld)
            foreach (var v in ld.Declaration.Variables) yield return (v.Identifier.ValueText, v, "variable");
        foreach (var node in statement.DescendantNodes(n => n == statement || !IsScopeBoundary(n)))
            if (node is SingleVariableDesignationSyntax s) yield return (s.Identifier.ValueText, s, "variable");
    }

    private static bool IsScopeBoundary(SyntaxNode n) =>
        n is AnonymousFunctionExpressionSyntax or BlockSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax;

    /// <summary>
    /// Simple names a cell refers to by themselves (not after a dot, not a named argument or an initializer's member):
    /// the names it expects to find in scope.
    /// </summary>
    public static IEnumerable<string> ReferencedNames(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>().Where(IsStandalone).Select(n => n.Identifier.ValueText);

    private static bool IsStandalone(SimpleNameSyntax n) => n.Parent switch
    {
        MemberAccessExpressionSyntax ma => ma.Expression == n,
        QualifiedNameSyntax q => q.Left == n,
        MemberBindingExpressionSyntax => false,
        NameColonSyntax or NameEqualsSyntax => false,
        AssignmentExpressionSyntax a when a.Left == n && a.Parent is InitializerExpressionSyntax => false,
        _ => true,
    };

    /// <summary>Every name a cell declares anywhere (locals, parameters, lambda and range variables included).</summary>
    public static IEnumerable<string> AllDeclaredNames(SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var token = node switch
            {
                VariableDeclaratorSyntax v => v.Identifier,
                SingleVariableDesignationSyntax s => s.Identifier,
                ParameterSyntax p => p.Identifier,
                LocalFunctionStatementSyntax lf => lf.Identifier,
                MethodDeclarationSyntax m => m.Identifier,
                BaseTypeDeclarationSyntax t => t.Identifier,
                ForEachStatementSyntax fe => fe.Identifier,
                CatchDeclarationSyntax c => c.Identifier,
                FromClauseSyntax f => f.Identifier,
                LetClauseSyntax l => l.Identifier,
                JoinClauseSyntax j => j.Identifier,
                QueryContinuationSyntax qc => qc.Identifier,
                _ => default,
            };
            if (token.ValueText is { Length: > 0 } name) yield return name;
        }
    }
}
