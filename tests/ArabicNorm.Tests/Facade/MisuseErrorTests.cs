using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using ArabicNorm.Internal;
using ArabicNorm.Tests.Properties;
using ArabicNorm.Tests.Streaming;

namespace ArabicNorm.Tests.Facade;

// Misuse errors follow the BCL: ArgumentException naming the parameter for overlapping buffers (as TensorPrimitives),
// ObjectDisposedException for closed streams (as Stream.CopyTo), and a FormatException carrying the byte offset for
// invalid UTF-8 in a stream.
public class MisuseErrorTests
{
    private const string Text = "\u06CC\u0643 abc \u0660\u0661"; // FARSI YEH, KAF, "abc", ARABIC-INDIC ZERO, ONE

    [Fact]
    public void NormalizeWithOffsets_IndicesOverlapDestination_ThrowsNamingSourceIndices()
    {
        char[] memory = new char[128];
        Span<char> destination = memory.AsSpan(0, 20);
        Span<int> indices = MemoryMarshal.Cast<char, int>(memory.AsSpan(16, 64)); // chars 16..80: inside the destination's 0..20
        Assert.Throws<ArgumentException>(
            "sourceIndices", () => ArabicNormalizer.Default.NormalizeWithOffsets(Text, memory.AsSpan(0, 20), MemoryMarshal.Cast<char, int>(memory.AsSpan(16, 64)), out _, out _));
        Assert.True(indices.Length >= destination.Length);
    }

    [Fact]
    public void NormalizeWithOffsets_IndicesOverlapSource_ThrowsNamingSourceIndices()
    {
        char[] memory = new char[128];
        Text.CopyTo(memory);
        Assert.Throws<ArgumentException>(
            "sourceIndices",
            () => ArabicNormalizer.Default.NormalizeWithOffsets(
                memory.AsSpan(0, Text.Length), new char[16], MemoryMarshal.Cast<char, int>(memory.AsSpan(4, 40)), out _, out _));
    }

    [Fact]
    public void NormalizeWithOffsets_IndicesAdjacentToDestination_Work()
    {
        char[] memory = new char[128];
        Span<char> destination = memory.AsSpan(0, 16);
        Span<int> indices = MemoryMarshal.Cast<char, int>(memory.AsSpan(16, 32)); // right after the destination
        OperationStatus status = ArabicNormalizer.Default.NormalizeWithOffsets(Text, destination, indices, out int consumed, out int written);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(Text.Length, consumed);
        Assert.Equal(ArabicNormalizer.Default.Normalize(Text), new string(memory, 0, written));
    }

