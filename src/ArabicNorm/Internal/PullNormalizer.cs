namespace ArabicNorm.Internal;

/// <summary>
/// Turns the push loop of <see cref="BlockPump{TUnit, TCodec}"/> inside out for the pull-based wrappers: the caller asks for
/// output, and reads from its source only when the pump needs input.
/// </summary>
/// <remarks>
/// <para>The caller's loop: <see cref="Drain"/> pending output; when there is none and the text is neither finished
/// nor invalid, read into <see cref="GetReadBuffer"/> (when <see cref="NeedsInput"/>), <see cref="Advance"/>, and
/// <see cref="Step"/>. The pump's output buffer holds the pending output, so <see cref="Step"/> is called only once
/// it is drained.</para>
/// <para>The output is the pump's, so it equals normalizing the whole text at once, with the pump's memory bound,
/// whatever sizes the reads return and whatever sizes the caller asks for.</para>
/// </remarks>
/// <typeparam name="T">The code unit.</typeparam>
/// <typeparam name="TCodec">The codec of the code unit.</typeparam>
internal sealed class PullNormalizer<T, TCodec> : IDisposable
    where T : unmanaged, IEquatable<T>
    where TCodec : struct, ICodeUnitCodec<T>
{
    private BlockPump<T, TCodec>? _pump;
    private ReadOnlyMemory<T> _pending;
    private bool _needsInput = true;
    private bool _endOfInput;
    private bool _stateFinished; // the pump finished; the text is once its pending output is drained
    private long _invalidDataOffset = -1;

    /// <summary>Initializes the pull side of <paramref name="pump"/>, which it owns from then on.</summary>
    /// <param name="pump">A new pump.</param>
    internal PullNormalizer(BlockPump<T, TCodec> pump) => _pump = pump;

    /// <summary>Gets whether <see cref="Dispose"/> was called.</summary>
    internal bool IsDisposed => _pump is null;

    /// <summary>Gets whether the whole text has been normalized and its output drained.</summary>
    internal bool IsFinished { get; private set; }

    /// <summary>Gets the source offset of the invalid data the pump stopped at, once its output before it is drained; -1
    /// while there is none.</summary>
    internal long InvalidDataOffset => _pending.IsEmpty ? _invalidDataOffset : -1;

    /// <summary>Gets whether the next <see cref="Step"/> needs input first.</summary>
    internal bool NeedsInput => _needsInput;

    /// <summary>Gets whether pending output is waiting to be drained.</summary>
    internal bool HasPendingOutput => !_pending.IsEmpty;

    /// <summary>Gets the first pending code unit; only when <see cref="HasPendingOutput"/>.</summary>
    internal T PeekPending => _pending.Span[0];

    /// <summary>Copies pending output into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the output goes.</param>
    /// <returns>How many code units were copied: 0 when none is pending.</returns>
    internal int Drain(Span<T> destination)
    {
        int n = Math.Min(destination.Length, _pending.Length);
        _pending.Span[..n].CopyTo(destination);
        _pending = _pending[n..];
        if (_pending.IsEmpty && _stateFinished)
        {
            IsFinished = true;
        }

        return n;
    }

    /// <summary>Gets the buffer the next read of the source fills.</summary>
    /// <returns>Room in the pump's input buffer; never empty.</returns>
    internal Memory<T> GetReadBuffer() => Pump.GetReadBuffer();

    /// <summary>Records a read of the source into <see cref="GetReadBuffer"/>.</summary>
    /// <param name="count">What the read returned: 0 at the end of the source.</param>
    internal void Advance(int count)
    {
        _endOfInput = count == 0;
        Pump.Advance(count);
        _needsInput = false;
    }

    /// <summary>Runs the engine over the pending input; its output becomes the pending output.</summary>
    internal void Step()
    {
        PumpState state = Pump.Step(_endOfInput, out _pending);
        switch (state)
        {
            case PumpState.Continue:
                break;
            case PumpState.NeedInput:
                _needsInput = true;
                break;
            case PumpState.Finished:
                _stateFinished = true;
                IsFinished = _pending.IsEmpty;
                break;
            default:
                _invalidDataOffset = Pump.InvalidDataOffset;
                break;
        }
    }

    /// <summary>Makes output ready: runs the pump, reading <paramref name="source"/> whenever it needs input, until
    /// output is pending or the text ends.</summary>
    /// <typeparam name="TSource">The source type (a <see cref="TextReader"/>, a <see cref="Stream"/>).</typeparam>
    /// <param name="source">The source.</param>
    /// <param name="read">Reads the source into a buffer, as <see cref="Stream.Read(Span{byte})"/> does: 0 at its end.</param>
    /// <returns><see langword="true"/> when output is pending; <see langword="false"/> when the text is finished, or
    /// stopped at invalid data (<see cref="InvalidDataOffset"/>), with its output before it drained.</returns>
    /// <remarks>The one pull loop of the wrappers' synchronous reads.</remarks>
    internal bool Fill<TSource>(TSource source, SpanReader<TSource, T> read)
    {
        while (!HasPendingOutput)
        {
            if (IsFinished || InvalidDataOffset >= 0)
            {
                return false;
            }

            if (NeedsInput)
            {
                Advance(read(source, GetReadBuffer().Span));
            }

            Step();
        }

        return true;
    }

    /// <summary>Makes output ready as <see cref="Fill"/> does, reading <paramref name="source"/> asynchronously.</summary>
    /// <typeparam name="TSource">The source type.</typeparam>
    /// <param name="source">The source.</param>
    /// <param name="readAsync">Reads the source into a buffer: 0 at its end.</param>
    /// <param name="owner">The wrapper, named by the <see cref="ObjectDisposedException"/> when it is disposed while a
    /// read is awaited.</param>
    /// <param name="cancellationToken">Stops the wait for the source; checked before every read.</param>
    /// <returns>As <see cref="Fill"/>.</returns>
    internal async ValueTask<bool> FillAsync<TSource>(
        TSource source, Func<TSource, Memory<T>, CancellationToken, ValueTask<int>> readAsync, object owner, CancellationToken cancellationToken)
    {
        while (!HasPendingOutput)
        {
            if (IsFinished || InvalidDataOffset >= 0)
            {
                return false;
            }

            if (NeedsInput)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int read = await readAsync(source, GetReadBuffer(), cancellationToken).ConfigureAwait(false);
                ObjectDisposedException.ThrowIf(IsDisposed, owner);
                Advance(read);
            }

            Step();
        }

        return true;
    }

    /// <summary>Returns the pump's buffers to the pool; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _pump?.Dispose();
        _pump = null;
        _pending = default;
    }

    private BlockPump<T, TCodec> Pump => _pump ?? throw new ObjectDisposedException(nameof(PullNormalizer<T, TCodec>));
}

/// <summary>Reads a source into a span of code units, as <see cref="Stream.Read(Span{byte})"/> and
/// <see cref="TextReader.Read(Span{char})"/> do.</summary>
/// <typeparam name="TSource">The source type.</typeparam>
/// <typeparam name="T">The code unit.</typeparam>
/// <param name="source">The source.</param>
/// <param name="buffer">Receives what was read.</param>
/// <returns>How many code units were read: 0 at the end of the source.</returns>
internal delegate int SpanReader<TSource, T>(TSource source, Span<T> buffer);
