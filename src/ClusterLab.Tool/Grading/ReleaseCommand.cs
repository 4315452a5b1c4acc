using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool.Grading;

/// <summary>The <c>clusterlab release &lt;source.ipynb&gt; [--out DIR]</c> sub-command: writes the student copy.</summary>
public static class ReleaseCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = """
        usage: clusterlab release <assignments/NAME/source/NAME.ipynb> [--out DIR]
          Writes the student copy to DIR/NAME.ipynb (default assignments/NAME/release/): solution regions become
          stubs that throw NotImplementedException, hidden tests are removed, manual answers become a prompt,
          outputs are cleared; cell ids and metadata are kept.
        """;

    /// <summary>Runs the sub-command with the arguments after its name; returns the exit code (0 ok, 1 bad source, 2 usage).</summary>
    public static int Run(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h")) { Console.WriteLine(Usage); return 0; }
        Arguments parsed;
        try { parsed = new Arguments(args, "--out"); }
        catch (ArgumentException e) { Console.Error.WriteLine($"clusterlab release: {e.Message}\n{Usage}"); return 2; }
        if (parsed.Positionals.Count != 1) { Console.Error.WriteLine(Usage); return 2; }
        try
        {
            var path = Release(parsed.Positionals[0], parsed.Get("--out"));
            Console.WriteLine($"released {path}");
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
        var dir = outDir ?? Path.Combine(DefaultAssignmentDir(full), "release");
        var target = Path.Combine(dir, name + ".ipynb");
        NotebookJson.Save(nb, target);
        return target;
    }

    /// <summary>The assignment folder: the parent of <c>source/</c>, else the source's own folder.</summary>
    public static string DefaultAssignmentDir(string sourcePath)
    {
        var dir = Path.GetDirectoryName(sourcePath)!;
        return Path.GetFileName(dir) == "source" ? Path.GetDirectoryName(dir)! : dir;
    }
}
