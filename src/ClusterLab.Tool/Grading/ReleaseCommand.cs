using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool.Grading;

/// <summary>The <c>clusterlab release &lt;source.ipynb|folder&gt; [--out DIR]</c> sub-command: writes the student copy.</summary>
internal static partial class ReleaseCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        usage: clusterlab release <assignments/NAME/source/NAME.ipynb | FOLDER> [--out DIR]
          Writes the student copy to DIR/NAME.ipynb (default assignments/NAME/release/): solution regions become
          stubs that throw NotImplementedException, hidden tests are removed, manual answers become a prompt,
          outputs are cleared, recorded wrong answers are dropped, relative #r paths are rewritten for DIR;
          cell ids and other metadata are kept. A FOLDER releases each of its *.ipynb (e.g.
          clusterlab release notebooks/source --out notebooks).
        """;

    /// <summary>Runs the sub-command with the arguments after its name; returns the exit code (0 ok, 1 bad source, 2 usage).</summary>
    public static int Run(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h")) { Console.WriteLine(Usage); return 0; }
        Arguments parsed;
        try { parsed = new Arguments(args, "--out"); }
        catch (ArgumentException e) { Console.Error.WriteLine($"clusterlab release: {e.Message}\n{Usage}"); return 2; }
        if (parsed.Positionals.Count != 1) { Console.Error.WriteLine(Usage); return 2; }
        var input = parsed.Positionals[0];
        List<string> sources;
        try { sources = Runner.RunCommand.FindNotebooks(input); }
        catch (ArgumentException e) { Console.Error.WriteLine($"clusterlab release: {e.Message}\n{Usage}"); return 2; }
        try
        {
            if (sources.Count == 0) throw new IOException($"{input} holds no .ipynb file to release.");
            foreach (var source in sources) Console.WriteLine($"released {Release(source, parsed.Get("--out"))}");
            return 0;
        }
        catch (Exception e) when (e is NotebookFormatException or FormatException or IOException)
        {
            Console.Error.WriteLine($"clusterlab release: {e.Message}");
            return 1;
        }
    }

    /// <summary>Writes the student copy of <paramref name="sourcePath"/>; returns its path.</summary>
    public static string Release(string sourcePath, string? outDir = null)
    {
        var full = Path.GetFullPath(sourcePath);
        var name = Path.GetFileNameWithoutExtension(full);
        var nb = NotebookJson.Load(full);
        Pipelines.Apply(Pipelines.Release(), nb, new StepContext(Path.GetFileName(full)));
        var dir = Path.GetFullPath(outDir ?? Path.Combine(DefaultAssignmentDir(full), "release"));
        var target = Path.Combine(dir, name + ".ipynb");
        ForStudentFolder(nb, Path.GetDirectoryName(full)!, dir);
        NotebookJson.Save(nb, target);
        return target;
    }

    /// <summary>
    /// Drops <c>metadata.clusterlab.wrong</c> (recorded wrong answers, near-copies of the solution) and rewrites every
    /// relative <c>#r "path"</c> of the setup cell so that it resolves from <paramref name="targetDir"/> as it did from
    /// <paramref name="sourceDir"/> (a lesson's source in <c>notebooks/source/</c> is one folder deeper than its student
    /// edition). A target outside the source's repository (a temporary copy) keeps the paths: a relative path from there
    /// into the repository would only work on this machine.
    /// </summary>
    public static void ForStudentFolder(JsonObject notebook, string sourceDir, string targetDir)
    {
        var root = sourceDir;
        while (root is not null && !Directory.Exists(Path.Combine(root, ".git")) && !File.Exists(Path.Combine(root, ".git")))
            root = Path.GetDirectoryName(root);
        var rewrite = root is not null && Path.GetRelativePath(root, targetDir) is var r && !r.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(r);
        foreach (var cell in NotebookJson.CellObjects(notebook))
        {
            (cell["metadata"]?[CellMeta.Key] as JsonObject)?.Remove("wrong");
            if (!rewrite || (CellMeta.Of(cell).Role != CellRole.Setup && NotebookJson.Id(cell) != "setup")) continue;
            NotebookJson.SetSource(cell, ReferencePattern().Replace(NotebookJson.Source(cell), m =>
            {
                var path = m.Groups["path"].Value;
                if (Path.IsPathRooted(path) || path.Contains(':')) return m.Value;
                var moved = Path.GetRelativePath(targetDir, Path.GetFullPath(Path.Combine(sourceDir, path))).Replace('\\', '/');
                return $"#r \"{moved}\"";
            }));
        }
    }

    [GeneratedRegex("""^#r\s+"(?<path>[^"]+)"$""", RegexOptions.Multiline)]
    private static partial Regex ReferencePattern();

    /// <summary>The assignment folder: the parent of <c>source/</c>, else the source's own folder.</summary>
    public static string DefaultAssignmentDir(string sourcePath)
    {
        var dir = Path.GetDirectoryName(sourcePath)!;
        return Path.GetFileName(dir) == "source" ? Path.GetDirectoryName(dir)! : dir;
    }
}
