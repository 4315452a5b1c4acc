using System.Globalization;
using System.Text;

namespace ClusterLab.Tool.Grading;

/// <summary>
/// Minimal RFC 4180 CSV: quoting on write, quoted fields on read; numbers in invariant culture. Text that a spreadsheet
/// would run as a formula (starting with <c>= + - @</c>, tab or carriage return) is written with a leading <c>'</c>
/// (OWASP's advice against CSV injection), which <see cref="Parse"/> removes again; numbers such as <c>-1</c> stay numbers.
/// </summary>
internal static class Csv
{
    /// <summary>A number as the gradebook writes it: invariant, at most 4 decimals, no trailing zeros.</summary>
    public static string Number(double x) => Math.Round(x, 4).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>One line (without newline) with fields made inert (<see cref="Inert"/>) and quoted when needed.</summary>
    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(f => Quote(Inert(f))));

    /// <summary>
    /// <paramref name="field"/> with a leading <c>'</c> when a spreadsheet could read it as a formula: it starts with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return and is not a plain number (<c>-1</c>, <c>-0.25</c>).
    /// </summary>
    public static string Inert(string field) =>
        field.Length > 0 && IsTrigger(field[0]) && !IsPlainNumber(field) ? "'" + field : field;

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static bool IsPlainNumber(string field) =>
        field.Length > 1 && field[0] == '-' && double.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out _) && field.Skip(1).All(c => char.IsAsciiDigit(c) || c == '.');

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
            else if (ch == ',') { row.Add(Restore(field)); field.Clear(); }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(Restore(field)); field.Clear();
                if (row.Count > 1 || row[0].Length > 0) rows.Add([.. row]);
                row.Clear();
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(Restore(field)); rows.Add([.. row]); }
        return rows;
    }

    /// <summary>Undoes <see cref="Inert"/>: a leading <c>'</c> before a formula character is dropped.</summary>
    private static string Restore(StringBuilder field) =>
        field.Length > 1 && field[0] == '\'' && IsTrigger(field[1]) ? field.ToString(1, field.Length - 1) : field.ToString();
}
