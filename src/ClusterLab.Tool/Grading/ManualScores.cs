using System.Globalization;

namespace ClusterLab.Tool.Grading;

/// <summary>Reads <c>--manual scores.csv</c>: header <c>student,question,points</c>, one row per hand-graded answer.</summary>
public static class ManualScores
{
    /// <summary>
    /// Parses and checks the file against the assignment and the students present: an unknown student or question, a
    /// question that is not graded by hand, points outside [0, possible] or a repeated row throw naming the line.
    /// </summary>
    public static Dictionary<(string Student, string Question), double> Read(string path, Assignment assignment, IReadOnlySet<string> students)
    {
        var rows = Csv.Parse(File.ReadAllText(path));
        var result = new Dictionary<(string, string), double>();
        var questions = assignment.Questions.ToDictionary(q => q.Id);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i].Select(f => f.Trim()).ToArray();
            var where = $"{path}:{i + 1}";
            if (i == 0 && r.Length >= 1 && r[0] == "student") continue;
            if (r.Length != 3) throw new FormatException($"{where}: expected 3 fields student,question,points; got {r.Length}.");
            if (!students.Contains(r[0])) throw new FormatException($"{where}: student '{r[0]}' has no submission.");
            if (!questions.TryGetValue(r[1], out var q))
                throw new FormatException($"{where}: question '{r[1]}' is not in {assignment.Name} (questions: {string.Join(", ", questions.Keys)}).");
            if (q.Kind != QuestionKind.Manual) throw new FormatException($"{where}: question '{r[1]}' is graded automatically, not by hand.");
            if (!double.TryParse(r[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || double.IsNaN(p))
                throw new FormatException($"{where}: points '{r[2]}' is not a number.");
            if (p < 0 || p > q.Points) throw new FormatException($"{where}: points={r[2]} should be in [0, {Csv.Number(q.Points)}].");
            if (!result.TryAdd((r[0], r[1]), p)) throw new FormatException($"{where}: {r[0]},{r[1]} is given twice.");
        }
        return result;
    }
}
