using ArabicNorm.Internal;
using FsCheck.Xunit;
using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Streaming;

public class TextStreamTests
{
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void NormalizeTextReader_AnyReadSizes_EqualsWholeText(RuleText text, OptionsCase options, ReadSizes reads)
    {
        var writer = new StringWriter();
        options.Normalizer.Normalize(new ShortReadReader(text.Value, reads.Sizes), writer);
        Assert.Equal(options.Normalizer.Normalize(text.Value), writer.ToString());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public void NormalizeTextReaderAsync_AnyReadSizes_EqualsWholeText(RuleText text, OptionsCase options, ReadSizes reads)
    {
        var writer = new StringWriter();
        options.Normalizer.NormalizeAsync(new ShortReadReader(text.Value, reads.Sizes), writer).GetAwaiter().GetResult();
        Assert.Equal(options.Normalizer.Normalize(text.Value), writer.ToString());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void Pump_TinyBuffers_EqualsWholeText(RuleText text, OptionsCase options, ReadSizes reads)
    {
        // Buffers of 4 code units run every growth, compaction and output-full path.
        string expected = options.Normalizer.Normalize(text.Value);
        Assert.Equal(expected, PumpUtf16(options.Normalizer, text.Value, reads.Sizes, initialLength: 4));
    }

    [Fact]
    public void NormalizeTextReader_SeedArticleInOneCharReads_EqualsWholeText()
    {
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
        var reader = new ShortReadReader(seed, [1]);
        var writer = new StringWriter();
        ArabicNormalizer.Default.Normalize(reader, writer);
        string expected = ArabicNormalizer.Default.Normalize(seed);
        Assert.Equal(expected, writer.ToString());
        Assert.NotEqual(seed, expected);
        Assert.True(reader.Reads > seed.Length);
    }

    [Fact]
    public void NormalizeTextReader_LetterThenManyTatweelsThenHamza_ComposesAcrossBuffers()
    {
        // WAW, 100,000 TATWEEL, HAMZA ABOVE: one open entry far longer than the 16 Ki buffer. The tatweels are removed
        // from the held-back tail, so the hamza still composes: WAW WITH HAMZA ABOVE.
        string text = "\u0648" + new string('\u0640', 100_000) + "\u0654";
        var writer = new StringWriter();
        ArabicNormalizer.Default.Normalize(new StringReader(text), writer);
        Assert.Equal("\u0624", writer.ToString());
    }

    [Fact]
    public void Pump_LetterThenManyDeletedHamzaMarks_StaysShortAndComposes()
    {
        // Search deletes MADDA ABOVE after WAW (it does not compose), so the WAW stays open to a later HAMZA ABOVE:
        // WAW WITH HAMZA ABOVE. The deleted marks are dropped from the held-back tail, so the input buffer of 16 code
        // units never has to grow for them (it once grew to a cap and cut the text there).
        string text = "\u0648" + new string('\u0653', 200_000) + "\u0654";
        Assert.Equal("\u0624", ArabicNormalizer.Search.Normalize(text));
        Assert.Equal("\u0624", PumpUtf16(ArabicNormalizer.Search, text, [7], initialLength: 16, out int inputLength));
        Assert.True(inputLength <= 512, $"input buffer grew to {inputLength}");
    }

    [Fact]
    public void NormalizeTextReader_LetterThenMillionHamzaBelowThenHamzaAbove_EqualsStringApi()
    {
        // The case: WAW, a million HAMZA BELOW, HAMZA ABOVE. Default keeps the marks, so the Stream-Safe Text
        // Format splits them every 30 with a U+034F; the output is the string API's, with no cut at 1 Mi.
        string text = "\u0648" + new string('\u0655', 1_000_000) + "\u0654";
        string expected = ArabicNormalizer.Default.Normalize(text);
        var writer = new StringWriter();
        ArabicNormalizer.Default.Normalize(new ShortReadReader(text, [1400]), writer);
        Assert.Equal(expected, writer.ToString());
        Assert.Equal(text.Length + ((1_000_001 - 1) / 30), expected.Length); // a joiner after every 30 of the 1,000,001 marks
    }

    [Fact]
    public void NormalizeTextReader_SpaceRunLongerThanBuffers_CollapsesToOneSpace()
    {
        string text = "a" + new string(' ', 50_000) + "\u00A0\u200C" + new string(' ', 50_000) + "b";
        var writer = new StringWriter();
        ArabicNormalizer.Search.Normalize(new ShortReadReader(text, [4093]), writer);
        Assert.Equal("a b", writer.ToString());
    }

    [Fact]
    public void NormalizeAsync_CanceledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(
            () => ArabicNormalizer.Default.NormalizeAsync(new StringReader("abc"), new StringWriter(), cts.Token).GetAwaiter().GetResult());
    }

    [Fact]
    public void NormalizeTextReader_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ArabicNormalizer.Default.Normalize(null!, new StringWriter()));
        Assert.Throws<ArgumentNullException>(() => ArabicNormalizer.Default.Normalize(new StringReader(""), (TextWriter)null!));
    }

    internal static string PumpUtf16(ArabicNormalizer normalizer, string text, int[] sizes, int initialLength) =>
        PumpUtf16(normalizer, text, sizes, initialLength, out _);

    internal static string PumpUtf16(ArabicNormalizer normalizer, string text, int[] sizes, int initialLength, out int inputLength)
    {
        // The library's own pump loop, with a small buffer: the input buffer only grows, so its final length is the largest.
        using var pump = new BlockPump<char, Utf16Codec>(normalizer.Tables, null, initialLength);
        var output = new StringWriter();
        pump.Run(new TextPumpIo(new ShortReadReader(text, sizes), output), CancellationToken.None);
        inputLength = pump.InputLength;
        return output.ToString();
    }
}
