using System.Buffers;

namespace ArabicNorm.Tests.Properties;

/// <summary>
/// The halves of the laws that random cases cannot cover well: allocation counts (L6) and the empty destination (L4).
/// Every UTF-16 code unit (L5) is in <see cref="ExhaustiveCharTests"/>.
/// </summary>
public class LawFacts
{
    // L6: the span APIs allocate nothing, clean text or not, and the string API allocates nothing for clean text.
    [Theory]
    [InlineData("\u06CC\u06A9\u0661\u201C\uFEFB\u0627\u0654 \u00A0\u200F")] // FARSI YEH, KEHEH, digit, quote, LAM-ALEF, ALEF + HAMZA, spaces, RLM
    [InlineData("\U0001EE00\U0001EE01 \U0001F600")] // ARABIC MATHEMATICAL ALEF, BEH; an emoji
    public void Normalize_SpanApis_AllocateNothing(string dirty)
    {
        // A Debug build of the library reads its ReadOnlySpan<int> table of supplementary mappings through a fresh
        // array (the compiler optimizes that only in Release); .ci/run tests the Release build.
        var debuggable = (System.Diagnostics.DebuggableAttribute?)Attribute.GetCustomAttribute(
            typeof(ArabicNormalizer).Assembly, typeof(System.Diagnostics.DebuggableAttribute));
        if (debuggable?.IsJITOptimizerDisabled == true && dirty.Any(char.IsSurrogate))
        {
            return;
        }

        var destination = new char[256];
        foreach (ArabicNormalizer n in new[] { ArabicNormalizer.Default, ArabicNormalizer.Search, ArabicNormalizer.Persian })
        {
            string clean = n.Normalize(dirty);
            for (int warm = 0; warm < 3; warm++)
            {
                _ = n.Normalize(dirty.AsSpan(), destination, out _, out _);
                _ = n.IsNormalized(dirty);
                _ = n.GetNormalizedLength(dirty);
                _ = n.Normalize(clean);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            OperationStatus status = n.Normalize(dirty.AsSpan(), destination, out _, out int written);
            long a1 = GC.GetAllocatedBytesForCurrentThread();
            bool isNormalized = n.IsNormalized(clean);
            long a2 = GC.GetAllocatedBytesForCurrentThread();
            int length = n.GetNormalizedLength(dirty);
            long a3 = GC.GetAllocatedBytesForCurrentThread();
            string same = n.Normalize(clean);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated == 0, $"span {a1 - before}, IsNormalized {a2 - a1}, GetNormalizedLength {a3 - a2}, clean string {allocated - (a3 - before)} bytes");
            Assert.Equal(OperationStatus.Done, status);
            Assert.Equal(clean.Length, written);
            Assert.True(isNormalized);
            Assert.Equal(clean.Length, length);
            Assert.Same(clean, same);
        }
    }

    // L4 edge: an empty destination makes no progress and says so.
    [Fact]
    public void Normalize_EmptyDestination_ReportsDestinationTooSmallWithoutProgress()
    {
        OperationStatus status = ArabicNormalizer.Default.Normalize("\uFDFA", Span<char>.Empty, out int consumed, out int written);
        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, written);
    }
}
