using System.Buffers;

namespace ArabicNorm.Tests.Properties;

/// <summary>
/// Counterexamples the properties found, shrunk by FsCheck, kept as named cases (inputs as escapes).
/// </summary>
public class RegressionCases
{
    private static readonly ArabicNormalizer s_contextualNoDiacritics = Options.For(new ArabicNormalizerOptions
    {
        ContextualFarsiYeh = true,
        RemoveDiacritics = true,
    });

    // Found by Normalize_MatchesTheSpecModel. A FARSI YEH followed by a MADDA ABOVE that does not compose with YEH and
    // is then deleted ends its word: the next output character is none, so it is ALEF MAKSURA (spec 3.3).
    [Theory]
    [InlineData("\u06CC\u0653", "\u0649")] // FARSI YEH, MADDA ABOVE
    [InlineData("\u06CC\u0655 ", "\u0649 ")] // FARSI YEH, HAMZA BELOW, SPACE
    [InlineData("\u06CC\u0654", "\u0626")] // FARSI YEH, HAMZA ABOVE: composes with YEH (spec 3.2)
    public void Normalize_ContextualYehBeforeDeletedMark_EndsTheWord(string input, string expected)
    {
        Assert.Equal(expected, s_contextualNoDiacritics.Normalize(input));
    }

    // Found while writing the spec model: U+FFFF is a plain noncharacter, never a deletion marker.
    [Fact]
    public void Normalize_NoncharacterFFFF_PassesThrough()
    {
        Assert.Equal("\uFFFF", ArabicNormalizer.Persian.Normalize("\uFFFF"));
        Assert.Equal("a\uFFFF\uFFFEb", ArabicNormalizer.Search.Normalize("a\uFFFF\uFFFEb"));
    }

    // A deletion joins two unpaired halves into ARABIC MATHEMATICAL ALEF: the pair folds in the first pass (L1). A Fact
    // with a table, not InlineData: xunit's theory serialization turns lone surrogates into U+FFFD.
    [Fact]
    public void Normalize_DeletionJoinsLoneHalves_FoldsThePair()
    {
        foreach ((string input, string expected) in new[]
        {
            ("\uD83B\u200F\uDE00", "\u0627"), // high half, RLM, low half -> ALEF
            ("\u0628\uD83B\u0640\u200B\uDE01\u0654", "\u0628\u0628\u0654"), // BEH, half, TATWEEL, ZWSP, half -> BEH BEH, HAMZA ABOVE kept
            ("\uD83B \uDE00", "\uD83B \uDE00"), // a kept space: the halves stay apart and unchanged
        })
        {
            Assert.Equal(expected, ArabicNormalizer.Default.Normalize(input));
            Assert.Equal(expected, SpecModel.Normalize(input, ArabicNormalizer.Default.GetOptions()));
            Assert.Equal(expected, ArabicNormalizer.Default.Normalize(expected));
        }
    }

