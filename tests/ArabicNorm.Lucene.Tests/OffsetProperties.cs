using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace ArabicNorm.Lucene.Tests;

/// <summary>
/// The offset invariants Lucene's own random-chain tests check, on random text with ligatures, U+FDFA, U+1EE00
/// pairs and deleted runs at chunk boundaries, with the char filter's input fed one character per read.
/// </summary>
public class OffsetProperties
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Every token: start &lt;= end, starts never decrease, inside the original, and the original range
    /// normalizes to the token (or, inside an expansion, to a text that contains it).</summary>
    [Property(Arbitrary = [typeof(OffsetGenerators)], MaxTest = 100, Replay = "(20261201,1234567891)")]
    public void Offsets_PointAtTheTokensSource(OffsetCase c)
    {
        ArabicNormalizer normalizer = c.Normalizer;
        string text = c.Text;
        TextReader input = c.Text.Length % 2 == 0 ? new OneCharReader(text) : new StringReader(text);
        using var tokenizer = new StandardTokenizer(Version, new ArabicNormCharFilter(input, normalizer));
        (List<TestData.Token> tokens, int final) = TestData.Collect(tokenizer);
        int lastStart = 0;
        foreach (TestData.Token token in tokens)
        {
            Assert.True(token.Start <= token.End, $"{token} in {TestData.Escape(text)}");
            Assert.True(token.Start < token.End, $"empty range {token} in {TestData.Escape(text)}");
            Assert.True(token.Start >= lastStart, $"start went back at {token} in {TestData.Escape(text)}");
            Assert.True(token.End <= text.Length, $"{token} past the end of {TestData.Escape(text)}");
            lastStart = token.Start;

            string source = normalizer.Normalize(text[token.Start..token.End]);
            if (source != token.Text)
            {
                Assert.True(
                    source.Contains(token.Text, StringComparison.Ordinal) && ExpandsToSeveralWords(normalizer, text[token.Start..token.End]),
                    $"{TestData.Escape(text[token.Start..token.End])} normalizes to {TestData.Escape(source)}, token {TestData.Escape(token.Text)} ({token.Start}..{token.End}) in {TestData.Escape(text)}");
            }
        }

        Assert.Equal(text.Length, final);
    }

    /// <summary>CorrectOffset gives, at the start of every source character's output, that character's index as one
    /// whole-text call of the offsets API records it, whatever the chunking and read sizes.</summary>
    [Property(Arbitrary = [typeof(OffsetGenerators)], MaxTest = 100, Replay = "(20261201,1234567891)")]
    public void CorrectOffset_EqualsTheOffsetsApi(OffsetCase c)
    {
        ArabicNormalizer normalizer = c.Normalizer;
        NormalizedText expected = normalizer.NormalizeWithOffsets(c.Text);

        // One character per read (every chunk a single character) and whole chunks (long one-to-one runs go
        // through the span API).
        foreach (TextReader input in new TextReader[] { new OneCharReader(c.Text), new StringReader(c.Text) })
        {
            using var filter = new ArabicNormCharFilter(input, normalizer);
            var sb = new StringBuilder();
            int ch;
            while ((ch = filter.Read()) >= 0)
            {
                sb.Append((char)ch);
            }

            Assert.Equal(expected.Text, sb.ToString());
            ReadOnlySpan<int> indices = expected.SourceIndices;
            for (int p = 0; p < indices.Length; p++)
            {
                int corrected = filter.CorrectOffset(p);
                Assert.InRange(corrected, 0, c.Text.Length);
                bool startsCharacter = p == 0 || indices[p] != indices[p - 1];

                // A chunk boundary inside a collapsed run of spaces may let another space of the run stand for it.
                if (startsCharacter && expected.Text[p] != ' ')
                {
                    Assert.True(indices[p] == corrected, $"output {p}: {corrected}, offsets API {indices[p]}, in {TestData.Escape(c.Text)}");
                }
            }

            Assert.Equal(c.Text.Length, filter.CorrectOffset(indices.Length));
        }
    }

    private static bool ExpandsToSeveralWords(ArabicNormalizer normalizer, string source)
    {
        foreach (Rune r in source.EnumerateRunes())
        {
            string n = normalizer.Normalize(r.ToString());
            if (n.Length > 1 && n.Any(ch => !char.IsLetterOrDigit(ch)))
            {
                return true;
            }
        }

        // A word glued to an expansion: the range covers the whole expanding character.
        return source.EnumerateRunes().Any(r => normalizer.Normalize(r.ToString()).Contains(' ', StringComparison.Ordinal));
    }
}

