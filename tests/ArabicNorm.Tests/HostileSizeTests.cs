using ArabicNorm.Internal;

namespace ArabicNorm.Tests;

/// <summary>
/// Expansion bombs: a text whose result cannot be a .NET string fails fast, before the result is allocated, with a
/// documented <see cref="ArgumentException"/>.
/// </summary>
/// <remarks>The real limit (1,073,741,791 characters) takes a 119 MB input just past it, so these tests lower the
/// limit of one instance (<see cref="ArabicNormalizer.MaxResultLength"/>) and prove the check on both sides of it; the
/// full-size bomb is measured as a process and reported in tests/README.md ("Hostile sizes").</remarks>
public class HostileSizeTests
{
    private const char Bomb = '\uFDFA'; // ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM: 18 characters

    private static ArabicNormalizer WithLimit(int limit) => new(new ArabicNormalizerOptions()) { MaxResultLength = limit };

    // Whether every character of the text is its own entry in the map: plain output, which the table pass counts.
    private static bool IsPlain(ReadOnlySpan<char> map, string text)
    {
        foreach (char e in text)
        {
            if (map[e] != e)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void MaxExpansion_IsTheLongestCompatibilityMapping_Eighteen()
    {
        Assert.Equal(18, ArabicNormalizer.MaxExpansion);
        Assert.Equal(18, ArabicNormalizer.Default.Normalize(Bomb.ToString()).Length);
    }

    [Fact]
    public void MaxResultLength_IsTheRuntimeStringLimit()
    {
        Assert.Equal(0x3FFFFFDF, ArabicNormalizer.Default.MaxResultLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc ")]
    public void Normalize_ResultJustOverTheLimit_ThrowsArgumentExceptionBeforeAllocating(string prefix)
    {
        const int Limit = 1_000_000;
        ArabicNormalizer normalizer = WithLimit(Limit);
        string text = prefix + new string(Bomb, ((Limit - prefix.Length) / 18) + 1);
        Assert.InRange(prefix.Length + ((text.Length - prefix.Length) * 18L), Limit + 1, Limit + 18);

        long before = GC.GetAllocatedBytesForCurrentThread();
        ArgumentException e = Assert.Throws<ArgumentException>(() => normalizer.Normalize(text));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("text", e.ParamName);
        Assert.Contains("too long to normalize into a string", e.Message, StringComparison.Ordinal);
        // The result would take 2 MB; the exception, its message and stack trace take a few kilobytes.
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes before failing");
    }

    [Fact]
    public void Normalize_Bomb_FailsOnTheTablePassWithALowerBound()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => WithLimit(1000).Normalize(new string(Bomb, 56)));
        Assert.Contains("at least 1,008 characters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_BombWhoseSpacesCollapse_IsCountedExactlyAndFails()
    {
        // Under Search the ligature's spaces are collapsible, so the table pass cannot prove the length: the engine
        // counts it exactly (16 characters per ligature here: its two spaces are not adjacent, none collapses).
        ArabicNormalizer search = new(ArabicNormalizer.CreateSearchOptions()) { MaxResultLength = 1000 };
        int perLigature = ArabicNormalizer.Search.Normalize(Bomb.ToString()).Length;
        int count = (1000 / perLigature) + 1;
        ArgumentException e = Assert.Throws<ArgumentException>(() => search.Normalize(new string(Bomb, count)));
        Assert.Contains($"has {ArabicNormalizer.Search.Normalize(new string(Bomb, count)).Length:N0} characters", e.Message, StringComparison.Ordinal);
        Assert.Equal(ArabicNormalizer.Search.Normalize(new string(Bomb, count - 1)), search.Normalize(new string(Bomb, count - 1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc ")]
    public void Normalize_ResultExactlyAtTheLimit_Succeeds(string prefix)
    {
        int count = 1000;
        int limit = prefix.Length + (count * 18);
        string result = WithLimit(limit).Normalize(prefix + new string(Bomb, count));
        Assert.Equal(limit, result.Length);
        Assert.Equal(ArabicNormalizer.Default.Normalize(prefix + new string(Bomb, count)), result);
        Assert.Throws<ArgumentException>(() => WithLimit(limit - 1).Normalize(prefix + new string(Bomb, count)));
    }

    [Fact]
    public void Normalize_LongTextThatShrinks_IsMeasuredAndSucceeds()
    {
        // Past the quick bound (length x 18) but not the exact length: tatweel is deleted.
        string text = new string('\u0640', 2000) + Bomb; // TATWEEL x 2000, then one ligature
        string result = WithLimit(100).Normalize(text);
        Assert.Equal(ArabicNormalizer.Default.Normalize(Bomb.ToString()), result);
    }

    [Fact]
    public void NormalizeWithOffsets_ResultOverTheLimit_ThrowsArgumentExceptionBeforeAllocating()
    {
        const int Limit = 1_000_000;
        ArabicNormalizer normalizer = WithLimit(Limit);
        string text = new(Bomb, (Limit / 18) + 1);

        long before = GC.GetAllocatedBytesForCurrentThread();
        ArgumentException e = Assert.Throws<ArgumentException>(() => normalizer.NormalizeWithOffsets(text));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("text", e.ParamName);
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes before failing");
    }

    [Fact]
    public void NormalizeWithOffsets_ResultAtTheLimit_Succeeds()
    {
        NormalizedText result = WithLimit(18 * 100).NormalizeWithOffsets(new string(Bomb, 100));
        Assert.Equal(1800, result.Text.Length);
        Assert.Equal(99, result.SourceIndices[^1]);
    }

#if NET9_0_OR_GREATER
    [Fact]
    public void ComparerAlternateLookup_KeyOverTheLimit_ThrowsArgumentExceptionNamingTheAlternate()
    {
        // A span key is stored as its normalized form, a new string: the same limit holds, and it fails before the key
        // is allocated. 56 ligatures give at least 1,008 characters, over a limit of 1,000; 55 give 990, under it.
        ArabicNormalizer normalizer = WithLimit(1000);
        var lookup = new HashSet<string>(normalizer.Comparer).GetAlternateLookup<ReadOnlySpan<char>>();

        ArgumentException e = Assert.Throws<ArgumentException>(() => lookup.Add(new string(Bomb, 56).AsSpan()));

        Assert.Equal("alternate", e.ParamName);
        Assert.Contains("at least 1,008 characters", e.Message, StringComparison.Ordinal);
        Assert.Empty(lookup.Set);
        Assert.True(lookup.Add(new string(Bomb, 55).AsSpan()));
        Assert.Equal(990, Assert.Single(lookup.Set).Length);
    }
#endif

    [Fact]
    public void SpanAndStreamMethods_HaveNoStringLimit_NormalizeTheBombInParts()
    {
        // The methods that do not build one string are not limited: the same text goes through them whole.
        ArabicNormalizer normalizer = WithLimit(100);
        string text = new(Bomb, 1000);
        var writer = new StringWriter();
        normalizer.Normalize(new StringReader(text), writer);
        Assert.Equal(18_000, writer.ToString().Length);
        Assert.Equal(18_000, normalizer.GetNormalizedLength(text));
        Assert.Equal(1000, normalizer.GetChangeReport(text).ChangedCharacters);
    }

    [Fact]
    public void Normalize_PlainTextOverTheLimit_FailsInTheTablePass()
    {
        // Plain letters are certain output: the one table pass proves the result too long ("at least"), before the
        // engine counts anything. A FARSI YEH (to YEH, so the text is not returned as it is), then 1,000 BEH, over a
        // limit of 1,000.
        string text = "\u06CC" + new string('\u0628', 1000); // ARABIC LETTER FARSI YEH, ARABIC LETTER BEH
        ArgumentException e = Assert.Throws<ArgumentException>(() => WithLimit(1000).Normalize(text));
        Assert.Contains("has at least 1,001 characters, more than the 1,000 a string can hold", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_EveryExpansionOverTheLimit_FailsInTheTablePass()
    {
        // Every BMP compatibility form whose whole result is plain letters counts in the table pass: 100 of them over
        // a limit one short of their result fail there ("at least"), and the limit of their result lets them through.
        ArabicNormalizer normalizer = ArabicNormalizer.Default;
        ReadOnlySpan<char> map = normalizer.Tables.Map;
        int checkedForms = 0;
        for (int c = 0xFB50; c <= 0xFEFF; c++)
        {
            string one = normalizer.Normalize(((char)c).ToString());
            if (map[c] < NormalizationTables.ExpansionBase || one.Length < 2 || !IsPlain(map, one))
            {
                continue;
            }

            string text = new((char)c, 100);
            int length = 100 * one.Length;
            ArgumentException e = Assert.Throws<ArgumentException>(() => WithLimit(length - 1).Normalize(text));
            Assert.Contains($"has at least {length:N0} characters", e.Message, StringComparison.Ordinal);
            Assert.Equal(length, WithLimit(length).Normalize(text).Length);
            checkedForms++;
        }

        Assert.True(checkedForms > 100, $"only {checkedForms} forms checked");
    }

    [Fact]
    public void GetNormalizedLength_ResultPastIntMaxValue_ThrowsOverflowException()
    {
        // 120,000,000 ligatures give 2,160,000,000 characters: more than int.MaxValue, as documented. 240 MB of input.
        char[] text = GC.AllocateUninitializedArray<char>(120_000_000);
        text.AsSpan().Fill(Bomb);
        Assert.Throws<OverflowException>(() => ArabicNormalizer.Default.GetNormalizedLength(text));
    }

    [Fact]
    public void GetNormalizedUtf8Length_ResultPastIntMaxValue_ThrowsOverflowException()
    {
        // U+FDFA is 3 bytes of UTF-8, and its result (15 letters of 2 bytes, 3 spaces of 1) 33: 66,000,000 of them
        // (198 MB) give 2,178,000,000 bytes, more than int.MaxValue.
        byte[] one = System.Text.Encoding.UTF8.GetBytes(Bomb.ToString());
        Assert.Equal(33, System.Text.Encoding.UTF8.GetByteCount(ArabicNormalizer.Default.Normalize(Bomb.ToString())));
        byte[] text = GC.AllocateUninitializedArray<byte>(66_000_000 * one.Length);
        for (int k = 0; k < text.Length; k += one.Length)
        {
            one.CopyTo(text, k);
        }

        Assert.Throws<OverflowException>(() => ArabicNormalizer.Default.GetNormalizedUtf8Length(text));
    }
}
