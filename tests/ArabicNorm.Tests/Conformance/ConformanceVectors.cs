using System.Globalization;
using System.Text;

namespace ArabicNorm.Tests.Conformance;

/// <summary>Reads the conformance vectors of tests/conformance (format: tests/conformance/README.md).</summary>
internal static class ConformanceVectors
{
    internal sealed record Row(string File, int Line, string Preset, string Input, string Expected, string Note);

    internal static string Directory => Path.Combine(AppContext.BaseDirectory, "conformance");

    internal static ArabicNormalizer Preset(string name) => name switch
    {
        "Default" => ArabicNormalizer.Default,
        "Search" => ArabicNormalizer.Search,
        "Persian" => ArabicNormalizer.Persian,
        _ => throw new InvalidDataException($"Unknown preset '{name}'."),
    };

    internal static List<Row> Read(string fileName)
    {
        var rows = new List<Row>();
        string[] lines = File.ReadAllLines(Path.Combine(Directory, fileName), Encoding.UTF8);
        bool header = false;
        for (int k = 0; k < lines.Length; k++)
        {
            string line = lines[k];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length != 4)
            {
                throw new InvalidDataException($"{fileName}:{k + 1}: {fields.Length} fields, expected 4.");
            }

            if (!header)
            {
                // The first non-comment line names the columns.
                Assert.Equal(["preset", "input", "expected", "note"], fields);
                header = true;
                continue;
            }

            rows.Add(new Row(fileName, k + 1, fields[0], Unescape(fields[1]), Unescape(fields[2]), fields[3]));
        }

        return rows;
    }

    /// <summary>Decodes a field made only of <c>\uXXXX</c> (a UTF-16 code unit) and <c>\UXXXXXXXX</c> (a
    /// supplementary code point) escapes.</summary>
    internal static string Unescape(string field)
    {
        var builder = new StringBuilder(field.Length / 6);
        int i = 0;
        while (i < field.Length)
        {
            if (field[i] != '\\' || i + 1 >= field.Length)
            {
                throw new InvalidDataException($"Not an escape at {i} of '{field}'.");
            }

            int digits = field[i + 1] switch
            {
                'u' => 4,
                'U' => 8,
                _ => throw new InvalidDataException($"Unknown escape at {i} of '{field}'."),
            };
            int value = int.Parse(field.AsSpan(i + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (digits == 4)
            {
                builder.Append((char)value);
            }
            else
            {
                builder.Append(char.ConvertFromUtf32(value));
            }

            i += 2 + digits;
        }

        return builder.ToString();
    }

    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length * 6);
        foreach (char c in text)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }

        return builder.ToString();
    }
}
