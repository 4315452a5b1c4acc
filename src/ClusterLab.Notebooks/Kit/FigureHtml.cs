using System.Security.Cryptography;
using System.Text;

namespace ClusterLab.Notebooks;

/// <summary>HTML for figures: the per-chart fragment (no plotly.js) and the standalone page (plotly.js embedded once).</summary>
internal static class FigureHtml
{
    private static int _counter;

    /// <summary>Marker class of every chart div (tests and the runner look for it).</summary>
    public const string DivClass = "clusterlab-figure";

    /// <summary>A div plus a script that draws <paramref name="figureJson"/> with <c>window.Plotly</c>, waiting briefly for it.</summary>
    public static string Fragment(string figureJson)
    {
        var id = $"clf-{ShortHash(figureJson)}-{Interlocked.Increment(ref _counter)}";
        // The JSON is embedded as a JavaScript literal inside <script>: keep "</script" and "<!--" out of it.
        var json = figureJson.Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\!--", StringComparison.Ordinal);
        return
            $"<div id=\"{id}\" class=\"{DivClass}\"></div>\n" +
            "<script type=\"text/javascript\">\n" +
            "(function () {\n" +
            $"  var id = '{id}', fig = {json}, tries = 0;\n" +
            "  function draw() {\n" +
            "    var el = document.getElementById(id);\n" +
            "    if (window.Plotly && el) { window.Plotly.newPlot(el, fig.data, fig.layout || {}, fig.config || {}); return; }\n" +
            "    if (++tries < 100) { setTimeout(draw, 100); return; }\n" +
            "    if (el) el.innerHTML = '<div style=\"border:1px solid #c62828;color:#c62828;padding:6px;font-family:sans-serif\">' +\n" +
            "      'Chart not drawn: plotly.js is not loaded. Run the setup cell (Kit.Setup()) first, then this cell again.</div>';\n" +
            "  }\n" +
            "  draw();\n" +
            "})();\n" +
            "</script>";
    }

    /// <summary>A complete offline page: plotly.js once in the head, then each fragment.</summary>
    public static string Page(IEnumerable<string> fragments) =>
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>ClusterLab figure</title>\n" +
        PlotlyJs.ScriptTag() + "\n</head>\n<body>\n" + string.Join("\n", fragments) + "\n</body>\n</html>\n";

    private static string ShortHash(string s) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..8];
}