/// <summary>A text and a normalizer for the offset properties.</summary>
public sealed record OffsetCase(string Text, string Preset)
{
    public ArabicNormalizer Normalizer => SearchEngineExportTests.Preset(Preset);

    public override string ToString() => $"{Preset} {TestData.Escape(Text)}";
}

public static class OffsetGenerators
{
    private static readonly string[] s_pieces =
    [
        "\u0627\u0644\u062D\u0643\u0648\u0645\u0629", // a word
        "\u0628\u06CC\u0646\u0647\u0645\u0627", // with FARSI YEH
        "\u0627\u0644\u0623\u0645\u0631\u06CC\u06A9\u06CC\u0629", // with FARSI YEH and KEHEH
        "\uFEFB", "\uFEFC", "\uFEF7", // lam-alef ligatures
        "\uFDFA", "\uFDF2", "\uFDFB", "\uFDFC", // U+FDFA (18 chars), ALLAH, JALLAJALALOUHOU, RIAL SIGN
        "\uFE8D\uFEDF\uFEA4\uFEDC\uFEEE\uFEE3\uFE94", // a word in presentation forms
        "\uD83B\uDE00", "\uD83B\uDE01", "\uD83B\uDE21", // U+1EE00 ALEF, U+1EE01 BEH, U+1EE21 MATHEMATICAL INITIAL BEH
        "\u0640", "\u0640\u0640\u0640", "\u200F", "\u200B", "\u200C", "\u00AD", "\u202B", // deletions
        "\u064E", "\u0651\u064E", "\u0654", "\u0655", "\u0670", // marks
        " ", "  ", "\u00A0", "\n", ". ", "\u060C ", // spaces and punctuation
        "\u0661\u0662\u066B\u0665", "\u06F1\u06F9", "2026", // digits
        "news", "Lucene", "\u201C", "\u201D", // Latin, quotation marks
        "\u0627\u0654", "\u064A\u0654", "\u0648\u0640\u0654", // compositions
    ];

    private static readonly string[] s_deleted = ["\u0640", "\u200F", "\u200B", "\u00AD", "\u2066", "\u064E"];

    public static Arbitrary<OffsetCase> Case() => Arb.From(
        from preset in Gen.Elements("Default", "Search", "Persian")
        from pieces in Gen.Elements(s_pieces).ArrayOf()
        from boundary in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from shift in Gen.Choose(-12, 12)
        from run in Gen.Choose(1, 40)
        from deleted in Gen.Elements(s_deleted)
        select new OffsetCase(Build(pieces, boundary, shift, run, deleted), preset));

    /// <summary>Joins the pieces; for a boundary case, first puts a run of deleted characters across the char
    /// filter's 4,096-char chunk boundary.</summary>
    private static string Build(string[] pieces, bool boundary, int shift, int run, string deleted)
    {
        var sb = new StringBuilder();
        if (boundary)
        {
            const string Word = "\u0643\u062A\u0627\u0628 "; // KAF TEH ALEF BEH, SPACE
            while (sb.Length < 4096 + shift - (run / 2) - Word.Length)
            {
                sb.Append(Word);
            }

            sb.Append('\u0627'); // ALEF: a composition base, so the run is held back too
            for (int k = 0; k < run; k++)
            {
                sb.Append(deleted);
            }
        }

        foreach (string piece in pieces)
        {
            sb.Append(piece);
        }

        return sb.ToString();
    }
}
