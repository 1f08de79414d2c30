using System.Buffers;

namespace ArabicNorm.Internal;

/// <summary>What the caller of <see cref="BlockPump{T}.Step"/> does next, after writing the output it returned.</summary>
internal enum PumpState
{
    /// <summary>Call <see cref="BlockPump{T}.Step"/> again: the output buffer filled up.</summary>
    Continue,

    /// <summary>Read more input, then call <see cref="BlockPump{T}.Step"/>.</summary>
    NeedInput,

    /// <summary>The text is normalized to its end.</summary>
    Finished,

    /// <summary>The input is invalid at <see cref="BlockPump{T}.InvalidDataOffset"/>: everything before it was output.</summary>
    InvalidData,
}

/// <summary>
/// Drives the engine over a text that arrives in reads of any size, with bounded, pooled buffers. The sync and async
/// stream methods share it and differ only in how they read and write.
/// </summary>
/// <remarks>
/// <para>The caller loop is: get the read buffer, read into it, <see cref="Advance"/>, then <see cref="Step"/> and
/// write its output until it says <see cref="PumpState.NeedInput"/> or an end.</para>
/// <para>Memory: one input buffer of <see cref="InitialLength"/> code units and one output buffer of the same size,
/// rented from <see cref="ArrayPool{T}.Shared"/>. The engine holds back the last open entry of a non-final block (a
/// base letter that a later hamza mark could compose with, a combining sequence whose marks a later one could sort
/// into, a contextual FARSI YEH, a space of a run being collapsed), with every character after it. Such an entry is
/// short: a combining sequence holds at most 30 non-starters (UAX #15's Stream-Safe Text Format, which the engine
/// applies), and what else follows it writes nothing. So whenever a held-back tail grows past
/// <see cref="CompactionLength"/>, the pump removes from it the characters the engine drops without effect
/// (tatweel, controls, deleted diacritics, hamza marks that did not compose), which changes no output and leaves a
/// tail of at most one combining sequence. Each read therefore costs time in proportion to its own length: streaming
/// is linear, and its output is the same as normalizing the whole text at once (law L3), with no size limit. The input
/// buffer grows (doubling) only when a tail that cannot be compacted fills it, which needs a buffer smaller than a
/// combining sequence (tests build such pumps).</para>
/// </remarks>
/// <typeparam name="T">The code unit.</typeparam>
internal sealed class BlockPump<T> : IDisposable
    where T : unmanaged
{
    /// <summary>The size, in code units, of the input and output buffers.</summary>
    internal const int InitialLength = 16 * 1024;

    /// <summary>The held-back tail length, in code units, past which the pump compacts the tail.</summary>
    internal const int CompactionLength = 128;

    private readonly IBlockNormalizer<T> _normalizer;
    private T[] _input;
    private T[] _output;
    private int _start;
    private int _end;
    private int _compactAt = CompactionLength;

    // Where _input[_start] lies in the original source, and how many code units compaction removed from the pending
    // region (all of them before any code unit not yet examined).
    private long _sourceOffset;
    private long _removed;
    private int _compactedEnd;

    /// <summary>Initializes a pump over <paramref name="normalizer"/> with buffers of <paramref name="initialLength"/>.</summary>
    /// <param name="normalizer">The block normalizer.</param>
    /// <param name="initialLength">The buffer size; tests use small ones to run the growth paths.</param>
    internal BlockPump(IBlockNormalizer<T> normalizer, int initialLength = InitialLength)
    {
        _normalizer = normalizer;
        _input = ArrayPool<T>.Shared.Rent(initialLength);
        _output = ArrayPool<T>.Shared.Rent(Math.Max(initialLength, 64));
    }

    /// <summary>Gets the length of the input buffer, in code units.</summary>
    internal int InputLength => _input.Length;

    /// <summary>Gets the offset, in source code units, of the invalid data that <see cref="PumpState.InvalidData"/> reports.</summary>
    internal long InvalidDataOffset { get; private set; }

    /// <summary>Gets the number of source code units normalized so far.</summary>
    internal long SourceConsumed => _sourceOffset + _removed;

    /// <summary>Gets the buffer the next read fills.</summary>
    /// <returns>Room after the pending input; never empty.</returns>
    internal Memory<T> GetReadBuffer()
    {
        int pending = _end - _start;
        if (_start > 0)
        {
            _input.AsSpan(_start, pending).CopyTo(_input);
            _compactedEnd = Math.Max(0, _compactedEnd - _start);
            _start = 0;
            _end = pending;
        }

        if (pending <= CompactionLength)
        {
            _compactAt = CompactionLength;
        }
        else if (pending > _compactAt || pending == _input.Length)
        {
            // The engine gave back a long tail: drop what it deletes without effect. What stays is one combining
            // sequence at most; the next compaction waits until the tail has doubled, so each costs what was read.
            int compacted = _normalizer.RemoveDroppedCharacters(_input.AsSpan(0, pending));
            if (compacted < pending)
            {
                _removed += pending - compacted;
                _compactedEnd = compacted;
                _end = compacted;
            }

            _compactAt = Math.Max(CompactionLength, compacted * 2);
        }

        if (_end == _input.Length)
        {
            // Only a buffer shorter than one combining sequence gets here.
            T[] larger = ArrayPool<T>.Shared.Rent(_input.Length * 2);
            _input.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<T>.Shared.Return(_input);
            _input = larger;
        }

        return _input.AsMemory(_end);
    }

    /// <summary>Adds <paramref name="count"/> code units just read into the read buffer.</summary>
    /// <param name="count">The number of code units read.</param>
    internal void Advance(int count) => _end += count;

    /// <summary>Runs the engine over the pending input.</summary>
    /// <param name="endOfInput">Whether the last read returned the end of the input.</param>
    /// <param name="output">The output to write before anything else.</param>
    /// <returns>What to do next.</returns>
    internal PumpState Step(bool endOfInput, out ReadOnlyMemory<T> output)
    {
        ReadOnlySpan<T> pending = _input.AsSpan(_start, _end - _start);
        OperationStatus status = _normalizer.Normalize(
            pending, _output, out int consumed, out int written, isFinalBlock: endOfInput);
        output = _output.AsMemory(0, written);
        _start += consumed;
        _sourceOffset += consumed;
        if (_removed > 0 && _start >= _compactedEnd)
        {
            // What compaction removed lies before this point: count it as consumed.
            _sourceOffset += _removed;
            _removed = 0;
            _compactedEnd = 0;
        }

        switch (status)
        {
            case OperationStatus.Done:
                return endOfInput && _start == _end ? PumpState.Finished : PumpState.NeedInput;
            case OperationStatus.DestinationTooSmall:
                if (consumed == 0 && written == 0)
                {
                    // No whole result fits the output buffer (cannot happen with the sizes used; keeps the loop total).
                    T[] larger = ArrayPool<T>.Shared.Rent(_output.Length * 2);
                    ArrayPool<T>.Shared.Return(_output);
                    _output = larger;
                }

                return PumpState.Continue;
            case OperationStatus.NeedMoreData:
                return PumpState.NeedInput;
            default:
                // Everything compaction removed lies before the invalid code unit.
                InvalidDataOffset = _sourceOffset + _removed;
                return PumpState.InvalidData;
        }
    }

    /// <summary>Returns the buffers to the pool.</summary>
    public void Dispose()
    {
        _normalizer.Dispose();
        ArrayPool<T>.Shared.Return(_input);
        ArrayPool<T>.Shared.Return(_output);
        _input = [];
        _output = [];
    }
}
