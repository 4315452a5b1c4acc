using System.Globalization;

namespace ClusterLab;

/// <summary>A small numeric CSV reader: a header row, then comma-separated finite numbers in the invariant culture.</summary>
internal static class CsvReader
{
    /// <summary>Reads all rows; <paramref name="source"/> names the input in error messages.</summary>
    public static double[][] Read(TextReader reader, string source, out string[] header)
    {
        int line = 0;
        string? text;
        do { text = reader.ReadLine(); line++; } while (text is not null && string.IsNullOrWhiteSpace(text));
        if (text is null) throw new FormatException($"{source}: the file is empty; a header row and at least one data row are needed.");
        header = text.Split(',').Select(h => h.Trim().Trim('"')).ToArray();
        var rows = new List<double[]>();
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            var fields = text.Split(',');
            if (fields.Length != header.Length)
                throw new FormatException($"{source}: line {line} has {fields.Length} values but the header has {header.Length} columns: every row needs one value per column.");
            var row = new double[fields.Length];
            for (int c = 0; c < fields.Length; c++)
            {
                var f = fields[c].Trim().Trim('"');
                if (!double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out row[c]) || !double.IsFinite(row[c]))
                    throw new FormatException($"{source}: line {line}, column {c + 1} ('{header[c]}'): '{f}' is not a finite number. Fix or remove that value (decimal point '.', no thousands separators).");
            }
            rows.Add(row);
        }
        if (rows.Count == 0) throw new FormatException($"{source}: no data rows after the header.");
        return rows.ToArray();
    }
}
