using System.Buffers;
using System.Text;

namespace ArabicNorm.Tests;

/// <summary>The API contract of <see cref="ArabicNormalizer"/> and <see cref="ArabicNormalizerOptions"/>, by example.</summary>
public class ContractTests
{
    /// <summary>Texts that exercise every kind of context the engine tracks.</summary>
    private static readonly string[] s_cases =
    [
        "",
        "abc",
        "\u0645\u0631\u062D\u0628\u0627", // MEEM REH HAH BEH ALEF: nothing to do under Default
        "\uFDFA", // LIGATURE SALLALLAHOU ALAYHE WASALLAM: 18 chars
        "ab\uFDFAcd\uFDFA",
        "\uFEFB\uFDF2\uFDFC", // LAM-ALEF, ALLAH, RIAL SIGN
        "\u0627\u0640\u0654", // ALEF, TATWEEL, HAMZA ABOVE
        "\u06CC\u0654\u06CC", // FARSI YEH, HAMZA ABOVE, FARSI YEH
        "\u0627\u0654\u0654\u0654",
        "\u0654\u0627",
        "\u0641\u06CC \u0628\u06CC\u0646 \u06CC\u0640 \u06CC\u0640\u0640\u0646\u06CC", // FARSI YEH in every position
        "a  \u200F  b\u00A0\u00A0 c   ", // spaces, a control, no-break spaces
        "   ",
        "x\uD83D\uDE00y\uD83Bz\uDE00", // emoji, lone surrogates
        "\uD83B\uDE00\uD83B\uDE0A\u0654", // MATHEMATICAL ALEF, MATHEMATICAL KAF, HAMZA ABOVE
        "\uFE8D\u0654\uFE70\uFE70 \uFC5E", // ALEF ISOLATED + HAMZA; FATHATAN ISOLATED; SHADDA WITH DAMMATAN ISOLATED
        "\u201C\u0661\u0662\u066A\u201D \u06F3\u066B\u06F4 \u0643\u0649\u0629 \u200C\u200D",
    ];

    public static TheoryData<string> Configurations => new()
    {
        "Default",
        "Search",
        "Persian",
        "Identity",
        "Default;ContextualFarsiYeh",
        "Default;ContextualFarsiYeh;CollapseSpaces",
        "Search;ContextualFarsiYeh",
        "Default;CollapseSpaces;Zwnj=Space",
    };

    [Theory]
    [InlineData("Default", "")]
    [InlineData("Default", "abc")]
    [InlineData("Default", "\u0645\u0631\u062D\u0628\u0627 \u0628\u0643")] // plain Arabic words
    [InlineData("Default", "\u0628\u0654 \u0649 \u064B")] // uncomposed HAMZA ABOVE, ALEF MAKSURA, FATHATAN: kept
    [InlineData("Search", "\u0627\u062D\u0645\u062F \u0641\u064A")]
    [InlineData("Persian", "\u06A9\u062A\u0627\u0628\u200C\u0647\u0627\u06CC \u06F1\u06F2")]
    public void Normalize_NothingToChange_ReturnsSameInstance(string preset, string text)
    {
        ArabicNormalizer normalizer = TestText.NormalizerFor(preset);
        Assert.Equal(text, SpecModel.Normalize(text, SpecModel.Parse(preset))); // the case is really clean
        Assert.Same(text, normalizer.Normalize(text));
        Assert.True(normalizer.IsNormalized(text));
    }

