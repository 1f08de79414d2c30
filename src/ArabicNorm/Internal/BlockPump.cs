using System.Buffers;

namespace ArabicNorm.Internal;

/// <summary>What the caller of <see cref="BlockPump{TUnit, TCodec}.Step"/> does next, after writing the output it returned.</summary>
internal enum PumpState
{
    /// <summary>Call <see cref="BlockPump{TUnit, TCodec}.Step"/> again: the output buffer filled up.</summary>
    Continue,

    /// <summary>Read more input, then call <see cref="BlockPump{TUnit, TCodec}.Step"/>.</summary>
    NeedInput,

    /// <summary>The text is normalized to its end.</summary>
    Finished,

    /// <summary>The input is invalid at <see cref="BlockPump{TUnit, TCodec}.InvalidDataOffset"/>: everything before it was output.</summary>
    InvalidData,
}

/// <summary>
/// Drives the engine over a text that arrives in reads of any size, with bounded, pooled buffers: the one pump of the
/// text and UTF-8 stream methods, sync and async, with or without a change report.
/// </summary>
/// <remarks>
/// <para>The loop that feeds it is written once, as <see cref="Run{TIo}"/> (BlockPump.Run.cs) and its async twin
/// <see cref="RunAsync{TIo}"/> (BlockPump.RunAsync.cs), generated from it by textual substitutions that a test checks.
/// The reader and writer of each encoding are an <see cref="IPumpIo{TUnit}"/>. Tests may drive <see cref="Step"/>
/// themselves: get the read buffer, read into it, <see cref="Advance"/>, then <see cref="Step"/> and write its output
/// until it says <see cref="PumpState.NeedInput"/> or an end.</para>
/// <para>Memory: one input buffer of <see cref="InitialLength"/> code units and one output buffer of the same size,
/// rented from <see cref="ArrayPool{T}.Shared"/> (and, with a report, one source index per output unit). The engine
/// holds back the last open entry of a non-final block (a base letter that a later hamza mark could compose with, a
/// combining sequence whose marks a later one could sort into, a contextual FARSI YEH, a space of a run being
/// collapsed), with every character after it. Such an entry is short: a combining sequence holds at most 30
/// non-starters (UAX #15's Stream-Safe Text Format, which the engine applies), and what else follows it writes
/// nothing. So whenever a held-back tail grows past <see cref="CompactionLength"/>, the pump removes from it the
/// characters the engine drops without effect (tatweel, controls, deleted diacritics, hamza marks that did not
/// compose), which changes no output and leaves a tail of at most one combining sequence. Each read therefore costs
/// time in proportion to its own length: streaming is linear, and its output is the same as normalizing the whole
/// text at once, with no size limit. The input buffer grows (by <see cref="EngineDriver.Grow"/>) only when a tail
/// that cannot be compacted fills it, which needs a buffer smaller than a combining sequence (tests build such
/// pumps).</para>
/// </remarks>
/// <typeparam name="TUnit">The code unit.</typeparam>
/// <typeparam name="TCodec">The codec of the code unit.</typeparam>
internal sealed partial class BlockPump<TUnit, TCodec> : IDisposable
    where TUnit : unmanaged, IEquatable<TUnit>
    where TCodec : struct, ICodeUnitCodec<TUnit>
{
    /// <summary>The size, in code units, of the input and output buffers.</summary>
    internal const int InitialLength = 16 * 1024;

    /// <summary>The held-back tail length, in code units, past which the pump compacts the tail.</summary>
    internal const int CompactionLength = 128;

    private readonly NormalizationTables _tables;
    private readonly ReportAccumulator? _report;
    private TUnit[] _input;
    private TUnit[] _output;
    private int[] _sourceIndexes = [];
    private bool _disposed;
    private int _start;
    private int _end;
    private int _compactAt = CompactionLength;

    // How many code units of the original source the engine consumed or compaction removed. Compaction removes
    // only what comes before the first invalid code unit of the tail, so an invalid unit the engine reports at
    // _input[_start + k] lies at _sourceOffset + k in the source.
    private long _sourceOffset;

    /// <summary>Initializes a pump with buffers of <paramref name="initialLength"/>.</summary>
    /// <param name="tables">The normalizer's tables.</param>
    /// <param name="report">Collects the change report of every consumed block, or <see langword="null"/>.</param>
    /// <param name="initialLength">The buffer size; tests use small ones to run the growth paths.</param>
    internal BlockPump(NormalizationTables tables, ReportAccumulator? report, int initialLength = InitialLength)
    {
        _tables = tables;
        _report = report;
        _input = ArrayPool<TUnit>.Shared.Rent(initialLength);
        _output = ArrayPool<TUnit>.Shared.Rent(Math.Max(initialLength, EngineDriver.MinimumGrowth));
        if (report is not null)
        {
            _sourceIndexes = ArrayPool<int>.Shared.Rent(_output.Length);
        }
    }

    /// <summary>Gets the length of the input buffer, in code units.</summary>
    internal int InputLength => _input.Length;

    /// <summary>Gets the offset, in source code units, of the invalid data that <see cref="PumpState.InvalidData"/> reports.</summary>
    internal long InvalidDataOffset { get; private set; }

    /// <summary>Gets the number of source code units the engine consumed or compaction removed so far: never more
    /// than was read, and all of the source once the pump has finished.</summary>
    internal long SourceConsumed => _sourceOffset;

    /// <summary>Gets the buffer the next read fills.</summary>
    /// <returns>Room after the pending input; never empty.</returns>
    /// <exception cref="ObjectDisposedException">The pump is disposed.</exception>
    internal Memory<TUnit> GetReadBuffer()
    {
        if (_disposed)
        {
            ThrowHelper.ThrowObjectDisposed(this);
        }

        int pending = _end - _start;
        if (_start > 0)
        {
            _input.AsSpan(_start, pending).CopyTo(_input);
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
            int compacted = RemoveDroppedCharacters(_input.AsSpan(0, pending));
            _sourceOffset += pending - compacted;
            _end = compacted;

            _compactAt = Math.Max(CompactionLength, compacted * 2);
        }

        if (_end == _input.Length)
        {
            // Only a buffer shorter than one combining sequence gets here.
            TUnit[] larger = ArrayPool<TUnit>.Shared.Rent(EngineDriver.Grow(_input.Length, _end));
            _input.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<TUnit>.Shared.Return(_input);
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
    /// <exception cref="ObjectDisposedException">The pump is disposed.</exception>
    internal PumpState Step(bool endOfInput, out ReadOnlyMemory<TUnit> output)
    {
        if (_disposed)
        {
            ThrowHelper.ThrowObjectDisposed(this);
        }

        ReadOnlySpan<TUnit> pending = _input.AsSpan(_start, _end - _start);
        ReadOnlySpan<TUnit> rest = pending;
        Span<int> indexes = _report is null ? default : _sourceIndexes.AsSpan(0, _output.Length);
        OperationStatus status = EngineDriver.Step<TUnit, TCodec>(
            _tables, ref rest, _output, indexes, out int consumed, out int written, isFinalBlock: endOfInput);

        // What was consumed is final whatever the status: the engine starts the next call without context there.
        _report?.Add<TUnit, TCodec>(pending[..consumed], _output.AsSpan(0, written), indexes[..written]);
        output = _output.AsMemory(0, written);
        _start += consumed;
        _sourceOffset += consumed;

        switch (status)
        {
            case OperationStatus.Done:
                return endOfInput && _start == _end ? PumpState.Finished : PumpState.NeedInput;
            case OperationStatus.DestinationTooSmall:
                if (consumed == 0 && written == 0)
                {
                    // No whole result fits the output buffer (only a test's tiny buffer gets here).
                    TUnit[] larger = ArrayPool<TUnit>.Shared.Rent(EngineDriver.Grow(_output.Length, 0));
                    ArrayPool<TUnit>.Shared.Return(_output);
                    _output = larger;
                    if (_report is not null)
                    {
                        ArrayPool<int>.Shared.Return(_sourceIndexes);
                        _sourceIndexes = ArrayPool<int>.Shared.Rent(_output.Length);
                    }
                }

                return PumpState.Continue;
            case OperationStatus.NeedMoreData:
                return PumpState.NeedInput;
            default:
                // Everything compaction removed lies before the invalid code unit, and is counted in _sourceOffset.
                InvalidDataOffset = _sourceOffset;
                return PumpState.InvalidData;
        }
    }

    /// <summary>Returns the buffers to the pool; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ArrayPool<TUnit>.Shared.Return(_input);
        ArrayPool<TUnit>.Shared.Return(_output);
        if (_sourceIndexes.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_sourceIndexes);
        }

        _input = [];
        _output = [];
        _sourceIndexes = [];
    }

    /// <summary>Removes from a held-back tail the characters the engine deletes without reading or changing any
    /// context (tatweel, format controls, diacritics, hamza marks that did not compose), so that the tail normalizes
    /// to the same output in less room.</summary>
    /// <param name="tail">The held-back tail, starting where the engine gave it back; it is compacted in place.</param>
    /// <returns>The tail's new length.</returns>
    /// <remarks>
    /// The engine itself finds them (<see cref="NormalizationEngine{TUnit, TCodec}.FindDropped"/>): a character the
    /// rules delete writes nothing and neither reads nor changes the engine's context (it does not resolve a contextual
    /// yeh, does not separate a base from its hamza mark or a mark from the marks it sorts with, does not end a run of
    /// spaces): removing it from the source gives the same output. The report counts it here, since the engine will not
    /// see it.
    /// </remarks>
    private int RemoveDroppedCharacters(Span<TUnit> tail)
    {
        bool[] dropped = ArrayPool<bool>.Shared.Rent(tail.Length);
        TUnit[] scratch = ArrayPool<TUnit>.Shared.Rent(Math.Max(tail.Length * 2, 256));
        try
        {
            Span<bool> marks = dropped.AsSpan(0, tail.Length);
            marks.Clear();
            NormalizationEngine<TUnit, TCodec>.FindDropped(_tables, tail, scratch, marks);
            int kept = 0;
            int i = 0;
            while (i < tail.Length)
            {
                int length = TCodec.Read(tail, i, isFinalBlock: false, out int value);
                if (length <= 0)
                {
                    // A sequence cut off by the end of the tail (or invalid units, which the engine reports later): kept.
                    length = tail.Length - i;
                }
                else if (marks[i])
                {
                    _report?.AddDeleted(value);
                    i += length;
                    continue;
                }

                tail.Slice(i, length).CopyTo(tail[kept..]);
                kept += length;
                i += length;
            }

            return kept;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(dropped);
            ArrayPool<TUnit>.Shared.Return(scratch);
        }
    }
}
