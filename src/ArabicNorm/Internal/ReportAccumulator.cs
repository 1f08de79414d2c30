namespace ArabicNorm.Internal;

/// <summary>Adds up a <see cref="NormalizationReport"/> from the engine's output and source indexes, block by block.</summary>
/// <remarks>
/// <para>A source character is changed when the output units mapped to it differ from its own units. Its category
/// is the rule that changes it alone (<see cref="ChangeCategories"/>); when alone it would stay as it is, its context
/// changed it: a hamza mark composed, a space collapsed into the one before, or a base letter took a hamza mark.</para>
/// <para>Blocks must end where the engine consumed: the engine starts every call without context, so the report of a
/// text is the sum of the reports of its consumed blocks.</para>
/// </remarks>
internal sealed class ReportAccumulator(NormalizationTables tables, ChangeCategories categories)
{
    private readonly long[] _counts = new long[NormalizationReport.CategoryCount];
    private long _characters;

    /// <summary>Adds the report of one consumed block.</summary>
    /// <typeparam name="TUnit">The code unit.</typeparam>
    /// <typeparam name="TCodec">The codec.</typeparam>
    /// <param name="source">The consumed source units.</param>
    /// <param name="output">The output written for them.</param>
    /// <param name="sourceIndexes">For every output unit, the source index of the character it came from.</param>
    internal void Add<TUnit, TCodec>(ReadOnlySpan<TUnit> source, ReadOnlySpan<TUnit> output, ReadOnlySpan<int> sourceIndexes)
        where TUnit : unmanaged, IEquatable<TUnit>
        where TCodec : struct, ICodeUnitCodec<TUnit>
    {
        int k = 0;
        int i = 0;
        while (i < source.Length)
        {
            int length = TCodec.Read(source, i, isFinalBlock: true, out int value);
            int outStart = k;
            while (k < sourceIndexes.Length && sourceIndexes[k] == i)
            {
                k++;
            }

            _characters++;
            if (!output[outStart..k].SequenceEqual(source.Slice(i, length)))
            {
                byte category = categories.Get(tables, value);
                if (category == ChangeCategories.Unchanged)
                {
                    category = value <= 0xFFFF && tables.Map[value] == NormalizationTables.CollapsibleSpace
                        ? (byte)NormalizationCategory.Spaces
                        : (byte)NormalizationCategory.Compositions;
                }

                _counts[category]++;
            }

            i += length;
        }
    }

    /// <summary>Counts the characters of a text that normalization leaves as it is.</summary>
    /// <param name="text">An already normalized text.</param>
    internal void AddUnchanged(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            _characters++;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }
    }

    /// <summary>Counts a character removed from a held-back tail: a context-free deletion.</summary>
    /// <param name="value">The deleted character.</param>
    internal void AddDeleted(int value)
    {
        _characters++;
        _counts[categories.Get(tables, value)]++;
    }

    /// <summary>Returns the report so far.</summary>
    /// <returns>A snapshot of the counts.</returns>
    internal NormalizationReport ToReport() => new(_characters, (long[])_counts.Clone());
}
