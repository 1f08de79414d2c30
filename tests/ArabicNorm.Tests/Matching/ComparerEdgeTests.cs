namespace ArabicNorm.Tests.Matching;

/// <summary>The comparer's documented edges, one case each: the span extensions' argument checks, the order of texts
/// of which one is a normalized prefix of the other, and the hash of normalized forms around the 256-char hash block.
/// Every expected value is hand-written or comes from <see cref="ArabicNormalizer.Normalize(string)"/>, whose ordinal
/// equality and order the comparer's contract says it gives.</summary>
public class ComparerEdgeTests
{
    [Fact]
    public void SpanExtensions_NullComparer_ThrowArgumentNullExceptionNamingTheComparer()
    {
        // The extensions document ArgumentNullException for a null comparer, as MemoryExtensions' argument checks do.
        NormalizedStringComparer? comparer = null;
        Assert.Throws<ArgumentNullException>("comparer", () => comparer!.Equals("a".AsSpan(), "a".AsSpan()));
        Assert.Throws<ArgumentNullException>("comparer", () => comparer!.GetHashCode("a".AsSpan()));
        Assert.Throws<ArgumentNullException>("comparer", () => comparer!.Compare("a".AsSpan(), "b".AsSpan()));
    }

    public static TheoryData<int> HashLengths => [1, 2, 255, 256, 257, 300, 511, 512, 513, 767, 768, 769, 1000];

    [Theory]
    [MemberData(nameof(HashLengths))]
    public void GetHashCode_NormalizedAndRespelledFormsOfEveryLength_HashAlike(int length)
    {
        // The normalized text is read in place (nothing to change); the respelling, with a FARSI YEH for its YEH, goes
        // through the engine. Both have the same normalized form, so the same hash, also around the 256-char blocks.
        NormalizedStringComparer comparer = ArabicNormalizer.Default.Comparer;
        string normalized = Text(length);
        foreach (int at in new[] { 0, length / 2, length - 1 })
        {
            string respelled = Respell(normalized, at);
            Assert.Equal(ArabicNormalizer.Default.Normalize(respelled), normalized);
            int hash = comparer.GetHashCode(normalized);
            Assert.Equal(hash, comparer.GetHashCode(respelled));
            Assert.Equal(hash, comparer.GetHashCode(respelled.AsSpan()));
            Assert.Equal(hash, comparer.GetHashCode(normalized.AsSpan()));
        }
    }

    [Theory]
    [MemberData(nameof(HashLengths))]
    public void GetHashCode_FormsDifferingInOneCharacter_HashDifferently(int length)
    {
        // The hash covers every character of the normalized form, whichever 256-char block it falls in: two forms that
        // differ in one character hash differently (a false failure here has the odds of a 32-bit hash collision).
        NormalizedStringComparer comparer = ArabicNormalizer.Default.Comparer;
        string normalized = Text(length);
        foreach (int at in new[] { 0, 255, 256, length / 2, length - 1 })
        {
            if (at >= length)
            {
                continue;
            }

            string other = normalized[..at] + "\u0628" + normalized[(at + 1)..]; // BEH, which Text never uses
            Assert.False(comparer.Equals(normalized, other));
            Assert.NotEqual(comparer.GetHashCode(normalized), comparer.GetHashCode(other));
            Assert.NotEqual(comparer.GetHashCode(Respell(normalized, at == 0 ? length - 1 : 0)), comparer.GetHashCode(other));
        }

        // A form and the same form one character longer.
        Assert.NotEqual(comparer.GetHashCode(normalized), comparer.GetHashCode(normalized + "\u0627"));
        Assert.NotEqual(comparer.GetHashCode(Respell(normalized, 0)), comparer.GetHashCode(Respell(normalized, 0) + "\u0627"));
    }

    [Theory]
    [InlineData("\u06CC", "\u06CC\u0627")]               // FARSI YEH; FARSI YEH, ALEF: the first is a prefix of the second
    [InlineData("\u064A", "\u06CC\u0627")]               // YEH (normalized) against a respelling that goes on
    [InlineData("\u06CC\u0640", "\u064A\u0627")]         // the TATWEEL is deleted: YEH against YEH, ALEF
    [InlineData("\u06CC", "\u064A\u0640\u0627")]
    public void Compare_OneNormalizedFormAPrefixOfTheOther_SortsItFirst(string shorter, string longer)
    {
        NormalizedStringComparer comparer = ArabicNormalizer.Default.Comparer;
        Assert.StartsWith(ArabicNormalizer.Default.Normalize(shorter), ArabicNormalizer.Default.Normalize(longer), StringComparison.Ordinal);
        Assert.True(comparer.Compare(shorter, longer) < 0);
        Assert.True(comparer.Compare(longer, shorter) > 0);
        Assert.True(comparer.Compare(shorter.AsSpan(), longer.AsSpan()) < 0);
        Assert.True(comparer.Compare(longer.AsSpan(), shorter.AsSpan()) > 0);
        Assert.False(comparer.Equals(shorter, longer));
        Assert.False(comparer.Equals(longer, shorter));
    }

    [Theory]
    [InlineData("\u0628", "\u062A")]                       // BEH, TEH: two letters that no rule maps together
    [InlineData("\u06A9\u0628", "\u0643\u062A")]           // KEHEH/KAF in step, then BEH against TEH
    [InlineData("\u0628\u06A9", "\u062A\u06A9")]           // the difference first, then one spelling
    [InlineData("\u06CC\u064E\u0628", "\u064A\u064E\u062A")] // FARSI YEH/YEH with a FATHA, then BEH against TEH
    public void Equals_DifferentLettersAfterEqualSpellings_AreNotEqual(string a, string b)
    {
        foreach (ArabicNormalizer n in new[] { ArabicNormalizer.Default, new ArabicNormalizer(new ArabicNormalizerOptions { ComposeHamza = false }) })
        {
            Assert.NotEqual(n.Normalize(a), n.Normalize(b));
            Assert.False(n.Comparer.Equals(a, b));
            Assert.False(n.Comparer.Equals(b, a));
            Assert.False(n.Comparer.Equals(a.AsSpan(), b.AsSpan()));
            Assert.NotEqual(0, n.Comparer.Compare(a, b));
        }
    }

