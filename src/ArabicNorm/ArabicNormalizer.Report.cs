using System.Buffers;
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
            return report.ToReport();
        }

        const int ScratchLength = 4096;
        char[] output = ArrayPool<char>.Shared.Rent(ScratchLength);
        int[] indexes = ArrayPool<int>.Shared.Rent(ScratchLength);
        try
        {
            while (true)
            {
                OperationStatus status = NormalizationEngine<char, Utf16Codec>.Run(
                    _tables, text, output, indexes.AsSpan(0, output.Length), out int consumed, out int written, isFinalBlock: true);
                report.Add<char, Utf16Codec>(text[..consumed], output.AsSpan(0, written), indexes.AsSpan(0, written));
                if (status == OperationStatus.Done)
                {
                    return report.ToReport();
                }

                text = text[consumed..];
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(output);
            ArrayPool<int>.Shared.Return(indexes);
        }
    }

    /// <summary>Counts, per rule, the characters of the text <paramref name="reader"/> gives that normalizing it
    /// changes, without producing the normalized text.</summary>
    /// <param name="reader">The text to audit, read to its end.</param>
    /// <returns>The counts, equal to <see cref="GetChangeReport(ReadOnlySpan{char})"/> of the whole text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <remarks>Memory stays bounded as for <see cref="Normalize(TextReader, TextWriter)"/>: use it to audit a corpus.</remarks>
    public NormalizationReport GetChangeReport(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var report = new ReportAccumulator(_tables, ChangeCategories);
        using var pump = new BlockPump<char>(new EngineBlockNormalizer<char, Utf16Codec>(_tables, report));
        PumpText(pump, reader, TextWriter.Null);
        return report.ToReport();
    }

    private ChangeCategories ChangeCategories =>
        _changeCategories ?? Interlocked.CompareExchange(ref _changeCategories, new ChangeCategories(_tables), null) ?? _changeCategories;
}
