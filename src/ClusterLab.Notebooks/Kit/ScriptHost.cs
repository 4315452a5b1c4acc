using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace ClusterLab.Notebooks;

/// <summary>
/// Runs an exported lesson as a .NET 10 file-based app (<c>dotnet run lesson.cs</c>): what a notebook would display is
/// printed, each chart is saved as a self-contained HTML file beside the app (its path printed), and check cells print
/// PASS or FAIL. <c>clusterlab export</c> writes the calls; nobody needs to write them by hand.
/// </summary>
public static class ScriptHost
{
    private static string _name = "lesson";
    private static string _folder = Directory.GetCurrentDirectory();
    private static int _figures;

    /// <summary>Starts a lesson: sets up the kit and decides where charts go (beside <paramref name="sourceFile"/>).</summary>
    /// <param name="name">Lesson name, used in chart file names, e.g. <c>04-kmeans</c>.</param>
    /// <param name="sourceFile">Filled in by the compiler: the path of the exported .cs file.</param>
    public static void Begin(string name, [CallerFilePath] string sourceFile = "")
    {
        Kit.Setup();
        _name = name;
        _figures = 0;
        var dir = Path.GetDirectoryName(sourceFile);
        _folder = !string.IsNullOrEmpty(dir) && Directory.Exists(dir) ? dir : Directory.GetCurrentDirectory();
        Console.WriteLine($"== {name} ==");
    }

    /// <summary>Shows the value of a cell's last expression, as the notebook would.</summary>
    public static void Show<T>(Func<T> cell) => Print(cell());

    /// <summary>A cell whose last expression has no value (a check, a Console call): just runs it.</summary>
    public static void Show(Action cell) => cell();

    /// <summary>Shows <paramref name="value"/> (the kernel's <c>display</c>).</summary>
    public static void display(object? value) => Print(value);

    /// <summary>Ends the lesson: prints the checks' summary; returns 0 when every check passed, else 1.</summary>
    public static int End()
    {
        var summary = Check.Summary();
        Console.WriteLine($"== {_name}: {summary.Passed}/{summary.Results.Count} checks passed, {_figures} chart(s) saved ==");
        return summary.Passed == summary.Results.Count ? 0 : 1;
    }

    private static void Print(object? value)
    {
        switch (value)
        {
            case null: return;
            case Figure f:
                var path = f.SaveHtml(Path.Combine(_folder, $"{_name}.figure{++_figures:D2}.html"));
                Console.WriteLine($"[chart] {path}");
                return;
            default:
                Console.WriteLine(Format(value));
                return;
        }
    }

    /// <summary>Plain-text rendering of a value: numbers invariant, arrays as [a, b, …], tuples as (a, b).</summary>
    internal static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        ITuple t => "(" + string.Join(", ", Enumerable.Range(0, t.Length).Select(i => Format(t[i]))) + ")",
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Take(50).Select(Format)) + (e.Cast<object?>().Skip(50).Any() ? ", …]" : "]"),
        _ => value.ToString() ?? "",
    };
}
