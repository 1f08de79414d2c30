using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Report;

/// <summary>
/// The change report's category of every character the rules may concern, alone, against the spec model: the
/// category is that of the first rule of the contract, in its order, that changes the character on its own.
/// </summary>
public class ChangeCategoryTests
{
    private static readonly (NormalizationCategory Category, Action<ArabicNormalizerOptions, ArabicNormalizerOptions> Enable)[] s_rules =
    [
        (NormalizationCategory.CompatibilityForms, (x, o) => x.FoldCompatibilityForms = o.FoldCompatibilityForms),
        (NormalizationCategory.Letters, (x, o) => (x.Letters, x.ContextualFarsiYeh) = (o.Letters, o.ContextualFarsiYeh)),
        (NormalizationCategory.Digits, (x, o) => x.Digits = o.Digits),
        (NormalizationCategory.Quotes, (x, o) => x.Quotes = o.Quotes),
        (NormalizationCategory.Tatweel, (x, o) => x.RemoveTatweel = o.RemoveTatweel),
        (NormalizationCategory.FormatControls, (x, o) => x.RemoveFormatControls = o.RemoveFormatControls),
        (NormalizationCategory.Zwnj, (x, o) => x.Zwnj = o.Zwnj),
        (NormalizationCategory.Spaces, (x, o) => x.NormalizeSpaces = o.NormalizeSpaces),
        (NormalizationCategory.Diacritics, (x, o) => x.RemoveDiacritics = o.RemoveDiacritics),
        (NormalizationCategory.Alef, (x, o) => x.FoldAlef = o.FoldAlef),
        (NormalizationCategory.AlefMaksura, (x, o) => x.FoldAlefMaksura = o.FoldAlefMaksura),
        (NormalizationCategory.TehMarbuta, (x, o) => x.FoldTehMarbuta = o.FoldTehMarbuta),
        (NormalizationCategory.Punctuation, (x, o) => x.AsciiPunctuation = o.AsciiPunctuation),
    ];

    public static TheoryData<string> OptionSets => ["Default", "Search", "Persian", "Letters=Arabic;ContextualFarsiYeh", "CollapseSpaces"];

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void GetChangeReport_EachRuleInputAlone_CountsTheFirstRuleThatChangesIt(string spec)
    {
        ArabicNormalizerOptions options = SpecModel.Parse(spec);
        // A normalizer of its own: its categories are built by this test, not taken from a preset built earlier.
        var normalizer = new ArabicNormalizer(options);
        var texts = new List<string>();
        ReadOnlySpan<char> ranges = ArabicNorm.Internal.NormalizationTables.RuleInputs;
        for (int r = 0; r < ranges.Length; r += 2)
        {
            for (int c = ranges[r]; c <= ranges[r + 1]; c++)
            {
                if (!char.IsSurrogate((char)c))
                {
                    texts.Add(((char)c).ToString());
                }
            }
        }

        for (int cp = 0x1EE00; cp <= 0x1EEFF; cp++)
        {
            texts.Add(char.ConvertFromUtf32(cp)); // Arabic mathematical symbols
        }

        texts.AddRange(["a", "\u4E00", "\uFFFF", "\U0001F600", "\uD800", "\uDC00"]); // outside every rule

        int changed = 0;
        var failures = new List<string>();
        foreach (string s in texts)
        {
            NormalizationCategory? expected = ExpectedCategory(s, options);
            NormalizationReport report = normalizer.GetChangeReport(s);
            bool ok = expected is { } category
                ? report.ChangedCharacters == 1 && report[category] == 1
                : report.ChangedCharacters == 0;
            changed += expected is null ? 0 : 1;
            if (!ok)
            {
                failures.Add($"{TestText.Escape(s)}: expected {expected?.ToString() ?? "no change"}, got {report}");
            }
        }

        Assert.True(failures.Count == 0, $"{spec}: {failures.Count} of {texts.Count} differ; first: {string.Join("; ", failures.Take(3))}");
        Assert.True(changed > 0 || spec == "CollapseSpaces", $"{spec}: no character changed");
    }

    private static NormalizationCategory? ExpectedCategory(string s, ArabicNormalizerOptions options)
    {
        if (SpecModel.Normalize(s, options) == s)
        {
            return null;
        }

        foreach ((NormalizationCategory category, Action<ArabicNormalizerOptions, ArabicNormalizerOptions> enable) in s_rules)
        {
            var only = SpecModel.Identity();
            enable(only, options);
            if (SpecModel.Normalize(s, only) != s)
            {
                // ARABIC PERCENT SIGN, DECIMAL SEPARATOR and THOUSANDS SEPARATOR are reported apart from the digits.
                return category == NormalizationCategory.Digits && s[0] is >= '\u066A' and <= '\u066C'
                    ? NormalizationCategory.Separators
                    : category;
            }
        }

        throw new InvalidOperationException($"{TestText.Escape(s)} changes, but under no rule alone");
    }
}
