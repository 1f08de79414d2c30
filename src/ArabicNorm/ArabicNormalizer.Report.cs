using ArabicNorm.Internal;

namespace ArabicNorm;

// The change report: what normalization changes in a text, per rule, counted by the engine itself.
public sealed partial class ArabicNormalizer
{
    private ChangeCategories? _changeCategories;

    /// <summary>Counts, per rule, the characters of <paramref name="text"/> that normalizing it changes, without
    /// producing the normalized text.</summary>
    /// <param name="text">The text to audit.</param>
    /// <returns>The counts; see <see cref="NormalizationReport"/> for what counts as a change and under which rule.</returns>
    /// <remarks>
    /// <para>The engine that normalizes runs here too, recording where each output character comes from, so the report
    /// always agrees with <see cref="Normalize(string)"/>: when no rule changes the length, the number of changed
    /// characters is the number of positions where the input and the output differ. The output goes to a pooled
    /// scratch buffer of a few kilobytes and is dropped.</para>
    /// <para>The first call on an instance builds a 64 KiB category table (about as costly as constructing the
    /// normalizer); later calls reuse it. An already normalized text is recognized in one pass and reports no change.</para>
    /// </remarks>
    public NormalizationReport GetChangeReport(ReadOnlySpan<char> text)
    {
        var report = new ReportAccumulator(_tables, ChangeCategories);
        if (IsNormalized(text))
        {
            report.AddUnchanged(text);
        }
        else
        {
            EngineDriver.Report(_tables, text, report);
        }

        return report.ToReport();
    }

    /// <summary>Counts, per rule, the characters of the text <paramref name="reader"/> gives that normalizing it
    /// changes, without producing the normalized text.</summary>
    /// <param name="reader">The text to audit, read to its end.</param>
    /// <returns>The counts, equal to <see cref="GetChangeReport(ReadOnlySpan{char})"/> of the whole text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="reader"/> is closed.</exception>
    /// <remarks>Memory stays bounded as for <see cref="Normalize(TextReader, TextWriter)"/>: use it to audit a corpus.
    /// <see cref="GetChangeReportAsync(TextReader, CancellationToken)"/> is the async form.</remarks>
    public NormalizationReport GetChangeReport(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var report = new ReportAccumulator(_tables, ChangeCategories);
        using (var pump = new BlockPump<char, Utf16Codec>(_tables, report))
        {
            pump.Run(new TextPumpIo(reader, TextWriter.Null), CancellationToken.None);
        }

        return report.ToReport();
    }

    /// <summary>Counts, per rule, the characters of the text <paramref name="reader"/> gives that normalizing it
    /// changes, asynchronously, without producing the normalized text.</summary>
    /// <param name="reader">The text to audit, read to its end.</param>
    /// <param name="cancellationToken">Stops the work between reads.</param>
    /// <returns>A task whose result is the counts, equal to <see cref="GetChangeReport(ReadOnlySpan{char})"/> of the
    /// whole text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="reader"/> is closed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>The async form of <see cref="GetChangeReport(TextReader)"/>, with the same memory bound. The exceptions
    /// are those of the returned task.</remarks>
    public async Task<NormalizationReport> GetChangeReportAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var report = new ReportAccumulator(_tables, ChangeCategories);
        using (var pump = new BlockPump<char, Utf16Codec>(_tables, report))
        {
            await pump.RunAsync(new TextPumpIo(reader, TextWriter.Null), cancellationToken).ConfigureAwait(false);
        }

        return report.ToReport();
    }

    private ChangeCategories ChangeCategories =>
        _changeCategories ?? Interlocked.CompareExchange(ref _changeCategories, new ChangeCategories(_tables), null) ?? _changeCategories;
}
