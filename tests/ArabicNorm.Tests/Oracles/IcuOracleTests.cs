using System.Globalization;
using System.Text;
using ArabicNorm.Internal;
using ArabicNorm.Tests.Properties;
using ICU4N;
using ICU4N.Globalization;
using ICU4N.Text;

namespace ArabicNorm.Tests.Oracles;

/// <summary>
/// Checks the tables against ICU4N (ICU 60, Unicode 10), code that no one on this project wrote.
/// </summary>
public class IcuOracleTests
{
    private static readonly ArabicNormalizerOptions s_foldOnly = new(SpecModel.Identity()) { FoldCompatibilityForms = true };

    private static IEnumerable<int> CompatibilityBlockCodePoints() =>
        Enumerable.Range(0xFB50, 0xFDFF - 0xFB50 + 1)
            .Concat(Enumerable.Range(0xFE70, 0xFEFF - 0xFE70 + 1))
            .Concat(Enumerable.Range(0x1EE00, 0x1EEFF - 0x1EE00 + 1));

    public static TheoryData<string> Presets => ["Default", "Search", "Persian"];

    private static ArabicNormalizer Preset(string name) => name switch
    {
        "Default" => ArabicNormalizer.Default,
        "Search" => ArabicNormalizer.Search,
        _ => ArabicNormalizer.Persian,
    };

