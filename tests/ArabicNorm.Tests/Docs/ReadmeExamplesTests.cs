using System.Buffers;
using System.Text;
using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Docs;

/// <summary>The README's examples for UTF-8, streams, offsets and the change report (samples/Streaming), checked as tests.</summary>
public class ReadmeExamplesTests
{
    private static readonly string s_seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));

    [Fact]
    public void Readme_ChangeReport_PrintsTheLineShown()
    {
        string text = s_seed;
        NormalizationReport report = ArabicNormalizer.Default.GetChangeReport(text);
        long yehAndKeheh = report[NormalizationCategory.Letters];
        Assert.Equal(8, yehAndKeheh);
        Assert.Equal("35 of 3008 characters changed: Letters=8, Digits=16, Separators=1, Quotes=10", report.ToString());
    }

    [Fact]
    public void Readme_Offsets_HighlightsTheSourceOfAHit()
    {
        // Source: KEHEH, TATWEEL, TEH, ALEF, BEH (a Persian-keyboard, stretched spelling); the query is the folded word.
        string text = "\u0627\u0644\u06A9\u0640\u062A\u0627\u0628 \u062C\u062F\u064A\u062F";
        string query = "\u0643\u062A\u0627\u0628"; // KAF, TEH, ALEF, BEH
        NormalizedText result = ArabicNormalizer.Search.NormalizeWithOffsets(text);
        int hit = result.Text.IndexOf(query, StringComparison.Ordinal);
        Range original = result.GetSourceRange(hit..(hit + query.Length));
        Assert.Equal("\u06A9\u0640\u062A\u0627\u0628", text[original]);
    }

    [Fact]
    public void Readme_FindAndComparer_RunAsShown()
    {
        string article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "vocalized-news.ar.txt"));
        string typed = "\u0627\u0644\u06A9\u062A\u0627\u0628 \u0627\u0644\u062C\u062F\u06CC\u062F"; // AL-KITAB AL-JADID
        var highlighted = new StringBuilder(article);
        int found = 0;
        foreach (Range match in ArabicNormalizer.Search.FindAll(article, typed, wholeWords: true).Reverse())
        {
            highlighted.Insert(match.End.Value, "]]").Insert(match.Start.Value, "[[");   // from the end, so ranges stay valid
            found++;
        }

        Assert.Equal(2, found);
        Assert.Equal(article.Length + 8, highlighted.Length);

        string[] spellings = ["\u06A9\u062A\u0627\u0628", "\u0643\u062A\u0627\u0628", "\u0643\u0640\u062A\u0627\u0628"]; // KITAB three ways
        int distinct = spellings.Distinct(ArabicNormalizer.Default.Comparer).Count();
        Assert.Equal(1, distinct);
    }

    [Fact]
    public void Readme_Utf8AndStreams_RunAsShown()
    {
        byte[] utf8Source = Encoding.UTF8.GetBytes(s_seed);
        byte[] utf8Destination = new byte[utf8Source.Length];
        OperationStatus status = ArabicNormalizer.Default.NormalizeUtf8(utf8Source, utf8Destination,
                                                                       out int bytesConsumed, out int bytesWritten);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(utf8Source.Length, bytesConsumed);

        ArabicNormalizer normalizer = ArabicNormalizer.Default;
        var reader = new StringReader(s_seed);
        var writer = new StringWriter();
        normalizer.Normalize(reader, writer);
        var inputStream = new MemoryStream(utf8Source);
        var outputStream = new MemoryStream();
        normalizer.NormalizeUtf8(inputStream, outputStream);
        Assert.Equal(utf8Destination[..bytesWritten], outputStream.ToArray());
        Assert.Equal(writer.ToString(), Encoding.UTF8.GetString(outputStream.ToArray()));
    }
}
