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
}
