namespace ClusterLab.Notebooks;

/// <summary>What <see cref="Kit.Setup"/> returns: displays as plotly.js (embedded once, offline) plus a one-line "ClusterLab ready" note.</summary>
[TypeFormatterSource(typeof(KitFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class KitReady
{
    internal KitReady(string note) => Note = note;

    /// <summary>The one-line note, e.g. "ClusterLab ready (kit: /path/artifacts/kit)".</summary>
    public string Note { get; }

    /// <summary>A script element with the full plotly.js followed by the note.</summary>
    public string ToHtml() => PlotlyJs.ScriptTag() + $"<div class=\"clusterlab-ready\" style=\"font-family:sans-serif;color:#2e7d32\">✔ {System.Net.WebUtility.HtmlEncode(Note)}</div>";

    /// <inheritdoc/>
    public override string ToString() => Note;
}
