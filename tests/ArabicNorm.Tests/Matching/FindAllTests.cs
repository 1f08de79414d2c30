using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Matching;

/// <summary>A text to search, a query and the options to normalize both with.</summary>
public sealed record FindCase(Options Options, string Text, string Query)
{
    public ArabicNormalizer Normalizer => Options.Normalizer;

    public override string ToString() => $"{Properties.Text.Escape(Query)} in {Properties.Text.Escape(Text)} under {Options}";
}

/// <summary>Generators of find cases: queries cut from the normalized text and respelled, or unrelated words.</summary>
public static class FindArbitraries
{
    private static readonly string[] s_expansions = ["\uFDFA", "\uFEFB", "\uFEF7", "\uFDF2", "\uFC5E", "\uFDFC"];

    public static Arbitrary<FindCase> FindCase() => Arb.From(
        from options in Generators.AnyOptions
        where !options.Value.ContextualFarsiYeh // a yeh's form at a range's end depends on what follows (see FindAll)
        from parts in Gen.ArrayOf(Gen.Frequency((6, Generators.Texts), (1, Gen.Elements(s_expansions))), 3)
        let text = string.Concat(parts)
        from start in Gen.Choose(0, 10_000)
        from length in Gen.Choose(1, 8)
        from seed in Gen.Choose(0, int.MaxValue)
        from related in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        let query = related ? Respelled(options.Normalizer.Normalize(text), start, length, seed) : parts[^1]
        select new FindCase(options, text, query));

    private static string Respelled(string normalized, int start, int length, int seed)
    {
        if (normalized.Length == 0)
        {
            return "\u0627";
        }

        start %= normalized.Length;
        string slice = normalized.Substring(start, Math.Min(length, normalized.Length - start));
        return ComparerArbitraries.Respell(slice, new Random(seed), alsoSearchFolds: seed % 2 == 0, differRate: 0);
    }
}

/// <summary>FindAll and EnumerateMatches: the ranges they give against Normalize and the offsets API, the whole-word
/// definition, expansions, arguments and the zero-allocation claim.</summary>
public class FindAllTests
{
    private const char Alef = '\u0627';

    [LawProperty(Arbitrary = [typeof(FindArbitraries)])]
    public void FindAll_EveryRange_NormalizesToTheQuery(FindCase c)
    {
        string query = c.Normalizer.Normalize(c.Query);
        List<Range> ranges = [.. c.Normalizer.FindAll(c.Text, c.Query)];
        NormalizedText normalized = c.Normalizer.NormalizeWithOffsets(c.Text);
        List<int> hits = FindOracle.LeftmostHits(normalized.Text, query, wholeWords: false);
        int previousEnd = 0;
        foreach (Range range in ranges)
        {
            (int start, int length) = range.GetOffsetAndLength(c.Text.Length);
            Assert.True(length > 0 && start >= previousEnd, $"{range} after {previousEnd}: ranges are increasing and do not overlap");
            previousEnd = start + length;

            string found = c.Normalizer.Normalize(c.Text[range]);
            if (found != query)
            {
                // Only a range widened to a whole source unit (an expansion, or a combining sequence whose marks
                // canonical ordering moved, which all map to its base) may normalize to more than the query: one of
                // its hits then starts or ends between two output characters of one source index.
                Assert.Contains(query, found, StringComparison.Ordinal);
                string text = normalized.Text;
                bool splitsAUnit = hits.Any(h =>
                    normalized.GetSourceRange(h..(h + query.Length)).Start.Value >= start
                    && new[] { h, h + query.Length }.Any(k => k > 0 && k < text.Length
                        && (normalized.SourceIndices[k - 1] == normalized.SourceIndices[k] || FindOracle.IsMark(text[k]))));
                Assert.True(splitsAUnit, $"{range} gives {Properties.Text.Escape(found)}");
            }
        }
    }

    [LawProperty(Arbitrary = [typeof(FindArbitraries)])]
    public void FindAll_MissesNoMatchOfTheNormalizedQuery(FindCase c)
    {
        string query = c.Normalizer.Normalize(c.Query);
        List<Range> ranges = [.. c.Normalizer.FindAll(c.Text, c.Query)];
        NormalizedText normalized = c.Normalizer.NormalizeWithOffsets(c.Text);
        List<int> hits = FindOracle.LeftmostHits(normalized.Text, query, wholeWords: false);

        // Every hit of the query in Normalize(text) lies in a returned range, and every range holds one.
        foreach (int hit in hits)
        {
            Range source = normalized.GetSourceRange(hit..(hit + query.Length));
            Assert.Contains(ranges, r => r.Start.Value <= source.Start.Value && source.End.Value <= r.End.Value);
        }

        Assert.True(ranges.Count <= hits.Count);
        Assert.Equal(query.Length == 0 ? 0 : Math.Sign(hits.Count), Math.Sign(ranges.Count));
    }

