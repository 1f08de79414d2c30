using ArabicNorm.Internal;

namespace ArabicNorm;

// Streaming: text of any size normalized with bounded memory.
//
// Every method here checks its arguments and hands the work to the one pump (Internal/BlockPump.cs), which runs the
// span engine over pooled buffers of 16 Ki code units for input and as many for output, sync (BlockPump.Run.cs) or
// async (its generated twin). The engine holds back the last open entry of each block (NeedMoreData): at most one
// combining sequence, which the Stream-Safe Text Format bounds to 30 non-starters, once the pump has dropped the
// characters the engine deletes without effect. Streaming is linear in the text's length, and the output equals
// normalizing the whole text at once, whatever its size.
//
// Every stream method has a report form: the sync ones an `out NormalizationReport` overload, the async ones a
// `...WithReportAsync` twin whose task gives the report, as a Task<int> gives the count of a ReadAsync.
public sealed partial class ArabicNormalizer
{
    /// <summary>Gets the lookup tables, for the feature files and the tests.</summary>
    internal NormalizationTables Tables => _tables;

    /// <summary>Normalizes the text <paramref name="reader"/> gives into <paramref name="writer"/>.</summary>
    /// <param name="reader">The text to normalize, read to its end.</param>
    /// <param name="writer">Receives the normalized text; it is flushed at the end, not closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="reader"/> or <paramref name="writer"/> is closed (thrown
    /// by it at the first read or write).</exception>
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
        using var pump = new BlockPump<char, Utf16Codec>(_tables, null);
        pump.Run(new TextPumpIo(reader, writer), CancellationToken.None);
    }

    /// <summary>Normalizes the text <paramref name="reader"/> gives into <paramref name="writer"/>, and counts what
    /// changed.</summary>
    /// <param name="reader">The text to normalize, read to its end.</param>
    /// <param name="writer">Receives the normalized text; it is flushed at the end, not closed.</param>
    /// <param name="report">When this method returns, what normalization changed, per rule: the same counts as
    /// <see cref="GetChangeReport(ReadOnlySpan{char})"/> of the whole text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="reader"/> or <paramref name="writer"/> is closed.</exception>
    /// <remarks>Behaves as <see cref="Normalize(TextReader, TextWriter)"/>; the engine also records where each output
    /// character comes from, which the report is computed from. <see cref="NormalizeWithReportAsync(TextReader, TextWriter, CancellationToken)"/>
    /// is the async form.</remarks>
    public void Normalize(TextReader reader, TextWriter writer, out NormalizationReport report)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        var accumulator = new ReportAccumulator(_tables, ChangeCategories);
        using (var pump = new BlockPump<char, Utf16Codec>(_tables, accumulator))
        {
            pump.Run(new TextPumpIo(reader, writer), CancellationToken.None);
        }

        report = accumulator.ToReport();
    }

    /// <summary>Normalizes the text <paramref name="reader"/> gives into <paramref name="writer"/>, asynchronously.</summary>
    /// <param name="reader">The text to normalize, read to its end.</param>
    /// <param name="writer">Receives the normalized text; it is flushed at the end, not closed.</param>
    /// <param name="cancellationToken">Stops the work between reads and writes.</param>
    /// <returns>A task that completes when the whole text is normalized and the writer flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="reader"/> or <paramref name="writer"/> is closed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>Gives the same output, with the same memory bound, as <see cref="Normalize(TextReader, TextWriter)"/>;
    /// the exceptions are those of the returned task.</remarks>
    public async Task NormalizeAsync(TextReader reader, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        using var pump = new BlockPump<char, Utf16Codec>(_tables, null);
        await pump.RunAsync(new TextPumpIo(reader, writer), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Normalizes the text <paramref name="reader"/> gives into <paramref name="writer"/>, asynchronously, and
    /// counts what changed.</summary>
    /// <param name="reader">The text to normalize, read to its end.</param>
    /// <param name="writer">Receives the normalized text; it is flushed at the end, not closed.</param>
    /// <param name="cancellationToken">Stops the work between reads and writes.</param>
    /// <returns>A task whose result is what normalization changed, per rule: the same counts as
    /// <see cref="GetChangeReport(ReadOnlySpan{char})"/> of the whole text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="reader"/> or <paramref name="writer"/> is closed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>The async form of <see cref="Normalize(TextReader, TextWriter, out NormalizationReport)"/> (an async
    /// method cannot have an <see langword="out"/> parameter, so the report is the task's result): the same output,
    /// report and memory bound. The exceptions are those of the returned task.</remarks>
    public async Task<NormalizationReport> NormalizeWithReportAsync(
        TextReader reader, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        var accumulator = new ReportAccumulator(_tables, ChangeCategories);
        using (var pump = new BlockPump<char, Utf16Codec>(_tables, accumulator))
        {
            await pump.RunAsync(new TextPumpIo(reader, writer), cancellationToken).ConfigureAwait(false);
        }

        return accumulator.ToReport();
    }

    /// <summary>Normalizes the UTF-8 text <paramref name="source"/> gives into <paramref name="destination"/>, as UTF-8.</summary>
    /// <param name="source">The UTF-8 text to normalize, read to its end.</param>
    /// <param name="destination">Receives the normalized UTF-8 text; it is flushed at the end, not closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> cannot read or <paramref name="destination"/> cannot write.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="source"/> or <paramref name="destination"/> is closed
    /// (it can neither read nor write, as <see cref="Stream.CopyTo(Stream)"/> decides).</exception>
    /// <exception cref="InvalidUtf8Exception">The source is not well-formed UTF-8. Its
    /// <see cref="InvalidUtf8Exception.ByteOffset"/> is the offset of the first invalid byte (the message gives it too);
    /// the normalized text before it has been written, nothing after it.</exception>
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
        using var pump = new BlockPump<byte, Utf8Codec>(_tables, null);
        pump.Run(new StreamPumpIo(source, destination), CancellationToken.None);
    }

    /// <summary>Normalizes the UTF-8 text <paramref name="source"/> gives into <paramref name="destination"/>, as UTF-8,
    /// and counts what changed.</summary>
    /// <param name="source">The UTF-8 text to normalize, read to its end.</param>
    /// <param name="destination">Receives the normalized UTF-8 text; it is flushed at the end, not closed.</param>
    /// <param name="report">When this method returns, what normalization changed, per rule: the same counts as
    /// <see cref="GetChangeReport(ReadOnlySpan{char})"/> of the decoded text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> cannot read or <paramref name="destination"/> cannot write.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="source"/> or <paramref name="destination"/> is closed.</exception>
    /// <exception cref="InvalidUtf8Exception">The source is not well-formed UTF-8 (see <see cref="NormalizeUtf8(Stream, Stream)"/>).</exception>
    /// <remarks>Behaves as <see cref="NormalizeUtf8(Stream, Stream)"/>; the engine also records where each output
    /// character comes from, which the report is computed from. <see cref="NormalizeUtf8WithReportAsync(Stream, Stream, CancellationToken)"/>
    /// is the async form.</remarks>
    public void NormalizeUtf8(Stream source, Stream destination, out NormalizationReport report)
    {
        CheckStreams(source, destination);
        var accumulator = new ReportAccumulator(_tables, ChangeCategories);
        using (var pump = new BlockPump<byte, Utf8Codec>(_tables, accumulator))
        {
            pump.Run(new StreamPumpIo(source, destination), CancellationToken.None);
        }

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
    /// <exception cref="ObjectDisposedException"><paramref name="source"/> or <paramref name="destination"/> is closed.</exception>
    /// <exception cref="InvalidUtf8Exception">The source is not well-formed UTF-8 (see <see cref="NormalizeUtf8(Stream, Stream)"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>Gives the same output, with the same memory bound, as <see cref="NormalizeUtf8(Stream, Stream)"/>;
    /// the exceptions are those of the returned task.</remarks>
    public async Task NormalizeUtf8Async(Stream source, Stream destination, CancellationToken cancellationToken = default)
    {
        CheckStreams(source, destination);
        using var pump = new BlockPump<byte, Utf8Codec>(_tables, null);
        await pump.RunAsync(new StreamPumpIo(source, destination), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Normalizes the UTF-8 text <paramref name="source"/> gives into <paramref name="destination"/>, as UTF-8,
    /// asynchronously, and counts what changed.</summary>
    /// <param name="source">The UTF-8 text to normalize, read to its end.</param>
    /// <param name="destination">Receives the normalized UTF-8 text; it is flushed at the end, not closed.</param>
    /// <param name="cancellationToken">Stops the work between reads and writes.</param>
    /// <returns>A task whose result is what normalization changed, per rule: the same counts as
    /// <see cref="GetChangeReport(ReadOnlySpan{char})"/> of the decoded text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> cannot read or <paramref name="destination"/> cannot write.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="source"/> or <paramref name="destination"/> is closed.</exception>
    /// <exception cref="InvalidUtf8Exception">The source is not well-formed UTF-8 (see <see cref="NormalizeUtf8(Stream, Stream)"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>The async form of <see cref="NormalizeUtf8(Stream, Stream, out NormalizationReport)"/>, with the report
    /// as the task's result: the same output, report and memory bound. The exceptions are those of the returned
    /// task.</remarks>
    public async Task<NormalizationReport> NormalizeUtf8WithReportAsync(
        Stream source, Stream destination, CancellationToken cancellationToken = default)
    {
        CheckStreams(source, destination);
        var accumulator = new ReportAccumulator(_tables, ChangeCategories);
        using (var pump = new BlockPump<byte, Utf8Codec>(_tables, accumulator))
        {
            await pump.RunAsync(new StreamPumpIo(source, destination), cancellationToken).ConfigureAwait(false);
        }

        return accumulator.ToReport();
    }

    private static void CheckStreams(Stream source, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (!source.CanRead)
        {
            ThrowHelper.ThrowUnusableStream(source, nameof(source), write: false);
        }

        if (!destination.CanWrite)
        {
            ThrowHelper.ThrowUnusableStream(destination, nameof(destination), write: true);
        }
    }
}
