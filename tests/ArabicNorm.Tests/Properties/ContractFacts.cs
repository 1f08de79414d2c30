using System.Buffers;

namespace ArabicNorm.Tests.Properties;

/// <summary>
/// The parts of the public contract the laws do not reach: the preset table of spec section 2, option copying,
/// argument errors, and the string API's buffer growth.
/// </summary>
public class ContractFacts
{
    // Spec section 2, column by column.
    [Theory]
    [InlineData("Default", LetterTarget.Arabic, DigitTarget.Ascii, QuoteTarget.Ascii, ZwnjHandling.Remove, false)]
    [InlineData("Search", LetterTarget.Arabic, DigitTarget.Ascii, QuoteTarget.Ascii, ZwnjHandling.Space, true)]
    [InlineData("Persian", LetterTarget.Persian, DigitTarget.Persian, QuoteTarget.Keep, ZwnjHandling.Keep, false)]
    public void Presets_Options_AreTheSpecTable(string preset, LetterTarget letters, DigitTarget digits, QuoteTarget quotes, ZwnjHandling zwnj, bool searchFolds)
    {
        ArabicNormalizer n = preset switch
        {
            "Default" => ArabicNormalizer.Default,
            "Search" => ArabicNormalizer.Search,
            _ => ArabicNormalizer.Persian,
        };
        ArabicNormalizerOptions o = n.GetOptions();
        Assert.True(o.FoldCompatibilityForms);
        Assert.True(o.ComposeHamza);
        Assert.Equal(letters, o.Letters);
        Assert.False(o.ContextualFarsiYeh);
        Assert.Equal(digits, o.Digits);
        Assert.Equal(quotes, o.Quotes);
        Assert.True(o.RemoveTatweel);
        Assert.True(o.RemoveFormatControls);
        Assert.Equal(zwnj, o.Zwnj);
        Assert.True(o.NormalizeSpaces);
        Assert.Equal(searchFolds, o.CollapseSpaces);
        Assert.Equal(searchFolds, o.RemoveDiacritics);
        Assert.Equal(searchFolds, o.FoldAlef);
        Assert.Equal(searchFolds, o.FoldAlefMaksura);
        Assert.Equal(searchFolds, o.FoldTehMarbuta);
        Assert.Equal(searchFolds, o.AsciiPunctuation);
        Assert.Same(n, preset switch { "Default" => ArabicNormalizer.Default, "Search" => ArabicNormalizer.Search, _ => ArabicNormalizer.Persian });
    }

    [Fact]
    public void Options_NewInstance_HoldsTheDefaultPreset()
    {
        Assert.Equal(ArabicNormalizer.Default.GetOptions().ToString(), new ArabicNormalizerOptions().ToString());
    }

    [Fact]
    public void Options_CopyConstructor_CopiesEveryValue()
    {
        // Each option away from its default, so a value left uncopied shows.
        var source = new ArabicNormalizerOptions
        {
            FoldCompatibilityForms = false,
            ComposeHamza = false,
            Letters = LetterTarget.Persian,
            ContextualFarsiYeh = true,
            Digits = DigitTarget.ArabicIndic,
            Quotes = QuoteTarget.Keep,
            RemoveTatweel = false,
            RemoveFormatControls = false,
            Zwnj = ZwnjHandling.Space,
            NormalizeSpaces = false,
            CollapseSpaces = true,
            RemoveDiacritics = true,
            FoldAlef = true,
            FoldAlefMaksura = true,
            FoldTehMarbuta = true,
            AsciiPunctuation = true,
        };
        string expected =
            "FoldCompatibilityForms=False, ComposeHamza=False, Letters=Persian, ContextualFarsiYeh=True, Digits=ArabicIndic, " +
            "Quotes=Keep, RemoveTatweel=False, RemoveFormatControls=False, Zwnj=Space, NormalizeSpaces=False, " +
            "CollapseSpaces=True, RemoveDiacritics=True, FoldAlef=True, FoldAlefMaksura=True, FoldTehMarbuta=True, AsciiPunctuation=True";
        Assert.Equal(expected, source.ToString());
        Assert.Equal(expected, new ArabicNormalizerOptions(source).ToString());

        var n = new ArabicNormalizer(source);
        Assert.Equal(expected, n.GetOptions().ToString());
        Assert.Equal("ArabicNormalizer { " + expected + " }", n.ToString());
    }