    [Theory]
    [InlineData("Default", "\u0627\u0654", "\u0623")] // ALEF + HAMZA ABOVE
    [InlineData("Default", "abc\u06CC", "abc\u064A")] // FARSI YEH at the end
    [InlineData("Search", "a  b", "a b")]
    public void Normalize_SomethingToChange_ReturnsNewString(string preset, string text, string expected)
    {
        ArabicNormalizer normalizer = TestText.NormalizerFor(preset);
        string actual = normalizer.Normalize(text);
        Assert.NotSame(text, actual);
        Assert.Equal(expected, actual);
        Assert.False(normalizer.IsNormalized(text));
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Search")]
    [InlineData("Persian")]
    public void Normalize_OwnOutput_ReturnsSameInstance(string preset)
    {
        ArabicNormalizer normalizer = TestText.NormalizerFor(preset);
        foreach (string text in s_cases.Append(TestText.ReadSeed()))
        {
            string once = normalizer.Normalize(text);
            Assert.Same(once, normalizer.Normalize(once));
        }
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Search")]
    [InlineData("Persian")]
    public void GetOptions_Preset_MatchesSpecSection2Table(string preset)
    {
        ArabicNormalizerOptions typedFromSpec = SpecModel.Parse(preset);
        ArabicNormalizer normalizer = preset switch
        {
            "Default" => ArabicNormalizer.Default,
            "Search" => ArabicNormalizer.Search,
            _ => ArabicNormalizer.Persian,
        };
        Assert.Equal(typedFromSpec.ToString(), normalizer.GetOptions().ToString());
        Assert.Same(normalizer, preset switch { "Default" => ArabicNormalizer.Default, "Search" => ArabicNormalizer.Search, _ => ArabicNormalizer.Persian });
    }

    [Fact]
    public void OptionsConstructor_NoArguments_HoldsDefaultPresetValues()
    {
        Assert.Equal(SpecModel.DefaultPreset().ToString(), new ArabicNormalizerOptions().ToString());
    }

    [Fact]
    public void OptionsNone_EveryOption_IsOffOrKeep()
    {
        // The identity of section 2, typed nowhere else: every bool false, every enum at Keep, and no stage enabled.
        ArabicNormalizerOptions none = ArabicNormalizerOptions.None();
        foreach (System.Reflection.PropertyInfo p in typeof(ArabicNormalizerOptions).GetProperties().Where(p => p.CanWrite))
        {
            object? value = p.GetValue(none);
            Assert.True(p.PropertyType == typeof(bool) ? Equals(value, false) : value?.ToString() == "Keep", $"{p.Name} = {value}");
        }

        Assert.DoesNotContain(ArabicNorm.Internal.RuleStages.All.ToArray(), stage => stage.IsEnabled(none));
        Assert.NotSame(none, ArabicNormalizerOptions.None());
    }

    [Fact]
    public void OptionsConstructor_Copy_CopiesEveryValue()
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
    public void Normalize_EmptyText_ReturnsSameInstance()
    {
        Assert.Same(string.Empty, ArabicNormalizer.Search.Normalize(string.Empty));
        Assert.True(ArabicNormalizer.Search.IsNormalized(string.Empty));
        Assert.Equal(0, ArabicNormalizer.Search.GetNormalizedLength(string.Empty));
        Assert.Equal(OperationStatus.Done, ArabicNormalizer.Search.Normalize(ReadOnlySpan<char>.Empty, Span<char>.Empty, out int c, out int w));
        Assert.Equal(0, c + w);
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
    public void Normalize_NullString_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("text", () => ArabicNormalizer.Default.Normalize((string)null!));
    }

    [Fact]
    public void Constructor_NullOptions_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>("options", () => new ArabicNormalizer(null!));
        Assert.Throws<ArgumentNullException>("other", () => new ArabicNormalizerOptions(null!));
    }

    [Theory]
    [InlineData("Letters", 3)]
    [InlineData("Letters", -1)]
    [InlineData("Digits", 4)]
    [InlineData("Digits", -1)]
    [InlineData("Quotes", 2)]
    [InlineData("Quotes", int.MinValue)]
    [InlineData("Zwnj", 3)]
    [InlineData("Zwnj", int.MaxValue)]
    public void Constructor_UndefinedEnumOption_ThrowsArgumentOutOfRangeNamingTheOption(string option, int value)
    {
        // The setter stores the value (a binder never fails half way); the normalizer's constructor rejects it.
        var o = new ArabicNormalizerOptions();
        switch (option)
        {
            case "Letters": o.Letters = (LetterTarget)value; break;
            case "Digits": o.Digits = (DigitTarget)value; break;
            case "Quotes": o.Quotes = (QuoteTarget)value; break;
            default: o.Zwnj = (ZwnjHandling)value; break;
        }

        Assert.Contains($"{option}={value}", o.ToString(), StringComparison.Ordinal);
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>("options", () => new ArabicNormalizer(o));
        Assert.Contains($"ArabicNormalizerOptions.{option} is {value}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumOptions_EveryDefinedValue_IsAccepted()
    {
        var o = new ArabicNormalizerOptions();
        foreach (LetterTarget v in Enum.GetValues<LetterTarget>())
        {
            o.Letters = v;
            Assert.Equal(v, o.Letters);
        }

        foreach (DigitTarget v in Enum.GetValues<DigitTarget>())
        {
            o.Digits = v;
            Assert.Equal(v, o.Digits);
        }

        foreach (QuoteTarget v in Enum.GetValues<QuoteTarget>())
        {
            o.Quotes = v;
            Assert.Equal(v, o.Quotes);
        }

        foreach (ZwnjHandling v in Enum.GetValues<ZwnjHandling>())
        {
            o.Zwnj = v;
            Assert.Equal(v, o.Zwnj);
        }
    }

    [Fact]
    public void GetOptions_ChangedCopy_LeavesNormalizerUnchanged()
    {
        ArabicNormalizer normalizer = ArabicNormalizer.Default;
        ArabicNormalizerOptions first = normalizer.GetOptions();
        Assert.NotSame(first, normalizer.GetOptions());

        first.Letters = LetterTarget.Keep;
        first.Digits = DigitTarget.Keep;
        first.FoldAlef = true;

        Assert.Equal(LetterTarget.Arabic, normalizer.GetOptions().Letters);
        Assert.Equal(DigitTarget.Ascii, normalizer.GetOptions().Digits);
        Assert.False(normalizer.GetOptions().FoldAlef);
        Assert.Equal("\u064A1", normalizer.Normalize("\u06CC\u0661")); // FARSI YEH -> YEH, ARABIC-INDIC DIGIT ONE -> 1
        Assert.Equal("\u0623", normalizer.Normalize("\u0623")); // ALEF WITH HAMZA ABOVE: FoldAlef still off
    }

    [Fact]
    public void Constructor_OptionsChangedAfterwards_LeavesNormalizerUnchanged()
    {
        ArabicNormalizerOptions options = SpecModel.Identity();
        var normalizer = new ArabicNormalizer(options);

        options.Letters = LetterTarget.Arabic;
        options.RemoveTatweel = true;
        options.FoldCompatibilityForms = true;

        const string text = "\u06CC\u0640\uFEFB"; // FARSI YEH, TATWEEL, LAM-ALEF ISOLATED: untouched by the identity
        Assert.Same(text, normalizer.Normalize(text));
        Assert.Equal(LetterTarget.Keep, normalizer.GetOptions().Letters);
        Assert.Equal("\u064A\u0644\u0627", new ArabicNormalizer(options).Normalize(text)); // a new normalizer sees the change
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void GetNormalizedLengthAndIsNormalized_ManyTexts_AgreeWithNormalize(string configuration)
    {
        ArabicNormalizer normalizer = TestText.NormalizerFor(configuration);
        foreach (string text in s_cases.Append(TestText.ReadSeed()))
        {
            string normalized = normalizer.Normalize(text);
            Assert.Equal(normalized.Length, normalizer.GetNormalizedLength(text));
            Assert.Equal(normalized == text, normalizer.IsNormalized(text));
            Assert.Equal(SpecModel.Normalize(text, SpecModel.Parse(configuration)), normalized);
        }
    }

    [Fact]
    public void GetNormalizedLength_LongExpandingText_IsExact()
    {
        // 2,000 x U+FDFA: 36,000 chars, far more than any internal scratch buffer.
        string text = new('\uFDFA', 2000);
        Assert.Equal(36000, ArabicNormalizer.Default.GetNormalizedLength(text));
        Assert.Equal(36000, ArabicNormalizer.Default.Normalize(text).Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    public void Normalize_FdfaIntoTooSmallDestination_WritesNothing(int room)
    {
        char[] destination = new char[room];
        OperationStatus status = ArabicNormalizer.Default.Normalize("\uFDFA", destination, out int consumed, out int written);
        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, written);

        destination = new char[18];
        status = ArabicNormalizer.Default.Normalize("\uFDFA", destination, out consumed, out written);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(1, consumed);
        Assert.Equal("\u0635\u0644\u0649 \u0627\u0644\u0644\u0647 \u0639\u0644\u064A\u0647 \u0648\u0633\u0644\u0645", new string(destination, 0, written));
    }

    [Fact]
    public void Normalize_TooSmallDestination_WritesWholeResultsThenContinues()
    {
        const string text = "ab\uFDFAc";
        char[] destination = new char[5];
        OperationStatus status = ArabicNormalizer.Default.Normalize(text, destination, out int consumed, out int written);
        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(2, consumed);
        Assert.Equal("ab", new string(destination, 0, written));

        var rest = new char[32];
        status = ArabicNormalizer.Default.Normalize(text.AsSpan(consumed), rest, out int consumed2, out int written2);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(text.Length - consumed, consumed2);
        Assert.Equal(ArabicNormalizer.Default.Normalize(text), "ab" + new string(rest, 0, written2));
    }

    [Fact]
    public void Normalize_TooSmallDestinationInsideAComposition_DoesNotSplitIt()
    {
        // ALEF, TATWEEL, HAMZA ABOVE with room for nothing: the composed ALEF WITH HAMZA ABOVE is one result.
        OperationStatus status = ArabicNormalizer.Default.Normalize("\u0627\u0640\u0654", Span<char>.Empty, out int consumed, out int written);
        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(0, written);
        Assert.Equal(0, consumed);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Normalize_EveryDestinationSize_ContinuesToIdenticalOutput(string configuration)
    {
        ArabicNormalizer normalizer = TestText.NormalizerFor(configuration);
        foreach (string text in s_cases)
        {
            string expected = normalizer.Normalize(text);
            for (int room = 1; room <= 20; room++)
            {
                Assert.Equal(expected, NormalizeInPieces(normalizer, text, text.Length, room, expected));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Normalize_EverySplitPoint_ContinuesToIdenticalOutput(string configuration)
    {
        ArabicNormalizer normalizer = TestText.NormalizerFor(configuration);
        foreach (string text in s_cases)
        {
            string expected = normalizer.Normalize(text);
            for (int split = 0; split <= text.Length; split++)
            {
                Assert.Equal(expected, NormalizeSplit(normalizer, text, split));
            }

            for (int chunk = 1; chunk <= 4; chunk++)
            {
                Assert.Equal(expected, NormalizeInPieces(normalizer, text, chunk, 64, expected));
            }
        }
    }

    [Fact]
    public void Normalize_CompositionBaseAtBlockEnd_NeedsMoreData()
    {
        // BEH, ALEF: the ALEF may take a HAMZA ABOVE from the next block.
        AssertHeldBack("Default", "\u0628\u0627", expectedConsumed: 1, expectedWritten: "\u0628");
        Assert.Equal("\u0628\u0623", NormalizeSplit(ArabicNormalizer.Default, "\u0628\u0627\u0654", 2)); // ALEF WITH HAMZA ABOVE
        Assert.Equal("\u0628\u0627 ", NormalizeSplit(ArabicNormalizer.Default, "\u0628\u0627 ", 2));

        // As a final block the same text is done.
        AssertDone("Default", "\u0628\u0627", "\u0628\u0627");
    }

    [Fact]
    public void Normalize_ContextualFarsiYehAtBlockEnd_NeedsMoreData()
    {
        const string options = "Default;ContextualFarsiYeh";
        ArabicNormalizer normalizer = TestText.NormalizerFor(options);
        AssertHeldBack(options, "\u0641\u06CC", expectedConsumed: 1, expectedWritten: "\u0641"); // FEH, FARSI YEH
        Assert.Equal("\u0641\u0649 \u0628", NormalizeSplit(normalizer, "\u0641\u06CC \u0628", 2)); // word-final: ALEF MAKSURA
        Assert.Equal("\u0641\u064A\u0646", NormalizeSplit(normalizer, "\u0641\u06CC\u0646", 2)); // before NOON: YEH
        Assert.Equal("\u0641\u0649 ", NormalizeSplit(normalizer, "\u0641\u06CC\u0640 ", 3)); // deleted TATWEEL, then space
        Assert.Equal("\u0641\u064A\u0646", NormalizeSplit(normalizer, "\u0641\u06CC\u0640\u0646", 3));
        AssertDone(options, "\u0641\u06CC", "\u0641\u0649");
    }

    [Fact]
    public void Normalize_SpaceRunAtBlockEndWithCollapseSpaces_NeedsMoreData()
    {
        const string options = "Default;CollapseSpaces";
        ArabicNormalizer normalizer = TestText.NormalizerFor(options);
        OperationStatus status = normalizer.Normalize("a  ", new char[16], out int consumed, out int written, isFinalBlock: false);
        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.InRange(consumed, 1, 2); // at least the last space is held back
        Assert.InRange(written, 1, 2);
        Assert.Equal("a b", NormalizeSplit(normalizer, "a    b", 3));
        Assert.Equal("a b", NormalizeSplit(normalizer, "a \u200F \u00A0b", 3)); // across a deleted control and a no-break space
        AssertDone(options, "a  ", "a ");
    }

    [Fact]
    public void Normalize_LoneHighSurrogateAtBlockEnd_NeedsMoreData()
    {
        AssertHeldBack("Default", "a\uD83D", expectedConsumed: 1, expectedWritten: "a");
        Assert.Equal("a\uD83D\uDE00", NormalizeSplit(ArabicNormalizer.Default, "a\uD83D\uDE00", 2)); // GRINNING FACE
        Assert.Equal("\u0627", NormalizeSplit(ArabicNormalizer.Default, "\uD83B\uDE00", 1)); // U+1EE00 MATHEMATICAL ALEF folds whole
        AssertDone("Default", "a\uD83D", "a\uD83D"); // unpaired at the end of the text: passes through
    }

    [Fact]
    public void Normalize_DeletionBetweenLoneSurrogateHalves_IsIdempotent()
    {
        // High half of U+1EE00 ARABIC MATHEMATICAL ALEF, a deleted character, the low half.
        foreach ((string preset, string text) in new[]
        {
            ("Default", "\uD83B\u200F\uDE00"), // RIGHT-TO-LEFT MARK
            ("Default", "\uD83B\u0640\uDE00"), // TATWEEL
            ("Search", "\uD83B\u064E\uDE00"), // FATHA
        })
        {
            ArabicNormalizer normalizer = TestText.NormalizerFor(preset);
            string once = normalizer.Normalize(text);
            Assert.True(once == normalizer.Normalize(once), $"{preset}: {TestText.Escape(text)} -> {TestText.Escape(once)} -> {TestText.Escape(normalizer.Normalize(once))}");
        }
    }

    [Fact]
    public void Normalize_OverlappingBuffers_ThrowsArgumentExceptionNamingDestination()
    {
        char[] buffer = "abcdefghij".ToCharArray();
        Assert.Throws<ArgumentException>("destination", () => ArabicNormalizer.Default.Normalize(buffer.AsSpan(0, 5), buffer.AsSpan(3, 5), out _, out _));
        Assert.Throws<ArgumentException>("destination", () => ArabicNormalizer.Default.Normalize(buffer.AsSpan(0, 5), buffer.AsSpan(0, 5), out _, out _));
        Assert.Throws<ArgumentException>("destination", () => ArabicNormalizer.Default.Normalize(buffer.AsSpan(4, 6), buffer.AsSpan(0, 5), out _, out _));

        // Adjacent but separate halves of one array are fine.
        OperationStatus status = ArabicNormalizer.Default.Normalize(buffer.AsSpan(0, 5), buffer.AsSpan(5, 5), out int consumed, out int written);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal((5, 5), (consumed, written));
        Assert.Equal("abcdeabcde", new string(buffer));
    }

    /// <summary>Feeds <paramref name="text"/> in blocks of <paramref name="chunk"/> chars (isFinalBlock false but for the
    /// last) into destinations of <paramref name="room"/> chars, doubling the room only for a call that cannot make
    /// progress, and checks after every call that the output so far is a prefix of <paramref name="expected"/>.</summary>
    internal static string NormalizeInPieces(ArabicNormalizer normalizer, string text, int chunk, int room, string? expected = null)
    {
        var output = new StringBuilder();
        char[] scratch = new char[Math.Max(room, 64)];
        int pos = 0;
        int end = Math.Min(chunk, text.Length);
        for (int calls = 0; ; calls++)
        {
            if (calls > 10 * (text.Length + 10))
            {
                Assert.Fail($"no progress on {TestText.Escape(text)}");
            }

            bool final = end == text.Length;
            ReadOnlySpan<char> source = text.AsSpan(pos, end - pos);
            OperationStatus status;
            int consumed;
            int written;
            int size = room;
            while (true)
            {
                Span<char> destination = scratch.AsSpan(0, size);
                status = normalizer.Normalize(source, destination, out consumed, out written, final);
                if (consumed < 0 || consumed > source.Length || written < 0 || written > size || (written > 0 && consumed == 0))
                {
                    Assert.Fail($"{status}: consumed {consumed} of {source.Length}, wrote {written} into {size}");
                }

                // Whole results only: what was just written continues the expected output exactly.
                if (expected is not null && !expected.AsSpan(Math.Min(output.Length, expected.Length)).StartsWith(destination[..written]))
                {
                    Assert.Fail($"after {calls + 1} calls the output {TestText.Escape(output.ToString() + destination[..written].ToString())} " +
                        $"is not a prefix of {TestText.Escape(expected)}");
                }

                output.Append(destination[..written]);
                if (status != OperationStatus.DestinationTooSmall || consumed > 0)
                {
                    break;
                }

                size *= 2;
                if (size > 64)
                {
                    Assert.Fail($"DestinationTooSmall with no progress and room for {size / 2} chars");
                }
            }

            pos += consumed;
            switch (status)
            {
                case OperationStatus.Done:
                    Assert.Equal(end, pos);
                    if (final)
                    {
                        return output.ToString();
                    }

                    end = Math.Min(end + chunk, text.Length);
                    break;
                case OperationStatus.NeedMoreData:
                    Assert.False(final, "NeedMoreData on a final block");
                    end = Math.Min(end + chunk, text.Length);
                    break;
                case OperationStatus.DestinationTooSmall:
                    break;
                default:
                    Assert.Fail($"unexpected status {status}");
                    break;
            }
        }
    }

    private static string NormalizeSplit(ArabicNormalizer normalizer, string text, int split)
    {
        char[] destination = new char[text.Length * 18 + 16];
        OperationStatus status = normalizer.Normalize(text.AsSpan(0, split), destination, out int consumed, out int written, isFinalBlock: false);
        Assert.True(status is OperationStatus.Done or OperationStatus.NeedMoreData, $"first block: {status}");
        if (status == OperationStatus.Done)
        {
            Assert.Equal(split, consumed);
        }

        string head = new(destination, 0, written);
        status = normalizer.Normalize(text.AsSpan(consumed), destination, out int consumed2, out int written2, isFinalBlock: true);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(text.Length - consumed, consumed2);
        return head + new string(destination, 0, written2);
    }

    private static void AssertHeldBack(string options, string text, int expectedConsumed, string expectedWritten)
    {
        char[] destination = new char[64];
        OperationStatus status = TestText.NormalizerFor(options).Normalize(text, destination, out int consumed, out int written, isFinalBlock: false);
        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(expectedConsumed, consumed);
        Assert.Equal(expectedWritten, new string(destination, 0, written));
    }

    private static void AssertDone(string options, string text, string expected)
    {
        char[] destination = new char[64];
        OperationStatus status = TestText.NormalizerFor(options).Normalize(text, destination, out int consumed, out int written, isFinalBlock: true);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(text.Length, consumed);
        Assert.Equal(expected, new string(destination, 0, written));
    }
}
