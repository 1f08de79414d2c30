using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ArabicNorm.Tests.Properties;
using ArabicNorm.Tests.Streaming;

namespace ArabicNorm.Tests.Report;

public class ChangeReportTests
{
    private static readonly ArabicNormalizer s_searchNoCollapse = new(new ArabicNormalizerOptions
    {
        Zwnj = ZwnjHandling.Space,
        RemoveDiacritics = true,
        FoldAlef = true,
        FoldAlefMaksura = true,
        FoldTehMarbuta = true,
        AsciiPunctuation = true,
    });

    public static TheoryData<string> LengthKeepingPresets => ["default", "search-no-collapse", "persian"];

    [Fact]
    public void GetChangeReport_SeedArticle_CountsTheKnown35Changes()
    {
        // The spec (section 5): 6 FARSI YEH + 2 KEHEH, 16 Arabic-Indic digits, 1 ARABIC PERCENT SIGN, 5 + 5 quotes.
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
        NormalizationReport report = ArabicNormalizer.Default.GetChangeReport(seed);
        Assert.Equal(3008, report.Characters);
        Assert.Equal(35, report.ChangedCharacters);
        Assert.Equal(8, report[NormalizationCategory.Letters]);
        Assert.Equal(16, report[NormalizationCategory.Digits]);
        Assert.Equal(1, report[NormalizationCategory.Separators]);
        Assert.Equal(10, report[NormalizationCategory.Quotes]);
    }

    [Theory]
    [InlineData("default", "\u0627\u0654", NormalizationCategory.Compositions, 2)] // ALEF + HAMZA ABOVE: both change
    [InlineData("default", "\u0648\u0640\u0654", NormalizationCategory.Compositions, 2)] // WAW, TATWEEL, HAMZA ABOVE
    [InlineData("default", "\u0648\u0640\u0654", NormalizationCategory.Tatweel, 1)]
    [InlineData("default", "\uFEFB", NormalizationCategory.CompatibilityForms, 1)] // LAM-ALEF ISOLATED
    [InlineData("default", "\uD83B\uDE00", NormalizationCategory.CompatibilityForms, 1)] // U+1EE00, one character
    [InlineData("default", "\u200F\u202B\u00AD", NormalizationCategory.FormatControls, 3)]
    [InlineData("default", "\u200C", NormalizationCategory.Zwnj, 1)]
    [InlineData("default", "\u00A0\u3000", NormalizationCategory.Spaces, 2)]
    [InlineData("default", "\u0663\u06F3", NormalizationCategory.Digits, 2)]
    [InlineData("default", "\u066B", NormalizationCategory.Separators, 1)]
    [InlineData("default", "\u201C\u2019", NormalizationCategory.Quotes, 2)]
    [InlineData("default", "\u06CC\u06A9\u06C1", NormalizationCategory.Letters, 3)]
    [InlineData("search", "a   b", NormalizationCategory.Spaces, 2)] // two spaces collapse into the first
    [InlineData("search", "a \u200C b", NormalizationCategory.Zwnj, 1)] // the ZWNJ became a space (then collapsed)
    [InlineData("search", "a \u200C b", NormalizationCategory.Spaces, 1)] // the last space collapsed
    [InlineData("search", "\u0628\u064E\u0651", NormalizationCategory.Diacritics, 2)] // BEH, FATHA, SHADDA
    [InlineData("search", "\u0623\u0625\u0622\u0671", NormalizationCategory.Alef, 4)]
    [InlineData("search", "\u0649", NormalizationCategory.AlefMaksura, 1)]
    [InlineData("search", "\u0629", NormalizationCategory.TehMarbuta, 1)]
    [InlineData("search", "\u060C\u061F", NormalizationCategory.Punctuation, 2)]
    [InlineData("search", "\u0648\u0654", NormalizationCategory.Compositions, 1)] // WAW became WAW WITH HAMZA ABOVE
    [InlineData("search", "\u0648\u0654", NormalizationCategory.Diacritics, 1)] // the mark, deleted under RemoveDiacritics
    [InlineData("search", "\u0627\u0654", NormalizationCategory.Diacritics, 1)] // composed, folded back to ALEF
    [InlineData("persian", "\u064A\u0643\u0649", NormalizationCategory.Letters, 3)]
    [InlineData("persian", "\u0661", NormalizationCategory.Digits, 1)]
    public void GetChangeReport_OneRuleAtWork_CountsItUnderItsCategory(string preset, string text, NormalizationCategory category, int expected)
    {
        Assert.Equal(expected, Preset(preset).GetChangeReport(text)[category]);
    }

