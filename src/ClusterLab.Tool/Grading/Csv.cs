using System.Globalization;
using System.Text;

namespace ClusterLab.Tool.Grading;

/// <summary>Minimal RFC 4180 CSV: quoting on write, quoted fields on read; numbers in invariant culture.</summary>
public static class Csv
{
    /// <summary>A number as the gradebook writes it: invariant, at most 4 decimals, no trailing zeros.</summary>
    public static string Number(double x) => Math.Round(x, 4).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>One line (without newline) with fields quoted when needed.</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote));

    /// <summary>Quotes a field holding a comma, quote or line break.</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>Parses CSV text into records (quoted fields may hold commas, quotes and line breaks).</summary>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                if (row.Count > 1 || row[0].Length > 0) rows.Add([.. row]);
                row.Clear();
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
