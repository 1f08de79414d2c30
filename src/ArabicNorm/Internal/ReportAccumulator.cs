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

    // CollapseSpaces only: whether the output so far ends with a space (a run is open), and whether a U+0020 of the
    // run has been counted as the kept one.
    private bool _inSpaceRun;
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
            // The common case: a character that is its own only output, and not a space a run could take. Its units
            // are the n output units mapped to it when the next output comes from i + n: no character maps to its
            // own units followed by more, and a character cannot end after where the next one starts.
            int n = 0;
            while (k + n < sourceIndexes.Length && sourceIndexes[k + n] == i)
            {
                n++;
            }

            if (n > 0 && i + n <= source.Length
                && (k + n < sourceIndexes.Length ? sourceIndexes[k + n] == i + n : i + n == source.Length)
                && !source[i].Equals(space)
                && output.Slice(k, n).SequenceEqual(source.Slice(i, n)))
            {
                _characters++;
                _inSpaceRun = false;
                _runHasKeptSpace = false;
                k += n;
                i += n;
                continue;
            }

            int length = TCodec.Read(source, i, isFinalBlock: true, out int value);
            int outStart = k;
            while (k < sourceIndexes.Length && sourceIndexes[k] == i)
            {
                k++;
            }

            _characters++;
            ReadOnlySpan<TUnit> produced = output[outStart..k];
            if (tables.CollapseSpaces && value <= 0xFFFF && map[value] == NormalizationTables.CollapsibleSpace)
            {
                // A run of spaces becomes one U+0020, which the engine attributes to the first character of the run,
                // or, when a block boundary falls inside the run, to its last. Either way the report says the same:
                // the first U+0020 of the run is kept, every other character of the run changed.
                if (!_inSpaceRun)
                {
                    _inSpaceRun = true;
                    _runHasKeptSpace = false;
                }

                if (value == ' ' && !_runHasKeptSpace)
                {
                    _runHasKeptSpace = true;
                }
                else
                {
                    byte own = categories.Get(tables, value);
                    _counts[own == ChangeCategories.Unchanged ? (byte)NormalizationCategory.Spaces : own]++;
                }

                i += length;
                continue;
            }

            if (!produced.IsEmpty)
            {
                // Output that ends with a space opens a run (or continues the open one); other output ends it.
                bool endsWithSpace = TCodec.Read(produced, LastCharStart<TUnit, TCodec>(produced), isFinalBlock: true, out int last) > 0 && last == ' ';
                if (!endsWithSpace || !_inSpaceRun)
                {
                    _runHasKeptSpace = false;
                }

                _inSpaceRun = endsWithSpace;
            }

            if (!produced.SequenceEqual(source.Slice(i, length)))
            {
                byte category = categories.Get(tables, value);
                if (category == ChangeCategories.Unchanged)
                {
                    // Unchanged alone, so its context changed it: a hamza mark composed, or a base letter took one.
                    category = (byte)NormalizationCategory.Compositions;
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

    private static int LastCharStart<TUnit, TCodec>(ReadOnlySpan<TUnit> units)
        where TUnit : unmanaged, IEquatable<TUnit>
        where TCodec : struct, ICodeUnitCodec<TUnit>
    {
        // Outputs are short (at most one expansion): walk them from the start.
        int start = 0;
        int i = 0;
        while (i < units.Length)
        {
            start = i;
            int length = TCodec.Read(units, i, isFinalBlock: true, out _);
            i += length > 0 ? length : 1;
        }

        return start;
    }

    /// <summary>Returns the report so far.</summary>
    /// <returns>A snapshot of the counts: a copy, which later blocks do not change.</returns>
    internal NormalizationReport ToReport() => new(_characters, _counts);
}
