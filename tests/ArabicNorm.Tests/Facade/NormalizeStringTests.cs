using System.Buffers;
using ArabicNorm.Internal;
using ArabicNorm.Tests.Properties;
using FsCheck.Xunit;

namespace ArabicNorm.Tests.Facade;

// Normalize(string) writes straight into its result: the clean prefix is copied once, then the engine writes the rest
// into the string. Each of its paths (same length, shorter, longer, the length known from the limit check) must give
// what the span API gives.
public class NormalizeStringTests
{
    private const char Ligature = '\uFDFA'; // ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM: 18 characters

    [Theory]
    [InlineData("abc \u064A\u0643 def")] // YEH, KAF (Persian preset: one to one, same length)
    [InlineData("abc \u0640\u0640 def")] // TATWEEL x 2: shorter
    [InlineData("abc \uFDFA def")] // longer, after a clean prefix
    [InlineData("\uFDFA")] // longer from the first character: the first pass makes no progress
    [InlineData("\u0640")] // everything deleted: the empty string
    [InlineData("\uFEFB\u0640\uFDFA\u200F x")] // LAM-ALEF ligature, TATWEEL, U+FDFA, RLM: longer, then shorter
    [MemberData(nameof(PastTheProbe))]
    public void Normalize_EachWritePath_EqualsTheSpanApi(string text)
    {
        foreach (ArabicNormalizer n in new[] { ArabicNormalizer.Default, ArabicNormalizer.Search, ArabicNormalizer.Persian })
        {
            Assert.Equal(SpanNormalize(n, text), n.Normalize(text));
        }
    }

    // Texts whose first change keeps the length, with a change of length after the probe's window (short texts are
    // probed whole; the long ones are probed in part, then written in place).
    public static TheoryData<string> PastTheProbe() =>
    [
        "\u064A" + new string(' ', EngineDriver.WholeProbeLength + 30) + "\uFDFA\u0640",
        "\u064A" + new string('b', EngineDriver.WholeProbeLength + 30) + "\uFDFA",
        "\u064A" + new string('b', EngineDriver.WholeProbeLength + 30) + "\u0640",
        "\u064A" + new string(' ', EngineDriver.ProbeLength + 30) + "\uFDFA\u0640", // YEH, spaces (collapsed under Search)
        "\u064A" + new string('b', EngineDriver.ProbeLength + 30) + "\uFDFA", // longer
        "\u064A" + new string('b', EngineDriver.ProbeLength + 30) + "\u0640", // shorter
        "\u064A" + new string('b', EngineDriver.ProbeLength - 1) + "\uFDFA", // at the window's edge
    ];

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void Normalize_String_EqualsTheSpanApi(ScalarText text, OptionsCase options)
    {
        Assert.Equal(SpanNormalize(options.Normalizer, text.Value), options.Normalizer.Normalize(text.Value));
    }

    [Fact]
    public void Normalize_AllDeleted_ReturnsTheEmptyString()
    {
        Assert.Same(string.Empty, ArabicNormalizer.Default.Normalize(new string('\u0640', 100)));
    }

    [Fact]
    public void Normalize_SameLengthResult_AllocatesOnlyTheResult()
    {
        // Persian: YEH to FARSI YEH, one to one, after a clean prefix of 2,000 characters: one string, nothing else.
        string text = new string('a', 2000) + "\u064A" + new string('b', 2000);
        ArabicNormalizer n = ArabicNormalizer.Persian;
        string result = n.Normalize(text);
        Assert.NotSame(text, result);
        long resultBytes = Allocated(() => _ = new string('x', result.Length));
        long normalizeBytes = Allocated(() => _ = n.Normalize(text));
        Assert.Equal(resultBytes, normalizeBytes);
    }

    [Theory]
    [InlineData("\uFDFA")] // longer: 18 characters
    [InlineData("\u0640")] // shorter: TATWEEL deleted
    public void Normalize_LengthChangesNearTheStart_AllocatesOnlyTheResult(string change)
    {
        // The probe sees the change of length, so the rest goes through a pooled buffer: no guess is thrown away.
        string text = new string('a', 2000) + change + new string('b', 2000);
        ArabicNormalizer n = ArabicNormalizer.Default;
        string result = n.Normalize(text);
        Assert.Equal(text.Length - 1 + n.Normalize(change).Length, result.Length);
        long oneString = Allocated(() => _ = new string('x', result.Length));
        Assert.Equal(oneString, Allocated(() => _ = n.Normalize(text)));
    }

    [Theory]
    [InlineData("\uFDFA")] // longer
    [InlineData("\u0640")] // shorter
    public void Normalize_LengthChangesPastTheProbe_AllocatesTheGuessAndTheResult(string change)
    {
        // YEH (one to one under Persian) starts the work; the text is too long to be probed whole and the change of
        // length comes after the probe's window, so the result was first written into a string of the text's length,
        // then copied once into one of the right length.
        string text = "abc \u064A" + new string('b', EngineDriver.WholeProbeLength) + change + "xyz";
        ArabicNormalizer n = ArabicNormalizer.Persian;
        string result = n.Normalize(text);
        Assert.Equal(SpanNormalize(n, text), result);
        Assert.NotEqual(text.Length, result.Length);
        long twoStrings = Allocated(() =>
        {
            _ = new string('x', text.Length);
            _ = new string('x', result.Length);
        });
        Assert.Equal(twoStrings, Allocated(() => _ = n.Normalize(text)));
    }

    [Theory]
    [InlineData("\uFDFA")] // longer
    [InlineData("\u0640")] // shorter
    public void Normalize_ShortTextLengthChangesPastTheProbe_AllocatesOnlyTheResult(string change)
    {
        // A short rest is probed whole, so a change of length anywhere in it is seen before the result is allocated.
        string text = "abc \u064A" + new string('b', EngineDriver.WholeProbeLength - 100) + change + "xyz";
        ArabicNormalizer n = ArabicNormalizer.Persian;
        string result = n.Normalize(text);
        Assert.Equal(SpanNormalize(n, text), result);
        Assert.NotEqual(text.Length, result.Length);
        long oneString = Allocated(() => _ = new string('x', result.Length));
        Assert.Equal(oneString, Allocated(() => _ = n.Normalize(text)));
    }

    [Fact]
    public void Normalize_LengthKnownFromTheLimitCheck_WritesTheExactStringOnce()
    {
        // Restart at 3, then 2,001 characters: the quick bound (3 + 2,001 x 18 = 36,021) passes the limit, so the check
        // counts the exact length (4 + 2,000 x 18 = 36,004): one string of that length, nothing else.
        ArabicNormalizer n = new(ArabicNormalizer.Default.GetOptions()) { MaxResultLength = 36_010 };
        string text = "abc " + new string(Ligature, 2000);
        string result = n.Normalize(text);
        Assert.Equal(36_004, result.Length);
        Assert.Equal(ArabicNormalizer.Default.Normalize(text), result);
        long oneString = Allocated(() => _ = new string('x', result.Length));
        Assert.Equal(oneString, Allocated(() => _ = n.Normalize(text)));
    }

    private static long Allocated(Action action)
    {
        action(); // warm up: JIT, tables, pools
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string SpanNormalize(ArabicNormalizer n, string text)
    {
        char[] destination = new char[(text.Length * 18) + 16];
        OperationStatus status = n.Normalize(text, destination, out int consumed, out int written);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(text.Length, consumed);
        return new string(destination, 0, written);
    }
}
