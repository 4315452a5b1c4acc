using System.Globalization;
using System.Text.RegularExpressions;

namespace ClusterLab.Tool.Grading;

/// <summary>One check a tests cell performs, read from its code: <c>Check.That|Close|Run("id", points, …)</c>.</summary>
/// <param name="Id">Check id (unique in the notebook).</param>
/// <param name="Points">Points possible (a literal in the call).</param>
/// <param name="Hidden">True when the call is inside a hidden-tests region or a hidden-tests cell.</param>
internal sealed record CheckSpec(string Id, double Points, bool Hidden);

/// <summary>Finds the check calls in a tests cell, so the grader knows every expected check before anything runs.</summary>
internal static partial class CheckCalls
{
    [GeneratedRegex("""Check\s*\.\s*(?:That|Close|Run)\s*\(\s*"(?<id>[^"]+)"\s*,\s*(?<points>[0-9]+(?:\.[0-9]+)?)\s*[,)]""")]
    private static partial Regex CallPattern();

    /// <summary>The checks in <paramref name="code"/>, in order; those inside hidden regions (or all, when <paramref name="allHidden"/>) are hidden.</summary>
    public static IReadOnlyList<CheckSpec> Find(string code, bool allHidden)
    {
        var hiddenText = Regions.Inside(code, Regions.HiddenTests);
        var hiddenIds = CallPattern().Matches(hiddenText).Select(m => m.Groups["id"].Value).ToHashSet();
        return CallPattern().Matches(Regions.StripMarkers(code, Regions.HiddenTests))
            .Select(m => new CheckSpec(
                m.Groups["id"].Value,
                double.Parse(m.Groups["points"].Value, CultureInfo.InvariantCulture),
                allHidden || hiddenIds.Contains(m.Groups["id"].Value)))
            .ToList();
    }
}
