using System.Globalization;
using System.Net;
using System.Text;
using ClusterLab.Tool.Runner;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// The manual-grading page <c>OUT/manual.html</c>: per hand-graded question its rubric (criteria and points), then every
/// student's answer rendered (Markdown, LaTeX typeset offline by the vendored MathJax, attached images as &lt;img&gt; and
/// PDFs as &lt;embed&gt;, from the copies under <c>OUT/manual-files/</c>) with a box per rubric line for the points.
/// Raw HTML in an answer is shown as text, and links other than the answer's own files and http(s) are disabled.
/// </summary>
internal static class ManualPage
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    private const string Css = """
        body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}table{border-collapse:collapse}
        td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}.answer{border:1px solid #d0d7de;border-radius:6px;padding:.5em 1em;margin:.5em 0}
        .files img{max-width:100%;border:1px solid #ccc}.files embed{width:100%;height:40em}.empty{color:#cf222e}.flag{background:#fff8c5;padding:.3em}
        """;

    /// <summary>The page's HTML for <paramref name="submissions"/> (sorted by the caller).</summary>
    public static string Render(IReadOnlyList<Submission> submissions, GradeContext context)
    {
        static string H(string t) => WebUtility.HtmlEncode(t);
        var a = context.Assignment;
        var sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{H(a.Name)}: answers graded by hand</title>\n<style>{Css}</style>\n")
            .Append(HtmlPage.MathJaxScripts())
            .Append("</head><body class=\"tex2jax_ignore\">\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{H(a.Name)}: answers graded by hand</h1>\n")
            .Append("<p>Fill the <code>points</code> column of <code>manual.csv</code> (one row per rubric line), then run <code>clusterlab grade … --manual manual.csv</code>.</p>\n");
        foreach (var q in a.Questions.Where(q => q.Kind == QuestionKind.Manual))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{H(q.Id)}\">{H(q.Id)} ({Csv.Number(q.Points)} points{(q.Bonus ? ", bonus" : "")})</h2>\n");
            if (q.Rubric.Count > 0)
            {
                sb.Append("<table><tr><th>rubric_id</th><th>points</th><th>criterion</th></tr>\n");
                foreach (var l in q.Rubric) sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(l.Id)}</td><td>{Csv.Number(l.Points)}</td><td>{H(l.Text)}</td></tr>\n");
                sb.Append("</table>\n");
            }
            foreach (var s in submissions)
            {
                var text = s.ManualAnswers.GetValueOrDefault(q.Id, "");
                var files = s.ManualFiles.GetValueOrDefault(q.Id) ?? new Dictionary<string, string>();
                sb.Append(CultureInfo.InvariantCulture, $"<h3 id=\"{H(s.Student)}-{H(q.Id)}\">{H(s.Student)}</h3>\n");
                var blank = text.Trim().Length == 0 || text.Trim() == ReplaceManualAnswers.Prompt;
                if (blank && files.Count == 0) sb.Append("<p class=\"empty\">no answer</p>\n");
                else sb.Append("<div class=\"answer tex2jax_process\">\n").Append(Markdown(text, files)).Append("</div>\n");
                if (files.Count > 0)
                {
                    sb.Append("<div class=\"files\">\n");
                    foreach (var path in files.Values.Distinct())
                        sb.Append(AnswerFiles.IsPdf(path)
                            ? $"<p><a href=\"{H(path)}\">{H(path)}</a></p><embed src=\"{H(path)}\" type=\"application/pdf\">\n"
                            : $"<p>{H(path)}</p><img src=\"{H(path)}\" alt=\"{H(path)}\">\n");
                    sb.Append("</div>\n");
                }
                if (q.Rubric.Count > 0)
                {
                    sb.Append("<table><tr><th>rubric_id</th><th>given</th></tr>");
                    foreach (var l in q.Rubric)
                    {
                        var given = context.ManualRubric.TryGetValue((s.Student, q.Id, l.Id), out var p) ? Csv.Number(p) : "";
                        sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(l.Id)}</td><td>{given} / {Csv.Number(l.Points)}</td></tr>");
                    }
                    sb.Append("</table>\n");
                }
            }
        }
        return sb.Append("</body></html>\n").ToString();
    }

    /// <summary>The answer's Markdown as HTML, with the links to its own files pointing at their copies.</summary>
    public static string Markdown(string text, IReadOnlyDictionary<string, string> files)
    {
        var doc = Markdig.Markdown.Parse(text, Pipeline);
        foreach (var link in doc.Descendants<LinkInline>())
        {
            var url = link.Url ?? "";
            link.Url = files.TryGetValue(Uri.UnescapeDataString(url), out var copy) ? copy
                : url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? url
                : "#";
        }
        foreach (var auto in doc.Descendants<AutolinkInline>())
            if (!auto.IsEmail && !auto.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !auto.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                auto.Url = "#";
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        return writer.ToString();
    }
}
