using ArabicNorm.Internal;

namespace ArabicNorm;

// Streaming: text of any size normalized with bounded memory.
//
// Every method here runs the span engine over pooled buffers of BlockPump<T>.InitialLength (16 Ki) code units for
// input and as many for output. The engine holds back the last open entry of each block (NeedMoreData): at most one
// combining sequence, which the Stream-Safe Text Format bounds to 30 non-starters, once the pump has dropped the
// characters the engine deletes without effect. Streaming is linear in the text's length, and the output equals
// normalizing the whole text at once (law L3), whatever its size (see BlockPump<T>).
public sealed partial class ArabicNormalizer
{
    /// <summary>Gets the lookup tables, for the feature files and the tests.</summary>
    internal NormalizationTables Tables => _tables;

    /// <summary>Normalizes the text <paramref name="reader"/> gives into <paramref name="writer"/>.</summary>
    /// <param name="reader">The text to normalize, read to its end.</param>
    /// <param name="writer">Receives the normalized text; it is flushed at the end, not closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>The output is the same as <see cref="Normalize(string)"/> of the whole text, whatever sizes the reads
    /// return and whatever the text's size. Memory stays bounded: two pooled buffers of 16,384 characters.
    /// What a block holds back for the next one is at most one combining sequence (a letter and its marks, which the
    /// Stream-Safe Text Format bounds to 30 non-starters), since characters that are deleted anyway (tatweel,
    /// controls, removed diacritics) are dropped from a held-back tail; so the time is linear in the text's length,
    /// whatever sizes the reads return.</para>
    /// <para>Exceptions from the reader or the writer propagate; the output written before them stands.</para>
    /// </remarks>
    public void Normalize(TextReader reader, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        using var pump = new BlockPump<char>(new EngineBlockNormalizer<char, Utf16Codec>(_tables, null));
        PumpText(pump, reader, writer);
        writer.Flush();
    }

    /// <summary>Normalizes the text <paramref name="reader"/> gives into <paramref name="writer"/>, and counts what
    /// changed.</summary>
    /// <param name="reader">The text to normalize, read to its end.</param>
    /// <param name="writer">Receives the normalized text; it is flushed at the end, not closed.</param>
    /// <param name="report">When this method returns, what normalization changed, per rule: the same counts as
    /// <see cref="GetChangeReport(ReadOnlySpan{char})"/> of the whole text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <remarks>Behaves as <see cref="Normalize(TextReader, TextWriter)"/>; the engine also records where each output
    /// character comes from, which the report is computed from.</remarks>
    public void Normalize(TextReader reader, TextWriter writer, out NormalizationReport report)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        var accumulator = new ReportAccumulator(_tables, ChangeCategories);
        using (var pump = new BlockPump<char>(new EngineBlockNormalizer<char, Utf16Codec>(_tables, accumulator)))
        {
            PumpText(pump, reader, writer);
        }

