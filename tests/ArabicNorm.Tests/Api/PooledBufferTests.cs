using System.Text;

namespace ArabicNorm.Tests.Api;

/// <summary>Every method that rents from <see cref="System.Buffers.ArrayPool{T}.Shared"/> gives the buffers back, on
/// every path (growth, compaction, the end of a stream, a report), so that a steady stream of calls allocates its
/// results and nothing else.</summary>
/// <remarks>Each case runs its call a few times on one thread (the pool's per-thread cache then holds the sizes it
/// rents), then measures one more with <see cref="GC.GetAllocatedBytesForCurrentThread"/>. A buffer that is not given
/// back is rented fresh by that call, so the call allocates at least its size: each bound is what the results
/// themselves take plus a small allowance, well below the buffer the path rents. The bounds count bytes, not time.</remarks>
public class PooledBufferTests
{
    // Object headers, the result's own small objects, and a little for the runtime's own bookkeeping.
    private const long Allowance = 1024;

    // U+FDFA ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM: 18 characters of output each.
    private const char Sallallahou = '\uFDFA';

    [Fact]
    public void NormalizeWithOffsets_GrowingResult_AllocatesOnlyTheResult()
    {
        string text = "a" + new string(Sallallahou, 2000); // the result, 36001 characters, grows the buffers five times
        NormalizedText result = ArabicNormalizer.Default.NormalizeWithOffsets(text);
        Assert.Equal(1 + (18 * 2000), result.Text.Length);
        long results = StringBytes(result.Text.Length) + IntArrayBytes(result.Text.Length);
        Assert.InRange(Steady(() => ArabicNormalizer.Default.NormalizeWithOffsets(text)), results, results + Allowance);
    }

    [Fact]
    public void GetChangeReport_LongText_AllocatesOnlyTheReport()
    {
        // Many blocks of the engine's scratch buffer (1024 characters, and an index per character: 6 KiB).
        string text = string.Concat(Enumerable.Repeat("\u0643\u064A\u0640 ", 3000)); // KAF, YEH, TATWEEL, space
        Assert.InRange(Steady(() => ArabicNormalizer.Persian.GetChangeReport(text)), 0, 2 * Allowance);
    }

    [Fact]
    public void NormalizeString_ShortTextThatExpandsPastTheStack_AllocatesOnlyTheResult()
    {
        string text = new(Sallallahou, 100); // a short rest whose 1800 characters do not fit the stack probe
        long result = StringBytes(18 * 100);
        Assert.InRange(Steady(() => ArabicNormalizer.Default.Normalize(text)), result, result + Allowance);
    }

    [Fact]
    public void NormalizeString_LongTextThatExpands_AllocatesOnlyTheResult()
    {
        string text = "a" + new string(Sallallahou, 1000); // probed whole, then grown through the pooled buffer
        long result = StringBytes(1 + (18 * 1000));
        Assert.InRange(Steady(() => ArabicNormalizer.Default.Normalize(text)), result, result + Allowance);
    }

    [Fact]
    public void NormalizeUtf8Array_AllocatesOnlyTheResult()
    {
        byte[] source = Encoding.UTF8.GetBytes(PersianWords(2000));
        int length = ArabicNormalizer.Default.NormalizeUtf8(source).Length;
        long result = 24 + length;
        Assert.InRange(Steady(() => ArabicNormalizer.Default.NormalizeUtf8(source)), result, result + Allowance);
    }

    [Fact]
    public void NormalizeUtf8Stream_GivesThePumpBuffersBack()
    {
        // The pump rents 16 Ki bytes of input and as much output.
        byte[] source = Encoding.UTF8.GetBytes(PersianWords(5000));
        Assert.InRange(Steady(() => ArabicNormalizer.Default.NormalizeUtf8(new MemoryStream(source, writable: false), Stream.Null)), 0, 2 * Allowance);
    }

    [Fact]
    public void NormalizeUtf8StreamWithReport_GivesThePumpAndIndexBuffersBack()
    {
        byte[] source = Encoding.UTF8.GetBytes(PersianWords(5000));
        Assert.InRange(
            Steady(() =>
            {
                ArabicNormalizer.Default.NormalizeUtf8(new MemoryStream(source, writable: false), Stream.Null, out NormalizationReport report);
                return report;
            }),
            0,
            3 * Allowance);
    }

    [Fact]
    public void NormalizeTextStream_LongHeldBackTail_GivesTheCompactionBuffersBack()
    {
        // ALEF, which a later HAMZA ABOVE could compose with, then 100 000 TATWEEL: the engine holds the whole tail back,
        // and the pump compacts it again and again, renting a flag per character and a scratch buffer each time.
        string text = "\u0627" + new string('\u0640', 100_000);
        Assert.Equal("\u0627", ArabicNormalizer.Default.Normalize(text));
        Assert.InRange(Steady(() => ArabicNormalizer.Default.Normalize(new StringReader(text), TextWriter.Null)), 0, 2 * Allowance);
    }

    [Fact]
    public void NormalizingStream_Disposed_GivesThePumpBuffersBack()
    {
        byte[] source = Encoding.UTF8.GetBytes(PersianWords(2000));
        var input = new MemoryStream(source, writable: false);
        Assert.InRange(
            Steady(() =>
            {
                input.Position = 0;
                using var stream = new NormalizingStream(input, ArabicNormalizer.Default, leaveOpen: true);
                Span<byte> buffer = stackalloc byte[256];
                long total = 0;
                int n;
                while ((n = stream.Read(buffer)) > 0)
                {
                    total += n;
                }

                return total;
            }),
            0,
            Allowance);
    }

    [Fact]
    public void NormalizingTextReader_Disposed_GivesThePumpBuffersBack()
    {
        string text = PersianWords(2000);
        Assert.InRange(
            Steady(() =>
            {
                using var reader = new NormalizingTextReader(new StringReader(text), ArabicNormalizer.Default);
                Span<char> buffer = stackalloc char[256];
                long total = 0;
                int n;
                while ((n = reader.Read(buffer)) > 0)
                {
                    total += n;
                }

                return total;
            }),
            0,
            Allowance);
    }

    // KEHEH, FARSI YEH, space, repeated: text the Default preset changes one character for one (to KAF, YEH).
    private static string PersianWords(int count) => string.Concat(Enumerable.Repeat("\u06A9\u06CC ", count));

    // Runs the call three times, then returns what a fourth allocates on this thread.
    private static long Steady<T>(Func<T> call)
    {
        for (int i = 0; i < 3; i++)
        {
            GC.KeepAlive(call());
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        T result = call();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(result);
        return allocated;
    }

    private static long Steady(Action call) => Steady(() =>
    {
        call();
        return 0;
    });

    // A string's size on a 64-bit runtime: header and method table (16), length (4), the characters and a terminator.
    private static long StringBytes(int length) => 20 + (2L * (length + 1));

    // An int[]: header, method table and length (24), then the elements.
    private static long IntArrayBytes(int length) => 24 + (4L * length);
}
