using System.Text;
using ArabicNorm.Tests.Properties;
using ArabicNorm.Tests.Streaming;
using FsCheck.Xunit;

namespace ArabicNorm.Tests.Facade;

// Every stream method has a report form, sync and async, and the forms agree with each other and with the span APIs.
public class StreamReportTests
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public void NormalizeWithReportAsync_AnyReadSizes_SameOutputAndReportAsSyncAndSpanApis(ScalarText text, OptionsCase options, ReadSizes reads)
    {
        ArabicNormalizer n = options.Normalizer;
        var writer = new StringWriter();
        NormalizationReport report = n.NormalizeWithReportAsync(new ShortReadReader(text.Value, reads.Sizes), writer).GetAwaiter().GetResult();
        n.Normalize(new ShortReadReader(text.Value, reads.Sizes), new StringWriter(), out NormalizationReport syncReport);
        Assert.Equal(n.Normalize(text.Value), writer.ToString());
        Assert.Equal(n.GetChangeReport(text.Value), report);
        Assert.Equal(syncReport, report);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public void NormalizeUtf8WithReportAsync_AnyReadSizes_SameOutputAndReportAsSyncAndSpanApis(ScalarText text, OptionsCase options, ReadSizes reads)
    {
        ArabicNormalizer n = options.Normalizer;
        byte[] source = s_strict.GetBytes(text.Value);
        var destination = new MemoryStream();
        NormalizationReport report = n.NormalizeUtf8WithReportAsync(new ShortReadStream(source, reads.Sizes), destination).GetAwaiter().GetResult();
        n.NormalizeUtf8(new ShortReadStream(source, reads.Sizes), new MemoryStream(), out NormalizationReport syncReport);
        Assert.Equal(s_strict.GetBytes(n.Normalize(text.Value)), destination.ToArray());
        Assert.Equal(n.GetChangeReport(text.Value), report);
        Assert.Equal(syncReport, report);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public void GetChangeReportAsync_AnyReadSizes_EqualsTheSpanReport(ScalarText text, OptionsCase options, ReadSizes reads)
    {
        ArabicNormalizer n = options.Normalizer;
        NormalizationReport report = n.GetChangeReportAsync(new ShortReadReader(text.Value, reads.Sizes)).GetAwaiter().GetResult();
        Assert.Equal(n.GetChangeReport(text.Value), report);
        Assert.Equal(n.GetChangeReport(new ShortReadReader(text.Value, reads.Sizes)), report);
    }

    [Fact]
    public async Task NormalizeWithReportAsync_SeedArticle_CountsTheKnown35Changes()
    {
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
        var writer = new StringWriter();
        NormalizationReport report = await ArabicNormalizer.Default.NormalizeWithReportAsync(
            new ShortReadReader(seed, [7, 1, 100]), writer, TestContext.Current.CancellationToken);
        Assert.Equal(ArabicNormalizer.Default.Normalize(seed), writer.ToString());
        Assert.Equal(35, report.ChangedCharacters);
        Assert.Equal(ArabicNormalizer.Default.GetChangeReport(seed), report);
    }

    [Fact]
    public void ReportAsyncMethods_CanceledToken_Throw()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        ArabicNormalizer n = ArabicNormalizer.Default;
        Assert.ThrowsAny<OperationCanceledException>(() => n.NormalizeWithReportAsync(new StringReader("abc"), new StringWriter(), cts.Token).GetAwaiter().GetResult());
        Assert.ThrowsAny<OperationCanceledException>(() => n.NormalizeUtf8WithReportAsync(new MemoryStream("abc"u8.ToArray()), new MemoryStream(), cts.Token).GetAwaiter().GetResult());
        Assert.ThrowsAny<OperationCanceledException>(() => n.GetChangeReportAsync(new StringReader("abc"), cts.Token).GetAwaiter().GetResult());
    }

    [Fact]
    public void ReportAsyncMethods_NullArguments_Throw()
    {
        ArabicNormalizer n = ArabicNormalizer.Default;
        CancellationToken token = TestContext.Current.CancellationToken;
        Assert.ThrowsAny<ArgumentNullException>(() => n.NormalizeWithReportAsync(null!, new StringWriter(), token).GetAwaiter().GetResult());
        Assert.ThrowsAny<ArgumentNullException>(() => n.NormalizeWithReportAsync(new StringReader(""), null!, token).GetAwaiter().GetResult());
        Assert.ThrowsAny<ArgumentNullException>(() => n.NormalizeUtf8WithReportAsync(null!, new MemoryStream(), token).GetAwaiter().GetResult());
        Assert.ThrowsAny<ArgumentNullException>(() => n.NormalizeUtf8WithReportAsync(new MemoryStream(), null!, token).GetAwaiter().GetResult());
        Assert.ThrowsAny<ArgumentNullException>(() => n.GetChangeReportAsync(null!, token).GetAwaiter().GetResult());
    }
}
