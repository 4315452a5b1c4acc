using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>What a cell is for, from its <c>metadata.clusterlab.role</c> (nbgrader's vocabulary).</summary>
internal enum CellRole
{
    /// <summary>No grading metadata: ordinary text or code.</summary>
    None,
    /// <summary>Locked instructions.</summary>
    Prompt,
    /// <summary>The kit's setup cell (locked).</summary>
    Setup,
    /// <summary>Code the student writes; <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c> regions become stubs.</summary>
    Solution,
    /// <summary>Check cells (locked, graded automatically); may hold <c>// BEGIN HIDDEN TESTS</c> … <c>// END HIDDEN TESTS</c>.</summary>
    Tests,
    /// <summary>A check cell whose whole code is hidden from students (locked, graded automatically).</summary>
    HiddenTests,
    /// <summary>A Markdown answer graded by hand (points).</summary>
    Manual,
    /// <summary>Instructor-only Markdown or code (a solution appendix): removed whole by release.</summary>
    Instructor,
}

/// <summary>A cell's grading metadata: <c>"clusterlab": {"grade_id", "role", "points", "locked", "rubric", "bonus"}</c>.</summary>
internal sealed record CellMeta(CellRole Role, string GradeId, double Points, bool Locked)
{
    /// <summary>The criteria a hand-graded answer is marked against (manual cells only). Default empty.</summary>
    public IReadOnlyList<RubricLine> Rubric { get; init; } = [];

    /// <summary>True when the question's points are bonus: its own gradebook column, not counted in <c>total</c>. Default false.</summary>
    public bool Bonus { get; init; }

    /// <summary>Metadata key under a cell's <c>metadata</c>.</summary>
    public const string Key = "clusterlab";

    /// <summary>True for cells that carry points (tests, hidden tests, manual).</summary>
    public bool IsGraded => Role is CellRole.Tests or CellRole.HiddenTests or CellRole.Manual;

    /// <summary>Reads a cell's metadata; a cell without it is <see cref="CellRole.None"/>, unlocked. Bad values throw naming the cell.</summary>
    public static CellMeta Of(JsonObject cell)
    {
        var id = NotebookJson.Id(cell);
        if (cell["metadata"]?[Key] is not JsonObject m) return new CellMeta(CellRole.None, "", 0, false);
        var roleText = Text(m, "role", id);
        var role = roleText switch
        {
            "" => CellRole.None,
            "prompt" => CellRole.Prompt,
            "setup" => CellRole.Setup,
            "solution" => CellRole.Solution,
            "tests" => CellRole.Tests,
            "hidden-tests" => CellRole.HiddenTests,
            "manual" => CellRole.Manual,
            "instructor" => CellRole.Instructor,
            _ => throw new FormatException(
                $"cell {id}: role \"{roleText}\" is unknown (use prompt, setup, solution, tests, hidden-tests, manual or instructor)."),
        };
        var gradeId = Text(m, "grade_id", id);
        var points = m["points"] is JsonValue p
            ? p.GetValueKind() == System.Text.Json.JsonValueKind.Number
                ? double.Parse(p.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
                : throw new FormatException($"cell {id}: points should be a number, not {p.ToJsonString()}.")
            : 0.0;
        if (points < 0 || double.IsNaN(points)) throw new FormatException($"cell {id}: points={points} should be >= 0.");
        // Tests, hidden tests and setup are always locked; prompts by default; solutions and manual answers never.
        var locked = role switch
        {
            CellRole.Tests or CellRole.HiddenTests or CellRole.Setup => true,
            CellRole.Solution or CellRole.Manual => false,
            _ => m["locked"] is JsonValue l ? l.GetValueKind() == System.Text.Json.JsonValueKind.True : role == CellRole.Prompt,
        };
        var bonus = m["bonus"] switch
        {
            null => false,
            JsonValue b when b.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => b.GetValue<bool>(),
            var other => throw new FormatException($"cell {id}: bonus should be true or false, not {other.ToJsonString()}."),
        };
        return new CellMeta(role, gradeId, points, locked) { Rubric = RubricLine.Parse(m["rubric"], id), Bonus = bonus };
    }

    private static string Text(JsonObject m, string key, string id) => m[key] switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => throw new FormatException($"cell {id}: {key} should be a string, not {other.ToJsonString()}."),
    };
}