    [Theory]
    [InlineData("search", "\u0627\u0654", 1)] // the base is unchanged, only the mark counts
    [InlineData("search", "a   b", 2)]
    [InlineData("default", "\u0627\u0654 \u0628", 2)]
    [InlineData("default", "clean text \u0643\u062A\u0627\u0628", 0)]
    public void GetChangeReport_Context_CountsEachChangedCharacterOnce(string preset, string text, int expected)
    {
        NormalizationReport report = Preset(preset).GetChangeReport(text);
        Assert.Equal(expected, report.ChangedCharacters);
        Assert.Equal(text.Length, report.Characters);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void GetChangeReport_LengthKept_TotalEqualsPositionalDiff(OneToOneText text)
    {
        foreach (string preset in new[] { "default", "search-no-collapse", "persian" })
        {
            ArabicNormalizer normalizer = Preset(preset);
            string output = normalizer.Normalize(text.Value);
            Assert.Equal(text.Value.Length, output.Length);
            int diff = 0;
            for (int i = 0; i < output.Length; i++)
            {
                diff += output[i] != text.Value[i] ? 1 : 0;
            }

            NormalizationReport report = normalizer.GetChangeReport(text.Value);
            Assert.Equal(diff, report.ChangedCharacters);
            Assert.Equal(text.Value.Length, report.Characters);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void GetChangeReport_AddsUpOverLineBreaks(RuleText text, OptionsCase options)
    {
        // A line break is a hard boundary for every rule (it is output as is, is not a space, and ends a word), so the
        // report of a text is the sum of the reports of its lines.
        string[] lines = text.Value.Split('\n');
        NormalizationReport sum = default;
        for (int k = 0; k < lines.Length; k++)
        {
            sum += options.Normalizer.GetChangeReport(k < lines.Length - 1 ? lines[k] + "\n" : lines[k]);
        }

        Assert.Equal(options.Normalizer.GetChangeReport(text.Value), sum);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void GetChangeReport_UnchangedOutputMeansNoChange(RuleText text, OptionsCase options)
    {
        NormalizationReport report = options.Normalizer.GetChangeReport(text.Value);
        bool same = ReferenceEquals(options.Normalizer.Normalize(text.Value), text.Value);
        Assert.Equal(same, report.ChangedCharacters == 0);
        Assert.True(report.ChangedCharacters <= report.Characters);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void GetChangeReport_ReaderAndWriterOverloads_AgreeWithSpan(RuleText text, OptionsCase options, ReadSizes reads)
    {
        NormalizationReport expected = options.Normalizer.GetChangeReport(text.Value);
        Assert.Equal(expected, options.Normalizer.GetChangeReport(new ShortReadReader(text.Value, reads.Sizes)));
        var writer = new StringWriter();
        options.Normalizer.Normalize(new ShortReadReader(text.Value, reads.Sizes), writer, out NormalizationReport report);
        Assert.Equal(expected, report);
        Assert.Equal(options.Normalizer.Normalize(text.Value), writer.ToString());
    }

    [Theory]
    [InlineData("\u2009 ", 1)] // shrunk counterexample: THIN SPACE, SPACE; the SPACE is the run's kept space
    [InlineData(" \u2009", 1)]
    [InlineData("\u2009\u3000", 2)]
    [InlineData("x \u0640\u00A0 \u200C  y", 6)] // TATWEEL, NBSP, ZWNJ, and three of the four SPACEs (the first is kept)
    public void GetChangeReport_MixedSpaceRunCutAnywhere_SameCounts(string text, int expected)
    {
        // A block boundary inside a run moves the engine's attribution of the run's space; the report does not move.
        NormalizationReport whole = ArabicNormalizer.Search.GetChangeReport(text);
        Assert.Equal(expected, whole.ChangedCharacters);
        foreach (int size in new[] { 1, 2, 3 })
        {
            Assert.Equal(whole, ArabicNormalizer.Search.GetChangeReport(new ShortReadReader(text, [size])));
        }
    }

    [Fact]
    public void GetChangeReport_HeldBackTailOfDeletions_StillCounted()
    {
        string text = "\u0648" + new string('\u0640', 70_000) + "\u0654";
        NormalizationReport span = ArabicNormalizer.Default.GetChangeReport(text);
        Assert.Equal(70_000, span[NormalizationCategory.Tatweel]);
        Assert.Equal(2, span[NormalizationCategory.Compositions]);
        Assert.Equal(span, ArabicNormalizer.Default.GetChangeReport(new ShortReadReader(text, [1000])));
    }

    [Fact]
    public void GetChangeReport_LaterCallsOnAnInstance_ReuseTheCategoryTable()
    {
        // The remarks: the first call builds a 64 KiB category table, later calls reuse it. A fresh instance, so the
        // first call here is the one that builds it.
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions());
        string text = "\u06CC\u201Cx\u201D\u0640"; // FARSI YEH, quotes, TATWEEL
        long before = GC.GetAllocatedBytesForCurrentThread();
        NormalizationReport first = normalizer.GetChangeReport(text);
        long firstCall = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        NormalizationReport second = normalizer.GetChangeReport(text);
        long secondCall = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(first, second);
        Assert.True(firstCall >= 0x10000, $"the first call allocated {firstCall} bytes, less than the table");
        Assert.True(secondCall < 0x10000, $"the second call allocated {secondCall} bytes: the table was built again");
    }

    [Fact]
    public void NormalizationReport_DefaultAndOperators_Behave()
    {
        NormalizationReport none = default;
        Assert.Equal(0, none.ChangedCharacters);
        Assert.Equal(0, none[NormalizationCategory.Quotes]);
        NormalizationReport quotes = ArabicNormalizer.Default.GetChangeReport("\u201Cx\u201D");
        Assert.Equal(4, (quotes + quotes)[NormalizationCategory.Quotes]);
        Assert.Equal(6, (quotes + quotes).Characters);
        Assert.True(quotes == quotes + none);
        Assert.True(quotes != none);
        Assert.Equal("2 of 3 characters changed: Quotes=2", quotes.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => quotes[(NormalizationCategory)99]);
    }

    private static ArabicNormalizer Preset(string name) => name switch
    {
        "default" => ArabicNormalizer.Default,
        "search" => ArabicNormalizer.Search,
        "search-no-collapse" => s_searchNoCollapse,
        "persian" => ArabicNormalizer.Persian,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
