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
}
