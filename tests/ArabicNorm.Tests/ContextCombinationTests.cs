namespace ArabicNorm.Tests;

/// <summary>
/// Every string of up to three characters over a small alphabet of the characters the rules treat with context
/// (composition bases and marks, FARSI YEH, deletions, spaces, expansions, surrogate halves), against
/// <see cref="SpecModel"/>. Single characters cannot show context; these can.
/// </summary>
public class ContextCombinationTests
{
    private static readonly string[] s_alphabet =
    [
        "\u0627", // ARABIC LETTER ALEF
        "\u0648", // ARABIC LETTER WAW
        "\u064A", // ARABIC LETTER YEH
        "\u06D5", // ARABIC LETTER AE
        "\u06C1", // ARABIC LETTER HEH GOAL
        "\u06D2", // ARABIC LETTER YEH BARREE
        "\u06CC", // ARABIC LETTER FARSI YEH
        "\u0649", // ARABIC LETTER ALEF MAKSURA
        "\u0643", // ARABIC LETTER KAF
        "\u0628", // ARABIC LETTER BEH
        "\u0640", // ARABIC TATWEEL
        "\u0653", // ARABIC MADDAH ABOVE
        "\u0654", // ARABIC HAMZA ABOVE
        "\u0655", // ARABIC HAMZA BELOW
        "\u064E", // ARABIC FATHA
        "\u0661", // ARABIC-INDIC DIGIT ONE
        "\u060C", // ARABIC COMMA
        "\u200C", // ZERO WIDTH NON-JOINER
        "\u200F", // RIGHT-TO-LEFT MARK
        "\u00A0", // NO-BREAK SPACE
        " ",
        "a",
        "\uFE8D", // ARABIC LETTER ALEF ISOLATED FORM
        "\uFEFB", // ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM
        "\uFBFC", // ARABIC LETTER FARSI YEH ISOLATED FORM
        "\uFE70", // ARABIC FATHATAN ISOLATED FORM (SPACE, FATHATAN)
        "\uFDFA", // ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM
        "\uFDFC", // RIAL SIGN
        "\uD83B", // high surrogate of U+1EE00..U+1EEFF (pairs with the next item)
        "\uDE00", // low surrogate: U+1EE00 ARABIC MATHEMATICAL ALEF after the item above
        "\uD83D\uDE00", // U+1F600 GRINNING FACE
    ];

    public static TheoryData<string> Configurations => new()
    {
        "Default",
        "Search",
        "Persian",
        "Default;ContextualFarsiYeh",
        "Default;ContextualFarsiYeh;CollapseSpaces;Zwnj=Space",
        "Search;ContextualFarsiYeh",
        "Default;ContextualFarsiYeh;RemoveDiacritics",
        "ComposeHamza;RemoveDiacritics",
        "Letters=Arabic;ContextualFarsiYeh;RemoveTatweel;RemoveFormatControls",
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Normalize_EveryStringOfUpToThreeContextChars_MatchesSpecModel(string configuration)
    {
        ArabicNormalizer normalizer = TestText.NormalizerFor(configuration);
        ArabicNormalizerOptions options = SpecModel.Parse(configuration);
        int failures = 0;
        string? first = null;
        int n = s_alphabet.Length;
        for (int a = -1; a < n; a++)
        {
            for (int b = -1; b < n; b++)
            {
                for (int c = 0; c < n; c++)
                {
                    string text = (a < 0 ? "" : s_alphabet[a]) + (b < 0 ? "" : s_alphabet[b]) + s_alphabet[c];
                    string expected = SpecModel.Normalize(text, options);
                    string actual = normalizer.Normalize(text);
                    string piecewise = Piecewise(normalizer, text, expected); // L3/L4: one char per block, 2-char destination
                    bool ok = expected == actual
                        && piecewise == expected
                        && normalizer.IsNormalized(text) == (expected == text)
                        && normalizer.GetNormalizedLength(text) == expected.Length;
                    if (!ok)
                    {
                        failures++;
                        first ??= $"{TestText.Escape(text)}: expected {TestText.Escape(expected)}, actual {TestText.Escape(actual)}, " +
                            $"in pieces {(piecewise.StartsWith("piecewise:", StringComparison.Ordinal) ? piecewise : TestText.Escape(piecewise))}, " +
                            $"IsNormalized {normalizer.IsNormalized(text)}, GetNormalizedLength {normalizer.GetNormalizedLength(text)}";
                    }
                }
            }
        }

        Assert.True(failures == 0, $"{configuration}: {failures} strings differ from the spec model; first: {first}");
    }

    private static string Piecewise(ArabicNormalizer normalizer, string text, string expected)
    {
        try
        {
            return ContractTests.NormalizeInPieces(normalizer, text, chunk: 1, room: 2, expected);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            return "piecewise: " + e.Message;
        }
    }
}
