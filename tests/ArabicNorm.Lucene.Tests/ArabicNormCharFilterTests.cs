using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace ArabicNorm.Lucene.Tests;

public class ArabicNormCharFilterTests
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // U+FDFA ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM: 18 characters, four words.
    private const string Salla = "\uFDFA";

    // U+FEFB ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM.
    private const string LamAlef = "\uFEFB";

    public static TheoryData<string> Presets() => new() { "Default", "Search", "Persian" };

    private static ArabicNormalizer Preset(string name) => name switch
    {
        "Default" => ArabicNormalizer.Default,
        "Search" => ArabicNormalizer.Search,
        _ => ArabicNormalizer.Persian,
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Read_SeedCopiesInAnyReadSize_GivesNormalize(string preset)
    {
        ArabicNormalizer normalizer = Preset(preset);
        foreach (string text in new[] { TestData.Seed, TestData.Pdf, TestData.Vocalized })
        {
            string expected = normalizer.Normalize(text);
            foreach (int chunk in new[] { 1, 2, 7, 4096, 10000 })
            {
                using var filter = new ArabicNormCharFilter(new StringReader(text), normalizer);
                Assert.Equal(expected, TestData.ReadAll(filter, chunk));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Read_SpanOfAnySize_GivesNormalizeThenZero(string preset)
    {
        ArabicNormalizer normalizer = Preset(preset);
        string text = TestData.Pdf + "\u0640" + Salla + LamAlef + " " + TestData.Vocalized;
        string expected = normalizer.Normalize(text);
        foreach (int size in new[] { 1, 2, 7, 4096, 10000 })
        {
            using var filter = new ArabicNormCharFilter(new StringReader(text), normalizer);
            var sb = new System.Text.StringBuilder();
            char[] buffer = new char[size + 2];
            int n;
            while ((n = filter.Read(buffer.AsSpan(1, size))) > 0)
            {
                Assert.InRange(n, 1, size);
                sb.Append(buffer, 1, n);
            }

            Assert.Equal(expected, sb.ToString());
            Assert.Equal(0, filter.Read(new char[4].AsSpan()));
            Assert.Equal(0, filter.Read(Span<char>.Empty));
            Assert.Equal(text.Length, filter.CorrectOffset(expected.Length));
        }
    }

    [Fact]
    public void Read_SpanAndArrayReadsMixed_GiveNormalizeAndTheSameOffsets()
    {
        string text = TestData.Pdf + Salla + "\u0628" + Salla;
        string expected = ArabicNormalizer.Search.Normalize(text);
        using var filter = new ArabicNormCharFilter(new StringReader(text), ArabicNormalizer.Search);
        using var reference = new ArabicNormCharFilter(new StringReader(text), ArabicNormalizer.Search);
        Assert.Equal(expected, reference.ReadToEnd());
        var sb = new System.Text.StringBuilder();
        char[] buffer = new char[64];
        for (int k = 0; ; k++)
        {
            int n = k % 2 == 0 ? filter.Read(buffer.AsSpan(0, 1 + (k % 13))) : filter.Read(buffer, 3, 1 + (k % 5));
            if (n == 0)
            {
                break;
            }

            sb.Append(buffer, k % 2 == 0 ? 0 : 3, n);
        }

        Assert.Equal(expected, sb.ToString());
        for (int p = 0; p <= expected.Length; p++)
        {
            Assert.Equal(reference.CorrectOffset(p), filter.CorrectOffset(p));
        }
    }

    [Fact]
    public void Read_SingleCharacters_GivesNormalizeThenMinusOne()
    {
        string text = TestData.Pdf;
        using var filter = new ArabicNormCharFilter(new StringReader(text), ArabicNormalizer.Search);
        var sb = new System.Text.StringBuilder();
        int c;
        while ((c = filter.Read()) >= 0)
        {
            sb.Append((char)c);
        }

        Assert.Equal(ArabicNormalizer.Search.Normalize(text), sb.ToString());
        Assert.Equal(-1, filter.Read());
        Assert.Equal(0, filter.Read(new char[4], 0, 4));
        Assert.Equal(-1, filter.Peek());
    }

    [Fact]
    public void ReadToEnd_LongerThanOneChunk_GivesNormalize()
    {
        // Well past the 4,096-char chunk, with ligatures and deletions on every chunk boundary the input offers.
        string text = string.Concat(Enumerable.Repeat(TestData.Pdf + "\u0640\u200F" + Salla + " ", 12));
        using var filter = new ArabicNormCharFilter(new StringReader(text), ArabicNormalizer.Search);
        Assert.Equal(ArabicNormalizer.Search.Normalize(text), filter.ReadToEnd());
    }

    [Fact]
    public void Read_EmptyInput_ReturnsZero()
    {
        using var filter = new ArabicNormCharFilter(new StringReader(""), ArabicNormalizer.Search);
        Assert.Equal(0, filter.Read(new char[8], 0, 8));
        Assert.Equal(-1, filter.Read());
        Assert.Equal(0, filter.CorrectOffset(0));
    }

    [Fact]
    public void Read_HeldBackEntryLongerThanTheChunk_GivesNormalize()
    {
        // ALEF, then 10,000 TATWEEL, then HAMZA ABOVE: the normalizer holds the whole run back until the mark
        // composes, so the input buffer must grow past its chunk.
        string text = "\u0627" + new string('\u0640', 10_000) + "\u0654 \u0628";
        using var filter = new ArabicNormCharFilter(new StringReader(text), ArabicNormalizer.Default);
        Assert.Equal("\u0623 \u0628", filter.ReadToEnd()); // ALEF WITH HAMZA ABOVE, SPACE, BEH
        Assert.Equal(text.Length - 1, filter.CorrectOffset(2)); // BEH
        Assert.Equal(text.Length, filter.CorrectOffset(3));
    }

    [Fact]
    public void Read_InputThatEndsWithMinusOne_StopsAtTheEnd()
    {
        // Lucene.Net's own MappingCharFilter returns -1 at the end; chained in front, it must end the text.
        var map = new NormalizeCharMap.Builder();
        map.Add("x", "y");
        using var inner = new MappingCharFilter(map.Build(), new StringReader("x\u06CC"));
        using var filter = new ArabicNormCharFilter(inner, ArabicNormalizer.Default);
        Assert.Equal("y\u064A", filter.ReadToEnd()); // FARSI YEH -> YEH
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("input", () => new ArabicNormCharFilter(null!, ArabicNormalizer.Search));
        Assert.Throws<ArgumentNullException>("normalizer", () => new ArabicNormCharFilter(new StringReader(""), null!));
    }

    [Fact]
    public void Read_BadArguments_Throw()
    {
        using var filter = new ArabicNormCharFilter(new StringReader("abc"), ArabicNormalizer.Search);
        Assert.Throws<ArgumentNullException>("buffer", () => filter.Read(null!, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => filter.Read(new char[2], -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>("count", () => filter.Read(new char[2], 1, 2));
    }

    [Fact]
    public void Read_AfterDispose_Throws()
    {
        var filter = new ArabicNormCharFilter(new StringReader("abc"), ArabicNormalizer.Search);
        filter.Dispose();
        filter.Dispose();
        Assert.Throws<ObjectDisposedException>(() => filter.Read());
        Assert.Throws<ObjectDisposedException>(() => filter.Read(new char[1].AsSpan()));
    }

    [Fact]
    public void CorrectOffset_AfterDispose_Throws()
    {
        // The corrections go back to the pool on dispose: an answer after that would be made up.
        var filter = new ArabicNormCharFilter(new StringReader("\u0640\u0628"), ArabicNormalizer.Search); // TATWEEL, BEH
        Assert.Equal("\u0628", filter.ReadToEnd());
        Assert.Equal(1, filter.CorrectOffset(0));
        filter.Dispose();
        Assert.Throws<ObjectDisposedException>(() => filter.CorrectOffset(0));
    }

    [Theory]
    [InlineData("Pdf")]
    [InlineData("Vocalized")]
    [InlineData("Seed")]
    public void CorrectOffset_WholeChunksAndOneCharReads_GiveTheSameOffsetEverywhere(string name)
    {
        // Whole chunks send long runs through the span API, lam-alef ligatures included; one-char reads send every
        // character through the offsets API. Both must give the same correction at every output offset.
        string text = string.Concat(Enumerable.Repeat(TextOf(name) + "\n", 3));
        using var chunks = new ArabicNormCharFilter(new StringReader(text), ArabicNormalizer.Search);
        using var single = new ArabicNormCharFilter(new OneCharReader(text), ArabicNormalizer.Search);
        string output = chunks.ReadToEnd();
        Assert.Equal(output, TestData.ReadAll(single, 1));
        Assert.Equal(ArabicNormalizer.Search.Normalize(text), output);
        for (int p = 0; p <= output.Length; p++)
        {
            // A chunk boundary inside a collapsed run of spaces may let another space of the run stand for it.
            if (p < output.Length && output[p] == ' ')
            {
                continue;
            }

            Assert.True(single.CorrectOffset(p) == chunks.CorrectOffset(p), $"output offset {p}: one-char reads {single.CorrectOffset(p)}, chunks {chunks.CorrectOffset(p)}");
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void CorrectOffset_ExpansionsAroundTheChunkBoundary_AreTheOffsetsApiIndices(string preset)
    {
        // Letters the fast scan takes in one run, with a lam-alef ligature, then U+FDFA, then both, at every position
        // from a little before the 4,096-char chunk boundary to a little after it, so that the run's first expansion,
        // its end and the character held back at the end of the buffer fall on every side of the boundary.
        ArabicNormalizer normalizer = Preset(preset);
        const string Letters = "\u0643\u062A\u0627\u0628 \u0645\u0646 \u0642\u0644\u0645 "; // KITAB MIN QALAM
        string filler = string.Concat(Enumerable.Repeat(Letters, 4200 / Letters.Length + 1));
        foreach (string expansion in new[] { LamAlef, Salla, LamAlef + "\u0628" + Salla })
        {
            for (int at = 4080; at <= 4100; at++)
            {
                string text = filler[..at] + expansion + filler[at..];
                NormalizedText oracle = normalizer.NormalizeWithOffsets(text);
                using var filter = new ArabicNormCharFilter(new StringReader(text), normalizer);
                Assert.Equal(oracle.Text, filter.ReadToEnd());
                ReadOnlySpan<int> indices = oracle.SourceIndices;
                for (int p = 0; p < indices.Length; p++)
                {
                    // Every letter maps to its source character; a space inside an expansion to the character's end.
                    if (oracle.Text[p] != ' ')
                    {
                        Assert.True(indices[p] == filter.CorrectOffset(p), $"{preset}, expansion at {at}, output {p}: {filter.CorrectOffset(p)}, offsets API {indices[p]}");
                    }
                }

                Assert.Equal(text.Length, filter.CorrectOffset(oracle.Text.Length));
            }
        }
    }

    [Fact]
    public void CorrectOffset_QueriesInAnyOrder_GiveTheSameAnswers()
    {
        // A tokenizer asks in increasing order, and the lookup steps forward from its last answer; any other
        // order (a highlighter, a filter that buffers) must get the same answers.
        string text = string.Concat(Enumerable.Repeat(TestData.Pdf + "\u0640\u200F" + Salla + " ", 4));
        using var filter = new ArabicNormCharFilter(new StringReader(text), ArabicNormalizer.Search);
        int length = filter.ReadToEnd().Length;
        int[] forward = Enumerable.Range(0, length + 1).Select(filter.CorrectOffset).ToArray();
        for (int p = length; p >= 0; p--)
        {
            Assert.Equal(forward[p], filter.CorrectOffset(p));
        }

        var random = new Random(20261201);
        for (int k = 0; k < 5000; k++)
        {
            int p = random.Next(length + 1);
            Assert.Equal(forward[p], filter.CorrectOffset(p));
        }

        Assert.Equal(text.Length, forward[length]);
        Assert.All(forward, offset => Assert.InRange(offset, 0, text.Length));
    }

    [Fact]
    public void CorrectOffset_Deletions_TokensSkipLeadingAndCoverTrailingDeletions()
    {
        // TATWEEL and RLM before the word stay outside it; the FATHA and TATWEEL after its last letter are inside.
        string text = "\u0640\u200F\u0628\u064E\u0640 \u0628";
        List<TestData.Token> tokens = Tokens(text, ArabicNormalizer.Search);
        Assert.Equal([new("\u0628", 2, 5, 1), new("\u0628", 6, 7, 1)], tokens);
    }

    [Fact]
    public void CorrectOffset_LamAlefLigature_TokenCoversTheLigature()
    {
        // BEH, LAM-ALEF ligature, BEH: one word of four letters from three characters.
        string text = "x \u0628" + LamAlef + "\u0628 y";
        List<TestData.Token> tokens = Tokens(text, ArabicNormalizer.Search);
        Assert.Equal(new TestData.Token("\u0628\u0644\u0627\u0628", 2, 5, 1), tokens[1]);
        Assert.Equal(new TestData.Token("y", 6, 7, 1), tokens[2]);
    }

    [Fact]
    public void CorrectOffset_SallallahouLigature_EveryWordGetsTheWholeCharacter()
    {
        string text = "a " + Salla + " b";
        List<TestData.Token> tokens = Tokens(text, ArabicNormalizer.Search);
        Assert.Equal(6, tokens.Count);
        Assert.Equal(new TestData.Token("a", 0, 1, 1), tokens[0]);
        foreach (TestData.Token word in tokens.Skip(1).Take(4))
        {
            Assert.Equal((2, 3), (word.Start, word.End));
        }

        Assert.Equal(new TestData.Token("b", 4, 5, 1), tokens[5]);
    }

    [Fact]
    public void CorrectOffset_WordsGluedToAnExpansion_CoverTheirLetters()
    {
        // "xy" glued before U+FDFA and "zw" glued after it: the first word reaches into the ligature, the last
        // starts inside it, and both keep every source character their letters come from.
        string text = "xy" + Salla + "zw";
        List<TestData.Token> tokens = Tokens(text, ArabicNormalizer.Search);
        Assert.Equal(4, tokens.Count);
        Assert.Equal((0, 3), (tokens[0].Start, tokens[0].End));
        Assert.Equal((2, 3), (tokens[1].Start, tokens[1].End));
        Assert.Equal((2, 3), (tokens[2].Start, tokens[2].End));
        Assert.Equal((2, 5), (tokens[3].Start, tokens[3].End));
        Assert.StartsWith("xy", tokens[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("zw", tokens[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectOffset_Composition_TokenCoversTheHamzaMark()
    {
        // ALEF + HAMZA ABOVE composes (Default keeps the hamza): the token covers both source characters.
        string text = "\u0627\u0654\u0628 c";
        List<TestData.Token> tokens = Tokens(text, ArabicNormalizer.Default);
        Assert.Equal([new("\u0623\u0628", 0, 3, 1), new("c", 4, 5, 1)], tokens);
    }

    [Fact]
    public void CorrectOffset_CollapsedSpacesAndZwnj_NextTokenStartsAtItsLetter()
    {
        // NO-BREAK SPACE, ZWNJ (a space under Search), two spaces: one space in the output.
        string text = "a\u00A0\u200C  b";
        List<TestData.Token> tokens = Tokens(text, ArabicNormalizer.Search);
        Assert.Equal([new("a", 0, 1, 1), new("b", 5, 6, 1)], tokens);
    }

    [Fact]
    public void CorrectOffset_SupplementaryMathSymbols_TokenCoversThePairs()
    {
        // U+1EE01 ARABIC MATHEMATICAL BEH, U+1EE00 ARABIC MATHEMATICAL ALEF: two letters from four code units.
        string text = "\uD83B\uDE01\uD83B\uDE00 z";
        List<TestData.Token> tokens = Tokens(text, ArabicNormalizer.Search);
        Assert.Equal([new("\u0628\u0627", 0, 4, 1), new("z", 5, 6, 1)], tokens);
    }

    [Fact]
    public void CorrectOffset_FinalOffset_IsTheSourceLengthPastTrailingDeletions()
    {
        // KAF TEH ALEF BEH, then TATWEEL, TATWEEL, RLM.
        string text = "\u0643\u062A\u0627\u0628\u0640\u0640\u200F";
        using TokenStream stream = new ArabicNormAnalyzer(Version).GetTokenStream("f", new StringReader(text));
        (List<TestData.Token> tokens, int final) = TestData.Collect(stream);
        Assert.Equal(new TestData.Token("\u0643\u062A\u0627\u0628", 0, 7, 1), Assert.Single(tokens));
        Assert.Equal(text.Length, final);
    }

    [Fact]
    public void MappingCharFilter_SallallahouLigature_GivesZeroWidthOffsets()
    {
        // The failure this filter exists to avoid: Lucene's MappingCharFilter, mapping U+FDFA to its 18 characters,
        // gives the words from inside the expansion empty ranges, so nothing of them can be highlighted.
        var builder = new NormalizeCharMap.Builder();
        builder.Add(Salla, ArabicNormalizer.Search.Normalize(Salla));
        string text = "a " + Salla + " b";
        using var tokenizer = new StandardTokenizer(Version, new MappingCharFilter(builder.Build(), new StringReader(text)));
        (List<TestData.Token> tokens, _) = TestData.Collect(tokenizer);
        Assert.Contains(tokens, t => t.Start == t.End);

        List<TestData.Token> ours = Tokens(text, ArabicNormalizer.Search);
        Assert.DoesNotContain(ours, t => t.Start >= t.End);
    }

    private static string TextOf(string name) => name switch
    {
        "Pdf" => TestData.Pdf,
        "Vocalized" => TestData.Vocalized,
        _ => TestData.Seed,
    };

    private static List<TestData.Token> Tokens(string text, ArabicNormalizer normalizer)
    {
        using var tokenizer = new StandardTokenizer(Version, new ArabicNormCharFilter(new StringReader(text), normalizer));
        using TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        return TestData.Collect(stream).Tokens;
    }
}