    [LawProperty(Arbitrary = [typeof(FindArbitraries)])]
    public void FindAll_WholeWords_KeepsTheHitsThatSplitNoWord(FindCase c)
    {
        string query = c.Normalizer.Normalize(c.Query);
        List<Range> ranges = [.. c.Normalizer.FindAll(c.Text, c.Query, wholeWords: true)];
        NormalizedText normalized = c.Normalizer.NormalizeWithOffsets(c.Text);
        List<Range> expected = FindOracle.Merge(FindOracle.LeftmostHits(normalized.Text, query, wholeWords: true)
            .Select(hit => normalized.GetSourceRange(FindOracle.Widen(normalized.Text, hit, hit + query.Length))));
        Assert.Equal(expected, ranges);
    }

    [LawProperty(Arbitrary = [typeof(FindArbitraries)])]
    public void EnumerateMatches_GivesTheRangesOfFindAll(FindCase c)
    {
        string query = c.Normalizer.Normalize(c.Query);
        if (!c.Normalizer.IsNormalized(query))
        {
            // Normalize(query) is not idempotent here (law L1, tested on its own), so the span form rightly rejects it.
            return;
        }

        int length = c.Normalizer.GetNormalizedLength(c.Text);
        char[] text = new char[length];
        int[] indices = new int[length];
        foreach (bool wholeWords in new[] { false, true })
        {
            var ranges = new List<Range>();
            foreach (Range range in c.Normalizer.EnumerateMatches(c.Text, query, text, indices, wholeWords))
            {
                ranges.Add(range);
            }

            Assert.Equal(c.Normalizer.FindAll(c.Text, c.Query, wholeWords), ranges);
        }
    }

