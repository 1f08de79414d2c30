using System.Runtime.InteropServices;

namespace ArabicNorm.Internal;

/// <summary>Adds up a <see cref="NormalizationReport"/> from the engine's output and source indexes, block by block.</summary>
/// <remarks>
/// <para>A source character is changed when the output units mapped to it differ from its own units. Its category
/// is the rule that changes it alone (<see cref="ChangeCategories"/>); when alone it would stay as it is, its context
/// changed it: a hamza mark composed, or a base letter took a hamza mark. Under
/// <see cref="ArabicNormalizerOptions.CollapseSpaces"/>, a run of spaces counts the same however blocks cut it: its
/// first U+0020 is kept and its other characters changed.</para>
/// <para>Blocks must end where the engine consumed: the engine starts every call without context, so the report of a
/// text is the sum of the reports of its consumed blocks.</para>
/// </remarks>
internal sealed class ReportAccumulator(NormalizationTables tables, ChangeCategories categories)
{
    private CategoryCounts _counts; // inline: the report is a copy of it, nothing is allocated per snapshot
    private long _characters;

    // CollapseSpaces only: whether the output so far ends with a run of spaces one U+0020 of which has been counted
    // as the run's kept one. A run whose kept U+0020 has not been seen yet needs no state of its own: its characters
    // are counted alike whether it is open or not.
    private bool _runHasKeptSpace;

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
        ReadOnlySpan<char> map = tables.Map;
        TUnit space = default;
        TCodec.Write(MemoryMarshal.CreateSpan(ref space, 1), 0, ' ');
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
            ReadOnlySpan<TUnit> produced = output[outStart..k];
            ReadOnlySpan<TUnit> own = source.Slice(i, length);
            i += length;
            if (tables.CollapseSpaces && value < map.Length && map[value] == NormalizationTables.CollapsibleSpace)
            {
                // A run of spaces becomes one U+0020, which the engine attributes to the first character of the run,
                // or, when a block boundary falls inside the run, to its last. Either way the report says the same:
                // the first U+0020 of the run is kept, every other character of the run changed.
                if (value == ' ' && !_runHasKeptSpace)
                {
                    _runHasKeptSpace = true;
                }
                else
                {
                    byte alone = categories.Get(tables, value);
                    _counts[alone == ChangeCategories.Unchanged ? (byte)NormalizationCategory.Spaces : alone]++;
                }

                continue;
            }

            // Output that ends with a space continues the run, other output ends it; a deleted character (no output)
            // leaves it as it is. The last unit tells: U+0020 is one unit in UTF-16 and in UTF-8, and no other
            // character ends with that unit.
            if (!produced.IsEmpty && !produced[^1].Equals(space))
            {
                _runHasKeptSpace = false;
            }

            if (!produced.SequenceEqual(own))
            {
                byte category = categories.Get(tables, value);
                if (category == ChangeCategories.Unchanged)
                {
                    // Unchanged alone, so its context changed it: a hamza mark composed, or a base letter took one.
                    category = (byte)NormalizationCategory.Compositions;
                }

                _counts[category]++;
            }
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
    /// <returns>A snapshot of the counts: a copy, which later blocks do not change.</returns>
    internal NormalizationReport ToReport() => new(_characters, _counts);
}
