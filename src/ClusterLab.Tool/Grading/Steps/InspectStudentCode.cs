using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClusterLab.Tool.Grading.Inspection;
using ClusterLab.Tool.Runner;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// The static tripwires, before anything runs: Roslyn's semantic model over the student's cells (see
/// <see cref="CodeInspector"/>). Every finding becomes a flag on the feedback page and in summary.json; a shadowing
/// declaration or a forbidden library member zeroes its question. A student cell whose own metadata claims a role or a
/// lock is flagged too: roles and locks always come from the source, by cell id.
/// </summary>
internal sealed class InspectStudentCode : ISubmissionStep
{
    /// <inheritdoc/>
    public void Apply(Submission submission, GradeContext context)
    {
        if (submission.Notebook is null) return;
        var source = context.Assignment.Source;
        var inSource = NotebookJson.CellObjects(source).Select(NotebookJson.Id).ToHashSet();
        foreach (var cell in NotebookJson.CellObjects(submission.Notebook))
            if (!inSource.Contains(NotebookJson.Id(cell)) && cell["metadata"]?[CellMeta.Key] is JsonObject claimed)
                submission.Flags.Add($"cell {NotebookJson.Id(cell)} claims {CallText(claimed)} in its metadata: ignored (roles and locks come from the instructor's notebook).");

        var flags = CodeInspector.Inspect(QuestionMap.Cells(source, submission.Notebook), context.Inspection, context.KitReferences);
        foreach (var f in flags)
        {
            var zero = f.ZeroesQuestion && f.QuestionId is not null ? $" Question {f.QuestionId} gets 0 points." : "";
            submission.Flags.Add($"{f.Kind} (cell {f.CellId}): {f.Message}{zero}");
            if (f.ZeroesQuestion && f.QuestionId is not null) submission.Zeroed.TryAdd(f.QuestionId, $"{f.Kind}: {f.Message}");
        }
    }

    private static string CallText(JsonObject claimed) => Shared.CheckResult.Bound(claimed.ToJsonString(), 120);

    /// <summary>The <c>#r</c> files of the source's setup cell (the kit), for the inspector's semantic model.</summary>
    public static IReadOnlyList<string> KitReferences(Assignment assignment)
    {
        var cells = NotebookJson.CellObjects(assignment.Source).Where(c => CellMeta.Of(c).Role == CellRole.Setup);
        var baseDir = Path.GetDirectoryName(assignment.SourcePath)!;
        return cells.SelectMany(c => Regex.Matches(ReferencePaths.MakeAbsolute(NotebookJson.Source(c), baseDir), "^\\s*#r\\s+\"(?<p>/[^\"]+)\"", RegexOptions.Multiline))
            .Select(m => m.Groups["p"].Value).Where(File.Exists).Distinct().ToList();
    }
}
