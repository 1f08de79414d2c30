using ArabicNorm.Internal;

namespace ArabicNorm;

/// <summary>
/// Reads the normalized form of the UTF-8 text another <see cref="Stream"/> gives, as UTF-8: a read-only stream that
/// wraps its source as <see cref="System.IO.Compression.GZipStream"/> and
/// <see cref="System.Security.Cryptography.CryptoStream"/> wrap theirs.
/// </summary>
/// <remarks>
/// <para>Plug it in wherever a UTF-8 stream is read: <c>JsonSerializer.Deserialize(stream)</c>, a
/// <see cref="StreamReader"/>, an <c>HttpClient</c> response body, a CSV parser. What it returns, concatenated, is
/// exactly what <see cref="ArabicNormalizer.NormalizeUtf8(ReadOnlySpan{byte})"/> gives for the whole source, whatever
/// sizes the source's reads return and whatever sizes are asked for (one byte included); a read returns 0 only at the
/// end. The bytes are normalized as UTF-8 directly (no transcoding); a byte order mark is a character like any other
/// (U+FEFF, which <see cref="ArabicNormalizerOptions.RemoveFormatControls"/> deletes). Memory stays bounded as for
/// <see cref="ArabicNormalizer.NormalizeUtf8(Stream, Stream)"/>: two pooled buffers of 16,384 bytes, returned on
/// <see cref="Stream.Dispose()"/>.</para>
/// <para>Bytes that are not well-formed UTF-8 are never skipped or replaced: the reads return the normalized text
/// before the first invalid byte, then the next read throws <see cref="InvalidUtf8Exception"/>, whose
/// <see cref="InvalidUtf8Exception.ByteOffset"/> gives the byte offset in the source, and so does every read after it.</para>
/// <para><see cref="CanRead"/> is <see langword="true"/> until the stream is disposed; <see cref="CanSeek"/> and
/// <see cref="CanWrite"/> are <see langword="false"/>, and the members they guard throw
/// <see cref="NotSupportedException"/>. An instance is not thread-safe. Disposing it disposes the source unless
/// <c>leaveOpen</c> was <see langword="true"/>; after that, reads throw <see cref="ObjectDisposedException"/>.
/// Exceptions of the source propagate.</para>
/// </remarks>
public sealed class NormalizingStream : Stream
{
    private readonly Stream _source;
    private readonly bool _leaveOpen;
    private readonly PullNormalizer<byte, Utf8Codec> _pull;

    /// <summary>Initializes a stream of the normalized form of the UTF-8 text <paramref name="source"/> gives.</summary>
    /// <param name="source">The UTF-8 text to normalize, read on demand, to its end.</param>
    /// <param name="normalizer">The normalizer whose options apply.</param>
    /// <param name="leaveOpen"><see langword="true"/> to leave <paramref name="source"/> open when this stream is
    /// disposed; <see langword="false"/> (the default) to dispose it too.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="normalizer"/> is
    /// <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> cannot read.</exception>
    /// <remarks>Nothing is read until the first read of this stream.</remarks>
    public NormalizingStream(Stream source, ArabicNormalizer normalizer, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(normalizer);
        if (!source.CanRead)
        {
            throw new ArgumentException("The source stream does not support reading.", nameof(source));
        }

        _source = source;
        _leaveOpen = leaveOpen;
        _pull = new PullNormalizer<byte, Utf8Codec>(normalizer.CreateUtf8Pump());
    }

    /// <summary>Gets whether the stream can be read: <see langword="true"/> until it is disposed.</summary>
    /// <remarks>As for <see cref="System.IO.Compression.GZipStream"/>, a disposed stream cannot read.</remarks>
    public override bool CanRead => !_pull.IsDisposed;

    /// <summary>Gets whether the stream can seek: never.</summary>
    /// <remarks>The normalized length is known only once the source has been read to its end.</remarks>
    public override bool CanSeek => false;

    /// <summary>Gets whether the stream can be written: never.</summary>
    /// <remarks>The stream is read-only; to normalize while writing, use
    /// <see cref="ArabicNormalizer.NormalizeUtf8(Stream, Stream)"/>.</remarks>
    public override bool CanWrite => false;

    /// <summary>Throws <see cref="NotSupportedException"/>: the stream cannot seek.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    /// <remarks>See <see cref="CanSeek"/>.</remarks>
    public override long Length => throw new NotSupportedException("A normalizing stream cannot seek.");

    /// <summary>Throws <see cref="NotSupportedException"/>: the stream cannot seek.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    /// <remarks>See <see cref="CanSeek"/>.</remarks>
    public override long Position
    {
        get => throw new NotSupportedException("A normalizing stream cannot seek.");
        set => throw new NotSupportedException("A normalizing stream cannot seek.");
    }

    /// <summary>Does nothing: a read-only stream has nothing to flush.</summary>
    /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
    /// <remarks>As for a decompressing <see cref="System.IO.Compression.GZipStream"/>.</remarks>
    public override void Flush() => ObjectDisposedException.ThrowIf(_pull.IsDisposed, this);

