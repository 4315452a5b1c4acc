using System.Globalization;
using System.Text;
using ClusterLab.Tool.Runner;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClusterLab.Tool.Export;

/// <summary>
/// Turns a lesson notebook into a .NET 10 file-based app: <c>#:project</c> in place of the setup cell, Markdown as
/// comments, each cell's code in order, a cell's last expression shown through <c>ScriptHost.Show</c> (charts saved as
/// HTML), <c>using</c> directives hoisted to the top and type declarations moved to the end, as C# requires.
/// </summary>
internal static class FileBasedApp
{
    private static readonly CSharpParseOptions ScriptOptions = CSharpParseOptions.Default
        .WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Preview);

    /// <summary>The app's source for <paramref name="notebook"/>; <paramref name="kitProject"/> is the path written in <c>#:project</c>.</summary>
    public static string Convert(NotebookDocument notebook, string kitProject)
    {
        var usings = new List<string> { "using ClusterLab;", "using ClusterLab.Notebooks;", "using static ClusterLab.Notebooks.ScriptHost;" };
        var body = new StringBuilder();
        var types = new StringBuilder();
        int cellNumber = 0, setup = notebook.SetupCellIndex();
        foreach (var cell in notebook.Cells)
        {
            cellNumber++;
            var source = NotebookDocument.Source(cell);
            if (NotebookDocument.CellType(cell) == "markdown") { body.Append(Comment(source)); continue; }
            if (NotebookDocument.CellType(cell) != "code" || cellNumber - 1 == setup) continue;   // #:project replaces the setup cell
            body.AppendLine(CultureInfo.InvariantCulture, $"// ── cell {cellNumber} ──");
            AppendCode(WithoutDirectives(source), usings, body, types);
            body.AppendLine();
        }
        var app = new StringBuilder();
        app.AppendLine("#!/usr/bin/env -S dotnet run");
        app.AppendLine(CultureInfo.InvariantCulture, $"// {notebook.Name}: exported from {System.IO.Path.GetFileName(notebook.Path)} by `clusterlab export` (run: dotnet run {notebook.Name}.cs)");
        app.AppendLine(CultureInfo.InvariantCulture, $"#:project {kitProject}");
        app.AppendLine("#:property Nullable=disable");
        app.AppendLine("#:property NoWarn=$(NoWarn);CS1591;CS8321;CS0219;CS0168;CS8981");
        app.AppendLine("#:property PublishAot=false");
        foreach (var u in usings.Distinct()) app.AppendLine(u);
        app.AppendLine();
        app.AppendLine(CultureInfo.InvariantCulture, $"ScriptHost.Begin(\"{notebook.Name}\");");
        app.AppendLine();
        app.Append(body);
        app.AppendLine("return ScriptHost.End();");
        if (types.Length > 0) { app.AppendLine(); app.Append(types); }
        return app.ToString();
    }

    private static string WithoutDirectives(string source) =>
        string.Join('\n', source.Split('\n').Where(l => !l.TrimStart().StartsWith("#r ", StringComparison.Ordinal) && !l.TrimStart().StartsWith("#!", StringComparison.Ordinal)));

    private static string Comment(string markdown) =>
        string.Concat(markdown.TrimEnd().Split('\n').Select(l => l.Length == 0 ? "//\n" : "// " + l.TrimEnd('\r') + "\n")) + "\n";

    private static void AppendCode(string code, List<string> usings, StringBuilder body, StringBuilder types)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, ScriptOptions).GetRoot();
        usings.AddRange(root.Usings.Select(u => u.ToString().Trim()));
        var members = root.Members;
        for (int i = 0; i < members.Count; i++)
        {
            var member = members[i];
            if (member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax) { types.AppendLine(member.ToFullString().Trim()); continue; }
            bool last = i == members.Count - 1;
            if (last && member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } expr })
            {
                body.Append(member.GetLeadingTrivia().ToFullString().TrimStart('\n'));
                body.AppendLine(CultureInfo.InvariantCulture, $"ScriptHost.Show(() => {expr.Expression.ToString().Trim()});");
                continue;
            }
            body.AppendLine(member.ToFullString().Trim('\n', '\r'));
        }
    }
}
