namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>Collects flags once per (kind, cell, question, member) and returns them in cell order.</summary>
internal sealed class FlagList
{
    private readonly List<CodeFlag> flags = [];
    private readonly HashSet<(FlagKind, string, string?, string)> seen = [];

    /// <summary>Adds a flag unless the same (kind, cell, question, member) is already there.</summary>
    public void Add(FlagKind kind, CodeCell cell, string? questionId, string member, string message)
    {
        if (seen.Add((kind, cell.CellId, questionId, member)))
            flags.Add(CodeFlag.Create(kind, cell.CellId, questionId, member, message));
    }

    /// <summary>The flags ordered by the position of their cell in <paramref name="cells"/> (stable otherwise).</summary>
    public IReadOnlyList<CodeFlag> Sorted(IReadOnlyList<CodeCell> cells)
    {
        var order = new Dictionary<string, int>();
        for (var i = 0; i < cells.Count; i++) order.TryAdd(cells[i].CellId, i);
        return [.. flags.OrderBy(f => order.GetValueOrDefault(f.CellId))];
    }
}
