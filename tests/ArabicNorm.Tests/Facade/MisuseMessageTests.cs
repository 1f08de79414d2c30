using ArabicNorm.Internal;

namespace ArabicNorm.Tests.Facade;

// The whole text of each misuse message, as a user reads it: MisuseErrorTests checks the exception types and parameter
// names, these check that every sentence of the message is there (the messages are the contract's wording, written
// out here, not read back from the library).
public class MisuseMessageTests
{
    [Fact]
    public void NormalizeUtf8_OverlappingBuffers_MessageSaysHowToFixIt()
    {
        byte[] buffer = new byte[32];
        ArgumentException e = Assert.Throws<ArgumentException>(
            "destination", () => ArabicNormalizer.Default.NormalizeUtf8(buffer.AsSpan(0, 10), buffer.AsSpan(5, 10), out _, out _));
        Assert.StartsWith(
            "The buffer overlaps another buffer of the call. Normalize into a separate buffer: output can be longer than input, "
            + "so normalization cannot run in place.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeWithOffsets_ShortIndexBuffer_MessageSaysTheRule()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(
            "sourceIndices", () => ArabicNormalizer.Default.NormalizeWithOffsets("abc", new char[8], new int[7], out _, out _));
        Assert.StartsWith("The source index buffer must be at least as long as the destination.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetSourceRange_IndexPastTheSource_MessageNamesValuePositionAndLength()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(
            "sourceIndices", () => NormalizedText.GetSourceRange([0, 5, 6], 3, 0..2));
        Assert.StartsWith(
            "The source index 5 at position 1 is not a source index of a text of 3 characters "
            + "(indices lie in [0, sourceLength) and never decrease, as NormalizeWithOffsets writes them).",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void GetSourceRange_RangeOutsideTheText_MessageAndActualValueNameTheRange()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(
            "range", () => NormalizedText.GetSourceRange([0, 1, 2], 3, 2..1));
        Assert.Equal(2..1, e.ActualValue);
        Assert.StartsWith("The range 2..1 does not lie within a normalized text of 3 code units.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeUtf8Stream_DisposedSource_NamesTheStreamAndSaysItIsClosed()
    {
        var source = new MemoryStream("abc"u8.ToArray());
        source.Dispose();
        ObjectDisposedException e = Assert.Throws<ObjectDisposedException>(() => ArabicNormalizer.Default.NormalizeUtf8(source, new MemoryStream()));
        Assert.Equal(nameof(MemoryStream), e.ObjectName);
        Assert.StartsWith("The source stream is closed.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeUtf8Stream_DisposedDestination_NamesTheStreamAndSaysItIsClosed()
    {
        var destination = new MemoryStream();
        destination.Dispose();
        ObjectDisposedException e = Assert.Throws<ObjectDisposedException>(
            () => ArabicNormalizer.Default.NormalizeUtf8(new MemoryStream("abc"u8.ToArray()), destination));
        Assert.Equal(nameof(MemoryStream), e.ObjectName);
        Assert.StartsWith("The destination stream is closed.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlockPump_AfterDispose_NamesThePump()
    {
        var pump = new BlockPump<char, Utf16Codec>(ArabicNormalizer.Default.Tables, null);
        pump.Dispose();
        ObjectDisposedException e = Assert.Throws<ObjectDisposedException>(() => pump.GetReadBuffer());
        Assert.Equal("BlockPump`2", e.ObjectName);
    }

    [Fact]
    public void NormalizeUtf8Stream_InvalidByte_MessageSaysWhatAndWhere()
    {
        byte[] source = [.. "ab"u8, 0xFF, .. "cd"u8];
        InvalidUtf8Exception e = Assert.Throws<InvalidUtf8Exception>(
            () => ArabicNormalizer.Default.NormalizeUtf8(new MemoryStream(source), new MemoryStream()));
        Assert.Equal("The input is not valid UTF-8: invalid byte sequence at byte offset 2.", e.Message);
        Assert.Equal(2, e.ByteOffset);
    }
}
