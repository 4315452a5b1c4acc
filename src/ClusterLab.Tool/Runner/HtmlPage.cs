using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Markdig;

namespace ClusterLab.Tool.Runner;

/// <summary>
/// Renders an executed notebook as one standalone HTML page that works offline: Markdown via Markdig, LaTeX via the
/// vendored MathJax (inlined, see <c>Assets/mathjax/README.md</c>), code cells with their outputs; <c>text/html</c>
/// outputs are inserted as they are (the setup cell's output carries plotly.js, so charts draw without a CDN).
/// </summary>
internal static class HtmlPage
{
    private const string MathJaxResource = "ClusterLab.Tool.Assets.mathjax.tex-svg-full.js";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions() // includes $...$ / $$...$$ math, emitted as \(...\) and \[...\] for MathJax
        .Build();

    private static readonly Lazy<string> MathJax = new(() =>
    {
        using var stream = typeof(HtmlPage).Assembly.GetManifestResourceStream(MathJaxResource)
                           ?? throw new InvalidOperationException($"embedded resource {MathJaxResource} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    // MathJax typesets only inside .tex2jax_process (the Markdown cells): C# code and outputs often contain '$'.
    private const string MathJaxConfig = """
        window.MathJax = {
          loader: { load: [] },
          tex: { inlineMath: [['\\(', '\\)']], displayMath: [['\\[', '\\]']], processEscapes: false },
          options: { ignoreHtmlClass: 'tex2jax_ignore', processHtmlClass: 'tex2jax_process', enableMenu: false },
          svg: { fontCache: 'global' }
        };
        """;

    /// <summary>The MathJax configuration and the vendored MathJax as two inline script tags, for other offline pages (the grader's manual-grading page): typesets <c>\(…\)</c> and <c>\[…\]</c> inside elements of class <c>tex2jax_process</c> only.</summary>
    public static string MathJaxScripts() =>
        "<script>\n" + MathJaxConfig + "\n</script>\n<script id=\"MathJax-script\">\n" + MathJax.Value + "\n</script>\n";

    private const string Css = """
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; line-height: 1.5; color: #1f2328; margin: 0; }
        main { max-width: 1000px; margin: 0 auto; padding: 1.5rem; }
        .cell { margin: 0.8rem 0; }
        .code pre.source { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.6rem 0.8rem; overflow-x: auto; margin: 0; }
        .prompt { color: #6e7781; font: 12px monospace; }
        .output { margin: 0.3rem 0 0 0; overflow-x: auto; }
        .output pre { margin: 0; padding: 0.3rem 0.8rem; white-space: pre-wrap; }
        .stderr pre { background: #fff8e6; }
        .error pre { background: #ffebe9; color: #82071e; }
        table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.5rem; }
        .math-display { overflow-x: auto; }
        """;

    /// <summary>The HTML page for <paramref name="doc"/> (outputs as recorded in it).</summary>
    public static string Render(NotebookDocument doc)
    {
        var sb = new StringBuilder();
        var title = FirstHeading(doc) ?? doc.Name;
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta name=\"generator\" content=\"clusterlab run\">\n")
          .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
          .Append("<style>\n").Append(Css).Append("\n</style>\n")
          .Append("<script>\n").Append(MathJaxConfig).Append("\n</script>\n")
          .Append("<script id=\"MathJax-script\">\n").Append(MathJax.Value).Append("\n</script>\n")
          .Append("</head>\n<body class=\"tex2jax_ignore\">\n<main>\n");
        foreach (var cell in doc.Cells)
        {
            switch (NotebookDocument.CellType(cell))
            {
                case "markdown":
                    sb.Append("<div class=\"cell markdown tex2jax_process\">\n")
                      .Append(Markdown.ToHtml(NotebookDocument.Source(cell), Pipeline))
                      .Append("</div>\n");
                    break;
                case "code":
                    AppendCode(sb, cell);
                    break;
                default:
                    sb.Append("<div class=\"cell raw\"><pre>").Append(WebUtility.HtmlEncode(NotebookDocument.Source(cell))).Append("</pre></div>\n");
                    break;
            }
        }
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendCode(StringBuilder sb, JsonObject cell)
    {
        var count = (cell["execution_count"] as JsonValue)?.TryGetValue<int>(out var n) == true ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : " ";
        sb.Append("<div class=\"cell code\">\n<div class=\"prompt\">[").Append(count).Append("]</div>\n")
          .Append("<pre class=\"source\"><code class=\"language-csharp\">")
          .Append(WebUtility.HtmlEncode(NotebookDocument.Source(cell)))
          .Append("</code></pre>\n");
        if (cell["outputs"] is JsonArray outputs)
        {
            foreach (var output in outputs.OfType<JsonObject>()) AppendOutput(sb, output);
        }
        sb.Append("</div>\n");
    }

    private static void AppendOutput(StringBuilder sb, JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                var name = output["name"]?.GetValue<string>() == "stderr" ? "stderr" : "stdout";
                sb.Append("<div class=\"output ").Append(name).Append("\"><pre>")
                  .Append(WebUtility.HtmlEncode(Text(output["text"]))).Append("</pre></div>\n");
                break;
            case "error":
                var evalue = output["evalue"]?.GetValue<string>() ?? "";
                var ename = output["ename"]?.GetValue<string>() ?? "Error";
                sb.Append("<div class=\"output error\"><pre>")
                  .Append(WebUtility.HtmlEncode($"{ename}: {evalue}")).Append("</pre></div>\n");
                break;
            case "display_data" or "execute_result":
                if (output["data"] is JsonObject data) AppendBundle(sb, data);
                break;
        }
    }

    private static void AppendBundle(StringBuilder sb, JsonObject data)
    {
        sb.Append("<div class=\"output display\">");
        if (data["text/html"] is { } html) sb.Append(Text(html));
        else if (data["image/svg+xml"] is { } svg) sb.Append(Text(svg));
        else if (data["image/png"] is { } png) sb.Append("<img alt=\"\" src=\"data:image/png;base64,").Append(Text(png).Trim()).Append("\">");
        else if (data["image/jpeg"] is { } jpg) sb.Append("<img alt=\"\" src=\"data:image/jpeg;base64,").Append(Text(jpg).Trim()).Append("\">");
        else if (data["text/markdown"] is { } md) sb.Append(Markdown.ToHtml(Text(md), Pipeline));
        else if (data["text/plain"] is { } plain) sb.Append("<pre>").Append(WebUtility.HtmlEncode(Text(plain))).Append("</pre>");
        else if (data.Count > 0 && data.First().Value is { } other && !data.First().Key.Contains("json"))
            sb.Append("<pre>").Append(WebUtility.HtmlEncode(Text(other))).Append("</pre>");
        sb.Append("</div>\n");
    }

    private static string Text(JsonNode? node) => NotebookDocument.JoinText(node);

    private static string? FirstHeading(NotebookDocument doc)
    {
        foreach (var cell in doc.Cells.Where(c => NotebookDocument.CellType(c) == "markdown"))
        {
            foreach (var line in NotebookDocument.Source(cell).Split('\n'))
            {
                if (line.StartsWith("# ", StringComparison.Ordinal)) return line[2..].Trim();
            }
        }
        return null;
    }
}
