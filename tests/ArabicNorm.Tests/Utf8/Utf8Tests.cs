using System.Buffers;
using System.Text;
using FsCheck.Xunit;
using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Utf8;

public class Utf8Tests
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 400)]
    public void NormalizeUtf8_ValidText_AgreesWithUtf16(ScalarText text, OptionsCase options)
    {
        byte[] source = s_strict.GetBytes(text.Value);
        byte[] destination = new byte[source.Length * 12 + 16];
        OperationStatus status = options.Normalizer.NormalizeUtf8(source, destination, out int consumed, out int written);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(source.Length, consumed);
        Assert.Equal(s_strict.GetBytes(options.Normalizer.Normalize(text.Value)), destination[..written]);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 400)]
    public void NormalizeUtf8_BlocksAndSmallDestinations_EqualOneCall(ScalarText text, OptionsCase options, ReadSizes cuts)
    {
        // Law L3 (blocks cut at any byte) and L4 (a destination too small resumes to the identical output).
        byte[] source = s_strict.GetBytes(text.Value);
        byte[] expected = s_strict.GetBytes(options.Normalizer.Normalize(text.Value));
        Assert.Equal(expected, NormalizeInBlocks(options.Normalizer, source, cuts.Sizes, out OperationStatus last));
        Assert.Equal(OperationStatus.Done, last);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF }, "lone FF")]
    [InlineData(new byte[] { 0x80 }, "stray continuation byte")]
    [InlineData(new byte[] { 0xC0, 0x80 }, "overlong NUL")]
    [InlineData(new byte[] { 0xC1, 0xBF }, "overlong")]
    [InlineData(new byte[] { 0xE0, 0x80, 0x80 }, "overlong three-byte")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "encoded high surrogate")]
    [InlineData(new byte[] { 0xED, 0xBF, 0xBF }, "encoded low surrogate")]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "above U+10FFFF")]
    [InlineData(new byte[] { 0xF5, 0x80, 0x80, 0x80 }, "F5 lead byte")]
    [InlineData(new byte[] { 0xD9, 0x41 }, "two-byte lead then ASCII")]
    [InlineData(new byte[] { 0xE2, 0x80, 0x41 }, "three-byte sequence cut by ASCII")]
    public void NormalizeUtf8_InvalidBytes_ReportsOffsetOfFirstInvalidByte(byte[] invalid, string what)
    {
        // Before: FARSI YEH, KEHEH, TATWEEL, ALEF (a composition base, still open), ARABIC-INDIC FIVE; after: ALEF.
        byte[] before = Encoding.UTF8.GetBytes("x \u06CC\u06A9\u0640\u0627\u0665");
        byte[] source = [.. before, .. invalid, .. Encoding.UTF8.GetBytes("\u0627 tail")];
        byte[] destination = new byte[256];
        foreach (bool isFinal in new[] { true, false })
        {
            OperationStatus status = ArabicNormalizer.Default.NormalizeUtf8(source, destination, out int consumed, out int written, isFinal);
            Assert.True(status == OperationStatus.InvalidData, what);
            Assert.Equal(before.Length, consumed);

            // The text before the invalid byte is normalized as if it ended there: YEH, KAF, ALEF, 5.
            Assert.Equal(Encoding.UTF8.GetBytes("x \u064A\u0643\u06275"), destination[..written]);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xD9 })]
    [InlineData(new byte[] { 0xE2, 0x80 })]
    [InlineData(new byte[] { 0xF0, 0x9E, 0xB8 })]
    public void NormalizeUtf8_SequenceCutOffAtEnd_NeedMoreDataOrInvalidWhenFinal(byte[] cut)
    {
        byte[] source = [(byte)'a', (byte)'b', .. cut];
        byte[] destination = new byte[16];
        Assert.Equal(OperationStatus.NeedMoreData,
            ArabicNormalizer.Default.NormalizeUtf8(source, destination, out int consumed, out int written, isFinalBlock: false));
        Assert.Equal(2, consumed);
        Assert.Equal(2, written);
        Assert.Equal(OperationStatus.InvalidData,
            ArabicNormalizer.Default.NormalizeUtf8(source, destination, out consumed, out written, isFinalBlock: true));
        Assert.Equal(2, consumed);
        Assert.Equal(2, written);
    }

    [Fact]
    public void NormalizeUtf8_EveryBmpScalar_AgreesWithUtf16()
    {
        // Every BMP scalar value once, under each preset, in one text.
        var builder = new StringBuilder();
        for (int c = 0; c < 0x10000; c++)
        {
            if (c is < 0xD800 or > 0xDFFF)
            {
                builder.Append((char)c);
            }
        }

        string text = builder.ToString();
        byte[] source = s_strict.GetBytes(text);
        foreach (ArabicNormalizer normalizer in new[] { ArabicNormalizer.Default, ArabicNormalizer.Search, ArabicNormalizer.Persian })
        {
            byte[] destination = new byte[source.Length * 2];
            Assert.Equal(OperationStatus.Done, normalizer.NormalizeUtf8(source, destination, out _, out int written));
            Assert.Equal(s_strict.GetBytes(normalizer.Normalize(text)), destination[..written]);
        }
    }

    [Fact]
    public void NormalizeUtf8_OverlappingBuffers_Throws()
    {
        byte[] buffer = new byte[16];
        Assert.Throws<ArgumentException>(
            "destination", () => ArabicNormalizer.Default.NormalizeUtf8(buffer.AsSpan(0, 8), buffer.AsSpan(4, 8), out _, out _));
    }

    [Fact]
    public void NormalizeUtf8_CleanText_AllocatesNothing()
    {
        byte[] source = Encoding.UTF8.GetBytes("\u0643\u062A\u0627\u0628 abc 123");
        byte[] destination = new byte[64];
        ArabicNormalizer.Default.NormalizeUtf8(source, destination, out _, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        ArabicNormalizer.Default.NormalizeUtf8(source, destination, out _, out int written);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(source, destination[..written]);
    }

    /// <summary>Feeds <paramref name="source"/> in blocks cut at the given sizes, into destinations of the next size,
    /// the way a streaming caller does: unconsumed bytes are passed again with the next block.</summary>
    internal static byte[] NormalizeInBlocks(ArabicNormalizer normalizer, byte[] source, int[] sizes, out OperationStatus last)
    {
        last = OperationStatus.Done;
        var output = new List<byte>();
        int position = 0;   // start of the unconsumed source
        int available = 0;  // bytes of the source handed over so far
        int step = 0;
        int boost = 1;      // grows the room when not even one result fits
        byte[] destination = new byte[4096];
        while (true)
        {
            int size = sizes[step++ % sizes.Length];
            available = Math.Min(source.Length, Math.Max(available, position) + size);
            bool isFinal = available == source.Length;
            int room = Math.Min(sizes[step % sizes.Length] * boost, destination.Length);
            last = normalizer.NormalizeUtf8(source.AsSpan(position, available - position), destination.AsSpan(0, room),
                out int consumed, out int written, isFinal);
            output.AddRange(destination.AsSpan(0, written).ToArray());
            position += consumed;
            boost = last == OperationStatus.DestinationTooSmall && consumed == 0 && written == 0 ? boost * 2 : 1;
            if ((last == OperationStatus.Done && isFinal) || last == OperationStatus.InvalidData)
            {
                return output.ToArray();
            }

            Assert.True(step < 1_000_000, "no progress");
        }
    }
}
