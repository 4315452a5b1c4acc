using System.Net;

namespace ClusterLab.Notebooks;

/// <summary>Totals over check results, keeping the latest result per id: displays as a table, prints as "earned/points".</summary>
[TypeFormatterSource(typeof(KitFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class CheckSummary
{
    /// <summary>Summarises <paramref name="results"/> (later results for the same id replace earlier ones).</summary>
    public CheckSummary(IEnumerable<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var latest = new Dictionary<string, CheckResult>();
        var order = new List<string>();
        foreach (var r in results)
        {
            if (!latest.ContainsKey(r.Id)) order.Add(r.Id);
            latest[r.Id] = r;
        }
        Results = order.Select(id => latest[id]).ToArray();
    }

    /// <summary>Latest result per id, in first-seen order.</summary>
    public IReadOnlyList<CheckResult> Results { get; }

    /// <summary>Sum of points possible.</summary>
    public double Points => Results.Sum(r => r.Points);

    /// <summary>Sum of points earned.</summary>
    public double Earned => Results.Sum(r => r.Earned);

    /// <summary>Number of passed checks.</summary>
    public int Passed => Results.Count(r => r.Passed);

    /// <summary>"earned/points points, passed/count checks passed".</summary>
    public override string ToString() =>
        $"{CheckFormat.Number(Earned)}/{CheckFormat.Number(Points)} points, {Passed}/{Results.Count} checks passed";

    /// <summary>An HTML table: one row per check, then the total.</summary>
    public string ToHtml()
    {
        var rows = string.Concat(Results.Select(r =>
            $"<tr><td>{(r.Passed ? "✔" : "✘")}</td><td><code>{WebUtility.HtmlEncode(r.Id)}</code></td>" +
            $"<td>{CheckFormat.Number(r.Earned)}/{CheckFormat.Number(r.Points)}</td><td>{WebUtility.HtmlEncode(r.Message)}</td></tr>"));
        return "<table class=\"clusterlab-summary\"><thead><tr><th></th><th>check</th><th>points</th><th>message</th></tr></thead>" +
               $"<tbody>{rows}</tbody><tfoot><tr><td></td><td><b>total</b></td><td><b>{CheckFormat.Number(Earned)}/{CheckFormat.Number(Points)}</b></td>" +
               $"<td>{Passed}/{Results.Count} passed</td></tr></tfoot></table>";
    }
}
