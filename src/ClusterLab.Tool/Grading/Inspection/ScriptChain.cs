using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>
/// The cells compiled as the kernel compiles them: one C# script submission per cell, each continuing the previous one
/// (declarations and <c>using</c>s carried forward), with the kernel's default usings plus the setup cell's.
/// </summary>
internal sealed class ScriptChain
{
    /// <summary>The kernel's default usings (.NET Interactive C#) and the setup cell's <c>using ClusterLab; using ClusterLab.Notebooks;</c>.</summary>
    public static readonly IReadOnlyList<string> Usings =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
        "ClusterLab", "ClusterLab.Notebooks",
    ];

    private static readonly ConcurrentDictionary<string, MetadataReference> Cache = new(StringComparer.Ordinal);

    private ScriptChain(IReadOnlyList<SyntaxTree> trees, IReadOnlyList<CSharpCompilation> compilations)
    {
        Trees = trees;
        Compilations = compilations;
    }

    /// <summary>One tree per cell (kernel directives blanked), in order.</summary>
    public IReadOnlyList<SyntaxTree> Trees { get; }

    /// <summary>One script compilation per cell; each continues the last earlier cell that compiled without errors (as in the kernel).</summary>
    public IReadOnlyList<CSharpCompilation> Compilations { get; }

    /// <summary>The semantic model of cell <paramref name="index"/>.</summary>
    public SemanticModel Model(int index) => Compilations[index].GetSemanticModel(Trees[index]);

    /// <summary>Compiles <paramref name="codes"/> (directives already blanked) against the runtime's assemblies and <paramref name="referencePaths"/>.</summary>
    public static ScriptChain Build(IReadOnlyList<string> codes, IReadOnlyList<string> referencePaths)
    {
        var references = References(referencePaths);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: Usings,
            nullableContextOptions: NullableContextOptions.Disable, allowUnsafe: true);
        var trees = new List<SyntaxTree>();
        var compilations = new List<CSharpCompilation>();
        CSharpCompilation? previous = null, good = null;
        for (var i = 0; i < codes.Count; i++)
        {
            var tree = CSharpSyntaxTree.ParseText(codes[i], ScriptSyntax.Options, $"cell{i}.csx");
            CSharpCompilation compilation;
            // Like the kernel: a cell that does not compile never runs, so later cells continue from the last one that did.
            // Roslyn checks the previous submission for errors itself (a full compile), so that check is not repeated here.
            try
            {
                compilation = CSharpCompilation.CreateScriptCompilation($"Submission{i}", tree, references, options, previous);
                good = previous;
            }
            catch (InvalidOperationException)
            {
                compilation = CSharpCompilation.CreateScriptCompilation($"Submission{i}", tree, references, options, good);
            }
            trees.Add(tree);
            compilations.Add(compilation);
            previous = compilation;
        }
        return new ScriptChain(trees, compilations);
    }

    /// <summary>
    /// The trusted platform assemblies (the running .NET) and <paramref name="referencePaths"/>; a platform assembly with
    /// the same file name as a reference path is left out (the kit's copy wins). References are cached per path.
    /// </summary>
    public static IReadOnlyList<MetadataReference> References(IReadOnlyList<string> referencePaths)
    {
        var kitNames = new HashSet<string>(referencePaths.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
        var platform = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !kitNames.Contains(Path.GetFileName(p)));
        var list = new List<MetadataReference>();
        foreach (var path in platform.Concat(referencePaths))
            if (Cache.TryGetValue(path, out var cached)) list.Add(cached);
            else if (Load(path) is { } loaded) list.Add(Cache.GetOrAdd(path, loaded));
        return list;
    }

    private static PortableExecutableReference? Load(string path)
    {
        try { return File.Exists(path) ? MetadataReference.CreateFromFile(path) : null; }
        catch (BadImageFormatException) { return null; }    // a native or damaged file among the platform's: not a reference
    }
}