        writer.Flush();
        report = accumulator.ToReport();
    }

    /// <summary>Normalizes the text <paramref name="reader"/> gives into <paramref name="writer"/>, asynchronously.</summary>
    /// <param name="reader">The text to normalize, read to its end.</param>
    /// <param name="writer">Receives the normalized text; it is flushed at the end, not closed.</param>
    /// <param name="cancellationToken">Stops the work between reads and writes.</param>
    /// <returns>A task that completes when the whole text is normalized and the writer flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>Gives the same output, with the same memory bound, as <see cref="Normalize(TextReader, TextWriter)"/>.</remarks>
    public async Task NormalizeAsync(TextReader reader, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        using var pump = new BlockPump<char>(new EngineBlockNormalizer<char, Utf16Codec>(_tables, null));
        bool end = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Memory<char> buffer = pump.GetReadBuffer();
            if (!buffer.IsEmpty)
            {
                int read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                end = read == 0;
                pump.Advance(read);
            }

            PumpState state;
            do
            {
                state = pump.Step(end, out ReadOnlyMemory<char> output);
                if (!output.IsEmpty)
                {
                    await writer.WriteAsync(output, cancellationToken).ConfigureAwait(false);
                }
            }
            while (state == PumpState.Continue);

            if (state == PumpState.Finished)
            {
                break;
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Normalizes the UTF-8 text <paramref name="source"/> gives into <paramref name="destination"/>, as UTF-8.</summary>
    /// <param name="source">The UTF-8 text to normalize, read to its end.</param>
    /// <param name="destination">Receives the normalized UTF-8 text; it is flushed at the end, not closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> cannot read or <paramref name="destination"/> cannot write.</exception>
    /// <exception cref="InvalidDataException">The source is not well-formed UTF-8. The message gives the offset of
    /// the first invalid byte; the normalized text before it has been written, nothing after it.</exception>
    /// <remarks>
    /// <para>Normalizes the bytes directly, with <see cref="NormalizeUtf8(ReadOnlySpan{byte}, Span{byte}, out int, out int, bool)"/>:
    /// the output is the same as normalizing the whole text at once, whatever sizes the reads return. A byte
    /// order mark is a character like any other (U+FEFF, which <see cref="ArabicNormalizerOptions.RemoveFormatControls"/>
    /// deletes).</para>
    /// <para>Memory stays bounded whatever the text's size: two pooled buffers of 16,384 bytes, with what a block
    /// holds back bounded as <see cref="Normalize(TextReader, TextWriter)"/> says; the time is linear in the length.</para>
    /// </remarks>
    public void NormalizeUtf8(Stream source, Stream destination)
    {
        CheckStreams(source, destination);
        using var pump = new BlockPump<byte>(new EngineBlockNormalizer<byte, Utf8Codec>(_tables, null));
        PumpBytes(pump, source, destination);
        destination.Flush();
    }

    /// <summary>Normalizes the UTF-8 text <paramref name="source"/> gives into <paramref name="destination"/>, as UTF-8,
    /// and counts what changed.</summary>
    /// <param name="source">The UTF-8 text to normalize, read to its end.</param>
    /// <param name="destination">Receives the normalized UTF-8 text; it is flushed at the end, not closed.</param>
    /// <param name="report">When this method returns, what normalization changed, per rule: the same counts as
    /// <see cref="GetChangeReport(ReadOnlySpan{char})"/> of the decoded text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> cannot read or <paramref name="destination"/> cannot write.</exception>
    /// <exception cref="InvalidDataException">The source is not well-formed UTF-8 (see <see cref="NormalizeUtf8(Stream, Stream)"/>).</exception>
    /// <remarks>Behaves as <see cref="NormalizeUtf8(Stream, Stream)"/>; the engine also records where each output
    /// character comes from, which the report is computed from.</remarks>
    public void NormalizeUtf8(Stream source, Stream destination, out NormalizationReport report)
    {
        CheckStreams(source, destination);
        var accumulator = new ReportAccumulator(_tables, ChangeCategories);
        using (var pump = new BlockPump<byte>(new EngineBlockNormalizer<byte, Utf8Codec>(_tables, accumulator)))
        {
            PumpBytes(pump, source, destination);
        }

        destination.Flush();
        report = accumulator.ToReport();
    }

    /// <summary>Normalizes the UTF-8 text <paramref name="source"/> gives into <paramref name="destination"/>, as UTF-8,
    /// asynchronously.</summary>
    /// <param name="source">The UTF-8 text to normalize, read to its end.</param>
    /// <param name="destination">Receives the normalized UTF-8 text; it is flushed at the end, not closed.</param>
    /// <param name="cancellationToken">Stops the work between reads and writes.</param>
    /// <returns>A task that completes when the whole text is normalized and the destination flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> cannot read or <paramref name="destination"/> cannot write.</exception>
    /// <exception cref="InvalidDataException">The source is not well-formed UTF-8 (see <see cref="NormalizeUtf8(Stream, Stream)"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>Gives the same output, with the same memory bound, as <see cref="NormalizeUtf8(Stream, Stream)"/>.</remarks>
    public async Task NormalizeUtf8Async(Stream source, Stream destination, CancellationToken cancellationToken = default)
    {
        CheckStreams(source, destination);
        using var pump = new BlockPump<byte>(new EngineBlockNormalizer<byte, Utf8Codec>(_tables, null));
        bool end = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Memory<byte> buffer = pump.GetReadBuffer();
            if (!buffer.IsEmpty)
            {
                int read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                end = read == 0;
                pump.Advance(read);
            }

            PumpState state;
            do
            {
                state = pump.Step(end, out ReadOnlyMemory<byte> output);
                if (!output.IsEmpty)
                {
                    await destination.WriteAsync(output, cancellationToken).ConfigureAwait(false);
                }
            }
            while (state == PumpState.Continue);

            if (state == PumpState.InvalidData)
            {
                throw InvalidUtf8(pump.InvalidDataOffset);
            }

            if (state == PumpState.Finished)
            {
                break;
            }
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void CheckStreams(Stream source, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (!source.CanRead)
        {
            throw new ArgumentException("The source stream does not support reading.", nameof(source));
        }

        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream does not support writing.", nameof(destination));
        }
    }

    private static InvalidDataException InvalidUtf8(long offset) =>
        new($"The input is not valid UTF-8: invalid byte sequence at byte offset {offset}.");

    private static void PumpText(BlockPump<char> pump, TextReader reader, TextWriter writer)
    {
        bool end = false;
        while (true)
        {
            Span<char> buffer = pump.GetReadBuffer().Span;
            if (!buffer.IsEmpty)
            {
                int read = reader.Read(buffer);
                end = read == 0;
                pump.Advance(read);
            }

            PumpState state;
            do
            {
                state = pump.Step(end, out ReadOnlyMemory<char> output);
                writer.Write(output.Span);
            }
            while (state == PumpState.Continue);

            if (state == PumpState.Finished)
            {
                return;
            }
        }
    }

    private static void PumpBytes(BlockPump<byte> pump, Stream source, Stream destination)
    {
        bool end = false;
        while (true)
        {
            Span<byte> buffer = pump.GetReadBuffer().Span;
            if (!buffer.IsEmpty)
            {
                int read = source.Read(buffer);
                end = read == 0;
                pump.Advance(read);
            }

            PumpState state;
            do
            {
                state = pump.Step(end, out ReadOnlyMemory<byte> output);
                destination.Write(output.Span);
            }
            while (state == PumpState.Continue);

            if (state == PumpState.InvalidData)
            {
                throw InvalidUtf8(pump.InvalidDataOffset);
            }

            if (state == PumpState.Finished)
            {
                return;
            }
        }
    }
}
