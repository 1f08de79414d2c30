using System.Globalization;
using System.Text;

namespace ArabicNorm.Tests;

/// <summary>
/// Every UTF-16 code unit (and every Arabic mathematical symbol) alone, under each preset and each option on its
/// own, against <see cref="SpecModel"/>, which is written from the spec and not from the library's tables.
/// </summary>
public class ExhaustiveCharTests
{
    public static TheoryData<string> SingleOptions => new()
    {
        "FoldCompatibilityForms",
        "ComposeHamza",
        "Letters=Arabic",
        "Letters=Persian",
        "Letters=Arabic;ContextualFarsiYeh",
        "Letters=Arabic;ContextualFarsiYeh;FoldAlefMaksura",
        "ContextualFarsiYeh", // ignored without Letters=Arabic
        "Digits=Ascii",
        "Digits=ArabicIndic",
        "Digits=Persian",
        "Quotes=Ascii",
        "RemoveTatweel",
        "RemoveFormatControls",
        "Zwnj=Remove",
        "Zwnj=Space",
        "NormalizeSpaces",
        "CollapseSpaces",
        "RemoveDiacritics",
        "FoldAlef",
        "FoldAlefMaksura",
        "FoldTehMarbuta",
        "AsciiPunctuation",
    };

    // Two mixes beyond the presets, which switch every context rule on.
    private const string Everything = "Default;ContextualFarsiYeh;Zwnj=Space;CollapseSpaces;RemoveDiacritics;FoldAlef;FoldTehMarbuta;AsciiPunctuation";
    private const string ContextualYeh = "Default;ContextualFarsiYeh;CollapseSpaces;RemoveDiacritics";

    [Theory]
    [InlineData("Default")]
    [InlineData("Search")]
    [InlineData("Persian")]
    [InlineData(Everything)]
    [InlineData(ContextualYeh)]
    public void Normalize_EveryCharAloneUnderPreset_MatchesSpecTable(string preset)
    {
        AssertEveryCharMatchesSpec(TestText.NormalizerFor(preset), SpecModel.Parse(preset), preset, everyApi: true);
    }

    [Theory]
    [MemberData(nameof(SingleOptions))]
    public void Normalize_EveryCharAloneUnderOneOption_MatchesSpecTable(string option)
    {
        AssertEveryCharMatchesSpec(TestText.NormalizerFor(option), SpecModel.Parse(option), option, everyApi: false);
    }

    // L5 over every UTF-16 code unit all together, which pairs every high surrogate with the next code unit and
    // leaves the rest unpaired: one call, the length, and chunks of every Fibonacci size agree with the model.
    [Theory]
    [InlineData("Default")]
    [InlineData("Search")]
    [InlineData("Persian")]
    [InlineData("Identity")]
    [InlineData(Everything)]
    [InlineData(ContextualYeh)]
    public void Normalize_EveryCodeUnitAsOneText_IsTotalAndMatchesTheSpecModel(string spec)
    {
        ArabicNormalizer n = TestText.NormalizerFor(spec);
        var all = new char[0x10000];
        for (int c = 0; c < all.Length; c++)
        {
            all[c] = (char)c;
        }

        string text = new(all);
        string output = n.Normalize(text);
        Assert.Equal(SpecModel.Normalize(text, SpecModel.Parse(spec)), output);
        Assert.Equal(output.Length, n.GetNormalizedLength(text));
        Assert.Equal(output, Properties.LawProperties.NormalizeInChunks(n, text, [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233]));
    }

