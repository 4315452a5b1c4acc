using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using ClusterLab.Tool.Shared;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Writes <c>OUT/summary.json</c>: points earned and possible per student and overall. Each student also gets a
/// <c>bonus</c> (earned on bonus questions, not part of <c>earned</c>) and a
/// <c>classroom</c> object in the shape of a GitHub Classroom autograding runner result
/// (<c>{"version":1,"status","max_score","tests":[{"name","status","score","message"}]}</c>; base64 it into the
/// reporter's runner output).
/// </summary>
internal sealed class WriteSummary : IReportStep
{
    // Every script is kept readable, but HTML-sensitive characters (< > & ' +) are written as \uXXXX: a message holding
    // "<script>" is the same string to a JSON reader and inert to anything that pastes the raw text into a page.
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <inheritdoc/>
    public void Apply(IReadOnlyList<Submission> submissions, GradeContext context) =>
        OutputFolder.WriteText(context.Options.OutDir, Path.Combine(context.Options.OutDir, "summary.json"),
            Render(submissions, context.Assignment, context.Refused, WriteGradebook.Isolation(context.Options)));

    /// <summary>The JSON text; every message and flag is bounded (<see cref="CheckResult.Bound"/>); refused files are listed under <c>refused</c>.</summary>
    public static string Render(IReadOnlyList<Submission> submissions, Assignment a, IReadOnlyList<RefusedFile>? refused = null, string isolation = "sandbox")
    {
        var students = new JsonArray();
        foreach (var s in submissions.OrderBy(s => s.Student, StringComparer.Ordinal))
        {
            var questions = new JsonArray();
            var tests = new JsonArray();
            foreach (var q in a.Questions)
            {
                var score = s.Scores.GetValueOrDefault(q.Id);
                questions.Add(new JsonObject
                {
                    ["id"] = q.Id,
                    ["kind"] = q.Kind == QuestionKind.Auto ? "auto" : "manual",
                    ["earned"] = score?.Earned is { } e ? JsonValue.Create(Math.Round(e, 4)) : null,
                    ["possible"] = q.Points,
                    ["bonus"] = q.Bonus,
                });
                if (q.Kind == QuestionKind.Auto)
                    tests.Add(new JsonObject
                    {
                        ["name"] = q.Id,
                        ["status"] = score?.Checks.All(c => c.Passed) == true ? "pass" : "fail",
                        ["score"] = Math.Round(score?.Earned ?? 0, 4),
                        ["message"] = string.Join("; ", (score?.Checks ?? []).Select(c => c.Spec.Hidden ? $"{c.Spec.Id}: {(c.Passed ? "passed" : "failed")}" : $"{c.Spec.Id}: {CheckResult.Bound(c.Message)}")),
                    });
            }
            var auto = a.Questions.Where(q => q.Kind == QuestionKind.Auto).ToList();
            var autoEarned = auto.Sum(q => s.Scores.GetValueOrDefault(q.Id)?.Earned ?? 0);
            students.Add(new JsonObject
            {
                ["student"] = s.Student,
                ["status"] = WriteFeedback.Status(s.Status),
                ["earned"] = Math.Round(Totals.Earned(s), 4),
                ["possible"] = a.Points,
                ["bonus"] = Math.Round(Totals.Bonus(s), 4),
                ["bonus_possible"] = a.BonusPoints,
                ["manual_pending"] = a.Questions.Where(q => q.Kind == QuestionKind.Manual && s.Scores.GetValueOrDefault(q.Id)?.Earned is null).Sum(q => q.Points),
                ["flags"] = new JsonArray([.. s.Flags.Select(f => (JsonNode?)JsonValue.Create(CheckResult.Bound(f)))]),
                ["questions"] = questions,
                ["classroom"] = new JsonObject
                {
                    ["version"] = 1,
                    ["status"] = s.Status != GradeStatus.Ok ? "error" : Math.Abs(autoEarned - auto.Sum(q => q.Points)) < 1e-9 ? "pass" : "fail",
                    ["max_score"] = auto.Sum(q => q.Points),
                    ["tests"] = tests,
                },
            });
        }
        var root = new JsonObject
        {
            ["assignment"] = a.Name,
            ["isolation"] = isolation,
            ["possible_per_student"] = a.Points,
            ["students_graded"] = submissions.Count,
            ["earned"] = Math.Round(submissions.Sum(Totals.Earned), 4),
            ["possible"] = a.Points * submissions.Count,
            ["mean"] = submissions.Count == 0 ? 0 : Math.Round(submissions.Average(Totals.Earned), 4),
            ["bonus_possible_per_student"] = a.BonusPoints,
            ["status_counts"] = new JsonObject(Enum.GetValues<GradeStatus>().Select(g =>
                KeyValuePair.Create(WriteFeedback.Status(g), (JsonNode?)submissions.Count(s => s.Status == g)))),
            ["students"] = students,
            ["refused"] = new JsonArray([.. (refused ?? []).Select(r => (JsonNode?)new JsonObject { ["file"] = r.File, ["reason"] = r.Reason })]),
        };
        return root.ToJsonString(Options) + "\n";
    }
}
