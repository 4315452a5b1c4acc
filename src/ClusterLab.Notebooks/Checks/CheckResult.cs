using System.Text.Json.Serialization;

namespace ClusterLab.Notebooks;

/// <summary>
/// The outcome of one check cell: displayed as a pass or fail box (<c>text/html</c>) and as <see cref="MimeType"/> JSON
/// for the grader (the contract, shared with the tool, is in CheckResultContract.cs). <see cref="Expected"/> and
/// <see cref="Actual"/> are bounded like <see cref="Message"/>.
/// </summary>
[TypeFormatterSource(typeof(KitFormatterSource), PreferredMimeTypes = ["text/html", MimeType])]
public sealed partial record CheckResult
{
    private readonly string _expected = "";
    private readonly string _actual = "";

    /// <summary>Hint shown on failure (may be empty).</summary>
    [JsonIgnore] public string Hint { get; init; } = "";

    /// <summary>Expected value as text (may be empty), bounded to <see cref="MaxMessageChars"/>.</summary>
    [JsonIgnore] public string Expected { get => _expected; init => _expected = Bound(value); }

    /// <summary>Actual value as text (may be empty), bounded to <see cref="MaxMessageChars"/>.</summary>
    [JsonIgnore] public string Actual { get => _actual; init => _actual = Bound(value); }

    /// <summary>The one-line form printed outside a kernel: <c>PASS|FAIL id earned/points message</c>.</summary>
    public string ToLine() =>
        $"{(Passed ? "PASS" : "FAIL")} {Id} {CheckFormat.Number(Earned)}/{CheckFormat.Number(Points)} {Message}";

    /// <summary>The pass or fail box as an HTML fragment.</summary>
    public string ToHtml() => CheckHtml.Box(this);

    /// <inheritdoc/>
    public override string ToString() => ToLine();
}