    [Fact]
    public void RuleInputs_EveryCodeUnitOutside_NoRuleChanges()
    {
        // The tables build only the entries inside NormalizationTables.RuleInputs; outside, the spec's model must keep
        // every code unit alone under each option on its own (and a preset's mix of them).
        ReadOnlySpan<char> ranges = ArabicNorm.Internal.NormalizationTables.RuleInputs;
        ArabicNormalizerOptions[] options =
        [
            .. SingleOptions.Select(row => SpecModel.Parse(row.Data)),
            SpecModel.Parse("Default"), SpecModel.Parse("Search"), SpecModel.Parse("Persian"),
        ];
        int outside = 0;
        var failures = new List<string>();
        for (int c = 0; c < 0x10000; c++)
        {
            bool inside = false;
            for (int r = 0; r < ranges.Length; r += 2)
            {
                inside |= c >= ranges[r] && c <= ranges[r + 1];
            }

            if (inside)
            {
                continue;
            }

            outside++;
            string s = ((char)c).ToString();
            foreach (ArabicNormalizerOptions o in options)
            {
                if (SpecModel.Normalize(s, o) != s)
                {
                    failures.Add($"U+{c:X4} under {o}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} changes outside the rule inputs; first: {failures.FirstOrDefault()}");
        Assert.True(outside > 60000, $"only {outside} code units outside the rule inputs");
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Search")]
    [InlineData("Persian")]
    [InlineData("FoldCompatibilityForms")]
    public void Normalize_EveryArabicMathematicalSymbol_MatchesSpecTable(string spec)
    {
        ArabicNormalizer normalizer = TestText.NormalizerFor(spec);
        ArabicNormalizerOptions options = SpecModel.Parse(spec);
        int folded = 0;
        var failures = new List<string>();
        for (int cp = 0x1EE00; cp <= 0x1EEFF; cp++)
        {
            string s = char.ConvertFromUtf32(cp);
            string expected = SpecModel.Normalize(s, options);
            string actual = normalizer.Normalize(s);
            folded += expected != s ? 1 : 0;
            if (expected != actual)
            {
                failures.Add($"U+{cp:X5}: expected {TestText.Escape(expected)}, actual {TestText.Escape(actual)}");
            }
        }

        Assert.True(failures.Count == 0, $"{spec}: {failures.Count} code points differ; first: {failures.FirstOrDefault()}");

        // 141 of the block's 143 assigned code points have a <font> decomposition: all of them must fold. (U+1EEF0 and
        // U+1EEF1, the two operators, have none.)
        Assert.Equal(141, folded);
    }

    [Fact]
    public void Normalize_EveryCharAloneUnderIdentityOptions_ReturnsSameInstance()
    {
        var normalizer = new ArabicNormalizer(SpecModel.Identity());
        int firstFailure = -1;
        int failures = 0;
        for (int c = 0; c <= 0xFFFF; c++)
        {
            string s = ((char)c).ToString();
            if (!ReferenceEquals(s, normalizer.Normalize(s)) || !normalizer.IsNormalized(s) || TestText.NormalizeSpan(normalizer, s) != s)
            {
                failures++;
                firstFailure = firstFailure < 0 ? c : firstFailure;
            }
        }

        Assert.True(failures == 0, $"{failures} chars are not left alone; first: U+{firstFailure:X4} -> {TestText.Escape(normalizer.Normalize(((char)Math.Max(firstFailure, 0)).ToString()))}");
    }

    [Fact]
    public void Normalize_AllCharsAsOneTextUnderIdentityOptions_ReturnsSameInstance()
    {
        var normalizer = new ArabicNormalizer(SpecModel.Identity());
        var sb = new StringBuilder(0x10000 + 4);
        for (int c = 0; c <= 0xFFFF; c++)
        {
            sb.Append((char)c);
        }

        sb.Append("\uD83D\uDE00\uD83B\uDE00"); // U+1F600 GRINNING FACE, U+1EE00 ARABIC MATHEMATICAL ALEF
        string all = sb.ToString();
        Assert.Same(all, normalizer.Normalize(all));
        Assert.Equal(all, TestText.NormalizeSpan(normalizer, all));
    }

    /// <param name="everyApi">Whether to check the span API, GetNormalizedLength and L1 too (the presets do; the
    /// single options check the string API and IsNormalized, to keep the suite fast).</param>
    private static void AssertEveryCharMatchesSpec(ArabicNormalizer normalizer, ArabicNormalizerOptions options, string name, bool everyApi)
    {
        // Build the whole expected table first, then compare, so the message can name the first failure and the count.
        var expected = new string[0x10000];
        for (int c = 0; c <= 0xFFFF; c++)
        {
            expected[c] = SpecModel.Normalize(((char)c).ToString(), options);
        }

        int failures = 0;
        string? first = null;
        for (int c = 0; c <= 0xFFFF; c++)
        {
            string s = ((char)c).ToString();
            string actual = normalizer.Normalize(s);
            string viaSpan = everyApi ? TestText.NormalizeSpan(normalizer, s) : actual;
            bool ok = actual == expected[c]
                && viaSpan == expected[c]
                && normalizer.IsNormalized(s) == (expected[c] == s)
                && (!everyApi || normalizer.GetNormalizedLength(s) == expected[c].Length)
                && (!everyApi || normalizer.IsNormalized(actual)); // L1: the output is a fixed point
            if (!ok)
            {
                failures++;
                first ??= string.Create(CultureInfo.InvariantCulture,
                    $"U+{c:X4}: expected {TestText.Escape(expected[c])}, string API {TestText.Escape(actual)}, span API {TestText.Escape(viaSpan)}, " +
                    $"GetNormalizedLength {normalizer.GetNormalizedLength(s)}, IsNormalized(input) {normalizer.IsNormalized(s)}, IsNormalized(output) {normalizer.IsNormalized(actual)}");
            }
        }

        Assert.True(failures == 0, $"{name}: {failures} of 65536 chars differ from the spec table; first: {first}");
    }
}