    [Fact]
    public void Normalizer_OptionsChangedAfterConstruction_AreNotSeen()
    {
        var options = new ArabicNormalizerOptions();
        var n = new ArabicNormalizer(options);
        options.Letters = LetterTarget.Keep;
        Assert.Equal("\u064A", n.Normalize("\u06CC")); // FARSI YEH -> YEH still

        ArabicNormalizerOptions copy = n.GetOptions();
        copy.Digits = DigitTarget.Keep;
        Assert.Equal("1", n.Normalize("\u0661")); // ARABIC-INDIC DIGIT ONE -> 1 still
        Assert.NotSame(n.GetOptions(), n.GetOptions());
    }

    [Fact]
    public void Options_UndefinedEnumValues_ThrowAtConstruction()
    {
        Assert.Throws<ArgumentOutOfRangeException>("options", () => new ArabicNormalizer(new ArabicNormalizerOptions { Letters = (LetterTarget)3 }));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => new ArabicNormalizer(new ArabicNormalizerOptions { Digits = (DigitTarget)4 }));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => new ArabicNormalizer(new ArabicNormalizerOptions { Quotes = (QuoteTarget)2 }));
        Assert.Throws<ArgumentOutOfRangeException>("options", () => new ArabicNormalizer(new ArabicNormalizerOptions { Zwnj = (ZwnjHandling)(-1) }));
    }

    [Fact]
    public void Arguments_Null_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new ArabicNormalizer(null!));
        Assert.Throws<ArgumentNullException>(() => new ArabicNormalizerOptions(null!));
        Assert.Throws<ArgumentNullException>(() => ArabicNormalizer.Default.Normalize((string)null!));
    }

    [Fact]
    public void Normalize_OverlappingBuffers_Throw()
    {
        char[] buffer = "\u06CC\u06CC\u06CC\u06CC".ToCharArray();
        Assert.Throws<ArgumentException>("destination", () => ArabicNormalizer.Default.Normalize(buffer.AsSpan(0, 2), buffer.AsSpan(1, 3), out _, out _));

        // Adjacent, not overlapping, is fine.
        OperationStatus status = ArabicNormalizer.Default.Normalize(buffer.AsSpan(0, 2), buffer.AsSpan(2, 2), out int consumed, out int written);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(2, consumed);
        Assert.Equal(2, written);
        Assert.Equal("\u06CC\u06CC\u064A\u064A", new string(buffer));
    }

    // The string API grows its buffer when compatibility expansions outgrow its first guess.
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(300)]
    public void Normalize_ManyLongExpansions_GrowsTheBuffer(int count)
    {
        string input = "abc " + string.Concat(Enumerable.Repeat("\uFDFA\uFEFB", count)); // the 18-character ligature, LAM-ALEF
        string output = ArabicNormalizer.Default.Normalize(input);
        Assert.Equal(4 + (count * 20), output.Length);
        Assert.Equal(SpecModel.Normalize(input, ArabicNormalizer.Default.GetOptions()), output);
        Assert.Equal(output.Length, ArabicNormalizer.Default.GetNormalizedLength(input));
        Assert.StartsWith("abc \u0635\u0644\u0649 ", output, StringComparison.Ordinal); // SAD LAM ALEF-MAKSURA: the ligature's first word
    }

    [Fact]
    public void Normalize_EmptyText_IsTheSameInstance()
    {
        Assert.Same(string.Empty, ArabicNormalizer.Search.Normalize(string.Empty));
        Assert.True(ArabicNormalizer.Search.IsNormalized(string.Empty));
        Assert.Equal(0, ArabicNormalizer.Search.GetNormalizedLength(string.Empty));
        Assert.Equal(OperationStatus.Done, ArabicNormalizer.Search.Normalize(ReadOnlySpan<char>.Empty, Span<char>.Empty, out int c, out int w));
        Assert.Equal(0, c + w);
    }
}