    [Theory]
    [InlineData("\u06CC", "\u064A\u0654", false)] // FARSI YEH; YEH + HAMZA ABOVE, which composes: YEH against YEH WITH HAMZA ABOVE
    [InlineData("\u06CC\u064E", "\u064A\u064E\u0654", false)] // the same after a FATHA, which Search deletes
    [InlineData("\u06A9", "\u0643\u0654", true)]  // KEHEH; KAF + HAMZA ABOVE, which does not compose and is deleted
    public void Equals_OneTextEndsWhereTheOtherGoesOnWithAMarkThatComposes_AgreesWithNormalize(string a, string b, bool equal)
    {
        // Under Search a HAMZA ABOVE alone normalizes to nothing (a deleted diacritic), yet after YEH it composes:
        // what follows the shorter text must be normalized with the letter before it.
        ArabicNormalizer n = ArabicNormalizer.Search;
        Assert.Equal(equal, n.Normalize(a) == n.Normalize(b));
        Assert.Equal(equal, n.Comparer.Equals(a, b));
        Assert.Equal(equal, n.Comparer.Equals(b, a));
        Assert.Equal(equal, n.Comparer.Compare(a, b) == 0);
        Assert.Equal(equal, n.Comparer.Compare(b, a) == 0);
    }

    [Fact]
    public void Equals_DifferentSupplementaryCharacters_AreComparedWhole()
    {
        // ARABIC MATHEMATICAL ALEF (folded to ALEF) and GRINNING FACE (kept) share their low surrogate, U+DE00, and
        // both high surrogates have the table entry of a high surrogate: the pair is one character, never two entries.
        string mathAlef = "\uD83B\uDE00";
        string face = "\uD83D\uDE00";
        foreach (ArabicNormalizer n in new[] { ArabicNormalizer.Default, ArabicNormalizer.Search })
        {
            Assert.NotEqual(n.Normalize(mathAlef), n.Normalize(face));
            Assert.False(n.Comparer.Equals(mathAlef, face));
            Assert.False(n.Comparer.Equals(face, mathAlef));
            Assert.False(n.Comparer.Equals("x" + mathAlef + "y", "x" + face + "y"));
            Assert.True(n.Comparer.Equals(mathAlef, "\u0627"));
        }
    }

    [Theory]
    [InlineData("\u0628\u0648\u064E\u0654", "\u0628\u0648\u064E\u0655", false)] // BEH, WAW, FATHA, HAMZA ABOVE or BELOW
    [InlineData("\u0628\u0627\u064E\u0654", "\u0628\u0627\u064E\u0655", true)]  // after ALEF both compose, and FoldAlef folds both
    public void Equals_HamzaMarksAfterADeletedMark_AreNormalizedWithTheirLetter(string a, string b, bool equal)
    {
        // Under Search a FATHA is deleted and a hamza mark alone too; after WAW the HAMZA ABOVE composes (WAW WITH
        // HAMZA ABOVE) and the HAMZA BELOW does not: the comparison must start at the letter, not at the marks.
        ArabicNormalizer n = ArabicNormalizer.Search;
        Assert.Equal(equal, n.Normalize(a) == n.Normalize(b));
        Assert.Equal(equal, n.Comparer.Equals(a, b));
        Assert.Equal(equal, n.Comparer.Equals(b, a));
    }

#if NET9_0_OR_GREATER
    [Fact]
    public void AlternateEquals_CalledDirectly_IsEqualsOfTheNormalizedForms()
    {
        // The dictionary calls it only for keys of equal hash; called directly, it must still compare.
        IAlternateEqualityComparer<ReadOnlySpan<char>, string?> comparer = ArabicNormalizer.Default.Comparer;
        Assert.True(comparer.Equals("\u06CC".AsSpan(), "\u064A"));   // FARSI YEH against YEH
        Assert.False(comparer.Equals("\u0628".AsSpan(), "\u062A"));  // BEH against TEH
        Assert.False(comparer.Equals("\u0628".AsSpan(), null));
        Assert.False(comparer.Equals("".AsSpan(), null));
        Assert.False(comparer.Equals("\u0640".AsSpan(), null));       // a TATWEEL normalizes to the empty text, still not null
    }
#endif

    // A normalized text under Default: ALEF, LAM, MEEM, YEH in turn (no rule changes any of them).
    private static string Text(int length)
    {
        const string Letters = "\u0627\u0644\u0645\u064A";
        var text = new char[length];
        for (int i = 0; i < length; i++)
        {
            text[i] = Letters[i % Letters.Length];
        }

        return new string(text);
    }

    // The text with the first YEH at or after position at (or its last YEH) spelled FARSI YEH; a text without YEH gets a
    // TATWEEL at its end, which Default deletes.
    private static string Respell(string text, int at)
    {
        int yeh = text.IndexOf('\u064A', Math.Min(at, text.Length - 1));
        if (yeh < 0)
        {
            yeh = text.LastIndexOf('\u064A');
        }

        return yeh < 0 ? text + "\u0640" : text[..yeh] + "\u06CC" + text[(yeh + 1)..];
    }
}
