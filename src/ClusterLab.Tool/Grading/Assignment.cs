using System.Text.Json.Nodes;

namespace ClusterLab.Tool.Grading;

/// <summary>How a question is graded.</summary>
internal enum QuestionKind
{
    /// <summary>By the check calls of a tests or hidden-tests cell.</summary>
    Auto,
    /// <summary>By hand (a Markdown answer cell).</summary>
    Manual,
}

/// <summary>A gradebook column: one graded cell (tests, hidden-tests or manual), named by its grade_id.</summary>
/// <param name="Id">The cell's grade_id (the gradebook column).</param>
/// <param name="Kind">Graded by check cells (public or hidden tests) or by hand.</param>
/// <param name="CellId">The cell's id.</param>
/// <param name="Points">Points possible: the cell's points, equal to the sum of its checks' points.</param>
/// <param name="Checks">The checks of a tests cell, in order; empty for a manual question.</param>
internal sealed record Question(string Id, QuestionKind Kind, string CellId, double Points, IReadOnlyList<CheckSpec> Checks)
{
    /// <summary>The rubric of a hand-graded question (its lines add up to <see cref="Points"/>); empty when it has none.</summary>
    public IReadOnlyList<RubricLine> Rubric { get; init; } = [];
    /// <summary>True for a bonus question: reported in the gradebook's <c>bonus</c> column, not in <c>total</c>.</summary>
    public bool Bonus { get; init; }
}

/// <summary>An instructor notebook read and validated: its name, questions and the source notebook itself.</summary>
internal sealed class Assignment
{
    private Assignment(string name, string sourcePath, JsonObject source, IReadOnlyList<Question> questions)
    {
        Name = name;
        SourcePath = sourcePath;
        Source = source;
        Questions = questions;
    }

    /// <summary>Assignment name: the source file name without extension.</summary>
    public string Name { get; }
    /// <summary>Full path of the source notebook.</summary>
    public string SourcePath { get; }
    /// <summary>The instructor notebook (solutions and hidden tests inside).</summary>
    public JsonObject Source { get; }
    /// <summary>Questions in notebook order.</summary>
    public IReadOnlyList<Question> Questions { get; }
    /// <summary>Total points possible, bonus questions excluded (the gradebook's <c>total</c> is out of this).</summary>
    public double Points => Questions.Where(q => !q.Bonus).Sum(q => q.Points);
    /// <summary>Bonus points possible (the gradebook's <c>bonus</c> column is out of this); 0 when there is no bonus question.</summary>
    public double BonusPoints => Questions.Where(q => q.Bonus).Sum(q => q.Points);

    /// <summary>Loads and validates an instructor notebook (see <see cref="Validate"/>).</summary>
    public static Assignment Load(string sourcePath)
    {
        var full = Path.GetFullPath(sourcePath);
        var nb = NotebookJson.Load(full);
        return new Assignment(Path.GetFileNameWithoutExtension(full), full, nb, Validate(nb, Path.GetFileName(full)));
    }

    /// <summary>
    /// Checks the grading metadata of a source notebook and returns its questions. Rules: every cell has a unique id;
    /// solution, tests, hidden-tests and manual cells have a unique grade_id; tests cells are code with at least one
    /// check whose id is unique in the notebook and whose points add up to the cell's points; manual cells are Markdown,
    /// and their rubric lines (if any) add up to the cell's points; rubric and bonus belong on graded cells only.
    /// </summary>
    public static IReadOnlyList<Question> Validate(JsonObject nb, string name)
    {
        var questions = new List<Question>();
        var cellIds = new HashSet<string>();
        var gradeIds = new HashSet<string>();
        var checkIds = new HashSet<string>();
        foreach (var cell in NotebookJson.CellObjects(nb))
        {
            var id = NotebookJson.Id(cell);
            if (id.Length == 0) throw new FormatException($"{name}: a cell has no id (run scripts/nbtool.py fix).");
            if (!cellIds.Add(id)) throw new FormatException($"{name}: cell id {id} appears twice.");
            var meta = CellMeta.Of(cell);
            var where = $"{name}: cell {id}";
            if (meta.Rubric.Count > 0 && meta.Role != CellRole.Manual)
                throw new FormatException($"{where}: a rubric belongs on a manual cell, not on a {meta.Role} cell.");
            if (meta.Bonus && !meta.IsGraded)
                throw new FormatException($"{where}: bonus belongs on a tests, hidden-tests or manual cell, not on a {meta.Role} cell.");
            if (meta.Role is CellRole.None or CellRole.Prompt or CellRole.Setup or CellRole.Instructor) continue;
            if (meta.GradeId.Length == 0) throw new FormatException($"{where}: role {meta.Role} needs a grade_id.");
            if (!gradeIds.Add(meta.GradeId)) throw new FormatException($"{where}: grade_id {meta.GradeId} appears twice.");
            var type = NotebookJson.Type(cell);
            if (meta.Role == CellRole.Manual)
            {
                if (type != "markdown") throw new FormatException($"{where}: a manual cell should be Markdown, not {type}.");
                if (meta.Points <= 0) throw new FormatException($"{where}: a manual cell needs points > 0.");
                var rubricSum = meta.Rubric.Sum(l => l.Points);
                if (meta.Rubric.Count > 0 && Math.Abs(rubricSum - meta.Points) > 1e-9)
                    throw new FormatException($"{where}: points={meta.Points} but its rubric lines add up to {rubricSum} ({string.Join(" + ", meta.Rubric.Select(l => $"{l.Id} {l.Points}"))}).");
                questions.Add(new Question(meta.GradeId, QuestionKind.Manual, id, meta.Points, []) { Rubric = meta.Rubric, Bonus = meta.Bonus });
            }
            else if (meta.Role is CellRole.Tests or CellRole.HiddenTests)
            {
                if (type != "code") throw new FormatException($"{where}: a tests cell should be code, not {type}.");
                var checks = CheckCalls.Find(NotebookJson.Source(cell), meta.Role == CellRole.HiddenTests);
                if (checks.Count == 0)
                    throw new FormatException($"{where}: no Check.That/Close/Run(\"id\", points, …) call with literal id and points.");
                foreach (var c in checks)
                    if (!checkIds.Add(c.Id)) throw new FormatException($"{where}: check id {c.Id} appears twice in the notebook.");
                var sum = checks.Sum(c => c.Points);
                if (Math.Abs(sum - meta.Points) > 1e-9)
                    throw new FormatException($"{where}: points={meta.Points} but its checks add up to {sum}.");
                questions.Add(new Question(meta.GradeId, QuestionKind.Auto, id, meta.Points, checks) { Bonus = meta.Bonus });
            }
            else if (meta.Role == CellRole.Solution && meta.Points != 0)
                throw new FormatException($"{where}: points belong on the tests cell, not the solution cell.");
        }
        if (questions.Count == 0) throw new FormatException($"{name}: no graded cell (role tests, hidden-tests or manual).");
        return questions;
    }
}
