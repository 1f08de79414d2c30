namespace ArabicNorm.Tests.Conformance;

/// <summary>Checks every row of the conformance vectors (tests/conformance), the definition of each preset's output
/// that the stability promise keeps; every failing row is reported, not only the first.</summary>
public class ConformanceVectorTests
{
    public static TheoryData<string> Files() => new() { "default.tsv", "search.tsv", "persian.tsv" };

    public static TheoryData<string> CanonicalOrderFiles() =>
        new() { "default.canonical-order.tsv", "search.canonical-order.tsv", "persian.canonical-order.tsv" };

    [Theory]
    [MemberData(nameof(Files))]
    public void Normalize_ConformanceRows_GiveTheExpectedOutput(string file) => CheckEveryRow(file);

    [Theory]
    [MemberData(nameof(CanonicalOrderFiles))]
    public void Normalize_CanonicalOrderRows_GiveTheExpectedOutput(string file) => CheckEveryRow(file);

    [Fact]
    public void ConformanceFiles_EachPreset_HasAtLeastAThousandRows()
    {
        foreach (string preset in new[] { "Default", "Search", "Persian" })
        {
            string stem = preset.ToLowerInvariant();
            int rows = ConformanceVectors.Read($"{stem}.tsv").Count + ConformanceVectors.Read($"{stem}.canonical-order.tsv").Count;
            Assert.True(rows >= 1000, $"{preset}: {rows} rows");
            Assert.All(ConformanceVectors.Read($"{stem}.tsv"), r => Assert.Equal(preset, r.Preset));
        }
    }

    [Fact]
    public void Unescape_BothEscapeForms_DecodeToCodeUnits()
    {
        Assert.Equal("\u0627\uD800", ConformanceVectors.Unescape("\\u0627\\uD800"));
        Assert.Equal("\U0001EE00", ConformanceVectors.Unescape("\\U0001EE00"));
        Assert.Throws<InvalidDataException>(() => ConformanceVectors.Unescape("a"));
    }

    private static void CheckEveryRow(string file)
    {
        List<ConformanceVectors.Row> rows = ConformanceVectors.Read(file);
        Assert.NotEmpty(rows);
        var failures = new List<string>();
        foreach (ConformanceVectors.Row row in rows)
        {
            ArabicNormalizer normalizer = ConformanceVectors.Preset(row.Preset);
            string actual = normalizer.Normalize(row.Input);
            if (!string.Equals(actual, row.Expected, StringComparison.Ordinal))
            {
                failures.Add($"{row.File}:{row.Line} [{row.Preset}] {row.Note}\n  input    {Shorten(ConformanceVectors.Escape(row.Input))}\n"
                    + $"  expected {Shorten(ConformanceVectors.Escape(row.Expected))}\n  actual   {Shorten(ConformanceVectors.Escape(actual))}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {rows.Count} rows of {file} fail:\n{string.Join("\n", failures)}");
    }

    private static string Shorten(string escaped) => escaped.Length <= 600 ? escaped : escaped[..600] + "...";
}
