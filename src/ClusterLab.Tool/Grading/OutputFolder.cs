namespace ClusterLab.Tool.Grading;

/// <summary>
/// Every delete and overwrite of the grader goes through here: the full path must be strictly inside the output folder,
/// and no folder or file between the output folder and it may be a symbolic link (which could point outside).
/// </summary>
internal static class OutputFolder
{
    /// <summary>
    /// The full path of <paramref name="path"/> after checking that it lies strictly inside <paramref name="outDir"/>
    /// and that nothing below <paramref name="outDir"/> on the way to it is a symbolic link; throws
    /// <see cref="IOException"/> naming the path otherwise.
    /// </summary>
    public static string Inside(string outDir, string path)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        var full = Path.GetFullPath(path, root);
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, comparison) || full.Length == prefix.Length)
            throw new IOException($"refusing to write or delete '{full}': it is not inside the output folder '{root}'.");
        var current = root;
        foreach (var part in full[prefix.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "." or "..") throw new IOException($"refusing to write or delete '{full}': it is not inside the output folder '{root}'.");
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is { } target) // also a dangling link
                throw new IOException($"refusing to write or delete through '{current}': it is a symbolic link (to '{target}').");
        }
        return full;
    }

    /// <summary>Deletes the folder <paramref name="path"/> (inside <paramref name="outDir"/>) with everything in it, if it exists.</summary>
    public static void DeleteFolder(string outDir, string path)
    {
        var full = Inside(outDir, path);
        if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        else if (File.Exists(full)) File.Delete(full);
    }

    /// <summary>Creates (or empties) the folder <paramref name="path"/> inside <paramref name="outDir"/>.</summary>
    public static string CleanFolder(string outDir, string path)
    {
        DeleteFolder(outDir, path);
        return Directory.CreateDirectory(Inside(outDir, path)).FullName;
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to the file <paramref name="path"/> inside <paramref name="outDir"/>, creating its folder.</summary>
    public static void WriteText(string outDir, string path, string text)
    {
        var full = Inside(outDir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        Inside(outDir, full); // the folder just made is no link either
        File.WriteAllText(full, text, new System.Text.UTF8Encoding(false));
    }
}
