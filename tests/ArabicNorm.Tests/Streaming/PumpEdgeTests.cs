using System.Text;

namespace ArabicNorm.Tests.Streaming;

// Edges of the pump and of the pull wrappers that the property tests reach rarely or never: a held-back tail that is
// compacted while its last UTF-8 sequence is cut by the read, and the buffer checks of the array overloads.
public class PumpEdgeTests
{
    [Theory]
    [InlineData(37)]
    [InlineData(129)]
    [InlineData(3)]
    public void NormalizeUtf8Stream_CompactedTailEndingInACutSequence_KeepsTheCutBytesAndComposes(int readSize)
    {
        // WAW, 1,000 TATWEEL (two bytes each: an odd read size cuts one), HAMZA ABOVE, space, BEH. The tatweels are
        // deleted while the WAW waits for its mark, and the WAW composes with it: WAW WITH HAMZA ABOVE, space, BEH.
        string text = "\u0648" + new string('\u0640', 1000) + "\u0654 \u0628";
        var destination = new MemoryStream();
        ArabicNormalizer.Default.NormalizeUtf8(new ShortReadStream(Encoding.UTF8.GetBytes(text), [readSize]), destination);
        Assert.Equal(Encoding.UTF8.GetBytes("\u0624 \u0628"), destination.ToArray());
    }

    [Fact]
    public void NormalizeTextReader_CompactedTailEndingInAHighSurrogate_KeepsThePairAndComposes()
    {
        // The same held-back tail in UTF-16, ending in a pair that reads of 167 chars cut after its high half (at 1,002):
        // the tail is compacted with the half at its end, which must be kept for the next read. U+1F600 is in no table.
        string text = "\u0648" + new string('\u0640', 1000) + "\uD83D\uDE00";
        string expected = "\u0648\uD83D\uDE00";
        var writer = new StringWriter();
        ArabicNormalizer.Default.Normalize(new ShortReadReader(text, [167]), writer);
        Assert.Equal(expected, writer.ToString());
    }

    [Fact]
    public void NormalizingStreamRead_BadArrayArguments_ThrowArgumentExceptions()
    {
        using var stream = new NormalizingStream(new MemoryStream(Encoding.UTF8.GetBytes("\u06CC")), ArabicNormalizer.Default);
        Assert.Throws<ArgumentNullException>(() => stream.Read(null!, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Read(new byte[4], -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Read(new byte[4], 0, -1));
        Assert.ThrowsAny<ArgumentException>(() => stream.Read(new byte[4], 3, 2));
        Assert.Throws<ArgumentNullException>(() => { _ = stream.ReadAsync(null!, 0, 0, CancellationToken.None); });
    }

    [Fact]
    public void NormalizingTextReaderRead_NullArray_ThrowsArgumentNullException()
    {
        using var reader = new NormalizingTextReader(new StringReader("\u06CC"), ArabicNormalizer.Default);
        Assert.Equal("buffer", Assert.Throws<ArgumentNullException>(() => reader.Read(null!, 0, 0)).ParamName);
        Assert.Equal("buffer", Assert.Throws<ArgumentNullException>(() => { _ = reader.ReadAsync(null!, 0, 0); }).ParamName);
    }
}