    // Found by the fuzz targets (tests/README.md, "Findings"): the engine writes a held-back tail (NeedMoreData) or a
    // character that did not fit whole (DestinationTooSmall) into the destination and then gives it back, so the
    // destination past charsWritten is not left as it was. The docs now say that only the first charsWritten
    // characters are output; this case pins what they promise on the inputs that showed it.
    [Fact]
    public void Normalize_HeldBackOrGivenBackOutput_OnlyCharsWrittenIsOutputAndItResumes()
    {
        const string Text = "\u0628 \u0627\u0654"; // BEH, SPACE, ALEF, HAMZA ABOVE -> BEH, SPACE, ALEF WITH HAMZA ABOVE
        char[] destination = new char[8];
        Array.Fill(destination, '\uFDD0');
        OperationStatus status = ArabicNormalizer.Default.Normalize(Text.AsSpan(0, 3), destination, out int consumed, out int written, isFinalBlock: false);
        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(2, consumed); // the ALEF is held back: a hamza mark may follow
        Assert.Equal("\u0628 ", new string(destination, 0, written));
        Assert.Equal(OperationStatus.Done, ArabicNormalizer.Default.Normalize(Text.AsSpan(consumed), destination.AsSpan(written), out _, out int rest));
        Assert.Equal("\u0628 \u0623", new string(destination, 0, written + rest));

        // A lam-alef ligature is two characters: one char of room takes none of it, and nothing counts as written.
        status = ArabicNormalizer.Default.Normalize("\uFEFB", destination.AsSpan(0, 1), out consumed, out written);
        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, written);
    }

    // Issue 13: the NFD form of ALEF WITH HAMZA ABOVE followed by FATHA. FATHA (class 30) does not block HAMZA ABOVE
    // (230), so the hamza mark composes as NFC composes it, and both spellings of the word become one.
    [Theory]
    [InlineData("\u0627\u064E\u0654")] // ALEF, FATHA, HAMZA ABOVE (NFD)
    [InlineData("\u0627\u0654\u064E")] // ALEF, HAMZA ABOVE, FATHA
    [InlineData("\u0623\u064E")] // ALEF WITH HAMZA ABOVE, FATHA (NFC)
    public void Normalize_NfdAlefHamzaWithFatha_EqualsTheComposedWord(string input)
    {
        Assert.Equal(ArabicNormalizer.Default.Normalize("\u0623\u064E"), ArabicNormalizer.Default.Normalize(input));
        Assert.Equal("\u0623\u064E", ArabicNormalizer.Default.Normalize(input));
    }

    // SHADDA (33) typed before FATHA (30): Default puts the marks in canonical order, as NFC does (invisible on screen).
    [Fact]
    public void Normalize_ShaddaTypedBeforeFatha_PutsThemInCanonicalOrder()
    {
        Assert.Equal("\u0628\u064E\u0651", ArabicNormalizer.Default.Normalize("\u0628\u0651\u064E")); // BEH, FATHA, SHADDA
        Assert.Equal(CanonicalEquivalence.Nfc("\u0628\u0651\u064E"), ArabicNormalizer.Default.Normalize("\u0628\u0651\u064E"));
        Assert.True(ArabicNormalizer.Default.IsNormalized("\u0628\u064E\u0651"));
        Assert.False(ArabicNormalizer.Default.IsNormalized("\u0628\u0651\u064E"));
    }

    // Blocked compositions stay as NFC leaves them.
    [Theory]
    [InlineData("\u0627\u0657\u0654", "\u0627\u0657\u0654")] // INVERTED DAMMA (230) before HAMZA ABOVE (230): blocked
    [InlineData("\u0627\u0654\u0654", "\u0623\u0654")] // the second HAMZA ABOVE has no pair with ALEF WITH HAMZA ABOVE
    [InlineData("\u0623\u0655", "\u0625\u0654")] // HAMZA BELOW after ALEF WITH HAMZA ABOVE: NFC decomposes, sorts, composes the lower class
    [InlineData("\u0648\u0653\u0654", "\u0648\u0653\u0654")] // MADDA ABOVE (no pair with WAW) blocks HAMZA ABOVE
    public void Normalize_BlockedComposition_IsAsNfc(string input, string expected)
    {
        Assert.Equal(expected, ArabicNormalizer.Default.Normalize(input));
        Assert.Equal(CanonicalEquivalence.Nfc(input), ArabicNormalizer.Default.Normalize(input));
    }

    // More than 30 marks: UAX #15's Stream-Safe Text Format puts U+034F COMBINING GRAPHEME JOINER before the 31st
    // non-starter; ALEF WITH HAMZA ABOVE counts as one, since its decomposition ends with HAMZA ABOVE.
    [Fact]
    public void Normalize_MoreThanThirtyMarks_SplitsAsStreamSafeText()
    {
        string marks = new('\u0651', 31); // SHADDA x 31
        Assert.Equal("\u0628" + marks[..30] + "\u034F" + marks[30..], ArabicNormalizer.Default.Normalize("\u0628" + marks));
        Assert.Equal("\u0623" + marks[..29] + "\u034F" + marks[29..], ArabicNormalizer.Default.Normalize("\u0623" + marks));
        Assert.Equal("\u0623" + marks[..29] + "\u034F" + marks[29..], ArabicNormalizer.Default.Normalize("\u0627\u0654" + marks));
        Assert.Equal(CanonicalEquivalence.StreamSafe("\u0628" + marks), ArabicNormalizer.Default.Normalize("\u0628" + marks));

        // A FATHA after the split sorts only within its own part.
        string text = "\u0628" + marks + "\u064E";
        Assert.Equal("\u0628" + marks[..30] + "\u034F\u064E\u0651", ArabicNormalizer.Default.Normalize(text));

        // Deleted marks are no part of a sequence: under Search they do not count.
        Assert.Equal("\u0628", ArabicNormalizer.Search.Normalize("\u0628" + new string('\u064E', 100)));
        Assert.Equal("\u0627", ArabicNormalizer.Search.Normalize("\u0627" + new string('\u064E', 100) + "\u0654")); // composed, then FoldAlef
    }

    // Found while reviewing the surrogate take-back: a pending contextual FARSI YEH before an unpaired
    // high half was resolved by that half (not a letter: word-final) and committed when a chunk ended there; one call
    // instead joins the halves across the deletion into ARABIC MATHEMATICAL ALEF, a letter, and the yeh is medial.
    // Every chunking must give the one-call answer (law L4). A Fact with a table: lone surrogates do not survive
    // InlineData.
    [Fact]
    public void Normalize_ContextualYehBeforeJoinedHalves_EveryChunkingGivesTheOneCallAnswer()
    {
        var n = Options.For(new ArabicNormalizerOptions { ContextualFarsiYeh = true });
        foreach ((string input, string expected) in new[]
        {
            ("\u06CC\uD83B\u0640\uDE00", "\u064A\u0627"), // FARSI YEH, high half, TATWEEL, low half -> YEH, ALEF
            ("\u06CC\uD83B\u200F\u0640\uDE00 ", "\u064A\u0627 "), // ... RLM, TATWEEL ... SPACE
            ("\u06CC\uD83B\u0640", "\u0649\uD83B"), // no low half: the yeh ends its word (ALEF MAKSURA), the half stays
        })
        {
            Assert.Equal(expected, SpecModel.Normalize(input, n.GetOptions()));
            Assert.Equal(expected, n.Normalize(input));
            foreach (int size in new[] { 1, 2, 3 })
            {
                Assert.Equal(expected, LawProperties.NormalizeInChunks(n, input, [size]));
            }
        }
    }
}
