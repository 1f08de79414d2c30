using System.Text;
using ArabicNorm.Internal;

namespace ArabicNorm.Tests.Streaming;

// The pump's own contract, driven directly: the loop checks the token before each read, the pump counts the source it
// consumed (compacted tails included), and the pull side never reads ahead of what the pump needs, so its input
// buffer keeps its first size.
public class BlockPumpTests
{
    private const string Text = "\u0643\u062A\u0627\u0628 \u06CC"; // KAF TEH ALEF BEH, space, FARSI YEH

    [Fact]
    public void Run_CanceledToken_ThrowsBeforeTheFirstRead()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();
        using var pump = new BlockPump<char, Utf16Codec>(ArabicNormalizer.Default.Tables, null);
        var reader = new ShortReadReader(Text, [64]);
        var writer = new StringWriter();
        Assert.ThrowsAny<OperationCanceledException>(() => pump.Run(new TextPumpIo(reader, writer), canceled.Token));
        Assert.Equal(0, reader.Reads);
        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public async Task RunAsync_CanceledToken_ThrowsBeforeTheFirstRead()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();
        using var pump = new BlockPump<char, Utf16Codec>(ArabicNormalizer.Default.Tables, null);
        var reader = new TokenBlindReader(Text); // the loop's own check must throw, not the reader's
        var writer = new StringWriter();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pump.RunAsync(new TextPumpIo(reader, writer), canceled.Token));
        Assert.Equal(0, reader.Reads);
        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public void SourceConsumed_CompactedTail_CountsEverySourceUnitAndNeverExceedsTheRead()
    {
        // WAW, 1,000 TATWEEL (removed from the held-back tail while the WAW waits for a mark), HAMZA ABOVE, then text:
        // WAW WITH HAMZA ABOVE.
        string text = "\u0648" + new string('\u0640', 1000) + "\u0654" + " \u0628";
        using var pump = new BlockPump<char, Utf16Codec>(ArabicNormalizer.Default.Tables, null, 64);
        var output = new System.Text.StringBuilder();
        Drive(pump, text.ToCharArray(), 37, (read, _, chunk) =>
        {
            output.Append(chunk.Span);
            Assert.InRange(pump.SourceConsumed, 0, read);
        });

        Assert.Equal("\u0624 \u0628", output.ToString()); // WAW WITH HAMZA ABOVE, space, BEH
        Assert.Equal(text.Length, pump.SourceConsumed);
    }

    [Fact]
    public void PullNormalizer_ExpandingTextReadOneCharAtATime_NeverGrowsTheInputBuffer()
    {
        // U+FDFA becomes 18 characters: each read of the source gives far more output than one Step can write. The
        // pull side reads again only once the pump asks for input, so the pending input stays within the first buffer.
        string text = new('\uFDFA', 5000);
        var pump = new BlockPump<char, Utf16Codec>(ArabicNormalizer.Default.Tables, null, 256);
        int initialLength = pump.InputLength;
        using var pull = new PullNormalizer<char, Utf16Codec>(pump);
        var reader = new ShortReadReader(text, [256]);
        var output = new System.Text.StringBuilder();
        Span<char> one = stackalloc char[1];
        while (!pull.IsFinished)
        {
            if (pull.HasPendingOutput)
            {
                Assert.Equal(1, pull.Drain(one));
                output.Append(one[0]);
                continue;
            }

            if (pull.NeedsInput)
            {
                pull.Advance(reader.Read(pull.GetReadBuffer().Span));
            }

            pull.Step();
        }

        Assert.Equal(ArabicNormalizer.Default.Normalize(text), output.ToString());
        Assert.Equal(18 * text.Length, output.Length);
        Assert.Equal(0, pull.Drain(one));
        Assert.Equal(initialLength, pump.InputLength);
    }

    [Fact]
    public void Step_NoWholeResultFitsTheOutput_GrowsItAndGoesOn()
    {
        // BEH and 30 CURLY FATHA (three bytes each in UTF-8, kept and reordered as one combining sequence): the sequence
        // is written whole, in 92 bytes, and the pump's smallest output buffer holds 64. The step that cannot write
        // it makes no progress at all, and the pump must grow its output before the next one.
        byte[] source = Encoding.UTF8.GetBytes("\u0628" + new string('\u08E4', 30) + " \u0628");
        byte[] expected = ArabicNormalizer.Default.NormalizeUtf8(source);
        using var pump = new BlockPump<byte, Utf8Codec>(ArabicNormalizer.Default.Tables, null, 16);
        var output = new List<byte>();
        int stalls = 0;
        Drive(pump, source, int.MaxValue, (_, state, chunk) =>
        {
            output.AddRange(chunk.ToArray());
            if (state == PumpState.Continue && chunk.IsEmpty)
            {
                stalls++;
            }
        });

        Assert.Equal(expected, output.ToArray());
        Assert.Equal(1, stalls); // the sequence did not fit once, and did after the growth
    }

    [Fact]
    public void Step_NoWholeResultFitsTheOutput_WithAReport_GrowsTheIndexesWithTheOutput()
    {
        // As above, with a change report: the source index of every output unit needs room too, so the index buffer
        // must grow with the output buffer, and the report is the one of the whole text.
        byte[] source = Encoding.UTF8.GetBytes("\u0628" + new string('\u08E4', 30) + " \u06CC\u0628");
        byte[] expected = ArabicNormalizer.Default.NormalizeUtf8(source);
        var report = new ReportAccumulator(ArabicNormalizer.Default.Tables, new ChangeCategories(ArabicNormalizer.Default.Tables));
        using var pump = new BlockPump<byte, Utf8Codec>(ArabicNormalizer.Default.Tables, report, 16);
        var output = new List<byte>();
        Drive(pump, source, int.MaxValue, (_, _, chunk) => output.AddRange(chunk.ToArray()));
        Assert.Equal(expected, output.ToArray());
        Assert.Equal(ArabicNormalizer.Default.GetChangeReport(Encoding.UTF8.GetString(source)), report.ToReport());
    }

    // Feeds the pump reads of at most maxRead units, steps it until it asks for input again, and hands every step's
    // read count, state and output to onStep; a pump that steps 100 times on one read has stopped making progress.
    private static void Drive<TUnit, TCodec>(
        BlockPump<TUnit, TCodec> pump, TUnit[] source, int maxRead, Action<int, PumpState, ReadOnlyMemory<TUnit>> onStep)
        where TUnit : unmanaged, IEquatable<TUnit>
        where TCodec : struct, ICodeUnitCodec<TUnit>
    {
        int read = 0;
        PumpState state;
        do
        {
            Memory<TUnit> buffer = pump.GetReadBuffer();
            int n = Math.Min(Math.Min(buffer.Length, maxRead), source.Length - read);
            source.AsSpan(read, n).CopyTo(buffer.Span);
            read += n;
            pump.Advance(n);
            int steps = 0;
            do
            {
                state = pump.Step(n == 0, out ReadOnlyMemory<TUnit> chunk);
                onStep(read, state, chunk);
                Assert.True(++steps < 100, "the pump stopped making progress");
            }
            while (state == PumpState.Continue);
        }
        while (state != PumpState.Finished);
    }

    /// <summary>A reader whose async read never looks at the token, and counts its reads.</summary>
    private sealed class TokenBlindReader(string text) : StringReader(text)
    {
        public int Reads { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return new(Read(buffer.Span));
        }
    }
}
