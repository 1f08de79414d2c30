using System.Text;
using FsCheck.Xunit;
using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Streaming;

public class Utf8StreamTests
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void NormalizeUtf8Stream_AnyReadSizes_EqualsWholeText(ScalarText text, OptionsCase options, ReadSizes reads)
    {
        byte[] source = s_strict.GetBytes(text.Value);
        var destination = new MemoryStream();
        options.Normalizer.NormalizeUtf8(new ShortReadStream(source, reads.Sizes), destination);
        Assert.Equal(s_strict.GetBytes(options.Normalizer.Normalize(text.Value)), destination.ToArray());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public void NormalizeUtf8StreamAsync_AnyReadSizes_EqualsWholeText(ScalarText text, OptionsCase options, ReadSizes reads)
    {
        byte[] source = s_strict.GetBytes(text.Value);
        var destination = new MemoryStream();
        options.Normalizer.NormalizeUtf8Async(new ShortReadStream(source, reads.Sizes), destination).GetAwaiter().GetResult();
        Assert.Equal(s_strict.GetBytes(options.Normalizer.Normalize(text.Value)), destination.ToArray());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void NormalizeUtf8Stream_WithReport_SameOutputAndReportAsSpanApis(ScalarText text, OptionsCase options, ReadSizes reads)
    {
        byte[] source = s_strict.GetBytes(text.Value);
        var destination = new MemoryStream();
        options.Normalizer.NormalizeUtf8(new ShortReadStream(source, reads.Sizes), destination, out NormalizationReport report);
        Assert.Equal(s_strict.GetBytes(options.Normalizer.Normalize(text.Value)), destination.ToArray());
        Assert.Equal(options.Normalizer.GetChangeReport(text.Value), report);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16384)]
    public void NormalizeUtf8Stream_InvalidByte_ThrowsWithOffsetAfterWritingTheValidPrefix(int readSize)
    {
        // 20,000 bytes of valid text (FARSI YEH and spaces), then a lone continuation byte, then more text.
        string prefix = string.Concat(Enumerable.Repeat("\u06CC\u06CC\u06CC ", 2857)) + "a";
        byte[] valid = s_strict.GetBytes(prefix);
        Assert.Equal(20_000, valid.Length);
        byte[] source = [.. valid, 0x80, .. "more"u8];
        var destination = new MemoryStream();
        var e = Assert.Throws<InvalidUtf8Exception>(
            () => ArabicNormalizer.Default.NormalizeUtf8(new ShortReadStream(source, [readSize]), destination));
        Assert.Equal(20_000, e.ByteOffset);
        Assert.Contains("byte offset 20000", e.Message, StringComparison.Ordinal);
        Assert.Equal(s_strict.GetBytes(ArabicNormalizer.Default.Normalize(prefix)), destination.ToArray());
    }

    [Fact]
    public void NormalizeUtf8Stream_TruncatedSequenceAtEnd_ThrowsWithItsOffset()
    {
        byte[] source = [.. "ab"u8, 0xD9];
        var e = Assert.Throws<InvalidUtf8Exception>(
            () => ArabicNormalizer.Default.NormalizeUtf8(new MemoryStream(source), new MemoryStream()));
        Assert.Equal(2, e.ByteOffset);
        Assert.Contains("byte offset 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeUtf8Stream_InvalidAfterCompactedTail_OffsetCountsRemovedBytes()
    {
        // WAW, then 30,000 TATWEEL (60,000 bytes, removed from the held-back tail), then an invalid byte.
        byte[] valid = s_strict.GetBytes("\u0648" + new string('\u0640', 30_000));
        byte[] source = [.. valid, 0xFF];
        var destination = new MemoryStream();
        var e = Assert.Throws<InvalidUtf8Exception>(
            () => ArabicNormalizer.Default.NormalizeUtf8(new ShortReadStream(source, [4096]), destination));
        Assert.Equal(valid.Length, e.ByteOffset);
        Assert.Contains($"byte offset {valid.Length}", e.Message, StringComparison.Ordinal);
        Assert.Equal(s_strict.GetBytes("\u0648"), destination.ToArray());
    }

    [Fact]
    public void NormalizeUtf8Stream_SeedArticle_EqualsUtf16AndCountsTheKnown35Changes()
    {
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
        var destination = new MemoryStream();
        ArabicNormalizer.Default.NormalizeUtf8(new ShortReadStream(s_strict.GetBytes(seed), [7, 1, 100]), destination, out var report);
        Assert.Equal(s_strict.GetBytes(ArabicNormalizer.Default.Normalize(seed)), destination.ToArray());
        Assert.Equal(35, report.ChangedCharacters);
        Assert.Equal(3008, report.Characters);
    }

    [Fact]
    public void NormalizeUtf8Async_CanceledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ArabicNormalizer.Default
            .NormalizeUtf8Async(new MemoryStream("abc"u8.ToArray()), new MemoryStream(), cts.Token).GetAwaiter().GetResult());
    }

    [Fact]
    public void NormalizeUtf8Stream_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ArabicNormalizer.Default.NormalizeUtf8(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => ArabicNormalizer.Default.NormalizeUtf8(new MemoryStream(), (Stream)null!));
        Assert.Throws<ArgumentException>(() => ArabicNormalizer.Default.NormalizeUtf8(new MemoryStream(), new MemoryStream([], writable: false)));
    }
}