    [Fact]
    public void NormalizeWithOffsets_DestinationOverlapsSource_ThrowsNamingDestination()
    {
        char[] memory = new char[64];
        Text.CopyTo(memory);
        ArgumentException e = Assert.Throws<ArgumentException>(
            "destination", () => ArabicNormalizer.Default.NormalizeWithOffsets(memory.AsSpan(0, Text.Length), memory.AsSpan(3, 20), new int[20], out _, out _));
        Assert.Contains("overlaps", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumerateMatches_BufferOverlapsText_ThrowsNamingTheBuffer()
    {
        char[] memory = new char[64];
        Text.CopyTo(memory);
        ReadOnlySpan<char> text = memory.AsSpan(0, Text.Length);
        ArgumentException e = Assert.Throws<ArgumentException>(() =>
        {
            _ = ArabicNormalizer.Default.EnumerateMatches(memory.AsSpan(0, Text.Length), "abc", memory.AsSpan(8, 32), new int[32]);
        });
        Assert.Equal("normalizedTextBuffer", e.ParamName);
        Assert.False(text.IsEmpty);
    }

    [Fact]
    public void EnumerateMatches_IndexBufferOverlapsTextOrTextBuffer_ThrowsNamingTheIndexBuffer()
    {
        char[] memory = new char[128];
        Text.CopyTo(memory);
        ArgumentException overText = Assert.Throws<ArgumentException>(() =>
        {
            // The index buffer lies over the text itself.
            _ = ArabicNormalizer.Default.EnumerateMatches(
                memory.AsSpan(0, Text.Length), "abc", new char[32], MemoryMarshal.Cast<char, int>(memory.AsSpan(0, 64)));
        });
        Assert.Equal("sourceIndexBuffer", overText.ParamName);
        ArgumentException overTextBuffer = Assert.Throws<ArgumentException>(() =>
        {
            // The index buffer lies over the normalized-text buffer.
            _ = ArabicNormalizer.Default.EnumerateMatches(
                Text, "abc", memory.AsSpan(64, 32), MemoryMarshal.Cast<char, int>(memory.AsSpan(64, 64)));
        });
        Assert.Equal("sourceIndexBuffer", overTextBuffer.ParamName);
    }

    [Fact]
    public void GetSourceRange_RangeOutsideIndices_ThrowsNamingRange()
    {
        int[] indices = [0, 1, 2];
        Assert.Throws<ArgumentOutOfRangeException>("range", () => NormalizedText.GetSourceRange(indices, 3, 2..5));
        Assert.Throws<ArgumentOutOfRangeException>("range", () => NormalizedText.GetSourceRange(indices, 3, 2..1));
        Assert.Throws<ArgumentOutOfRangeException>("range", () => NormalizedText.GetSourceRange(indices, 3, ^4..));
        Assert.Throws<ArgumentOutOfRangeException>("sourceLength", () => NormalizedText.GetSourceRange(indices, -1, 0..1));
        Assert.Throws<ArgumentOutOfRangeException>("range", () => ArabicNormalizer.Default.NormalizeWithOffsets("abc").GetSourceRange(0..4));
    }

    [Theory]
    [InlineData(new[] { 0, 5, 6 }, 3)] // past the source
    [InlineData(new[] { -1, 0, 1 }, 3)] // negative
    [InlineData(new[] { 2, 1, 3 }, 4)] // decreasing
    public void GetSourceRange_IndicesNotFromTheEngine_ThrowsNamingSourceIndices(int[] indices, int sourceLength)
    {
        ArgumentException e = Assert.Throws<ArgumentException>("sourceIndices", () => NormalizedText.GetSourceRange(indices, sourceLength, 0..2));
        Assert.Contains("is not a source index", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetSourceRange_ValidIndices_StillMapRanges()
    {
        int[] indices = [0, 0, 2, 3];
        Assert.Equal(0..2, NormalizedText.GetSourceRange(indices, 5, 0..2));
        Assert.Equal(2..3, NormalizedText.GetSourceRange(indices, 5, 2..3));
        Assert.Equal(3..5, NormalizedText.GetSourceRange(indices, 5, 3..4));
        Assert.Equal(5..5, NormalizedText.GetSourceRange(indices, 5, 4..4));
    }

    [Fact]
    public void NormalizeUtf8Stream_DisposedSource_ThrowsObjectDisposedException()
    {
        var source = new MemoryStream("abc"u8.ToArray());
        source.Dispose();
        Assert.Throws<ObjectDisposedException>(() => ArabicNormalizer.Default.NormalizeUtf8(source, new MemoryStream()));
        Assert.Throws<ObjectDisposedException>(() => ArabicNormalizer.Default.NormalizeUtf8(source, new MemoryStream(), out _));
        Assert.ThrowsAny<ObjectDisposedException>(() => ArabicNormalizer.Default.NormalizeUtf8Async(source, new MemoryStream(), TestContext.Current.CancellationToken).GetAwaiter().GetResult());
        Assert.ThrowsAny<ObjectDisposedException>(() => ArabicNormalizer.Default.NormalizeUtf8WithReportAsync(source, new MemoryStream(), TestContext.Current.CancellationToken).GetAwaiter().GetResult());
    }

    [Fact]
    public void NormalizeUtf8Stream_DisposedDestination_ThrowsObjectDisposedException()
    {
        var destination = new MemoryStream();
        destination.Dispose();
        Assert.Throws<ObjectDisposedException>(() => ArabicNormalizer.Default.NormalizeUtf8(new MemoryStream("abc"u8.ToArray()), destination));
    }

    [Fact]
    public void NormalizeUtf8Stream_OpenStreamThatCannotRead_ThrowsArgumentExceptionNamingSource()
    {
        using var writeOnly = new WriteOnlyStream();
        ArgumentException e = Assert.Throws<ArgumentException>("source", () => ArabicNormalizer.Default.NormalizeUtf8(writeOnly, new MemoryStream()));
        Assert.IsNotType<ObjectDisposedException>(e);
        using var readOnly = new MemoryStream("abc"u8.ToArray(), writable: false);
        Assert.Throws<ArgumentException>("destination", () => ArabicNormalizer.Default.NormalizeUtf8(new MemoryStream(), readOnly));
    }

    [Fact]
    public void NormalizeText_DisposedReaderOrWriter_ThrowsObjectDisposedException()
    {
        var reader = new StringReader("abc");
        reader.Dispose();
        Assert.Throws<ObjectDisposedException>(() => ArabicNormalizer.Default.Normalize(reader, new StringWriter()));
        Assert.ThrowsAny<ObjectDisposedException>(() => ArabicNormalizer.Default.NormalizeWithReportAsync(reader, new StringWriter(), TestContext.Current.CancellationToken).GetAwaiter().GetResult());
        Assert.ThrowsAny<ObjectDisposedException>(() => ArabicNormalizer.Default.GetChangeReportAsync(reader, TestContext.Current.CancellationToken).GetAwaiter().GetResult());
        var writer = new StringWriter();
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => ArabicNormalizer.Default.Normalize(new StringReader("abc"), writer));
    }

    [Fact]
    public void BlockPump_AfterDispose_ThrowsObjectDisposedException()
    {
        var pump = new BlockPump<byte, Utf8Codec>(ArabicNormalizer.Default.Tables, null);
        pump.Dispose();
        pump.Dispose(); // twice is harmless, as for every IDisposable
        Assert.Throws<ObjectDisposedException>(() => pump.GetReadBuffer());
        Assert.Throws<ObjectDisposedException>(() => pump.Step(true, out _));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NormalizeUtf8Stream_InvalidByte_ThrowsInvalidUtf8ExceptionWithByteOffset(bool async)
    {
        byte[] source = [.. Encoding.UTF8.GetBytes("\u06CC\u06CC abc "), 0xC0, 0x80, .. "tail"u8];
        int offset = Encoding.UTF8.GetByteCount("\u06CC\u06CC abc ");
        var destination = new MemoryStream();
        InvalidUtf8Exception e = async
            ? Assert.ThrowsAny<InvalidUtf8Exception>(
                () => ArabicNormalizer.Default.NormalizeUtf8WithReportAsync(new ShortReadStream(source, [3]), destination, TestContext.Current.CancellationToken).GetAwaiter().GetResult())
            : Assert.Throws<InvalidUtf8Exception>(() => ArabicNormalizer.Default.NormalizeUtf8(new ShortReadStream(source, [3]), destination));
        Assert.Equal(offset, e.ByteOffset);
        Assert.IsAssignableFrom<FormatException>(e);
        Assert.Contains($"byte offset {offset}", e.Message, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(ArabicNormalizer.Default.Normalize("\u06CC\u06CC abc ")), destination.ToArray());
    }

    [Fact]
    public void InvalidUtf8Exception_Constructors_KeepOffsetOrMinusOne()
    {
        Assert.Equal(-1, new InvalidUtf8Exception().ByteOffset);
        Assert.False(string.IsNullOrEmpty(new InvalidUtf8Exception().Message));
        Assert.Equal(-1, new InvalidUtf8Exception("m").ByteOffset);
        var inner = new InvalidOperationException();
        var withInner = new InvalidUtf8Exception("m", inner);
        Assert.Same(inner, withInner.InnerException);
        Assert.Equal(-1, withInner.ByteOffset);
        Assert.Equal(1L << 40, new InvalidUtf8Exception("m", 1L << 40).ByteOffset);
    }

    private sealed class WriteOnlyStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