    // 3.1 on its own: with every other rule off, each code point of the three blocks becomes exactly its NFKC.
    [Fact]
    public void FoldCompatibilityForms_EveryCodePointOfTheBlocks_IsIcuNfkc()
    {
        ArabicNormalizer n = Properties.Options.For(s_foldOnly);
        var failures = new List<string>();
        int mapped = 0;
        foreach (int cp in CompatibilityBlockCodePoints())
        {
            string s = char.ConvertFromUtf32(cp);
            string expected = Normalizer2.NFKCInstance.Normalize(s);
            if (expected != s)
            {
                mapped++;
            }

            string actual = n.Normalize(s);
            if (actual != expected)
            {
                failures.Add($"U+{cp:X4}: {Text.Escape(actual)} != ICU4N {Text.Escape(expected)}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(CompatibilityData.Count, mapped); // every mapping ICU4N knows, no more
    }

    // 3.1 then the other rules: NFKC from ICU4N followed by the spec model's per-character rules.
    [Theory]
    [MemberData(nameof(Presets))]
    public void FoldCompatibilityForms_UnderPresets_IsIcuNfkcThenTheOtherRules(string preset)
    {
        ArabicNormalizer n = Preset(preset);
        ArabicNormalizerOptions o = n.GetOptions();
        var failures = new List<string>();
        foreach (int cp in CompatibilityBlockCodePoints())
        {
            string s = char.ConvertFromUtf32(cp);
            string nfkc = Normalizer2.NFKCInstance.Normalize(s);
            string expected = SpecModel.Normalize(nfkc, new ArabicNormalizerOptions(o) { FoldCompatibilityForms = false });
            string actual = n.Normalize(s);
            if (actual != expected)
            {
                failures.Add($"U+{cp:X4}: {Text.Escape(actual)} != {Text.Escape(expected)}");
            }

            // And between letters and after a hamza base, so the context rules see the expansion too.
            string framed = "\u0627" + s + "\u0654\u0628"; // ALEF, the code point, HAMZA ABOVE, BEH
            string framedExpected = SpecModel.Normalize("\u0627" + nfkc + "\u0654\u0628", new ArabicNormalizerOptions(o) { FoldCompatibilityForms = false });
            if (n.Normalize(framed) != framedExpected)
            {
                failures.Add($"U+{cp:X4} framed: {Text.Escape(n.Normalize(framed))} != {Text.Escape(framedExpected)}");
            }
        }

        Assert.Empty(failures);
    }

    // 3.4: every decimal digit of the Arabic block maps to the ASCII digit of its ICU4N numeric value, and nothing
    // else maps to an ASCII digit.
    [Fact]
    public void Digits_Ascii_AgreeWithIcuNumericValues()
    {
        var n = Properties.Options.For(new ArabicNormalizerOptions { Digits = DigitTarget.Ascii });
        int digits = 0;
        for (int c = 0; c < 0x10000; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            string actual = n.Normalize(((char)c).ToString());
            bool arabicDigit = c is >= 0x0600 and <= 0x06FF && UChar.GetUnicodeCategory(c) == UUnicodeCategory.DecimalDigitNumber;
            if (arabicDigit)
            {
                digits++;
                Assert.Equal(((char)('0' + UChar.GetNumericValue(c))).ToString(), actual);
            }
            else if (c is < '0' or > '9')
            {
                Assert.False(actual.Length == 1 && actual[0] is >= '0' and <= '9', $"U+{c:X4} became an ASCII digit");
            }
        }

        Assert.Equal(20, digits);
    }

    [Theory]
    [InlineData(DigitTarget.ArabicIndic, 0x06F0, 0x0660)]
    [InlineData(DigitTarget.Persian, 0x0660, 0x06F0)]
    public void Digits_BetweenScripts_KeepTheIcuNumericValue(DigitTarget target, int from, int to)
    {
        var n = Properties.Options.For(new ArabicNormalizerOptions { Digits = target });
        for (int k = 0; k < 10; k++)
        {
            string actual = n.Normalize(((char)(from + k)).ToString());
            Assert.Single(actual);
            Assert.Equal(UChar.GetNumericValue(from + k), UChar.GetNumericValue(actual[0]));
            Assert.Equal(UChar.GetUnicodeCategory(to), UChar.GetUnicodeCategory(actual[0]));
            Assert.InRange(actual[0], (char)to, (char)(to + 9));

            // The target script's own digits stay.
            Assert.Equal(((char)(to + k)).ToString(), n.Normalize(((char)(to + k)).ToString()));
        }
    }

    // 3.7: the diacritic set is ICU4N's Mn in the Arabic block, exactly. The spec's choice: marks of the Arabic
    // Supplement and Extended blocks (U+0750.., U+0870..U+08FF) are not in the set, and are kept.
    [Fact]
    public void RemoveDiacritics_Set_IsIcuNonspacingMarksOfTheArabicBlock()
    {
        var n = Properties.Options.For(new ArabicNormalizerOptions(SpecModel.Identity()) { RemoveDiacritics = true });
        for (int c = 0x0600; c <= 0x06FF; c++)
        {
            bool mn = UChar.GetUnicodeCategory(c) == UUnicodeCategory.NonSpacingMark;
            string s = "\u0628" + (char)c; // BEH and the character
            Assert.True(mn == (n.Normalize(s) == "\u0628"), $"U+{c:X4}: Mn={mn}, output {Text.Escape(n.Normalize(s))}");
        }

        var keptByChoice = new List<int>();
        for (int c = 0x0700; c <= 0x08FF; c++)
        {
            if (UChar.GetUnicodeCategory(c) == UUnicodeCategory.NonSpacingMark && c is >= 0x0750)
            {
                keptByChoice.Add(c);
                Assert.Equal("\u0628" + (char)c, n.Normalize("\u0628" + (char)c));
            }
        }

        // ICU 60 knows the Extended-A marks U+08D4..U+08FF (minus U+08E2, a format character).
        Assert.Contains(0x08F0, keptByChoice);
        Assert.DoesNotContain(0x08E2, keptByChoice);
    }

    // 3.2: the eight pairs are exactly the pairs ICU4N's NFC composes with U+0653..U+0655, over every base in the BMP.
    [Fact]
    public void CombiningClass_EveryCodeUnit_IsIcuClassInTheArabicRanges()
    {
        // The library's table comes from UnicodeData.txt; the tests' classes from ICU4N (and a data file for the ten
        // marks Unicode added after ICU4N's 10.0). Outside the three ranges every character is a starter here.
        var failures = new List<string>();
        for (int c = 0; c < 0x10000; c++)
        {
            int expected = CanonicalClasses.InArabicRanges(c) ? CanonicalClasses.Of(c) : 0;
            int trailing = CanonicalClasses.InArabicRanges(c) && expected == 0 ? CanonicalClasses.TrailingArabicMarks((char)c) : 0;
            if (NormalizationTables.CombiningClass(c) != expected
                || (CanonicalClasses.InArabicRanges(c) && expected == 0 && NormalizationTables.TrailingNonStarters((char)c) != trailing))
            {
                failures.Add($"U+{c:X4}: class {NormalizationTables.CombiningClass(c)} != {expected}, trailing {NormalizationTables.TrailingNonStarters((char)c)} != {trailing}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(0, NormalizationTables.CombiningClass(0x0300)); // COMBINING GRAVE ACCENT: another script's mark, a starter here
        Assert.Equal(230, CanonicalClasses.Of(0x0300));
    }

    [Fact]
    public void ComposeHamza_Pairs_AreExactlyIcuNfcCompositions()
    {
        // Hamza composition alone: every other rule off.
        ArabicNormalizerOptions composeOnly = ArabicNormalizerOptions.None();
        composeOnly.ComposeHamza = true;
        var n = Properties.Options.For(composeOnly);
        var icuPairs = new List<(int, int, int)>();
        for (int b = 0; b < 0x10000; b++)
        {
            if (char.IsSurrogate((char)b))
            {
                continue;
            }

            for (int mark = 0x0653; mark <= 0x0655; mark++)
            {
                string pair = new([(char)b, (char)mark]);
                string nfc = Normalizer2.NFCInstance.Normalize(pair);
                char internalComposed = NormalizationTables.Compose((char)b, (char)mark);
                if (nfc.Length == 1)
                {
                    icuPairs.Add((b, mark, nfc[0]));
                    Assert.Equal(nfc[0], internalComposed);
                    Assert.Equal(nfc, n.Normalize(pair));
                }
                else
                {
                    Assert.Equal('\0', internalComposed);
                    if (b is >= 0x0600 and <= 0x06FF)
                    {
                        // NFC changes nothing but Arabic marks here: it puts a mark of a higher class after the hamza mark.
                        Assert.Equal(nfc, n.Normalize(pair));
                    }
                }
            }
        }

        Assert.Equal(8, icuPairs.Count);
        Assert.Equal(
            SpecModel.CompositionPairs.Select(p => ((int)p.Base, (int)p.Mark, (int)p.Composed)).OrderBy(p => p),
            icuPairs.OrderBy(p => p));
    }

    // 3.3: the contextual yeh's word-character set is General_Category Lo, Lm or Mn in the three Arabic ranges, from
    // ICU4N where ICU 60 has the code point assigned and from the .NET runtime for the rest.
    [Fact]
    public void IsArabicWordCharacter_AgreesWithIcuAndRuntimeGeneralCategory()
    {
        var fromRuntime = new List<int>();
        for (int c = 0; c < 0x10000; c++)
        {
            bool inRanges = c is (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF);
            UUnicodeCategory icu = UChar.GetUnicodeCategory(c);
            bool expected;
            if (icu != UUnicodeCategory.OtherNotAssigned)
            {
                expected = inRanges && icu is UUnicodeCategory.OtherLetter or UUnicodeCategory.ModifierLetter or UUnicodeCategory.NonSpacingMark;
            }
            else
            {
                UnicodeCategory runtime = CharUnicodeInfo.GetUnicodeCategory((char)c);
                expected = inRanges && runtime is UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark;
                if (expected)
                {
                    fromRuntime.Add(c);
                }
            }

            Assert.True(expected == NormalizationTables.IsArabicWordCharacter((char)c), $"U+{c:X4}: expected {expected}");
        }

        Assert.NotEmpty(fromRuntime); // e.g. U+08A8.. letters added after Unicode 10 come from the runtime
    }

    // 3.3 ContextualFarsiYeh through the public API, against the same category data: FARSI YEH before each character.
    [Fact]
    public void ContextualFarsiYeh_BeforeEveryBmpCharacter_FollowsTheWordCharacterSet()
    {
        var n = Properties.Options.For(new ArabicNormalizerOptions { ContextualFarsiYeh = true, Digits = DigitTarget.Keep, Quotes = QuoteTarget.Keep, RemoveTatweel = false, RemoveFormatControls = false, Zwnj = ZwnjHandling.Keep, NormalizeSpaces = false, FoldCompatibilityForms = false, ComposeHamza = false });
        var sb = new StringBuilder();
        for (int c = 0; c < 0x10000; c++)
        {
            if (char.IsSurrogate((char)c) || c is 0x06CC or 0x06D2 or 0x06A9 or 0x06AA or 0x06C0 or 0x06C1 or 0x06C2 or 0x06D5 or 0x06BE or 0x06C3 or 0x06D3)
            {
                continue; // letters the Arabic target maps: their output, not themselves, is the next character
            }

            string actual = n.Normalize("\u06CC" + (char)c);
            char expectedYeh = SpecModel.IsArabicWordCharacter((char)c) ? '\u064A' : '\u0649';
            if (actual != expectedYeh.ToString() + (char)c)
            {
                sb.Append(CultureInfo.InvariantCulture, $"U+{c:X4} ");
            }
        }

        Assert.Equal(string.Empty, sb.ToString());
    }
}
