using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool.Export;

/// <summary>
/// <c>clusterlab export &lt;notebook.ipynb|folder&gt; --to cs [--out DIR]</c>: writes each notebook as a .NET 10
/// file-based app (<c>dotnet run lesson.cs</c>) that needs neither Polyglot Notebooks nor a Jupyter kernel.
/// </summary>
internal static class ExportCommand
{
    private const string Usage = "usage: clusterlab export <notebook.ipynb|folder> --to cs [--out DIR]   (default DIR: out/cs)";

    /// <summary>Runs the sub-command with the arguments after its name; returns the exit code (2 for bad usage or a malformed notebook).</summary>
    public static int Run(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h")) { Console.WriteLine(Usage); return 0; }
        string target, to;
        string? outDir;
        List<string> notebooks;
        try
        {
            var parsed = new Arguments(args, "--to", "--out");
            if (parsed.Positionals.Count != 1)
                throw new ArgumentException(parsed.Positionals.Count == 0 ? "no notebook given." : $"only one notebook or folder may be given (got {string.Join(", ", parsed.Positionals.Select(p => $"'{p}'"))}).");
            (target, to, outDir) = (parsed.Positionals[0], parsed.Get("--to") ?? "", parsed.Get("--out"));
            if (to != "cs") throw new ArgumentException($"--to must be 'cs' (got '{to}').");
            notebooks = Runner.RunCommand.FindNotebooks(target);
        }
        catch (ArgumentException e) { Console.Error.WriteLine($"clusterlab export: {e.Message}\n{Usage}"); return 2; }
        if (notebooks.Count == 0) { Console.Error.WriteLine($"clusterlab export: no notebook at '{target}'."); return 2; }

        if (RepositoryRoot(Path.GetFullPath(notebooks[0])) is not { } root)
        {
            Console.Error.WriteLine($"clusterlab export: '{target}' is not inside a ClusterLab repository (no src/ClusterLab.Notebooks found above it): the app's #:project directive needs the kit's project.");
            return 2;
        }
        outDir = Path.GetFullPath(outDir ?? Path.Combine(root, "out", "cs"));
        Directory.CreateDirectory(outDir);
        int code = 0;
        foreach (var path in notebooks)
        {
            try
            {
                var nb = NotebookDocument.Load(path);
                var file = Path.Combine(outDir, nb.Name + ".cs");
                File.WriteAllText(file, FileBasedApp.Convert(nb, KitProjectPath(root, outDir)));
                Console.WriteLine(file);
            }
            catch (NotebookFormatException e)
            {
                Console.Error.WriteLine($"clusterlab export: {e.Message}");
                code = 2;
            }
        }
        return code;
    }

    /// <summary>The kit's project as the app's <c>#:project</c> path: relative to the app's folder inside the repository, else absolute.</summary>
    private static string KitProjectPath(string root, string outDir)
    {
        var project = Path.Combine(root, "src", "ClusterLab.Notebooks", "ClusterLab.Notebooks.csproj");
        var relative = Path.GetRelativePath(outDir, project);
        return (relative.StartsWith("..", StringComparison.Ordinal) && outDir.StartsWith(root, StringComparison.Ordinal) ? relative : project).Replace('\\', '/');
    }

    private static string? RepositoryRoot(string from)
    {
        for (var dir = Path.GetDirectoryName(from); dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "src", "ClusterLab.Notebooks", "ClusterLab.Notebooks.csproj"))) return dir;
        return null;
    }
}
