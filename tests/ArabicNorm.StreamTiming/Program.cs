// Times the stream APIs on a letter followed by many marks, read through 16-unit reads, and prints one line per run:
// "<api> <preset> <marks> <milliseconds> <same-as-string-api>". The time is the process's CPU time per run, over as
// many runs as make a quarter of a second, so that a busy machine's preemption and the clock's coarse ticks do not
// decide it. The tests start this as a child process, so that the time is spent on nothing else
// (tests/ArabicNorm.Tests/Streaming/StreamingTimeTests.cs).
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArabicNorm;

// The sizes to time, in order; the first is also run once before, to warm the JIT up.
if (args.Length == 0 || !args.All(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
{
    Console.Error.WriteLine("usage: ArabicNorm.StreamTiming MARKS [MARKS ...]  (each a count of marks after one letter, for example 1000 8000)");
    return 2;
}

int[] sizes = args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
Run(sizes[0], print: false);
foreach (int size in sizes)
{
    Run(size, print: true);
}

return 0;

static void Run(int marks, bool print)
{
    // WAW, then HAMZA BELOW (Default keeps them: the Stream-Safe Text Format splits them every 30) or MADDA ABOVE
    // (Search deletes them, as they do not compose with WAW, so the WAW stays open to the final HAMZA ABOVE), then
    // HAMZA ABOVE.
    (string Preset, ArabicNormalizer Normalizer, char Mark)[] cases =
    [
        ("Default", ArabicNormalizer.Default, '\u0655'), // ARABIC HAMZA BELOW
        ("Search", ArabicNormalizer.Search, '\u0653'), // ARABIC MADDAH ABOVE
    ];
    foreach ((string preset, ArabicNormalizer normalizer, char mark) in cases)
    {
        string text = "\u0648" + new string(mark, marks) + "\u0654"; // ARABIC LETTER WAW ... ARABIC HAMZA ABOVE
        string expected = normalizer.Normalize(text);
        byte[] utf8 = Encoding.UTF8.GetBytes(text);

        bool same = true;
        double milliseconds = Measure(() =>
        {
            var destination = new MemoryStream();
            normalizer.NormalizeUtf8(new SixteenByteReads(utf8), destination);
            same &= Encoding.UTF8.GetString(destination.ToArray()) == expected;
        });
        if (print)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"utf8 {preset} {marks} {milliseconds:F3} {same}"));
        }

        milliseconds = Measure(() =>
        {
            var writer = new StringWriter();
            normalizer.Normalize(new SixteenCharReads(text), writer);
            same &= writer.ToString() == expected;
        });
        if (print)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"text {preset} {marks} {milliseconds:F3} {same}"));
        }
    }
}

// Runs the work until a quarter of a second of CPU time has gone, and returns the CPU milliseconds per run.
static double Measure(Action work)
{
    TimeSpan start = Process.GetCurrentProcess().TotalProcessorTime;
    int runs = 0;
    TimeSpan spent;
    do
    {
        work();
        runs++;
        spent = Process.GetCurrentProcess().TotalProcessorTime - start;
    }
    while (spent < TimeSpan.FromMilliseconds(250));

    return spent.TotalMilliseconds / runs;
}

/// <summary>Returns at most 16 bytes per read.</summary>
internal sealed class SixteenByteReads(byte[] data) : MemoryStream(data, writable: false)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 16));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 16)]);
}

/// <summary>Returns at most 16 characters per read.</summary>
internal sealed class SixteenCharReads(string text) : TextReader
{
    private int _position;

    public override int Read(Span<char> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, 16), text.Length - _position);
        text.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
}
