using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterLab.Notebooks;

/// <summary>
/// The outcome of one check cell: displayed as a pass or fail box (<c>text/html</c>) and as
/// <see cref="Check.ResultMimeType"/> JSON <c>{"id","points","earned","passed","message"}</c> for the grader.
/// </summary>
[TypeFormatterSource(typeof(KitFormatterSource), PreferredMimeTypes = ["text/html", Check.ResultMimeType])]
public sealed record CheckResult
{
    /// <summary>Question id, for example <c>"q1a"</c>.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Points possible (≥ 0).</summary>
    [JsonPropertyName("points")] public required double Points { get; init; }

    /// <summary>Points earned: <see cref="Points"/> when passed, else 0.</summary>
    [JsonPropertyName("earned")] public required double Earned { get; init; }

    /// <summary>True when the answer passed.</summary>
    [JsonPropertyName("passed")] public required bool Passed { get; init; }

    /// <summary>One-line explanation: "ok", "expected …, got …", or a summary of the exception the answer threw.</summary>
    [JsonPropertyName("message")] public required string Message { get; init; }

    /// <summary>Hint shown on failure (may be empty).</summary>
    [JsonIgnore] public string Hint { get; init; } = "";

    /// <summary>Expected value as text (may be empty).</summary>
    [JsonIgnore] public string Expected { get; init; } = "";

    /// <summary>Actual value as text (may be empty).</summary>
    [JsonIgnore] public string Actual { get; init; } = "";

    /// <summary>The machine-readable JSON the grader reads.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads a result back from <see cref="ToJson"/> text (what the grader does).</summary>
    public static CheckResult FromJson(string json) =>
        JsonSerializer.Deserialize<CheckResult>(json ?? throw new ArgumentNullException(nameof(json)), JsonOptions)
        ?? throw new FormatException("check result JSON is null");

    /// <summary>The one-line form printed outside a kernel: <c>PASS|FAIL id earned/points message</c>.</summary>
    public string ToLine() =>
        $"{(Passed ? "PASS" : "FAIL")} {Id} {CheckFormat.Number(Earned)}/{CheckFormat.Number(Points)} {Message}";

    /// <summary>The pass or fail box as an HTML fragment.</summary>
    public string ToHtml() => CheckHtml.Box(this);

    /// <inheritdoc/>
    public override string ToString() => ToLine();
}