    [Fact]
    public void FindAll_PersianKeyboardQueryInVocalizedArticle_FindsBothPlaces()
    {
        string article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "vocalized-news.ar.txt"));
        // AL-KITAB AL-JADID typed with KEHEH and FARSI YEH, no vowels.
        string query = "\u0627\u0644\u06A9\u062A\u0627\u0628 \u0627\u0644\u062C\u062F\u06CC\u062F";
        List<Range> ranges = [.. ArabicNormalizer.Search.FindAll(article, query, wholeWords: true)];
        Assert.Equal(2, ranges.Count);
        foreach (Range range in ranges)
        {
            string original = article[range];
            Assert.Equal(ArabicNormalizer.Search.Normalize(query), ArabicNormalizer.Search.Normalize(original));
            Assert.Equal(Alef, original[0]);
            Assert.Equal(UnicodeCategory.NonSpacingMark, CharUnicodeInfo.GetUnicodeCategory(original[^1])); // the last vowel is highlighted too
        }

        Assert.Empty(ArabicNormalizer.Default.FindAll(article, query)); // Default keeps the vowels
    }

    [Fact]
    public void FindAll_HitInsideALigature_HighlightsTheWholeLigature()
    {
        // BEH, U+FDFA (SALLALLAHOU ALAYHE WASALLAM: 18 chars), BEH. ALLAH (ALEF LAM LAM HEH) lies inside the expansion.
        string text = "\u0628\uFDFA\u0628";
        Assert.Equal([1..2], ArabicNormalizer.Default.FindAll(text, "\u0627\u0644\u0644\u0647"));
        Assert.Equal([1..2], ArabicNormalizer.Default.FindAll(text, "\u0627\u0644\u0644\u0647", wholeWords: true));

        // Three LAMs inside the one ligature are one range; the BEH before it and its first letter, SAD, span two characters.
        Assert.Equal([1..2], ArabicNormalizer.Default.FindAll(text, "\u0644"));
        Assert.Equal([0..2], ArabicNormalizer.Default.FindAll(text, "\u0628\u0635"));

        // LAM-ALEF from a PDF: the ligature is one character for LAM ALEF and for ALEF alone.
        string pdf = "\u0633\uFEFB\u0645"; // SEEN, LAM-ALEF, MEEM
        Assert.Equal([1..2], ArabicNormalizer.Search.FindAll(pdf, "\u0644\u0627"));
        Assert.Equal([1..2], ArabicNormalizer.Search.FindAll(pdf, "\u0627"));
        Assert.Equal([1..3], ArabicNormalizer.Search.FindAll(pdf, "\u0627\u0645"));
    }

    [Fact]
    public void FindAll_TwoHitsSharingALigature_MergeIntoOneRangeOverBoth()
    {
        // ALEF, LAM-ALEF, LAM normalizes to ALEF LAM ALEF LAM. ALEF LAM is found twice: the first hit ends inside the
        // ligature and the second starts inside it, so they are one unit, highlighted from the first ALEF to the last LAM.
        Assert.Equal([0..3], ArabicNormalizer.Default.FindAll("\u0627\uFEFB\u0644", "\u0627\u0644"));
    }

    [Fact]
    public void FindAll_HitInsideACombiningSequence_HighlightsTheWholeSequence()
    {
        // BEH FATHA under Default: BEH alone is found, and highlighted with its FATHA.
        Assert.Equal([0..2], ArabicNormalizer.Default.FindAll("\u0628\u064E\u062A", "\u0628"));
        // ALEF, FATHA, HAMZA BELOW, MADDA: HAMZA BELOW composes (ALEF WITH HAMZA BELOW); MADDA found, with its letter.
        Assert.Equal([0..4], ArabicNormalizer.Default.FindAll("\u0627\u064E\u0655\u0653", "\u0653"));
    }

    [Fact]
    public void FindAll_Hits_DoNotOverlap()
    {
        Assert.Equal([0..2, 2..4], ArabicNormalizer.Default.FindAll("aaaaa", "aa"));
        Assert.Equal([0..3], ArabicNormalizer.Default.FindAll("a\u0640a", "aa")); // the tatweel between is inside
        Assert.Empty(ArabicNormalizer.Default.FindAll("\U0001F600", "\uD83D")); // never half of a surrogate pair
    }

    [Fact]
    public void FindAll_UnpairedHighSurrogateAtTheEnd_IsFoundAsOneCharacter()
    {
        // Law L5 keeps an unpaired surrogate as it is. At the end of the text, or before a character that is not a low
        // half, it is a whole character, so a query of it matches it (only the halves of a real pair are never split).
        Assert.Equal([1..2], ArabicNormalizer.Default.FindAll("a\uD83D", "\uD83D"));
        Assert.Equal([0..1], ArabicNormalizer.Default.FindAll("\uD83Da", "\uD83D"));
        Assert.Equal([0..2], ArabicNormalizer.Default.FindAll("a\uD83D", "a\uD83D"));
    }

    [Fact]
    public void FindAll_HitOnAMarkThatStartsTheText_StartsAtTheTextStart()
    {
        // A FATHA with no letter before it (Default keeps it): the hit is widened back over marks, never before 0.
        Assert.Equal([0..1], ArabicNormalizer.Default.FindAll("\u064E\u0628", "\u064E"));
        Assert.Equal([0..2], ArabicNormalizer.Default.FindAll("\u064E\u0651\u0628", "\u0651")); // FATHA, SHADDA, BEH
    }

    [Fact]
    public void FindAll_WholeWords_FollowTheDocumentedDefinition()
    {
        ArabicNormalizer n = ArabicNormalizer.Default;
        string kitab = "\u0643\u062A\u0627\u0628"; // KITAB
        Assert.Equal([3..7], n.FindAll("\u0641\u064A " + kitab + "\u060C", kitab, wholeWords: true)); // FI KITAB, ARABIC COMMA
        Assert.Empty(n.FindAll("\u0627\u0644" + kitab, kitab, wholeWords: true)); // AL-KITAB: inside a word
        Assert.Single(n.FindAll("\u0627\u0644" + kitab, kitab));
        Assert.Empty(n.FindAll(kitab + "\u064E", kitab, wholeWords: true)); // a FATHA after it continues the word
        Assert.Empty(n.FindAll(kitab + "1", kitab, wholeWords: true)); // so does a digit
        Assert.Single(n.FindAll(kitab + "\u201D", kitab, wholeWords: true)); // a quotation mark does not
        Assert.Empty(ArabicNormalizer.Persian.FindAll("\u06A9\u062A\u0627\u0628\u200C\u0647\u0627", "\u06A9\u062A\u0627\u0628", wholeWords: true)); // KETAB-HA: ZWNJ joins
        Assert.Single(ArabicNormalizer.Search.FindAll("\u06A9\u062A\u0627\u0628\u200C\u0647\u0627", kitab, wholeWords: true)); // Search makes ZWNJ a space
        Assert.Single(n.FindAll("x " + kitab, " " + kitab, wholeWords: true)); // a hit may start with a non-word character
        Assert.Equal([1..6], n.FindAll("\u0628" + kitab + " " + kitab, kitab + " ", wholeWords: false));
    }

    [Fact]
    public void FindAll_EmptyOrDeletedQuery_FindsNothing()
    {
        Assert.Empty(ArabicNormalizer.Default.FindAll("abc", ""));
        Assert.Empty(ArabicNormalizer.Default.FindAll("a\u0640b", "\u0640")); // TATWEEL normalizes to nothing
        Assert.Empty(ArabicNormalizer.Default.FindAll("", "a"));
        var none = default(NormalizedMatchEnumerator);
        Assert.False(none.MoveNext());
    }

    [Fact]
    public void FindAll_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("text", () => ArabicNormalizer.Default.FindAll(null!, "a"));
        Assert.Throws<ArgumentNullException>("query", () => ArabicNormalizer.Default.FindAll("a", null!));
    }

    [Fact]
    public void EnumerateMatches_QueryNotNormalizedOrBuffersTooSmall_Throw()
    {
        var text = new char[8];
        var indices = new int[8];
        ArgumentException notNormalized = Assert.Throws<ArgumentException>(
            () => ArabicNormalizer.Default.EnumerateMatches("abc", "\u06A9", text, indices)); // KEHEH: Default makes it KAF
        Assert.Equal("normalizedQuery", notNormalized.ParamName);
        Assert.Contains("not normalized", notNormalized.Message, StringComparison.Ordinal);
        ArgumentException small = Assert.Throws<ArgumentException>(
            () => ArabicNormalizer.Default.EnumerateMatches("\uFDFA", "a", text, indices)); // 18 chars
        Assert.Contains("18", small.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ArabicNormalizer.Default.EnumerateMatches("abc", "a", text, new int[2]));
    }

    [Fact]
    public void EnumerateMatches_OneBufferTooSmall_NamesTheShorterBuffer()
    {
        // U+FDFA normalizes to 18 characters: 8 entries are too few, 32 are enough.
        ArgumentException shortText = Assert.Throws<ArgumentException>(
            () => ArabicNormalizer.Default.EnumerateMatches("\uFDFA", "a", new char[8], new int[32]));
        Assert.Equal("normalizedTextBuffer", shortText.ParamName);
        ArgumentException shortIndices = Assert.Throws<ArgumentException>(
            () => ArabicNormalizer.Default.EnumerateMatches("\uFDFA", "a", new char[32], new int[8]));
        Assert.Equal("sourceIndexBuffer", shortIndices.ParamName);

        // Both too short by the same amount: the index buffer is named, as when it is the shorter one.
        ArgumentException bothShort = Assert.Throws<ArgumentException>(
            () => ArabicNormalizer.Default.EnumerateMatches("\uFDFA", "a", new char[8], new int[8]));
        Assert.Equal("sourceIndexBuffer", bothShort.ParamName);
    }

    [Fact]
    public void EnumerateMatches_OnStackBuffers_AllocatesNothing()
    {
        string article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
        string query = ArabicNormalizer.Search.Normalize("\u0627\u0644\u0639\u0631\u0627\u0642"); // AL-IRAQ
        int count = 0;
        long allocated = 0;
        Span<char> text = stackalloc char[4096];
        Span<int> indices = stackalloc int[4096];
        for (int round = 0; round < 2; round++)
        {
            // The first round warms up; only the second is counted.
            long before = GC.GetAllocatedBytesForCurrentThread();
            count = 0;
            foreach (Range range in ArabicNormalizer.Search.EnumerateMatches(article, query, text, indices, wholeWords: true))
            {
                count += range.End.Value > range.Start.Value ? 1 : 0;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.True(count > 0);
        Assert.Equal(ArabicNormalizer.Search.FindAll(article, query, wholeWords: true).Count(), count);
        Assert.Equal(0, allocated);
    }
}
