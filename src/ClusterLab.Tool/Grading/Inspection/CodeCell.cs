namespace ClusterLab.Tool.Grading.Inspection;

/// <summary>One code cell of the student notebook, in notebook order, as the inspector sees it.</summary>
/// <param name="CellId">The cell's id (for flags).</param>
/// <param name="Code">The cell's code, kernel directives included.</param>
/// <param name="Student">True for code the student wrote; false for a locked cell restored from the source (setup, prompt).</param>
/// <param name="QuestionId">The question (tests cell <c>grade_id</c>) the cell answers (see <see cref="QuestionMap"/>); null when none.</param>
internal sealed record CodeCell(string CellId, string Code, bool Student, string? QuestionId);
