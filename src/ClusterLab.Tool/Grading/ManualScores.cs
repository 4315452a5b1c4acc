using System.Globalization;

namespace ClusterLab.Tool.Grading;

/// <summary>Hand-given points read from <c>--manual scores.csv</c>.</summary>
/// <param name="Points">Points per (student, question): the whole-question figure, or the sum of its rubric lines.</param>
/// <param name="Lines">Points per (student, question, rubric id), for questions graded line by line.</param>
internal sealed record ManualSheet(
    IReadOnlyDictionary<(string Student, string Question), double> Points,
    IReadOnlyDictionary<(string Student, string Question, string Rubric), double> Lines);

/// <summary>
/// Reads <c>--manual scores.csv</c>. Three forms: a header naming the columns <c>student</c>, <c>question</c>,
/// <c>points</c> and optionally <c>rubric_id</c> in any order (other columns ignored, so the <c>manual.csv</c> that
/// <c>grade</c> writes can be filled in and passed back as it is); or no header and rows <c>student,question,points</c>
/// (a whole question) or <c>student,question,rubric_id,points</c> (one rubric line). An empty points field is "not
/// graded yet" and skipped.
/// </summary>
internal static class ManualScores
{
    /// <summary>The points per (student, question); see <see cref="ReadSheet"/>.</summary>
    public static Dictionary<(string Student, string Question), double> Read(string path, Assignment assignment, IReadOnlySet<string> students) =>
        new(ReadSheet(path, assignment, students).Points);

    /// <summary>
    /// Parses and checks the file against the assignment and the students present: an unknown student, question or
    /// rubric line, a question that is not graded by hand, points outside [0, possible], a repeated row, a question given
    /// both whole and by lines, or a question with some rubric lines missing throw naming the line.
    /// </summary>
    public static ManualSheet ReadSheet(string path, Assignment assignment, IReadOnlySet<string> students)
    {
        var rows = Csv.Parse(File.ReadAllText(path));
        var questions = assignment.Questions.ToDictionary(q => q.Id);
        var whole = new Dictionary<(string, string), double>();
        var lines = new Dictionary<(string, string, string), double>();
        int[]? columns = null; // student, question, rubric_id (-1: none), points
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i].Select(f => f.Trim()).ToArray();
            var where = $"{path}:{i + 1}";
            if (i == 0 && r.Length >= 1 && r[0] == "student") { columns = Header(r, where); continue; }
            var (student, question, rubric, pointsText) = columns is { } c
                ? (Field(r, c[0]), Field(r, c[1]), c[2] < 0 ? "" : Field(r, c[2]), Field(r, c[3]))
                : r.Length switch
                {
                    3 => (r[0], r[1], "", r[2]),
                    4 => (r[0], r[1], r[2], r[3]),
                    _ => throw new FormatException($"{where}: expected 3 fields student,question,points or 4 fields student,question,rubric_id,points; got {r.Length}."),
                };
            if (pointsText.Length == 0) continue; // not graded yet
            if (!students.Contains(student)) throw new FormatException($"{where}: student '{student}' has no submission.");
            if (!questions.TryGetValue(question, out var q))
                throw new FormatException($"{where}: question '{question}' is not in {assignment.Name} (questions: {string.Join(", ", questions.Keys)}).");
            if (q.Kind != QuestionKind.Manual) throw new FormatException($"{where}: question '{question}' is graded automatically, not by hand.");
            if (!double.TryParse(pointsText, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || double.IsNaN(p))
                throw new FormatException($"{where}: points '{pointsText}' is not a number.");
            if (rubric.Length == 0)
            {
                if (p < 0 || p > q.Points) throw new FormatException($"{where}: points={pointsText} should be in [0, {Csv.Number(q.Points)}].");
                if (lines.Keys.Any(k => k.Item1 == student && k.Item2 == question) || !whole.TryAdd((student, question), p))
                    throw new FormatException($"{where}: {student},{question} is given twice.");
                continue;
            }
            var line = q.Rubric.FirstOrDefault(l => l.Id == rubric)
                ?? throw new FormatException($"{where}: rubric line '{rubric}' is not in question {question} (rubric: {(q.Rubric.Count == 0 ? "none, give the question's points with an empty rubric_id" : string.Join(", ", q.Rubric.Select(l => l.Id)))}).");
            if (p < 0 || p > line.Points) throw new FormatException($"{where}: points={pointsText} for {question}/{rubric} should be in [0, {Csv.Number(line.Points)}].");
            if (whole.ContainsKey((student, question)) || !lines.TryAdd((student, question, rubric), p))
                throw new FormatException($"{where}: {student},{question},{rubric} is given twice.");
        }
        foreach (var group in lines.GroupBy(k => (k.Key.Item1, k.Key.Item2)))
        {
            var q = questions[group.Key.Item2];
            var missing = q.Rubric.Where(l => !lines.ContainsKey((group.Key.Item1, q.Id, l.Id))).Select(l => l.Id).ToList();
            if (missing.Count > 0)
                throw new FormatException($"{path}: {group.Key.Item1},{q.Id} has points for some rubric lines but not for {string.Join(", ", missing)} (give 0 where nothing was earned).");
            whole[group.Key] = group.Sum(k => k.Value);
        }
        return new ManualSheet(whole, lines);
    }

    private static int[] Header(string[] r, string where)
    {
        int Index(string name, bool required)
        {
            var i = Array.IndexOf(r, name);
            if (i < 0 && required) throw new FormatException($"{where}: the header has no '{name}' column (columns: {string.Join(",", r)}).");
            return i;
        }
        return [Index("student", true), Index("question", true), Index("rubric_id", false), Index("points", true)];
    }

    private static string Field(string[] r, int i) => i < r.Length ? r[i] : "";
}
