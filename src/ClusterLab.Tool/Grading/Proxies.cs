using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Turns the instructor's solution cell into proxy declarations for the grader's own kernel: every method keeps its
/// signature and gets a body that calls the student's method through <c>ClusterLab.Notebooks.Remote</c>; every
/// variable with an explicit type becomes a property that fetches the student's value. Statements are dropped (the
/// student's notebook runs them in its own process).
/// </summary>
internal static class Proxies
{
    private const string Remote = "global::ClusterLab.Notebooks.Remote";

    /// <summary>The proxy code for one solution cell; <paramref name="problems"/> receives what cannot be proxied.</summary>
    public static string For(string solutionCode, string where, List<string> problems)
    {
        var tree = CSharpSyntaxTree.ParseText(solutionCode, new CSharpParseOptions(LanguageVersion.Preview, kind: SourceCodeKind.Script));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var lines = new List<string>();
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case MethodDeclarationSyntax m:
                    lines.Add(Method(m.ReturnType, m.Identifier.ValueText, m.ParameterList, m.TypeParameterList, where, problems));
                    break;
                case GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax f }:
                    lines.Add(Method(f.ReturnType, f.Identifier.ValueText, f.ParameterList, f.TypeParameterList, where, problems));
                    break;
                case FieldDeclarationSyntax field:
                    lines.AddRange(Variables(field.Declaration, where, problems));
                    break;
                case GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local }:
                    lines.AddRange(Variables(local.Declaration, where, problems));
                    break;
                case BaseTypeDeclarationSyntax type:
                    problems.Add($"{where}: the type {type.Identifier.ValueText} declared in a solution cell is not graded (declare types in a prompt cell).");
                    break;
            }
        }
        return lines.Count == 0 ? "// (nothing of this solution cell is called by the checks)" : string.Join('\n', lines);
    }

    private static string Method(TypeSyntax returnType, string name, ParameterListSyntax list, TypeParameterListSyntax? generics, string where, List<string> problems)
    {
        if (generics is not null)
        {
            problems.Add($"{where}: the generic method {name} cannot be called across the grader's boundary.");
            return $"// {name}: generic, not graded";
        }
        var types = new List<string>();
        var names = new List<string>();
        foreach (var p in list.Parameters)
        {
            if (p.Modifiers.Any(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword) || m.IsKind(SyntaxKind.InKeyword) || m.IsKind(SyntaxKind.ParamsKeyword)) || p.Type is null)
            {
                problems.Add($"{where}: {name} has a ref/out/in/params parameter, which cannot be called across the grader's boundary.");
                return $"// {name}: not graded";
            }
            types.Add(Text(p.Type));
            names.Add(p.Identifier.Text);
        }
        var ret = Text(returnType);
        var typeArray = $"new string[] {{ {string.Join(", ", types.Select(Quote))} }}";
        var argArray = $"new object?[] {{ {string.Join(", ", names)} }}";
        var signature = $"{ret} {name}{list.WithoutTrivia()}";
        return ret == "void"
            ? $"{signature} => {Remote}.Invoke({Quote(name)}, {typeArray}, {argArray});"
            : $"{signature} => {Remote}.Call<{ret}>({Quote(name)}, {typeArray}, {Quote(ret)}, {argArray});";
    }

    private static IEnumerable<string> Variables(VariableDeclarationSyntax declaration, string where, List<string> problems)
    {
        if (declaration.Type.IsVar)
        {
            problems.Add($"{where}: {string.Join(", ", declaration.Variables.Select(v => v.Identifier.ValueText))} is declared with var; give it an explicit type so the grader can read the student's value.");
            yield break;
        }
        var type = Text(declaration.Type);
        foreach (var v in declaration.Variables)
            yield return $"{type} {v.Identifier.Text} => {Remote}.Call<{type}>({Quote(v.Identifier.ValueText)}, null!, {Quote(type)});";
    }

    private static string Text(SyntaxNode node) => node.WithoutTrivia().ToString();

    private static string Quote(string s) => SymbolDisplay.FormatLiteral(s, quote: true);
}
