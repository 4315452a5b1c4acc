using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>What a notebook step may need besides the notebook it changes.</summary>
/// <param name="Name">File or student name, for messages.</param>
/// <param name="Source">The instructor notebook (sanitize steps restore from it); null when releasing.</param>
/// <param name="Released">The student copy made from <paramref name="Source"/> (what an untouched submission holds).</param>
public sealed record StepContext(string Name, JsonObject? Source = null, JsonObject? Released = null)
{
    /// <summary>Problems found and fixed (edited or deleted locked cells, duplicate ids), for the feedback page.</summary>
    public List<string> Flags { get; } = [];
}

/// <summary>One transformation of a notebook (nbgrader's preprocessor): release and sanitize are lists of these.</summary>
public interface INotebookStep
{
    /// <summary>What the step does, one line.</summary>
    string Help { get; }

    /// <summary>When false, the pipeline skips the step. Default true.</summary>
    bool Enabled { get; set; }

    /// <summary>Changes <paramref name="notebook"/> in place.</summary>
    void Apply(JsonObject notebook, StepContext context);
}

/// <summary>Base class holding the <see cref="INotebookStep.Enabled"/> flag and a per-cell hook.</summary>
public abstract class CellStep : INotebookStep
{
    /// <inheritdoc/>
    public abstract string Help { get; }

    /// <inheritdoc/>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc/>
    public virtual void Apply(JsonObject notebook, StepContext context)
    {
        foreach (var cell in NotebookJson.CellObjects(notebook).ToList()) ApplyToCell(cell, CellMeta.Of(cell), context);
    }

    /// <summary>Changes one cell in place.</summary>
    protected virtual void ApplyToCell(JsonObject cell, CellMeta meta, StepContext context) { }
}
