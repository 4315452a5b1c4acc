using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>What a notebook step may need besides the notebook it changes.</summary>
/// <param name="Name">File or student name, for messages.</param>
/// <param name="Source">The instructor notebook (sanitize steps restore from it); null when releasing.</param>
/// <param name="Released">The student copy made from <paramref name="Source"/> (what an untouched submission holds).</param>
internal sealed record StepContext(string Name, JsonObject? Source = null, JsonObject? Released = null)
{
    /// <summary>Problems found and fixed (edited or deleted locked cells, duplicate ids), for the feedback page.</summary>
    public List<string> Flags { get; } = [];
}

/// <summary>One transformation of a notebook (nbgrader's preprocessor): release and sanitize are lists of these.</summary>
internal interface INotebookStep
{
    /// <summary>Changes <paramref name="notebook"/> in place.</summary>
    void Apply(JsonObject notebook, StepContext context);
}

/// <summary>Base class of the steps that work cell by cell: <see cref="Apply"/> calls <see cref="ApplyToCell"/> for each cell.</summary>
internal abstract class CellStep : INotebookStep
{
    /// <inheritdoc/>
    public virtual void Apply(JsonObject notebook, StepContext context)
    {
        foreach (var cell in NotebookJson.CellObjects(notebook).ToList()) ApplyToCell(cell, CellMeta.Of(cell), context);
    }

    /// <summary>Changes one cell in place.</summary>
    protected virtual void ApplyToCell(JsonObject cell, CellMeta meta, StepContext context) { }
}
