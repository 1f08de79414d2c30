using ArabicNorm.Internal;

namespace ArabicNorm;

/// <summary>
/// Reads the normalized form of the text another <see cref="TextReader"/> gives: normalization pulled by the reader's
/// consumer, as <see cref="System.IO.Compression.GZipStream"/> decompresses what its stream gives.
/// </summary>
/// <remarks>
/// <para>Plug it in wherever a <see cref="TextReader"/> is read: a CSV parser, <c>JsonSerializer</c> over a
/// <see cref="StringReader"/>, a line loop. What it returns, concatenated, is exactly
/// <see cref="ArabicNormalizer.Normalize(string)"/> of the whole text the inner reader gives, whatever sizes the
/// inner reads return and whatever sizes are asked for (one character included); <see cref="Read(Span{char})"/>
/// returns 0 only at the end. Memory stays bounded as for
/// <see cref="ArabicNormalizer.Normalize(TextReader, TextWriter)"/>: two pooled buffers of 16,384 characters, returned
/// on <see cref="TextReader.Dispose()"/>.</para>
/// <para>A read returns as soon as some normalized text is ready; it reads the inner reader only when none is, and
/// then as much as the buffer takes. The last characters of a block can wait for the next one (a letter a hamza mark
/// could still compose with), so the output lags the input by at most one combining sequence.</para>
/// <para>Like <see cref="StreamReader"/>, an instance is not thread-safe. Disposing it disposes the inner reader unless
/// <c>leaveOpen</c> was <see langword="true"/>; after that, reads throw <see cref="ObjectDisposedException"/>.
/// Exceptions of the inner reader propagate.</para>
/// </remarks>
public sealed class NormalizingTextReader : TextReader
{
    private readonly TextReader _reader;
    private readonly bool _leaveOpen;
    private readonly PullNormalizer<char, Utf16Codec> _pull;

    /// <summary>Initializes a reader of the normalized form of what <paramref name="reader"/> gives.</summary>
    /// <param name="reader">The text to normalize, read on demand, to its end.</param>
    /// <param name="normalizer">The normalizer whose options apply.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="reader"/> open when this reader is
    /// disposed; <see langword="false"/> (the default) to dispose it too.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="normalizer"/> is
    /// <see langword="null"/>.</exception>
    /// <remarks>Nothing is read until the first read of this reader.</remarks>
    public NormalizingTextReader(TextReader reader, ArabicNormalizer normalizer, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(normalizer);
        _reader = reader;
        _leaveOpen = leaveOpen;
        _pull = new PullNormalizer<char, Utf16Codec>(normalizer.CreateTextPump());
    }

    /// <summary>Returns the next normalized character without consuming it.</summary>
    /// <returns>The character, or -1 at the end of the text.</returns>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    /// <remarks>Reads the inner reader when no normalized text is ready.</remarks>
    public override int Peek() => Fill() ? _pull.PeekPending : -1;

    /// <summary>Reads the next normalized character.</summary>
    /// <returns>The character, or -1 at the end of the text.</returns>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    /// <remarks>Allocates nothing.</remarks>
    public override int Read()
    {
        if (!Fill())
        {
            return -1;
        }

        char c = _pull.PeekPending;
        _pull.Drain(new Span<char>(ref c));
        return c;
    }

    /// <summary>Reads normalized characters into <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Receives the characters.</param>
    /// <param name="index">Where in <paramref name="buffer"/> to start.</param>
    /// <param name="count">The most characters to read.</param>
    /// <returns>How many characters were read: 0 only at the end of the text (or when <paramref name="count"/> is 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> or <paramref name="count"/> is out of the
    /// buffer.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    /// <remarks>Behaves as <see cref="Read(Span{char})"/>.</remarks>
    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return Read(buffer.AsSpan(index, count));
    }

    /// <summary>Reads normalized characters into <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Receives the characters.</param>
    /// <returns>How many characters were read: 0 only at the end of the text (or for an empty buffer).</returns>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    /// <remarks>Returns what is ready, up to the buffer's length, reading the inner reader only when nothing is.
    /// Allocates nothing.</remarks>
    public override int Read(Span<char> buffer)
    {
        ObjectDisposedException.ThrowIf(_pull.IsDisposed, this);
        return buffer.IsEmpty || !Fill() ? 0 : _pull.Drain(buffer);
    }

    /// <summary>Reads normalized characters into <paramref name="buffer"/>, asynchronously.</summary>
    /// <param name="buffer">Receives the characters.</param>
    /// <param name="cancellationToken">Stops the wait for the inner reader.</param>
    /// <returns>How many characters were read: 0 only at the end of the text (or for an empty buffer).</returns>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>Gives what <see cref="Read(Span{char})"/> gives, reading the inner reader with
    /// <see cref="TextReader.ReadAsync(Memory{char}, CancellationToken)"/>. Completes synchronously when normalized
    /// text is ready.</remarks>
    // The base class's signature, default included (RS0027 is about adding optional parameters, not about overrides).
#pragma warning disable RS0027
    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
#pragma warning restore RS0027
    {
        ObjectDisposedException.ThrowIf(_pull.IsDisposed, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<int>(cancellationToken);
        }

        if (buffer.IsEmpty)
        {
            return new ValueTask<int>(0);
        }

        if (_pull.HasPendingOutput)
        {
            return new ValueTask<int>(_pull.Drain(buffer.Span));
        }

        return ReadSlowAsync(buffer, cancellationToken);
    }

    /// <summary>Reads normalized characters into <paramref name="buffer"/>, asynchronously.</summary>
    /// <param name="buffer">Receives the characters.</param>
    /// <param name="index">Where in <paramref name="buffer"/> to start.</param>
    /// <param name="count">The most characters to read.</param>
    /// <returns>How many characters were read: 0 only at the end of the text (or when <paramref name="count"/> is 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> or <paramref name="count"/> is out of the
    /// buffer.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    /// <remarks>Behaves as <see cref="ReadAsync(Memory{char}, CancellationToken)"/>.</remarks>
    public override Task<int> ReadAsync(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return ReadAsync(buffer.AsMemory(index, count)).AsTask();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_pull.IsDisposed)
        {
            _pull.Dispose();
            if (!_leaveOpen)
            {
                _reader.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    // Makes normalized text ready; false at the end of the text.
    private bool Fill()
    {
        ObjectDisposedException.ThrowIf(_pull.IsDisposed, this);
        return _pull.Fill(_reader, static (reader, buffer) => reader.Read(buffer));
    }

    private async ValueTask<int> ReadSlowAsync(Memory<char> buffer, CancellationToken cancellationToken) =>
        await _pull.FillAsync(_reader, static (reader, memory, token) => reader.ReadAsync(memory, token), this, cancellationToken).ConfigureAwait(false)
            ? _pull.Drain(buffer.Span)
            : 0;
}
