using System.Text;
using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Robustness;

/// <summary>
/// The argument errors of the reader, stream, offsets and report APIs (parameter names and messages a user can act
/// on), and what the stream APIs promise about their writer: flushed at the end, canceled between reads.
/// </summary>
public class MisuseAndPlumbingTests
{
    private const string Text = "\u0643\u062A\u0627\u0628 \u06CC"; // KAF TEH ALEF BEH, space, FARSI YEH

    private static readonly ArabicNormalizer s_normalizer = ArabicNormalizer.Default;

    [Fact]
    public void TextReaderOverloads_NullArguments_ThrowWithTheirNames()
    {
        var reader = new StringReader(Text);
        var writer = new StringWriter();
        Assert.Throws<ArgumentNullException>("reader", () => s_normalizer.Normalize(null!, writer));
        Assert.Throws<ArgumentNullException>("writer", () => s_normalizer.Normalize(reader, null!));
        Assert.Throws<ArgumentNullException>("reader", () => s_normalizer.Normalize(null!, writer, out _));
        Assert.Throws<ArgumentNullException>("writer", () => s_normalizer.Normalize(reader, null!, out _));
        Assert.Throws<ArgumentNullException>("reader", () => s_normalizer.NormalizeAsync(null!, writer, TestContext.Current.CancellationToken).GetAwaiter().GetResult());
        Assert.Throws<ArgumentNullException>("writer", () => s_normalizer.NormalizeAsync(reader, null!, TestContext.Current.CancellationToken).GetAwaiter().GetResult());
        Assert.Throws<ArgumentNullException>("reader", () => s_normalizer.GetChangeReport((TextReader)null!));
    }

    public static TheoryData<string> StreamOverloads => ["sync", "report", "async"];

