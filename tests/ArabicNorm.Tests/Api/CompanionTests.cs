using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using ArabicNorm.Tests.Properties;
using FsCheck.Xunit;
using ICU4N.Text;

namespace ArabicNorm.Tests.Api;

/// <summary>The BCL companions of the span method for UTF-16 and UTF-8: each gives what the engine gives.</summary>
public class CompanionTests
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // ---- string Normalize(ReadOnlySpan<char>) ----

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void NormalizeSpan_EqualsNormalizeString(RuleText text, OptionsCase options)
    {
        Assert.Equal(options.Normalizer.Normalize(text.Value), options.Normalizer.Normalize(text.Value.AsSpan()));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void NormalizeSpan_SliceOfLargerText_EqualsNormalizeOfTheSliceAsString(RuleText before, RuleText text, RuleText after, OptionsCase options)
    {
        string whole = before.Value + text.Value + after.Value;
        ReadOnlySpan<char> slice = whole.AsSpan(before.Value.Length, text.Value.Length);
        Assert.Equal(options.Normalizer.Normalize(text.Value), options.Normalizer.Normalize(slice));
    }

    [Fact]
    public void NormalizeSpan_EmptyOrNormalized_ReturnsTheSameCharacters()
    {
        Assert.Same(string.Empty, ArabicNormalizer.Default.Normalize(ReadOnlySpan<char>.Empty));
        Assert.Equal("plain text", ArabicNormalizer.Default.Normalize("plain text".AsSpan()));
    }

    [Fact]
    public void NormalizeSpan_ManyExpansions_GrowsPastTheFirstGuess()
    {
        // 200 x U+FDFA: 3,600 characters out of 200, far past the first buffer (length + 80).
        string text = "x" + new string('\uFDFA', 200);
        string expected = ArabicNormalizer.Default.Normalize(text);
        Assert.Equal(1 + (200 * 18), expected.Length);
        Assert.Equal(expected, ArabicNormalizer.Default.Normalize(text.AsSpan()));
    }

    // ---- TryNormalize ----

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void TryNormalize_ExactRoomSucceeds_OneLessFails(RuleText text, OptionsCase options)
    {
        ArabicNormalizer normalizer = options.Normalizer;
        string expected = normalizer.Normalize(text.Value);
        char[] exact = new char[expected.Length];
        Assert.True(normalizer.TryNormalize(text.Value, exact, out int written));
        Assert.Equal(expected.Length, written);
        Assert.Equal(expected, new string(exact));

        if (expected.Length > 0)
        {
            char[] shorter = new char[expected.Length - 1];
            Assert.False(normalizer.TryNormalize(text.Value, shorter, out int none));
            Assert.Equal(0, none);
        }
    }

    [Fact]
    public void TryNormalize_OverlappingBuffers_Throws()
    {
        // Whatever the span method throws for overlapping buffers (the misuse contract lives there), TryNormalize throws.
        char[] buffer = "\u06CC\u06CC\u06CC\u06CC".ToCharArray(); // FARSI YEH x4
        Exception? expected = Record.Exception(() => ArabicNormalizer.Default.Normalize(buffer.AsSpan(0, 2), buffer.AsSpan(1, 3), out _, out _));
        Exception? actual = Record.Exception(() => ArabicNormalizer.Default.TryNormalize(buffer.AsSpan(0, 2), buffer.AsSpan(1, 3), out _));
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.GetType(), actual.GetType());
        byte[] bytes = new byte[8];
        Exception? utf8 = Record.Exception(() => ArabicNormalizer.Default.TryNormalizeUtf8(bytes.AsSpan(0, 4), bytes.AsSpan(2), out _));
        Assert.NotNull(utf8);
        Assert.Equal(expected.GetType(), utf8.GetType());
    }

    // ---- GetMaxNormalizedLength, GetMaxNormalizedUtf8Length ----

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void GetMaxNormalizedLength_BoundsEveryText(RuleText text, OptionsCase options)
    {
        Assert.InRange(options.Normalizer.GetNormalizedLength(text.Value), 0, options.Normalizer.GetMaxNormalizedLength(text.Value.Length));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void GetMaxNormalizedUtf8Length_BoundsEveryText(ScalarText text, OptionsCase options)
    {
        byte[] source = s_strict.GetBytes(text.Value);
        Assert.InRange(options.Normalizer.GetNormalizedUtf8Length(source), 0, options.Normalizer.GetMaxNormalizedUtf8Length(source.Length));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    public void GetMaxNormalizedLength_Default_IsTheLongestExpansionAndAttained(int n)
    {
        // U+FDFA's NFKC mapping (ICU4N, the oracle) is the longest: 18 UTF-16 characters, 33 UTF-8 bytes, out of 1 and 3.
        string mapping = Normalizer2.NFKCInstance.Normalize("\uFDFA");
        Assert.Equal(18, mapping.Length);
        Assert.Equal(33, Encoding.UTF8.GetByteCount(mapping));

        // A normalizer of the Default options built here, not the shared preset: the bounds are computed when a
        // normalizer is built, and a mutation run's warm test host built the preset before the mutant was switched on.
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions());
        string worst = new('\uFDFA', n);
        foreach (ArabicNormalizer instance in new[] { normalizer, ArabicNormalizer.Default })
        {
            Assert.Equal(18 * n, instance.GetMaxNormalizedLength(n));
            Assert.Equal(18 * n, instance.GetNormalizedLength(worst)); // attained
            Assert.Equal(11 * 3 * n, instance.GetMaxNormalizedUtf8Length(3 * n));
            Assert.Equal(33 * n, instance.GetNormalizedUtf8Length(Encoding.UTF8.GetBytes(worst)));
            Assert.True(instance.CanLengthen);
        }
    }

    [Theory]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(61)]
    [InlineData(300)]
    public void GetMaxNormalizedLength_KeptMarks_CountsTheStreamSafeJoiner(int n)
    {
        // No expansions, but kept Arabic marks: a sequence of more than 30 takes a U+034F before every 31st.
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions { FoldCompatibilityForms = false });
        string marks = new('\u064E', n); // FATHA, kept
        int actual = normalizer.GetNormalizedLength(marks);
        Assert.Equal(n + ((n - 1) / 30), actual); // one joiner per 30 marks after the first 30
        int bound = normalizer.GetMaxNormalizedLength(n);
        Assert.Equal(n + (n / 30), bound); // each mark weighs 1/30 of a joiner
        Assert.InRange(bound - actual, 0, 1); // reached, or within one joiner
        Assert.True(normalizer.CanLengthen);
    }

    [Fact]
    public void GetMaxNormalizedLength_NothingLengthens_IsTheLengthItself()
    {
        var normalizer = new ArabicNormalizer(NoLengthening());
        Assert.False(normalizer.CanLengthen);
        Assert.Equal(0, normalizer.GetMaxNormalizedLength(0));
        Assert.Equal(12345, normalizer.GetMaxNormalizedLength(12345));
        Assert.Equal(int.MaxValue, normalizer.GetMaxNormalizedLength(int.MaxValue));
    }

    [Fact]
    public void GetMaxNormalizedLength_NegativeOrOverflowing_ThrowsArgumentOutOfRange()
    {
        ArgumentOutOfRangeException negative = Assert.Throws<ArgumentOutOfRangeException>(() => ArabicNormalizer.Default.GetMaxNormalizedLength(-1));
        Assert.Equal("length", negative.ParamName);
        ArgumentOutOfRangeException huge = Assert.Throws<ArgumentOutOfRangeException>(() => ArabicNormalizer.Default.GetMaxNormalizedLength(int.MaxValue / 18 + 1));
        Assert.Equal("length", huge.ParamName);
        Assert.Contains((18L * ((int.MaxValue / 18) + 1)).ToString("N0", CultureInfo.CurrentCulture), huge.Message); // the bound it would be
        Assert.Contains("normalize it in parts", huge.Message);
        Assert.Equal(18 * (int.MaxValue / 18), ArabicNormalizer.Default.GetMaxNormalizedLength(int.MaxValue / 18)); // the largest that fits
        ArgumentOutOfRangeException utf8 = Assert.Throws<ArgumentOutOfRangeException>(() => ArabicNormalizer.Default.GetMaxNormalizedUtf8Length(-5));
        Assert.Equal("byteCount", utf8.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => ArabicNormalizer.Default.GetMaxNormalizedUtf8Length(int.MaxValue));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(61)]
    [InlineData(301)]
    public void GetMaxNormalizedUtf8Length_KeptMarks_CountsTheTwoByteJoiner(int n)
    {
        // FATHA and U+034F are two bytes each: the joiner every 30 marks costs 2 bytes per 60.
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions { FoldCompatibilityForms = false });
        byte[] marks = Encoding.UTF8.GetBytes(new string('\u064E', n));
        int actual = normalizer.GetNormalizedUtf8Length(marks);
        Assert.Equal(2 * (n + ((n - 1) / 30)), actual);
        int bound = normalizer.GetMaxNormalizedUtf8Length(marks.Length);
        Assert.Equal((2 * n) + (2 * n / 30), bound);
        Assert.InRange(bound - actual, 0, 2); // reached, or within one joiner
    }

    [Fact]
    public void GetMaxNormalizedUtf8Length_NothingLengthens_IsTheLengthItself()
    {
        var normalizer = new ArabicNormalizer(NoLengthening());
        Assert.Equal(4321, normalizer.GetMaxNormalizedUtf8Length(4321));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(300)]
    public void GetMaxNormalizedLength_DiacriticsRemovedWithHamzaComposed_CountsTheJoinerOfTheMarksKept(int n)
    {
        // RemoveDiacritics deletes the marks of spec 3.7, not U+08CA..U+08FF (Arabic Extended-A): those are kept and
        // sorted, so with ComposeHamza on they still take a Stream-Safe joiner, and the options can lengthen a text.
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions
        {
            FoldCompatibilityForms = false, ComposeHamza = true, RemoveDiacritics = true,
        });
        string marks = new('\u08E4', n); // ARABIC CURLY FATHA
        Assert.Equal(n + ((n - 1) / 30), normalizer.GetNormalizedLength(marks));
        Assert.Equal(n + (n / 30), normalizer.GetMaxNormalizedLength(n));
        Assert.True(normalizer.CanLengthen);
        Assert.Throws<InvalidOperationException>(() => normalizer.NormalizeInPlace(marks.ToCharArray()));

        // With ComposeHamza off nothing is sorted, no joiner is written, and nothing lengthens.
        var unsorted = new ArabicNormalizer(new ArabicNormalizerOptions
        {
            FoldCompatibilityForms = false, ComposeHamza = false, RemoveDiacritics = true,
        });
        Assert.Equal(marks, unsorted.Normalize(marks));
        Assert.Equal(n, unsorted.GetMaxNormalizedLength(n));
        Assert.False(unsorted.CanLengthen);
    }

    // ---- UTF-8: length, IsNormalized, byte[], Try ----

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void NormalizeUtf8Bytes_IsTheUtf8OfNormalize(ScalarText text, OptionsCase options)
    {
        ArabicNormalizer normalizer = options.Normalizer;
        byte[] source = s_strict.GetBytes(text.Value);
        byte[] expected = s_strict.GetBytes(normalizer.Normalize(text.Value));
        Assert.Equal(expected, normalizer.NormalizeUtf8(source));
        Assert.Equal(expected.Length, normalizer.GetNormalizedUtf8Length(source));
        Assert.Equal(normalizer.IsNormalized(text.Value), normalizer.IsNormalizedUtf8(source));

        byte[] exact = new byte[expected.Length];
        Assert.True(normalizer.TryNormalizeUtf8(source, exact, out int written));
        Assert.Equal(expected.Length, written);
        Assert.Equal(expected, exact);
        if (expected.Length > 0)
        {
            Assert.False(normalizer.TryNormalizeUtf8(source, new byte[expected.Length - 1], out int none));
            Assert.Equal(0, none);
        }
    }

    [Fact]
    public void NormalizeUtf8Bytes_ManyExpansions_GrowsPastTheFirstGuess()
    {
        byte[] source = Encoding.UTF8.GetBytes(new string('\uFDFA', 100));
        byte[] result = ArabicNormalizer.Default.NormalizeUtf8(source);
        Assert.Equal(3300, result.Length);
        Assert.Equal(ArabicNormalizer.Default.Normalize(new string('\uFDFA', 100)), Encoding.UTF8.GetString(result));
        Assert.Empty(ArabicNormalizer.Default.NormalizeUtf8(ReadOnlySpan<byte>.Empty));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0628 ")] // BEH, space: the sequence starts later in the text
    public void IsNormalized_PrecomposedHamzaLetterThenThirtyMarks_SeesTheJoinerItNeeds(string before)
    {
        // ALEF WITH HAMZA ABOVE counts as one non-starter (its hamza), so 30 FATHA after it make 31: the engine writes a
        // U+034F COMBINING GRAPHEME JOINER before the last, so the text is not normalized, and the string method must
        // not return it as it is, wherever the sequence starts.
        string text = before + "\u0623" + new string('\u064E', 30);
        string normalized = ArabicNormalizer.Default.Normalize(text.AsSpan());
        Assert.Contains('\u034F', normalized);
        Assert.False(ArabicNormalizer.Default.IsNormalized(text));
        Assert.Equal(normalized, ArabicNormalizer.Default.Normalize(text));
    }

    [Theory]
    [InlineData("\u0627")] // ALEF: a later HAMZA ABOVE could still compose with it
    [InlineData(" ")] // a space of a run being collapsed
    [InlineData("\u06CC")] // FARSI YEH: contextual, its form waits for what follows
    public void NormalizeUtf8Bytes_GrowsPastTheFirstGuess_AndEndsWithAnOpenEntry_EqualsNormalize(string end)
    {
        // The first guess is too small, so the array is measured and filled in a second pass: that pass, too, treats the
        // source as the whole text, so the entry that ends it is closed as the string method closes it.
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions { CollapseSpaces = true, ContextualFarsiYeh = true });
        string text = new string('\uFDFA', 100) + end;
        Assert.Equal(Encoding.UTF8.GetBytes(normalizer.Normalize(text)), normalizer.NormalizeUtf8(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void IsNormalizedUtf8_SameLengthButDifferent_ReturnsFalse()
    {
        Assert.False(ArabicNormalizer.Default.IsNormalizedUtf8(Encoding.UTF8.GetBytes("ab\u06CC"))); // FARSI YEH -> YEH, 2 bytes each
        Assert.True(ArabicNormalizer.Default.IsNormalizedUtf8(Encoding.UTF8.GetBytes("ab\u064A"))); // YEH
        Assert.True(ArabicNormalizer.Default.IsNormalizedUtf8(ReadOnlySpan<byte>.Empty));
    }

    public static TheoryData<string, byte[]> InvalidUtf8 => new()
    {
        { "stray continuation byte", [.. "abc"u8, 0x80, .. "def"u8] },
        { "overlong form", [.. "abc"u8, 0xC0, 0x80] },
        { "encoded surrogate", [.. "abc"u8, 0xED, 0xA0, 0x80] },
        { "above U+10FFFF", [.. "abc"u8, 0xF4, 0x90, 0x80, 0x80] },
        { "cut off by the end", [.. "abc"u8, 0xE2, 0x82] },
        { "invalid after a change", [.. "\u06CCb"u8, 0xFF] },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void Utf8Companions_InvalidUtf8_ThrowAtTheOffsetTheSpanMethodReports(string why, byte[] source)
    {
        // The oracle: the runtime's own UTF-8 decoder stops at the first invalid byte.
        OperationStatus decoded = System.Text.Unicode.Utf8.ToUtf16(source, new char[source.Length], out int expectedOffset, out _, replaceInvalidSequences: false);
        Assert.Equal(OperationStatus.InvalidData, decoded);
        OperationStatus status = ArabicNormalizer.Default.NormalizeUtf8(source, new byte[1024], out int consumed, out _);
        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(expectedOffset, consumed);

        AssertInvalidUtf8(source, expectedOffset, () => ArabicNormalizer.Default.NormalizeUtf8(source.AsSpan()));
        AssertInvalidUtf8(source, expectedOffset, () => ArabicNormalizer.Default.GetNormalizedUtf8Length(source));
        AssertInvalidUtf8(source, expectedOffset, () => ArabicNormalizer.Default.IsNormalizedUtf8(source));
        AssertInvalidUtf8(source, expectedOffset, () => ArabicNormalizer.Default.TryNormalizeUtf8(source, new byte[1024], out _));
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public void IsNormalizedUtf8_InvalidByteAfterTheFirstChange_StillThrows()
    {
        // A change comes first, so the answer would be false: the invalid byte far behind it is still reported.
        byte[] source = [.. Encoding.UTF8.GetBytes("\u06CC"), .. new byte[5000].Select(_ => (byte)'a'), 0xFF];
        AssertInvalidUtf8(source, 5002, () => ArabicNormalizer.Default.IsNormalizedUtf8(source));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(600)]
    [InlineData(1100)]
    public void IsNormalizedUtf8_ExpansionAfterAPlainPrefix_IsFalse(int prefix)
    {
        // The UTF-8 check compares 512-byte rounds of output with the source: a round that ends in an expansion writes
        // more than the source has left, and that alone answers false (U+FDFA ARABIC LIGATURE SALLALLAHOU ALAYHE
        // WASALLAM, 3 bytes, gives 18 characters).
        byte[] source = [.. new byte[prefix].Select(_ => (byte)'a'), .. Encoding.UTF8.GetBytes("\uFDFA")];
        Assert.False(ArabicNormalizer.Default.IsNormalizedUtf8(source));
        Assert.True(ArabicNormalizer.Default.IsNormalizedUtf8(ArabicNormalizer.Default.NormalizeUtf8(source)));
    }

    // ---- NormalizeInPlace, CanLengthen ----

    [Property(Arbitrary = [typeof(Generators), typeof(ApiArbitraries)], MaxTest = 400)]
    public void NormalizeInPlace_EqualsNormalize(RuleText text, NonLengtheningCase options)
    {
        string expected = options.Normalizer.Normalize(text.Value);
        char[] buffer = text.Value.ToCharArray();
        int length = options.Normalizer.NormalizeInPlace(buffer);
        Assert.Equal(expected, new string(buffer, 0, length));
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void NormalizeInPlace_LongTextsOnEveryVectorStrategy_EqualsNormalize(string strategyName)
    {
        Internal.VectorStrategy strategy = Internal.VectorStrategy.All.Single(s => s.Name == strategyName);
        if (!strategy.IsSupported)
        {
            Assert.Skip($"{strategyName} is not supported on this machine.");
        }

        // Long texts: plain stretches the vector path copies (shifted left once something was deleted before them),
        // with deletions, mapped letters and spaces mixed in.
        var random = new Random(20261201);
        string[] pieces = ["\u0627\u0644\u0643\u062A\u0627\u0628 ", "\u06CC", "\u0640", "\u200F", "\u06F1\u06F2", "  ", "\u00A0", "\u201C", "abc def ", "\u064E\u0651", "\u200C", "\u0623"];
        foreach (ArabicNormalizerOptions options in NonLengtheningCase.Pool.Select(c => c.Options))
        {
            var normalizer = new ArabicNormalizer(options, strategy);
            Assert.False(normalizer.CanLengthen);
            for (int round = 0; round < 20; round++)
            {
                var builder = new StringBuilder();
                while (builder.Length < 3000)
                {
                    builder.Append(pieces[random.Next(pieces.Length)]);
                }

                string text = builder.ToString();
                char[] buffer = text.ToCharArray();
                int length = normalizer.NormalizeInPlace(buffer);
                Assert.Equal(normalizer.Normalize(text), new string(buffer, 0, length));
            }
        }
    }

    [Fact]
    public void NormalizeInPlace_EveryCharacterAlone_EqualsNormalize()
    {
        foreach (NonLengtheningCase options in NonLengtheningCase.Pool.Take(4))
        {
            char[] buffer = new char[3];
            for (int c = 0; c <= 0xFFFF; c++)
            {
                // Between two letters, so that context rules (spaces, yeh, marks) see something on both sides.
                string text = "\u0628" + (char)c + "\u0627";
                text.CopyTo(buffer);
                int length = options.Normalizer.NormalizeInPlace(buffer);
                Assert.Equal(options.Normalizer.Normalize(text), new string(buffer, 0, length));
            }
        }
    }

    [Fact]
    public void NormalizeInPlace_LengtheningOptions_ThrowsAndSaysWhy()
    {
        char[] text = "\uFDFA".ToCharArray();
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => ArabicNormalizer.Default.NormalizeInPlace(text));
        Assert.Contains(nameof(ArabicNormalizer.CanLengthen), e.Message);
        Assert.Contains("Stream-Safe joiner", e.Message); // the second reason
        Assert.Contains($"a buffer of {nameof(ArabicNormalizer.GetMaxNormalizedLength)} characters", e.Message); // what to do
        Assert.Equal('\uFDFA', text[0]); // untouched
        Assert.Throws<InvalidOperationException>(() => ArabicNormalizer.Search.NormalizeInPlace(text));
        Assert.Throws<InvalidOperationException>(() => ArabicNormalizer.Persian.NormalizeInPlace(text));
    }

    [Fact]
    public void CanLengthen_False_NoCharacterGrows()
    {
        // CanLengthen is computed from the tables; check it against the engine, character by character.
        foreach (NonLengtheningCase options in NonLengtheningCase.Pool)
        {
            for (int c = 0; c <= 0xFFFF; c++)
            {
                Assert.InRange(options.Normalizer.GetNormalizedLength(((char)c).ToString()), 0, 1);
            }
        }
    }

    [Fact]
    public void CanLengthen_ComposeHamzaWithAllDiacriticsRemoved_DependsOnKeptMarks()
    {
        // With diacritics removed, only the Arabic marks that are not diacritics stay to be counted for the joiner.
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions { FoldCompatibilityForms = false, RemoveDiacritics = true });
        bool someMarkKept = Enumerable.Range(0x0600, 0x300)
            .Any(c => Internal.NormalizationTables.CombiningClass(c) != 0 && normalizer.Normalize(((char)c).ToString()).Length == 1);
        Assert.Equal(someMarkKept, normalizer.CanLengthen);
    }

    /// <summary>Asserts that <paramref name="call"/> reports invalid UTF-8 as the stream API does for the same bytes:
    /// the same exception type, and the offset in its message.</summary>
    internal static void AssertInvalidUtf8(byte[] source, long offset, Action call)
    {
        Exception? expected = Record.Exception(() => ArabicNormalizer.Default.NormalizeUtf8(new MemoryStream(source), Stream.Null));
        Assert.NotNull(expected);
        Assert.Contains($"byte offset {offset}", expected.Message, StringComparison.Ordinal);
        Exception? actual = Record.Exception(call);
        Assert.NotNull(actual);
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Contains($"byte offset {offset}", actual.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> StrategyNames()
    {
        var data = new TheoryData<string>();
        foreach (Internal.VectorStrategy strategy in Internal.VectorStrategy.All)
        {
            data.Add(strategy.Name);
        }

        return data;
    }

    internal static ArabicNormalizerOptions NoLengthening() => new()
    {
        FoldCompatibilityForms = false,
        ComposeHamza = false,
    };
}

/// <summary>An option set that cannot lengthen text (no compatibility folding, no hamza composition), drawn from a
/// seeded pool.</summary>
public sealed record NonLengtheningCase(ArabicNormalizerOptions Options)
{
    private readonly Lazy<ArabicNormalizer> _normalizer = new(() => new ArabicNormalizer(Options));

    public ArabicNormalizer Normalizer => _normalizer.Value;

    public static IReadOnlyList<NonLengtheningCase> Pool { get; } = BuildPool();

    public override string ToString() => Options.ToString();

    private static NonLengtheningCase[] BuildPool()
    {
        var random = new Random(20261201);
        var pool = new List<NonLengtheningCase>
        {
            new(CompanionTests.NoLengthening()),
            new(new ArabicNormalizerOptions
            {
                FoldCompatibilityForms = false, ComposeHamza = false, Zwnj = ZwnjHandling.Space, CollapseSpaces = true,
                RemoveDiacritics = true, FoldAlef = true, FoldAlefMaksura = true, FoldTehMarbuta = true, AsciiPunctuation = true,
            }),
            new(new ArabicNormalizerOptions
            {
                FoldCompatibilityForms = false, ComposeHamza = false, Letters = LetterTarget.Persian, Digits = DigitTarget.Persian,
                ContextualFarsiYeh = true, Quotes = QuoteTarget.Keep, Zwnj = ZwnjHandling.Keep,
            }),
        };
        for (int k = 0; k < 12; k++)
        {
            // Any option set, with the two rules that can lengthen text (compatibility expansions, the Stream-Safe joiner
            // after kept marks) off.
            ArabicNormalizerOptions options = Generators.DrawOptions(random);
            options.FoldCompatibilityForms = false;
            options.ComposeHamza = false;
            pool.Add(new NonLengtheningCase(options));
        }

        return pool.ToArray();
    }
}

/// <summary>The generators of the API properties.</summary>
public static class ApiArbitraries
{
    public static FsCheck.Arbitrary<NonLengtheningCase> NonLengtheningCase() =>
        FsCheck.Fluent.Arb.From(FsCheck.Fluent.Gen.Elements(Api.NonLengtheningCase.Pool.ToArray()));
}
