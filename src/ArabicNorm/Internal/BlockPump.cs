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
/// base letter that a later hamza mark could compose with, a contextual FARSI YEH, a space of a run being collapsed,
/// with every character after it). When such a tail fills the whole input buffer, the pump first removes the
/// context-free deletions from it (which changes no output), then doubles the buffer, up to
/// <see cref="MaxLength"/> code units. Only an open entry that is still longer than that after the deletions are
/// removed (a composition base followed by over a million hamza marks that keep composing or are deleted as
/// diacritics) reaches the cap; the pump then cuts the text there, normalizing the buffer as if the text ended at
/// the cut. That is the one case where the output can differ from normalizing the whole text at once.</para>
/// </remarks>
/// <typeparam name="T">The code unit.</typeparam>
internal sealed class BlockPump<T> : IDisposable
    where T : unmanaged
{
    /// <summary>The size, in code units, of the input and output buffers.</summary>
    internal const int InitialLength = 16 * 1024;

    /// <summary>The most code units the input buffer grows to for a held-back tail.</summary>
    internal const int MaxLength = 1024 * 1024;

    private readonly IBlockNormalizer<T> _normalizer;
    private T[] _input;
    private T[] _output;
    private int _start;
    private int _end;
    private int _cutEnd = -1;

    // Where _input[_start] lies in the original source, and how many code units compaction removed from the pending
    // region (all of them before any code unit not yet examined).
    private long _sourceOffset;
    private long _removed;
    private int _compactedEnd;

    /// <summary>Initializes a pump over <paramref name="normalizer"/> with buffers of <paramref name="initialLength"/>.</summary>
    /// <param name="normalizer">The block normalizer.</param>
    /// <param name="initialLength">The buffer size; tests use small ones to run the growth paths.</param>
    /// <param name="maxLength">The cap on the input buffer.</param>
    internal BlockPump(IBlockNormalizer<T> normalizer, int initialLength = InitialLength, int maxLength = MaxLength)
    {
        _normalizer = normalizer;
        MaxInputLength = Math.Max(maxLength, initialLength);
        _input = ArrayPool<T>.Shared.Rent(initialLength);
        _output = ArrayPool<T>.Shared.Rent(Math.Max(initialLength, 64));
    }

    /// <summary>Gets the cap on the input buffer, in code units.</summary>
    internal int MaxInputLength { get; }

    /// <summary>Gets the offset, in source code units, of the invalid data that <see cref="PumpState.InvalidData"/> reports.</summary>
    internal long InvalidDataOffset { get; private set; }

    /// <summary>Gets the number of source code units normalized so far.</summary>
    internal long SourceConsumed => _sourceOffset + _removed;

    /// <summary>Gets the buffer the next read fills.</summary>
    /// <returns>Room after the pending input; empty when the pump must cut a held-back tail at its cap (the caller
    /// then calls <see cref="Step"/> without reading).</returns>
    internal Memory<T> GetReadBuffer()
    {
        int pending = _end - _start;
        if (_start > 0)
        {
            _input.AsSpan(_start, pending).CopyTo(_input);
            _compactedEnd = Math.Max(0, _compactedEnd - _start);
            _cutEnd = _cutEnd < 0 ? -1 : Math.Max(0, _cutEnd - _start);
            _start = 0;
            _end = pending;
        }

        if (pending == _input.Length)
        {
            // The engine gave the whole buffer back: it is one open entry.
            int compacted = _normalizer.RemoveContextFreeDeletions(_input.AsSpan(0, pending));
            if (compacted < pending)
            {
                _removed += pending - compacted;
                _compactedEnd = compacted;
                _end = compacted;
            }
            else if (_input.Length < MaxInputLength)
            {
                T[] larger = ArrayPool<T>.Shared.Rent(Math.Min(_input.Length * 2, MaxInputLength));
                _input.AsSpan(0, pending).CopyTo(larger);
                ArrayPool<T>.Shared.Return(_input);
                _input = larger;
            }
            else
            {
                _cutEnd = _normalizer.FindCharacterBoundary(_input.AsSpan(0, pending));
                return Memory<T>.Empty;
            }
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
        // A cut region is normalized as if the text ended there (see the remarks).
        bool cut = _cutEnd > _start;
        ReadOnlySpan<T> pending = _input.AsSpan(_start, (cut ? _cutEnd : _end) - _start);
        OperationStatus status = _normalizer.Normalize(
            pending, _output, out int consumed, out int written, isFinalBlock: endOfInput || cut);
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

        if (_cutEnd >= 0 && _start >= _cutEnd)
        {
            _cutEnd = -1;
        }

        switch (status)
        {
            case OperationStatus.Done:
                return endOfInput && _start == _end ? PumpState.Finished : cut ? PumpState.Continue : PumpState.NeedInput;
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
