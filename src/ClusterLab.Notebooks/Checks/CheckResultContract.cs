using System.Text.Json;
using System.Text.Json.Serialization;

// The one definition of the check-result contract. This file is compiled into the kit (ClusterLab.Notebooks) and,
// linked, into the tool (namespace ClusterLab.Tool.Shared, see ClusterLab.Tool.csproj), which must not load the kit's
// assembly itself: the kit writes results with ToJson, the runner and the grader read them with FromJson.
#if CLUSTERLAB_TOOL
namespace ClusterLab.Tool.Shared;
#else
namespace ClusterLab.Notebooks;
#endif

/// <summary>
/// A check's machine-readable result: <see cref="MimeType"/> JSON <c>{"id","points","earned","passed","message"}</c>
/// written by <see cref="ToJson"/> and read by <see cref="FromJson"/>. <see cref="Message"/> is bounded to
/// <see cref="MaxMessageChars"/> characters (cut with "…") whenever a result is made or read.
/// </summary>
public sealed partial record CheckResult
{
    /// <summary>MIME type of the machine-readable result (the only definition of it).</summary>
    public const string MimeType = "application/vnd.clusterlab.check+json";

    /// <summary>Longest message kept (characters, "…" included).</summary>
    public const int MaxMessageChars = 300;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _message = "";

    /// <summary>Question id, for example <c>"q1a"</c>.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Points possible (≥ 0).</summary>
    [JsonPropertyName("points")] public required double Points { get; init; }

    /// <summary>Points earned: <see cref="Points"/> when passed, else 0.</summary>
    [JsonPropertyName("earned")] public required double Earned { get; init; }

    /// <summary>True when the answer passed.</summary>
    [JsonPropertyName("passed")] public required bool Passed { get; init; }

    /// <summary>
    /// One-line explanation: "ok", "expected …, got …", or the type and (truncated) message of the exception the answer
    /// threw; never a stack trace. Bounded to <see cref="MaxMessageChars"/>.
    /// </summary>
    [JsonPropertyName("message")] public required string Message { get => _message; init => _message = Bound(value); }

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="max"/> characters (≥ 1), ending in "…" when cut (never
    /// inside a surrogate pair); null reads as "". The one bounding rule for messages, used by the kit and the grader.
    /// </summary>
    public static string Bound(string? text, int max = MaxMessageChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text is null) return "";
        if (text.Length <= max) return text;
        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>The machine-readable JSON (<see cref="MimeType"/>): exactly id, points, earned, passed, message.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// Reads a result back from <see cref="ToJson"/> text; other properties (such as those a results-file line adds)
    /// are ignored. Throws <see cref="JsonException"/> when a field is missing or of the wrong type.
    /// </summary>
    public static CheckResult FromJson(string json) =>
        JsonSerializer.Deserialize<CheckResult>(json ?? throw new ArgumentNullException(nameof(json)), JsonOptions)
        ?? throw new JsonException("check result JSON is null");
}
