using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArabicNorm.Fuzz;

/// <summary>
/// A reader over text that sits in guarded, read-only memory (<see cref="GuardedMemory.PlaceReadOnly{T}"/>), returning
/// at most the next of a cycle of sizes per read, like the test suite's <c>ShortReadReader</c>.
/// </summary>
/// <remarks>The reader keeps a pointer into the guarded region, so the region must stay placed (no other
/// <c>Front</c>/<c>Back</c> call on it) while the reader is in use. Each read copies only inside the text, so a reader
/// that would run past the text faults on the guard page instead of handing out what lies beyond.</remarks>
internal sealed unsafe class GuardedReader : TextReader
{
    private readonly char* _text;
    private readonly int _length;
    private readonly int[] _sizes;
    private int _position;
    private int _next;

    /// <summary>Initializes a reader over <paramref name="text"/>, which must live in guarded memory.</summary>
    public GuardedReader(ReadOnlySpan<char> text, int[] sizes)
    {
        _text = (char*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(text));
        _length = text.Length;
        _sizes = sizes;
    }

    private ReadOnlySpan<char> Text => new(_text, _length);

    public override int Read(Span<char> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, _sizes[_next++ % _sizes.Length]), _length - _position);
        Text.Slice(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Peek() => _position < _length ? Text[_position] : -1;

    public override int Read() => _position < _length ? Text[_position++] : -1;
}