    /// <summary>Reads normalized UTF-8 bytes into <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Receives the bytes.</param>
    /// <param name="offset">Where in <paramref name="buffer"/> to start.</param>
    /// <param name="count">The most bytes to read.</param>
    /// <returns>How many bytes were read: 0 only at the end of the text (or when <paramref name="count"/> is 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="count"/> is out of
    /// the buffer.</exception>
    /// <exception cref="InvalidUtf8Exception">The source is not well-formed UTF-8 at the offset its <see cref="InvalidUtf8Exception.ByteOffset"/> gives.</exception>
    /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
    /// <remarks>Behaves as <see cref="Read(Span{byte})"/>.</remarks>
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <summary>Reads normalized UTF-8 bytes into <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Receives the bytes.</param>
    /// <returns>How many bytes were read: 0 only at the end of the text (or for an empty buffer).</returns>
    /// <exception cref="InvalidUtf8Exception">The source is not well-formed UTF-8 at the offset its <see cref="InvalidUtf8Exception.ByteOffset"/> gives;
    /// every byte of normalized text before it has been returned by earlier reads.</exception>
    /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
    /// <remarks>Returns what is ready, up to the buffer's length, reading the source only when nothing is. A read can
    /// end inside a UTF-8 sequence; the next one continues it. Allocates nothing.</remarks>
    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_pull.IsDisposed, this);
        return buffer.IsEmpty || !Fill() ? 0 : _pull.Drain(buffer);
    }

    /// <summary>Reads the next normalized byte.</summary>
    /// <returns>The byte, or -1 at the end of the text.</returns>
    /// <exception cref="InvalidUtf8Exception">The source is not well-formed UTF-8 at the offset its <see cref="InvalidUtf8Exception.ByteOffset"/> gives.</exception>
    /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
    /// <remarks>Allocates nothing.</remarks>
    public override int ReadByte()
    {
        byte b = 0;
        return Read(new Span<byte>(ref b)) == 0 ? -1 : b;
    }

    /// <summary>Reads normalized UTF-8 bytes into <paramref name="buffer"/>, asynchronously.</summary>
    /// <param name="buffer">Receives the bytes.</param>
    /// <param name="cancellationToken">Stops the wait for the source.</param>
    /// <returns>How many bytes were read: 0 only at the end of the text (or for an empty buffer).</returns>
    /// <exception cref="InvalidUtf8Exception">The source is not well-formed UTF-8 at the offset its <see cref="InvalidUtf8Exception.ByteOffset"/> gives.</exception>
    /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>Gives what <see cref="Read(Span{byte})"/> gives, reading the source with
    /// <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/>. Completes synchronously when normalized bytes
    /// are ready.</remarks>
    // The base class's signature, default included (RS0027 is about adding optional parameters, not about overrides).
#pragma warning disable RS0027
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
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

    /// <summary>Reads normalized UTF-8 bytes into <paramref name="buffer"/>, asynchronously.</summary>
    /// <param name="buffer">Receives the bytes.</param>
    /// <param name="offset">Where in <paramref name="buffer"/> to start.</param>
    /// <param name="count">The most bytes to read.</param>
    /// <param name="cancellationToken">Stops the wait for the source.</param>
    /// <returns>How many bytes were read: 0 only at the end of the text (or when <paramref name="count"/> is 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> or <paramref name="count"/> is out of
    /// the buffer.</exception>
    /// <exception cref="InvalidUtf8Exception">The source is not well-formed UTF-8 at the offset its <see cref="InvalidUtf8Exception.ByteOffset"/> gives.</exception>
    /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>Behaves as <see cref="ReadAsync(Memory{byte}, CancellationToken)"/>.</remarks>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>Throws <see cref="NotSupportedException"/>: the stream cannot seek.</summary>
    /// <param name="offset">Unused.</param>
    /// <param name="origin">Unused.</param>
    /// <returns>Never returns.</returns>
    /// <exception cref="NotSupportedException">Always.</exception>
    /// <remarks>See <see cref="CanSeek"/>.</remarks>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A normalizing stream cannot seek.");

    /// <summary>Throws <see cref="NotSupportedException"/>: the stream cannot seek.</summary>
    /// <param name="value">Unused.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    /// <remarks>See <see cref="CanSeek"/>.</remarks>
    public override void SetLength(long value) => throw new NotSupportedException("A normalizing stream cannot seek.");

    /// <summary>Throws <see cref="NotSupportedException"/>: the stream is read-only.</summary>
    /// <param name="buffer">Unused.</param>
    /// <param name="offset">Unused.</param>
    /// <param name="count">Unused.</param>
    /// <exception cref="NotSupportedException">Always.</exception>
    /// <remarks>See <see cref="CanWrite"/>.</remarks>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A normalizing stream is read-only.");

    /// <summary>Disposes the stream, and the source unless it was left open, asynchronously.</summary>
    /// <returns>A task that completes when the source is disposed.</returns>
    /// <remarks>Returns the pooled buffers; later reads throw <see cref="ObjectDisposedException"/>.</remarks>
    public override async ValueTask DisposeAsync()
    {
        if (!_pull.IsDisposed)
        {
            _pull.Dispose();
            if (!_leaveOpen)
            {
                await _source.DisposeAsync().ConfigureAwait(false);
            }
        }

        await base.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_pull.IsDisposed)
        {
            _pull.Dispose();
            if (!_leaveOpen)
            {
                _source.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    // Makes normalized bytes ready; false at the end of the text. Throws at invalid UTF-8 once the output before it
    // has been read.
    private bool Fill()
    {
        if (_pull.Fill(_source, static (source, buffer) => source.Read(buffer)))
        {
            return true;
        }

        ThrowIfInvalid();
        return false;
    }

    private async ValueTask<int> ReadSlowAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (await _pull.FillAsync(_source, static (source, memory, token) => source.ReadAsync(memory, token), this, cancellationToken).ConfigureAwait(false))
        {
            return _pull.Drain(buffer.Span);
        }

        ThrowIfInvalid();
        return 0;
    }

    private void ThrowIfInvalid()
    {
        long offset = _pull.InvalidDataOffset;
        if (offset >= 0)
        {
            throw ArabicNormalizer.CreateInvalidUtf8Exception(offset);
        }
    }
}
