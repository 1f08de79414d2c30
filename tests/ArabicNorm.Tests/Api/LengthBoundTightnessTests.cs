using System.Text;

namespace ArabicNorm.Tests.Api;

/// <summary><see cref="ArabicNormalizer.GetMaxNormalizedLength"/> and <see cref="ArabicNormalizer.GetMaxNormalizedUtf8Length"/>
/// are the worst case, found by brute force: every character, repeated, stays within them, and the worst one reaches
/// them to within the Stream-Safe joiners that a run of repeated characters may not need.</summary>
/// <remarks>The oracle is the normalizer's own output for each of the 65 536 BMP code units and the 256 code points
/// of the Arabic Mathematical Alphabetic Symbols, repeated; no bound computed by the code under test is used as an
/// expected value. Sixty code units are a multiple of every UTF-8 length and of the 30-mark joiner period.</remarks>
public class LengthBoundTightnessTests
{
    private const int Units = 60;

    public static TheoryData<string> OptionSets() => [.. s_optionSets.Keys];

    private static readonly Dictionary<string, ArabicNormalizerOptions> s_optionSets = new()
    {
        ["Default"] = new(),
        ["Search"] = ArabicNormalizer.Search.GetOptions(),
        ["Persian"] = ArabicNormalizer.Persian.GetOptions(),
        ["no compatibility forms"] = new() { FoldCompatibilityForms = false },
        ["no compatibility forms, Arabic-Indic digits"] = new() { FoldCompatibilityForms = false, Digits = DigitTarget.ArabicIndic },
        ["no compatibility forms, Persian digits, ASCII quotes"] = new() { FoldCompatibilityForms = false, Digits = DigitTarget.Persian, Quotes = QuoteTarget.Ascii },
        ["no compatibility forms, diacritics removed, hamza composed"] = new() { FoldCompatibilityForms = false, RemoveDiacritics = true },
        ["no compatibility forms, diacritics removed, hamza not composed"] = new() { FoldCompatibilityForms = false, RemoveDiacritics = true, ComposeHamza = false },
        ["no compatibility forms, hamza not composed"] = new() { FoldCompatibilityForms = false, ComposeHamza = false },
        ["collapsed spaces, contextual yeh"] = new() { CollapseSpaces = true, ContextualFarsiYeh = true, Letters = LetterTarget.Persian },
        ["everything folded"] = new()
        {
            RemoveDiacritics = true, FoldAlef = true, FoldAlefMaksura = true, FoldTehMarbuta = true, AsciiPunctuation = true,
            CollapseSpaces = true, Digits = DigitTarget.Ascii, Quotes = QuoteTarget.Ascii,
        },
    };

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Utf16Bound_EveryCharacterRepeatedStaysWithin_AndTheWorstReachesIt(string name)
    {
        var normalizer = new ArabicNormalizer(s_optionSets[name]);
        int bound = normalizer.GetMaxNormalizedLength(Units);
        int worst = 0;
        string worstText = string.Empty;
        foreach (string text in RepeatedCharacters())
        {
            int length = normalizer.GetNormalizedLength(text);
            Assert.True(length <= bound, $"{name}: {Name(text)} repeated gives {length} > the bound {bound}");
            if (length > worst)
            {
                (worst, worstText) = (length, text);
            }
        }

        // One joiner for a run of 60 marks, and one more for rounding: a bound looser than that is not the worst case.
        Assert.True(bound - worst <= 2, $"{name}: the bound {bound} is not reached; the worst is {Name(worstText)} with {worst}");
        Assert.Equal(worst > Units, normalizer.CanLengthen);
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Utf8Bound_EveryCharacterRepeatedStaysWithin_AndTheWorstReachesIt(string name)
    {
        var normalizer = new ArabicNormalizer(s_optionSets[name]);
        double worstRatio = 0;
        double boundRatio = 0;
        string worstText = string.Empty;
        foreach (string text in RepeatedCharacters())
        {
            if (char.IsSurrogate(text[0]) && !char.IsSurrogatePair(text, 0))
            {
                continue; // a lone surrogate has no UTF-8 form
            }

            byte[] source = Encoding.UTF8.GetBytes(text);
            int bound = normalizer.GetMaxNormalizedUtf8Length(source.Length);
            int length = normalizer.GetNormalizedUtf8Length(source);
            Assert.True(length <= bound, $"{name}: {Name(text)} repeated gives {length} bytes > the bound {bound}");
            double ratio = (double)length / source.Length;
            if (ratio > worstRatio)
            {
                (worstRatio, worstText) = (ratio, text);
            }

            boundRatio = Math.Max(boundRatio, (double)bound / source.Length);
        }

        // Within two two-byte joiners over the worst character's 60 source units, and the rounding of the bound.
        byte[] worstSource = Encoding.UTF8.GetBytes(worstText);
        double slack = (4.0 + 1) / worstSource.Length;
        Assert.True(
            boundRatio - worstRatio <= slack,
            $"{name}: the bound ({boundRatio:F3} bytes per byte) is not reached; the worst is {Name(worstText)} at {worstRatio:F3}");
    }

    private static string Name(string text) =>
        $"U+{(char.IsSurrogatePair(text, 0) ? char.ConvertToUtf32(text, 0) : text[0]):X4}";

    // Every BMP code unit and every Arabic Mathematical Alphabetic Symbol, each repeated to 60 UTF-16 code units.
    private static IEnumerable<string> RepeatedCharacters()
    {
        for (int c = 0; c <= 0xFFFF; c++)
        {
            yield return new string((char)c, Units);
        }

        for (int cp = 0x1EE00; cp <= 0x1EEFF; cp++)
        {
            yield return string.Concat(Enumerable.Repeat(char.ConvertFromUtf32(cp), Units / 2));
        }
    }
}
