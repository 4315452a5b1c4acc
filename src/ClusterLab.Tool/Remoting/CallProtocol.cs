using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Remoting;

/// <summary>One call of a student's function, as the grader asks for it.</summary>
/// <param name="Id">Sequence number; the answer carries it back.</param>
/// <param name="Name">The function or variable name.</param>
/// <param name="ParameterTypes">Parameter types as the source declares them; null for a variable.</param>
/// <param name="ReturnType">Return type as the source declares it (<c>void</c> for none).</param>
/// <param name="Args">The encoded arguments.</param>
internal sealed record CallRequest(long Id, string Name, IReadOnlyList<string>? ParameterTypes, string ReturnType, IReadOnlyList<JsonNode?> Args)
{
    /// <summary>Identifies the registration: the name and the signature.</summary>
    public string Key => $"{ReturnType} {Name}({string.Join(",", ParameterTypes ?? ["value"])})";

    /// <summary>How a student reads the expected declaration, e.g. <c>double MuHat(double[])</c>.</summary>
    public string Signature => ParameterTypes is null ? $"{ReturnType} {Name}" : $"{ReturnType} {Name}({string.Join(", ", ParameterTypes)})";
}

/// <summary>
/// The messages between the grader's checker (trusted) and the student's worker (sandboxed), one JSON object per line:
/// <list type="bullet">
/// <item>worker → grader, before each cell: <c>{"running": cell id}</c></item>
/// <item>worker → grader, once: <c>{"ready": true, "status": "ok|failed|timeout", "failed_cells": [{"cell", "error", "timeout"}]}</c></item>
/// <item>grader → worker: <c>{"call": id, "name", "params": [type…] | null, "returns", "args": [value…]}</c></item>
/// <item>worker → grader: <c>{"reply": id, "value": value}</c> or <c>{"reply": id, "error": {"type", "message"}}</c></item>
/// </list>
/// </summary>
internal static class CallProtocol
{
    /// <summary>Longest error message kept from the student's side.</summary>
    public const int MaxMessageChars = 300;

    private static readonly System.Text.RegularExpressions.Regex Identifier = new(@"^@?[A-Za-z_][A-Za-z0-9_]*$");
    private static readonly System.Text.RegularExpressions.Regex TypeText = new(@"^[A-Za-z0-9_.,<>\[\]() ?:@]+$");

    /// <summary>The worker's first line.</summary>
    public static JsonObject Ready(string status, JsonArray failedCells) =>
        new() { ["ready"] = true, ["status"] = status, ["failed_cells"] = failedCells };

    /// <summary>The worker's progress line: the cell it is about to run.</summary>
    public static JsonObject Running(string cellId) => new() { ["running"] = cellId };

    /// <summary>A call.</summary>
    public static JsonObject Request(long id, string name, IReadOnlyList<string>? parameterTypes, string returnType, IEnumerable<JsonNode?> args) => new()
    {
        ["call"] = id,
        ["name"] = name,
        ["params"] = parameterTypes is null ? null : new JsonArray(parameterTypes.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
        ["returns"] = returnType,
        ["args"] = new JsonArray(args.ToArray()),
    };

    /// <summary>A call read back (worker side); null when the line is not a well-formed call.</summary>
    public static CallRequest? ReadRequest(JsonObject o)
    {
        if (o["call"] is not JsonValue idv || !idv.TryGetValue<long>(out var id)) return null;
        if (o["name"]?.GetValueKind() != System.Text.Json.JsonValueKind.String) return null;
        var name = o["name"]!.GetValue<string>();
        var returns = o["returns"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? o["returns"]!.GetValue<string>() : "";
        var ps = o["params"] is JsonArray pa ? pa.Select(p => p?.ToString() ?? "").ToList() : null;
        if (!Identifier.IsMatch(name) || !TypeText.IsMatch(returns) || ps?.Any(p => !TypeText.IsMatch(p)) == true) return null;
        var args = o["args"] is JsonArray aa ? aa.Select(a => a?.DeepClone()).ToList() : [];
        return new CallRequest(id, name, ps, returns, args);
    }

    /// <summary>A successful answer.</summary>
    public static JsonObject Value(long id, JsonNode? value) => new() { ["reply"] = id, ["value"] = value };

    /// <summary>A failed answer: the exception's type name and message (cut).</summary>
    public static JsonObject Error(long id, string type, string message) => new()
    {
        ["reply"] = id,
        ["error"] = new JsonObject { ["type"] = Cut(type, 120), ["message"] = Cut(message, MaxMessageChars) },
    };

    /// <summary>True when <paramref name="o"/> answers call <paramref name="id"/>.</summary>
    public static bool IsReplyTo(JsonObject o, long id) => o["reply"] is JsonValue v && v.TryGetValue<long>(out var r) && r == id;

    /// <summary>
    /// The cell the worker compiles in the student's kernel to get the function as a delegate: the names and type texts
    /// were validated by <see cref="ReadRequest"/> (identifiers and type characters only), so nothing else can be injected.
    /// </summary>
    public static string RegistrationCode(CallRequest call, string slot)
    {
        string value;
        if (call.ParameterTypes is null)
            value = $"new global::System.Func<{call.ReturnType}>(() => {call.Name})";
        else if (call.ReturnType == "void")
            value = call.ParameterTypes.Count == 0
                ? $"new global::System.Action({call.Name})"
                : $"new global::System.Action<{string.Join(", ", call.ParameterTypes)}>({call.Name})";
        else
            value = $"new global::System.Func<{string.Join("", call.ParameterTypes.Select(p => p + ", "))}{call.ReturnType}>({call.Name})";
        return $"global::System.AppDomain.CurrentDomain.SetData(\"{slot}\", (global::System.Delegate){value});";
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters (with "…").</summary>
    public static string Cut(string? text, int max)
    {
        text ??= "";
        return text.Length <= max ? text : text[..max] + "…";
    }
}
