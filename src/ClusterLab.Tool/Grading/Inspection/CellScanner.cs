using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>
/// Walks one student cell with its semantic model and collects <see cref="CellFacts"/>. A name that does not bind (a
/// compile error, dynamic code, code hidden by <c>#if</c>) is kept by its text, so an error cannot hide a use.
/// </summary>
internal sealed class CellScanner(SemanticModel model, IReadOnlyDictionary<SyntaxTree, int> cellOfTree, IReadOnlySet<string> testNames)
{
    private readonly CellFacts facts = new();

    /// <summary>Scans <paramref name="tree"/>; <paramref name="usingStatic"/> are the type names of every <c>using static</c> so far (for unbound bare names).</summary>
    public CellFacts Scan(SyntaxTree tree, IReadOnlyList<string> usingStatic)
    {
        var self = cellOfTree[tree];
        var root = tree.GetRoot();
        Declarations(tree);
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case SimpleNameSyntax name: Name(name, usingStatic, self); break;
                case BaseObjectCreationExpressionSyntax or ElementAccessExpressionSyntax or BinaryExpressionSyntax
                    or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or CastExpressionSyntax:
                    Bound(node, model.GetSymbolInfo(node), self); break;
                case UnsafeStatementSyntax or PointerTypeSyntax or FunctionPointerTypeSyntax or FixedStatementSyntax:
                    facts.Api.Add((FlagKind.Interop, "unsafe code")); break;
            }
            if (node is ExpressionSyntax e && model.GetConstantValue(e) is { HasValue: true, Value: string s }) facts.Names.Add(s);
            if (node is InvocationExpressionSyntax or MemberAccessExpressionSyntax && model.GetTypeInfo(node).Type is { TypeKind: TypeKind.Dynamic })
                facts.Api.Add((FlagKind.Reflection, "dynamic"));
            Writes(node);
        }
        foreach (var token in root.DescendantTokens())
            if (token.IsKind(SyntaxKind.UnsafeKeyword)) facts.Api.Add((FlagKind.Interop, "unsafe code"));
            else if (token.IsKind(SyntaxKind.ExternKeyword) && token.Parent is MethodDeclarationSyntax or LocalFunctionStatementSyntax)
                facts.Api.Add((FlagKind.Interop, "extern method"));
        facts.Names.Add(string.Concat(root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken) ||
            t.IsKind(SyntaxKind.InterpolatedStringTextToken)).Select(t => t.ValueText)));
        Hidden(root);
        return facts;
    }

    private void Declarations(SyntaxTree tree)
    {
        foreach (var (name, node, what) in ScriptSyntax.TopLevelDeclarations(tree))
        {
            facts.Declared.Add(name);
            if (!testNames.Contains(name)) continue;
            // Syntax proposes, the model disposes: a pattern or foreach variable that is a local after all does not outlive the cell.
            if (what == "variable" && model.GetDeclaredSymbol(node) is ILocalSymbol) continue;
            facts.Shadowing.Add((name, what));
        }
    }

    private void Name(SimpleNameSyntax name, IReadOnlyList<string> usingStatic, int self)
    {
        if (model.GetAliasInfo(name) is { } alias)                       // using G = …; declared in another cell
            foreach (var reference in alias.DeclaringSyntaxReferences)
                if (cellOfTree.TryGetValue(reference.SyntaxTree, out var aliasCell) && aliasCell != self) facts.DependsOn.Add(aliasCell);
        var info = model.GetSymbolInfo(name);
        if (info.Symbol is not null || info.CandidateSymbols.Length > 0) { Bound(name, info, self); return; }
        var text = name.Identifier.ValueText;
        if (name.IsVar || text is "nameof" or "_") return;
        var qualifier = Qualifier(name);
        if (qualifier is null && usingStatic.Count > 0 && !IsReceiverDynamic(name))
            foreach (var type in usingStatic) facts.Uses.Add(new NameUse(null, type, text));
        facts.Uses.Add(new NameUse(null, qualifier, text));
        if (IsReceiverDynamic(name)) facts.Names.Add(text);
    }

    private bool IsReceiverDynamic(SimpleNameSyntax name) =>
        name.Parent is MemberAccessExpressionSyntax ma && ma.Name == name && model.GetTypeInfo(ma.Expression).Type is { TypeKind: TypeKind.Dynamic };

    /// <summary>The identifier before the dot of <c>a.b</c> / <c>A.B</c> / <c>a?.b</c> when <paramref name="name"/> is the right side.</summary>
    public static string? Qualifier(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax ma when ma.Name == name => LastIdentifier(ma.Expression),
        QualifiedNameSyntax q when q.Right == name => LastIdentifier(q.Left),
        MemberBindingExpressionSyntax mb when mb.Parent?.Parent is ConditionalAccessExpressionSyntax ca => LastIdentifier(ca.Expression),
        _ => null,
    };

    private static string? LastIdentifier(SyntaxNode node) => node switch
    {
        SimpleNameSyntax s => s.Identifier.ValueText,
        MemberAccessExpressionSyntax ma => ma.Name.Identifier.ValueText,
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        _ => null,
    };

    private void Bound(SyntaxNode node, SymbolInfo info, int self)
    {
        IEnumerable<ISymbol> symbols = info.Symbol is { } s ? [s] : info.CandidateSymbols;
        foreach (var raw in symbols)
        {
            var symbol = Normalize(raw);
            if (symbol is ITypeSymbol { TypeKind: TypeKind.Dynamic }) { facts.Api.Add((FlagKind.Reflection, "dynamic")); continue; }
            if (symbol is ITypeSymbol { TypeKind: TypeKind.Pointer or TypeKind.FunctionPointer }) { facts.Api.Add((FlagKind.Interop, "unsafe code")); continue; }
            if (symbol is IErrorTypeSymbol) { facts.Uses.Add(new NameUse(null, null, symbol.Name)); continue; }
            if (symbol.Locations.Any(l => l.IsInMetadata))
            {
                if (symbol is INamespaceSymbol) continue;
                facts.Uses.Add(new NameUse(symbol, null, symbol.Name));
                if (ApiCategories.Of(symbol) is { } kind) facts.Api.Add((kind, Display(symbol)));
                continue;
            }
            foreach (var reference in symbol.DeclaringSyntaxReferences)
                if (cellOfTree.TryGetValue(reference.SyntaxTree, out var cell) && cell != self) facts.DependsOn.Add(cell);
            if (IsScriptState(symbol)) facts.Reads.Add(symbol);
        }
    }

    // Assignments, ++/--, ref/out arguments: the variable or property at the root of the target.
    private void Writes(SyntaxNode node)
    {
        var target = node switch
        {
            AssignmentExpressionSyntax a => a.Left,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } p => p.Operand,
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } p => p.Operand,
            ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } arg => arg.Expression,
            _ => null,
        };
        while (target is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax)
            target = target switch
            {
                MemberAccessExpressionSyntax m => m.Expression,
                ElementAccessExpressionSyntax e => e.Expression,
                ParenthesizedExpressionSyntax p => p.Expression,
                _ => null,
            };
        if (target is not null && model.GetSymbolInfo(target).Symbol is { } symbol && IsScriptState(symbol)) facts.Writes.Add(symbol);
    }

    // Code inside an inactive #if branch: the kernel may define symbols we do not, so read its names and strings too.
    private void Hidden(SyntaxNode root)
    {
        var hidden = new StringBuilder();
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
        {
            if (trivia.IsKind(SyntaxKind.DisabledTextTrivia)) hidden.Append(trivia.ToFullString()).Append('\n');
            if (trivia.GetStructure() is ConditionalDirectiveTriviaSyntax or DefineDirectiveTriviaSyntax or UndefDirectiveTriviaSyntax)
                facts.Directives.Add(trivia.ToString().Trim());
        }
        if (hidden.Length == 0) return;
        var tree = CSharpSyntaxTree.ParseText(hidden.ToString(), ScriptSyntax.Options);
        foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            facts.Uses.Add(new NameUse(null, Qualifier(name), name.Identifier.ValueText));
        foreach (var token in tree.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken)))
            facts.Names.Add(token.ValueText);
    }

    private static bool IsScriptState(ISymbol symbol) =>
        symbol is IFieldSymbol or IPropertySymbol && symbol.ContainingType is { IsScriptClass: true };

    /// <summary>Alias → its target, reduced extension method → the static method, constructed generic → its definition.</summary>
    public static ISymbol Normalize(ISymbol symbol)
    {
        if (symbol is IAliasSymbol alias) symbol = alias.Target;
        if (symbol is IMethodSymbol { ReducedFrom: { } reduced }) symbol = reduced;
        return symbol.OriginalDefinition;
    }

    /// <summary>How a flag names a library symbol: <c>ClusterLab.GaussianMle.Estimate</c>, <c>new ClusterLab.GaussianMixture</c>.</summary>
    public static string Display(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } m => "new " + ForbiddenPattern.Full(m.ContainingType),
        INamedTypeSymbol or INamespaceSymbol => ForbiddenPattern.Full(symbol),
        _ when symbol.ContainingType is { } t => ForbiddenPattern.Full(t) + "." + symbol.Name,
        _ => symbol.Name,
    };
}
