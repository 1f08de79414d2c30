using ArabicNorm.Internal;

namespace ArabicNorm;

// Streaming: text of any size normalized with bounded memory.
//
// Every method here runs the span engine over pooled buffers of BlockPump<T>.InitialLength (16 Ki) code units for
// input and as many for output. The engine holds back the last open entry of each block (NeedMoreData); a tail that
// fills the input buffer has its context-free deletions removed and then doubles the buffer, up to
// BlockPump<T>.MaxLength (1 Mi) code units. The output equals normalizing the whole text at once (law L3) except for
// an open entry still longer than that cap, which is cut there (see BlockPump<T>).
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
    /// return (law L3). Memory stays bounded whatever the text's size: two pooled buffers of 16,384 characters, and
    /// the input one grows (up to 1,048,576 characters) only while a single open entry, such as a letter followed by
    /// thousands of characters that are deleted, fills it. An entry longer than that after its context-free deletions
    /// are dropped, which takes a letter followed by over a million hamza marks, is cut: the text is normalized as if
    /// it ended there.</para>
    /// <para>Exceptions from the reader or the writer propagate; the output written before them stands.</para>
    /// </remarks>
    public void Normalize(TextReader reader, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        using var pump = new BlockPump<char>(new Utf16BlockNormalizer(_tables));
        PumpText(pump, reader, writer);
        writer.Flush();
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
        using var pump = new BlockPump<char>(new Utf16BlockNormalizer(_tables));
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
}
