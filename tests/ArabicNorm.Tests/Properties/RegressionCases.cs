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
}
