using System.Net;

namespace ClusterLab.Notebooks;

/// <summary>The pass or fail box of a check result.</summary>
internal static class CheckHtml
{
    public static string Box(CheckResult r)
    {
        string E(string s) => WebUtility.HtmlEncode(s);
        var (border, background, mark) = r.Passed ? ("#2e7d32", "#e8f5e9", "✔ PASS") : ("#c62828", "#ffebee", "✘ FAIL");
        var lines = new List<string>
        {
            $"<b style=\"color:{border}\">{mark}</b> <code>{E(r.Id)}</code> — {CheckFormat.Number(r.Earned)}/{CheckFormat.Number(r.Points)} points",
        };
        if (!r.Passed)
        {
            lines.Add($"<div>{E(r.Message)}</div>");
            if (r.Expected.Length > 0) lines.Add($"<div><b>expected</b> <code>{E(r.Expected)}</code></div>");
            if (r.Actual.Length > 0) lines.Add($"<div><b>got</b> <code>{E(r.Actual)}</code></div>");
            if (!string.IsNullOrWhiteSpace(r.Hint)) lines.Add($"<div><b>hint</b>: {E(r.Hint)}</div>");
        }
        return $"<div class=\"clusterlab-check\" data-check-id=\"{E(r.Id)}\" data-passed=\"{(r.Passed ? "true" : "false")}\" " +
               $"style=\"border:2px solid {border};background:{background};color:#222;padding:6px 10px;margin:4px 0;border-radius:4px;font-family:sans-serif\">" +
               string.Join("", lines) + "</div>";
    }
}
