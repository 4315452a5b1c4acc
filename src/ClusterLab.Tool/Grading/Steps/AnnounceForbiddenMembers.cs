using System.Text.Json.Nodes;
using ClusterLab.Tool.Grading.Inspection;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Writes each question's forbidden library members (<c>metadata.clusterlab.forbidden</c> of its tests cell and of the
/// notebook) as the first line of its solution cells, so the student copy states the rule the grader enforces.
/// Cell ids are unchanged; a cell that already starts with the line is left alone.
/// </summary>
internal sealed class AnnounceForbiddenMembers : INotebookStep
{
    /// <summary>The start of the announcement line.</summary>
    public const string Prefix = "// Not allowed in this answer: ";

    /// <summary>The announcement line for <paramref name="patterns"/>.</summary>
    public static string Line(IEnumerable<ForbiddenPattern> patterns) =>
        Prefix + string.Join(", ", patterns.Select(p => p.Text).Distinct()) +
        " (the grader gives 0 points for this question if it is used)";

    /// <inheritdoc/>
    public void Apply(JsonObject notebook, StepContext context)
    {
        var rules = InspectionRules.FromSource(notebook);
        if (rules.Forbidden.Count == 0) return;
        var questions = QuestionMap.OfSource(notebook);
        foreach (var cell in NotebookJson.CellObjects(notebook))
        {
            if (NotebookJson.Type(cell) != "code" || CellMeta.Of(cell).Role != CellRole.Solution) continue;
            var patterns = rules.ForbiddenFor(questions.GetValueOrDefault(NotebookJson.Id(cell)));
            var code = NotebookJson.Source(cell);
            if (patterns.Count == 0 || code.TrimStart().StartsWith(Prefix, StringComparison.Ordinal)) continue;
            NotebookJson.SetSource(cell, Line(patterns) + "\n" + code);
        }
    }
}
