using System.Buffers;
using System.Text;
using ArabicNorm.Internal;
using FsCheck.Xunit;

namespace ArabicNorm.Tests.Beyond;

public class TextStreamTests
{
    [Property(Arbitrary = [typeof(BeyondArbitraries)], MaxTest = 300)]
    public void NormalizeTextReader_AnyReadSizes_EqualsWholeText(RuleText text, OptionsCase options, ReadSizes reads)
    {
        var writer = new StringWriter();
        options.Normalizer.Normalize(new ShortReadReader(text.Value, reads.Sizes), writer);
        Assert.Equal(options.Normalizer.Normalize(text.Value), writer.ToString());
    }

    [Property(Arbitrary = [typeof(BeyondArbitraries)], MaxTest = 100)]
    public void NormalizeTextReaderAsync_AnyReadSizes_EqualsWholeText(RuleText text, OptionsCase options, ReadSizes reads)
    {
        var writer = new StringWriter();
        options.Normalizer.NormalizeAsync(new ShortReadReader(text.Value, reads.Sizes), writer).GetAwaiter().GetResult();
        Assert.Equal(options.Normalizer.Normalize(text.Value), writer.ToString());
    }

    [Property(Arbitrary = [typeof(BeyondArbitraries)], MaxTest = 300)]
    public void Pump_TinyBuffers_EqualsWholeText(RuleText text, OptionsCase options, ReadSizes reads)
    {
        // Buffers of 4 code units run every growth, compaction and output-full path; the cap is far above any
        // held-back tail the generator makes once deletions are removed.
        string expected = options.Normalizer.Normalize(text.Value);
        Assert.Equal(expected, PumpUtf16(options.Normalizer, text.Value, reads.Sizes, initialLength: 4, maxLength: 1 << 20));
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
    public void Pump_OpenEntryLongerThanCap_IsCutThereAsDocumented()
    {
        // Search deletes MADDA ABOVE after WAW (it does not compose), so the WAW stays open to a later HAMZA ABOVE:
        // whole, the text gives WAW WITH HAMZA ABOVE. With a cap of 64 code units the entry is cut, the WAW ends its
        // block, and the HAMZA ABOVE later stands alone and is deleted as a diacritic.
        string text = "\u0648" + new string('\u0653', 200) + "\u0654";
        Assert.Equal("\u0624", ArabicNormalizer.Search.Normalize(text));
        Assert.Equal("\u0648", PumpUtf16(ArabicNormalizer.Search, text, [7], initialLength: 16, maxLength: 64));
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

    internal static string PumpUtf16(ArabicNormalizer normalizer, string text, int[] sizes, int initialLength, int maxLength)
    {
        NormalizationTables tables = normalizer.Tables;
        using var pump = new BlockPump<char>(new EngineBlockNormalizer<char, Utf16Codec>(tables, null), initialLength, maxLength);
        var reader = new ShortReadReader(text, sizes);
        var output = new StringBuilder();
        bool end = false;
        while (true)
        {
            Memory<char> buffer = pump.GetReadBuffer();
            if (!buffer.IsEmpty)
            {
                int read = reader.Read(buffer.Span);
                end = read == 0;
                pump.Advance(read);
            }

            PumpState state;
            do
            {
                state = pump.Step(end, out ReadOnlyMemory<char> chunk);
                output.Append(chunk.Span);
            }
            while (state == PumpState.Continue);

            if (state == PumpState.Finished)
            {
                return output.ToString();
            }
        }
    }
}
