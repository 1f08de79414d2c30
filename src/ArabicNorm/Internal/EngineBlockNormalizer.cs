using System.Buffers;

namespace ArabicNorm.Internal;

/// <summary>Normalizes blocks of one encoding for <see cref="BlockPump{T}"/>, and adds them to a change report when
/// one is being collected.</summary>
/// <typeparam name="TUnit">The code unit.</typeparam>
/// <typeparam name="TCodec">The codec of that code unit.</typeparam>
internal sealed class EngineBlockNormalizer<TUnit, TCodec> : IBlockNormalizer<TUnit>
    where TUnit : unmanaged, IEquatable<TUnit>
    where TCodec : struct, ICodeUnitCodec<TUnit>
{
    private readonly NormalizationTables _tables;
    private readonly ReportAccumulator? _report;
    private int[] _sourceIndexes = [];

    /// <summary>Initializes a block normalizer.</summary>
    /// <param name="tables">The normalizer's tables.</param>
    /// <param name="report">Collects the change report of every consumed block, or <see langword="null"/>.</param>
    internal EngineBlockNormalizer(NormalizationTables tables, ReportAccumulator? report)
    {
        _tables = tables;
        _report = report;
    }

    /// <inheritdoc/>
    public OperationStatus Normalize(ReadOnlySpan<TUnit> source, Span<TUnit> destination, out int consumed, out int written, bool isFinalBlock)
    {
        if (_report is null)
        {
            return NormalizationEngine<TUnit, TCodec>.Run(_tables, source, destination, default, out consumed, out written, isFinalBlock);
        }

        if (_sourceIndexes.Length < destination.Length)
        {
            Dispose();
            _sourceIndexes = ArrayPool<int>.Shared.Rent(destination.Length);
        }

        Span<int> indexes = _sourceIndexes.AsSpan(0, destination.Length);
        OperationStatus status = NormalizationEngine<TUnit, TCodec>.Run(
            _tables, source, destination, indexes, out consumed, out written, isFinalBlock);

        // What was consumed is final whatever the status: the engine starts the next call without context there.
        _report.Add<TUnit, TCodec>(source[..consumed], destination[..written], indexes[..written]);
        return status;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The engine itself finds them (<see cref="NormalizationEngine{TUnit, TCodec}.FindDropped"/>): a character the
    /// rules delete (tatweel, controls, diacritics, a hamza mark that did not compose) writes nothing and neither reads
    /// nor changes the engine's context (it does not resolve a contextual yeh, does not separate a base from its hamza
    /// mark or a mark from the marks it sorts with, does not end a run of spaces): removing it from the source gives
    /// the same output. The report counts it here, since the engine will not see it.
    /// </remarks>
    public int RemoveDroppedCharacters(Span<TUnit> tail)
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

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_sourceIndexes.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_sourceIndexes);
        }

        _sourceIndexes = [];
    }
}