    [Theory]
    [MemberData(nameof(StreamOverloads))]
    public void StreamOverloads_BadStreams_ThrowWithTheirNamesAndSayWhy(string overload)
    {
        using var readable = new MemoryStream(Encoding.UTF8.GetBytes(Text));
        using var writable = new MemoryStream();
        Assert.Throws<ArgumentNullException>("source", () => Run(overload, null!, writable));
        Assert.Throws<ArgumentNullException>("destination", () => Run(overload, readable, null!));

        using var writeOnly = new WriteOnlyStream();
        ArgumentException notReadable = Assert.Throws<ArgumentException>("source", () => Run(overload, writeOnly, writable));
        Assert.Contains("does not support reading", notReadable.Message, StringComparison.Ordinal);

        using var readOnly = new MemoryStream(new byte[4], writable: false);
        ArgumentException notWritable = Assert.Throws<ArgumentException>("destination", () => Run(overload, readable, readOnly));
        Assert.Contains("does not support writing", notWritable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextReaderOverloads_FlushTheWriter()
    {
        string expected = s_normalizer.Normalize(Text);
        foreach (string overload in (string[])["sync", "report", "async"])
        {
            using var sink = new MemoryStream();
            var writer = new StreamWriter(sink, new UTF8Encoding(false)) { AutoFlush = false };
            var reader = new StringReader(Text);
            switch (overload)
            {
                case "sync": s_normalizer.Normalize(reader, writer); break;
                case "report": s_normalizer.Normalize(reader, writer, out _); break;
                default:
                    // The argument checks and the flush are what is tested here, not asynchrony: block on purpose.
#pragma warning disable xUnit1031
                    s_normalizer.NormalizeAsync(reader, writer, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
#pragma warning restore xUnit1031
                    break;
            }

            // Nothing reaches the stream unless the method flushed the writer.
            Assert.Equal(expected, Encoding.UTF8.GetString(sink.ToArray()));
        }
    }

    [Theory]
    [MemberData(nameof(StreamOverloads))]
    public void StreamOverloads_FlushTheDestination(string overload)
    {
        using var sink = new MemoryStream();
        using var buffered = new BufferedStream(sink, 4096);
        Run(overload, new MemoryStream(Encoding.UTF8.GetBytes(Text)), buffered);
        Assert.Equal(s_normalizer.Normalize(Text), Encoding.UTF8.GetString(sink.ToArray()));
    }

    [Fact]
    public void NormalizeAsync_CanceledToken_ThrowsEvenWhenTheReaderIgnoresIt()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();
        var writer = new TokenBlindWriter();
        Assert.ThrowsAny<OperationCanceledException>(
            () => s_normalizer.NormalizeAsync(new TokenBlindReader(Text), writer, canceled.Token).GetAwaiter().GetResult());
        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public void NormalizeUtf8Async_CanceledToken_ThrowsEvenWhenTheStreamIgnoresIt()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();
        using var sink = new TokenBlindStream([]);
        using var source = new TokenBlindStream(Encoding.UTF8.GetBytes(Text));
        Assert.ThrowsAny<OperationCanceledException>(
            () => s_normalizer.NormalizeUtf8Async(source, sink, canceled.Token).GetAwaiter().GetResult());
        Assert.Equal(0, sink.Length);
    }

    [Fact]
    public void NormalizeWithOffsets_BadBuffers_ThrowAndSayWhy()
    {
        char[] buffer = new char[16];
        Text.CopyTo(buffer);
        int[] indices = new int[16];
        Assert.Throws<ArgumentException>(
            "destination", () => s_normalizer.NormalizeWithOffsets(buffer.AsSpan(0, 6), buffer.AsSpan(2, 8), indices, out _, out _));
        ArgumentException shortIndices = Assert.Throws<ArgumentException>(
            "sourceIndices", () => s_normalizer.NormalizeWithOffsets(Text, new char[8], new int[7], out _, out _));
        Assert.Contains("at least as long as the destination", shortIndices.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeUtf8_OverlappingBuffers_SayWhy()
    {
        byte[] buffer = new byte[32];
        ArgumentException e = Assert.Throws<ArgumentException>(
            "destination", () => s_normalizer.NormalizeUtf8(buffer.AsSpan(0, 10), buffer.AsSpan(5, 10), out _, out _));
        Assert.Contains("overlap", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizedText_OutOfRangeArguments_Throw()
    {
        NormalizedText n = s_normalizer.NormalizeWithOffsets(Text);
        Assert.Throws<ArgumentOutOfRangeException>("sourceLength", () => NormalizedText.GetSourceRange([0, 1], -1, 0..1));
    }

    [Fact]
    public void NormalizedText_EmptyRangeAtTheEnd_MapsToTheEndOfTheSource()
    {
        // TATWEEL at the end is deleted: the end of the text maps to the end of the source, past the tatweel.
        NormalizedText n = s_normalizer.NormalizeWithOffsets("\u0628\u0640"); // BEH, TATWEEL
        Assert.Equal("\u0628", n.Text);
        Assert.Equal(2..2, n.GetSourceRange(^0..));
        Assert.Equal(5..5, NormalizedText.GetSourceRange([0, 1], 5, 2..2));
    }

    [Fact]
    public void NormalizationReport_UndefinedCategory_ThrowsAndSaysWhy()
    {
        NormalizationReport report = s_normalizer.GetChangeReport(Text);
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(
            "category", () => report[(NormalizationCategory)Enum.GetValues<NormalizationCategory>().Length]);
        Assert.Contains("NormalizationCategory", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("category", () => report[(NormalizationCategory)(-1)]);
    }

    [Fact]
    public void NormalizationReport_EqualityAndHashCode_FollowTheCounts()
    {
        NormalizationReport yeh = s_normalizer.GetChangeReport("\u06CC"); // FARSI YEH: one letter changed
        NormalizationReport keheh = s_normalizer.GetChangeReport("\u06A9"); // KEHEH: one letter changed
        NormalizationReport digit = s_normalizer.GetChangeReport("\u06F1"); // EXTENDED ARABIC-INDIC DIGIT ONE
        NormalizationReport longer = s_normalizer.GetChangeReport("\u06CC "); // the same change, one more character
        Assert.Equal(yeh, keheh);
        Assert.Equal(yeh.GetHashCode(), keheh.GetHashCode());
        Assert.NotEqual(yeh, digit);
        Assert.NotEqual(yeh.GetHashCode(), digit.GetHashCode());
        Assert.NotEqual(yeh, longer);
        Assert.NotEqual(yeh.GetHashCode(), longer.GetHashCode());
        Assert.NotEqual(default(NormalizationReport).GetHashCode(), yeh.GetHashCode());
        Assert.False(yeh.Equals((object)digit));
    }

    [Fact]
    public void Options_UndefinedEnumValue_MessageNamesTheValueAndItsType()
    {
        var o = new ArabicNormalizerOptions { Digits = (DigitTarget)7 };
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new ArabicNormalizer(o));
        Assert.Contains("7", e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DigitTarget), e.Message, StringComparison.Ordinal);
        Assert.Contains("Keep, Ascii, ArabicIndic, Persian", e.Message, StringComparison.Ordinal);
    }

    private static void Run(string overload, Stream source, Stream destination)
    {
        switch (overload)
        {
            case "sync": s_normalizer.NormalizeUtf8(source, destination); break;
            case "report": s_normalizer.NormalizeUtf8(source, destination, out _); break;
            default: s_normalizer.NormalizeUtf8Async(source, destination).GetAwaiter().GetResult(); break;
        }
    }

    /// <summary>A reader that never looks at a cancellation token, as some third-party readers do.</summary>
    private sealed class TokenBlindReader(string text) : StringReader(text)
    {
        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
            new(Read(buffer.Span));
    }

    /// <summary>A writer that never looks at a cancellation token.</summary>
    private sealed class TokenBlindWriter : StringWriter
    {
        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return Task.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>A growable stream that never looks at a cancellation token.</summary>
    private sealed class TokenBlindStream : MemoryStream
    {
        public TokenBlindStream(byte[] bytes)
        {
            Write(bytes);
            Position = 0;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(Read(buffer.Span));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class WriteOnlyStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
