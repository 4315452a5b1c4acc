using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Gives cells saved without an id (nbformat 4.4, or front ends that drop ids) the id of the released cell they are, so
/// that locked cells are restored and answers kept as for any other submission: first by
/// <c>metadata.clusterlab.grade_id</c> (with the same cell type), then by position among the remaining cells of the same
/// type and role, for each (type, role) whose count of cells equals the released copy's. Cells that match nothing keep no
/// id (<see cref="DeduplicateIds"/> gives them a fresh one, and the released cells left over are re-inserted).
/// </summary>
internal static class CellMatcher
{
    /// <summary>
    /// Sets the id of each cell of <paramref name="notebook"/> without one to the id of its released cell in
    /// <paramref name="released"/>, when found as above; ids already present in the notebook are never given again.
    /// Returns how many cells got an id.
    /// </summary>
    public static int AssignMissingIds(JsonObject notebook, JsonObject released)
    {
        var cells = NotebookJson.CellObjects(notebook).ToList();
        var missing = cells.Where(c => NotebookJson.Id(c).Length == 0).ToList();
        if (missing.Count == 0) return 0;
        var taken = cells.Select(NotebookJson.Id).Where(id => id.Length > 0).ToHashSet();
        var free = NotebookJson.CellObjects(released).Where(c => !taken.Contains(NotebookJson.Id(c))).ToList();
        var assigned = 0;

        // 1. By grade_id: the one key a front end keeps with the cell whatever its position.
        foreach (var cell in missing.ToList())
        {
            var gradeId = GradeId(cell);
            if (gradeId.Length == 0) continue;
            var match = free.FirstOrDefault(r => GradeId(r) == gradeId && NotebookJson.Type(r) == NotebookJson.Type(cell));
            if (match is null) continue;
            Assign(cell, match);
        }

        // 2. By position among cells of the same type and role, where the counts agree with the released copy.
        foreach (var group in missing.GroupBy(Key))
        {
            var candidates = free.Where(r => Key(r) == group.Key).ToList();
            var students = group.ToList();
            if (candidates.Count != students.Count) continue; // cells added or deleted: the structure differs
            for (var i = 0; i < students.Count; i++) Assign(students[i], candidates[i]);
        }
        return assigned;

        void Assign(JsonObject cell, JsonObject match)
        {
            cell["id"] = NotebookJson.Id(match);
            missing.Remove(cell);
            free.Remove(match);
            assigned++;
        }
    }

    private static (string Type, string Role) Key(JsonObject cell) =>
        (NotebookJson.Type(cell), cell["metadata"]?[CellMeta.Key]?["role"] is JsonValue v && v.TryGetValue<string>(out var role) ? role : "");

    private static string GradeId(JsonObject cell) =>
        cell["metadata"]?[CellMeta.Key]?["grade_id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : "";
}
