using System.Text;
using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Oracles;

/// <summary>
/// Runs the input/expected pairs of Lucene's and PyArabic's published tests (Data/reference-expectations.tsv) against
/// the preset each applies to. Rows for rules ArabicNorm does not have are listed there with the reason.
/// </summary>
public class ReferenceExpectationTests
{
    private const string LuceneRepository = "apache/lucene";

    private sealed record Row(string Target, string Input, string Expected, string Repository, string Path, string Case, string Reason);

    private static readonly Lazy<Row[]> s_rows = new(() => File
        .ReadLines(System.IO.Path.Combine(AppContext.BaseDirectory, "Data", "reference-expectations.tsv"), Encoding.UTF8)
        .Where(line => !line.StartsWith('#'))
        .Skip(1)
        .Select(line => line.Split('\t'))
        .Select(f => new Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6]))
        .ToArray());

    public static TheoryData<int> ApplicableRows()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < s_rows.Value.Length; i++)
        {
            if (s_rows.Value[i].Target != "none")
            {
                data.Add(i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ApplicableRows))]
    public void Normalize_PublishedExpectation_HoldsForItsPreset(int index)
    {
        Row row = s_rows.Value[index];
        ArabicNormalizer n = row.Target switch
        {
            "Default" => ArabicNormalizer.Default,
            "Search" => ArabicNormalizer.Search,
            "Persian" => ArabicNormalizer.Persian,
            _ => throw new InvalidOperationException($"Unknown target {row.Target}"),
        };

        Assert.True(
            row.Expected == n.Normalize(row.Input),
            $"{row.Repository} {row.Case}: {Text.Escape(row.Input)} gave {Text.Escape(n.Normalize(row.Input))}, expected {Text.Escape(row.Expected)}");
    }

    [Fact]
    public void ReferenceExpectations_File_IsComplete()
    {
        Row[] rows = s_rows.Value;
        Assert.True(rows.Length >= 30);
        Assert.All(rows, r =>
        {
            Assert.Contains(r.Target, new[] { "Default", "Search", "Persian", "none" });
            Assert.False(string.IsNullOrEmpty(r.Repository));
            Assert.False(string.IsNullOrEmpty(r.Path));
            Assert.True(r.Target != "none" || r.Reason.Length > 0, $"{r.Case}: a row that applies to no preset needs its reason");
        });

        // Every test of the two Lucene suites is transcribed: 14 Arabic, 6 Persian and testEmptyTerm, which both have.
        Assert.Equal(21, rows.Where(r => r.Repository == LuceneRepository).Select(r => r.Case).Distinct().Count());
    }

    // The Lucene rows also hold for Lucene.Net itself: the transcription and the oracle agree.
    [Fact]
    public void LuceneOracle_PublishedLuceneExpectations_Hold()
    {
        foreach (Row row in s_rows.Value.Where(r => r.Repository == LuceneRepository && r.Target == "Search"))
        {
            Assert.Equal(row.Expected, LuceneOracle.ArabicThenPersian(row.Input));
        }
    }
}
