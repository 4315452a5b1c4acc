namespace ClusterLab.Tool.Grading;

/// <summary>A one-line console progress bar, <c>[#####     ] 5/10 student</c>; plain lines when the output is redirected.</summary>
internal sealed class ProgressBar(int total, TextWriter writer, bool interactive, int width = 20)
{
    private readonly object _gate = new();
    private int _done;

    /// <summary>Marks one more item done and redraws.</summary>
    public void Advance(string label)
    {
        lock (_gate)
        {
            _done++;
            var line = Render(_done, total, label, width);
            if (interactive) writer.Write("\r" + line.PadRight(Console.IsErrorRedirected ? 0 : Math.Max(0, SafeWidth() - 1)));
            else writer.WriteLine(line);
            if (interactive && _done == total) writer.WriteLine();
            writer.Flush();
        }
    }

    /// <summary>The bar text for <paramref name="done"/> of <paramref name="total"/>.</summary>
    public static string Render(int done, int total, string label, int width)
    {
        var filled = total == 0 ? width : (int)Math.Round((double)width * done / total);
        return $"[{new string('#', filled)}{new string(' ', width - filled)}] {done}/{total} {label}";
    }

    private static int SafeWidth()
    {
        try { return Console.WindowWidth; } catch (IOException) { return 80; }
    }
}
