using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>What <see cref="CodeInspector"/> checks student cells against, read from the source notebook.</summary>
/// <param name="TestNames">Names the tests take from the kit, the library or locked cells: a student declaration with one of these names is shadowing.</param>
/// <param name="Forbidden">Per question (<c>grade_id</c>), the library members its answer may not use; key <see cref="AllQuestions"/> holds the notebook-level ones.</param>
/// <param name="AnswerNames">Names the source's solution cells declare (e.g. <c>MuHat</c>) → their question: a student cell declaring one answers that question too.</param>
internal sealed record InspectionRules(
    IReadOnlySet<string> TestNames,
    IReadOnlyDictionary<string, IReadOnlyList<ForbiddenPattern>> Forbidden,
    IReadOnlyDictionary<string, string> AnswerNames)
{
    /// <summary>Metadata key (under <c>metadata.clusterlab</c> of a tests cell, or of the notebook) listing forbidden patterns.</summary>
    public const string ForbiddenKey = "forbidden";

    /// <summary>The <see cref="Forbidden"/> key of patterns that apply to every question.</summary>
    public const string AllQuestions = "*";

    /// <summary>No test names, nothing forbidden.</summary>
    public static InspectionRules None { get; } =
        new(new HashSet<string>(), new Dictionary<string, IReadOnlyList<ForbiddenPattern>>(), new Dictionary<string, string>());

    /// <summary>The patterns question <paramref name="questionId"/> forbids (its own and the notebook's); null: the notebook's.</summary>
    public IReadOnlyList<ForbiddenPattern> ForbiddenFor(string? questionId) =>
    [
        .. Forbidden.GetValueOrDefault(AllQuestions) ?? [],
        .. questionId is null ? [] : Forbidden.GetValueOrDefault(questionId) ?? [],
    ];

    /// <summary>
    /// Reads the rules from the instructor notebook: <see cref="TestNames"/> = every name the tests and hidden-tests cells
    /// refer to, minus the names the solution cells declare and names the tests declare themselves (unless a locked cell
    /// declares them too); <see cref="Forbidden"/> from <c>metadata.clusterlab.forbidden</c> of tests cells and of the
    /// notebook. A malformed list throws <see cref="FormatException"/> naming the cell.
    /// </summary>
    public static InspectionRules FromSource(JsonObject sourceNotebook)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var testLocal = new HashSet<string>(StringComparer.Ordinal);
        var lockedDeclared = new HashSet<string>(StringComparer.Ordinal);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var forbidden = new Dictionary<string, IReadOnlyList<ForbiddenPattern>>(StringComparer.Ordinal);
        var questions = QuestionMap.OfSource(sourceNotebook);

        if (Patterns(sourceNotebook["metadata"]?[CellMeta.Key], "notebook metadata") is { Count: > 0 } all)
            forbidden[AllQuestions] = all;
        foreach (var cell in NotebookJson.CellObjects(sourceNotebook))
        {
            var id = NotebookJson.Id(cell);
            var meta = CellMeta.Of(cell);
            var list = Patterns(cell["metadata"]?[CellMeta.Key], $"cell {id}");
            if (list.Count > 0)
            {
                if (meta.Role is not (CellRole.Tests or CellRole.HiddenTests))
                    throw new FormatException($"cell {id}: \"{ForbiddenKey}\" belongs on a tests or hidden-tests cell (or the notebook's metadata), not on a {meta.Role} cell.");
                forbidden[meta.GradeId] = list;
            }
            if (NotebookJson.Type(cell) != "code") continue;
            var tree = ScriptSyntax.Parse(NotebookJson.Source(cell));
            switch (meta.Role)
            {
                case CellRole.Tests or CellRole.HiddenTests:
                    referenced.UnionWith(ScriptSyntax.ReferencedNames(tree));
                    testLocal.UnionWith(ScriptSyntax.AllDeclaredNames(tree));
                    break;
                case CellRole.Solution:
                    if (questions.GetValueOrDefault(id) is { } q)
                        foreach (var (name, _, _) in ScriptSyntax.TopLevelDeclarations(tree)) answers.TryAdd(name, q);
                    break;
                default:
                    lockedDeclared.UnionWith(ScriptSyntax.TopLevelDeclarations(tree).Select(d => d.Name));
                    break;
            }
        }
        testLocal.ExceptWith(lockedDeclared);
        referenced.ExceptWith(testLocal);
        referenced.ExceptWith(answers.Keys);
        referenced.Remove("_");
        return new InspectionRules(referenced, forbidden, answers);
    }

    private static List<ForbiddenPattern> Patterns(JsonNode? clusterlab, string where) => clusterlab?[ForbiddenKey] switch
    {
        null => [],
        JsonArray a => [.. a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s)
            ? ForbiddenPattern.Parse(s, where)
            : throw new FormatException($"{where}: {ForbiddenKey} should be a list of strings, not {a.ToJsonString()}."))],
        var other => throw new FormatException($"{where}: {ForbiddenKey} should be a list of strings such as [\"GaussianMle.*\"], not {other.ToJsonString()}."),
    };
}
