using System.Runtime.CompilerServices;

namespace ArabicNorm.Benchmarks;

/// <summary>The source and destination of the span benchmarks, at the same place relative to cache lines and pages in
/// every process, so that every benchmark (<c>Span.CopyTo</c> included) measures the same buffers.</summary>
/// <remarks>A string's chars start 4 bytes into an 8-byte slot and an array's elements at the slot's start, but where
/// the large object heap puts a 1 MiB input or destination changes from process to process: one BenchmarkDotNet run
/// printed, for three processes of the same benchmark class, destinations at +0, +56 and +32 bytes into a cache line
/// and the destination 428, 420 and 3,972 bytes (mod 4 KiB) after the source. So the input is copied once into one
/// pinned array at a fixed layout: the source <see cref="SourceLineOffset"/> bytes into a cache line (as a string's
/// chars can be), the destination <see cref="DestinationLineOffset"/> bytes into one (as an array's elements can be),
/// and the destination <see cref="DestinationPageOffset"/> bytes (mod 4 KiB) after the source.</remarks>
public sealed class BufferAlignment
{
    /// <summary>Where the source starts in its 64-byte cache line, in bytes.</summary>
    public const int SourceLineOffset = 4;

    /// <summary>Where the destination starts in its 64-byte cache line, in bytes.</summary>
    public const int DestinationLineOffset = 16;

    /// <summary>How far the destination starts after the source, modulo 4 KiB, in bytes (far from 0, so that a load
    /// never waits on an unrelated store 4 KiB away).</summary>
    public const int DestinationPageOffset = 2048 + DestinationLineOffset - SourceLineOffset;

    private readonly char[] _buffer;
    private readonly int _sourceStart;
    private readonly int _sourceLength;
    private readonly int _destinationStart;
    private readonly int _destinationLength;

    /// <summary>Initializes a new instance of the <see cref="BufferAlignment"/> class: copies
    /// <paramref name="text"/> into the source and makes a destination of <paramref name="destinationLength"/> chars.</summary>
    public BufferAlignment(string text, int destinationLength)
    {
        // Room for both, for the source's offset in a 4 KiB page, and for the gap that puts the destination in place.
        _buffer = GC.AllocateArray<char>(text.Length + destinationLength + 8192, pinned: true);
        _sourceStart = 0;
        while (((Address(ref _buffer[_sourceStart]) & 4095) != SourceLineOffset))
        {
            _sourceStart++;
        }

        _sourceLength = text.Length;
        _destinationStart = _sourceStart + text.Length;
        while ((Address(ref _buffer[_destinationStart]) - Address(ref _buffer[_sourceStart])) % 4096 != DestinationPageOffset)
        {
            _destinationStart++;
        }

        _destinationLength = destinationLength;
        text.AsSpan().CopyTo(_buffer.AsSpan(_sourceStart, _sourceLength));
    }

    /// <summary>Gets the source: the input's chars.</summary>
    public ReadOnlySpan<char> Source => _buffer.AsSpan(_sourceStart, _sourceLength);

    /// <summary>Gets the destination.</summary>
    public Span<char> Destination => _buffer.AsSpan(_destinationStart, _destinationLength);

    /// <summary>Gets a line for the log: where the source and the destination sit.</summary>
    public string Describe()
    {
        long source = Address(ref _buffer[_sourceStart]);
        long destination = Address(ref _buffer[_destinationStart]);
        return $"source at +{source & 63} in its cache line, destination at +{destination & 63}, " +
            $"destination - source = {(destination - source) & 4095} mod 4096 (the same in every process)";
    }

    // The array is pinned: its address does not change.
    private static long Address(ref char c) => Unsafe.ByteOffset(ref Unsafe.NullRef<char>(), ref c);
}
