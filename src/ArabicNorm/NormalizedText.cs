using ArabicNorm.Internal;

namespace ArabicNorm;

/// <summary>
/// Holds a normalized text together with where each of its characters comes from in the source text, for
/// highlighting, entity spans and snippets that must point back into the original.
/// </summary>
/// <remarks>
/// <para><see cref="SourceIndices"/> has one entry per UTF-16 code unit of <see cref="Text"/>: the index in
/// <see cref="Source"/> where the character that produced it starts. The entries never decrease. A character that
/// expands (U+FDFA, a lam-alef ligature) maps all its outputs to itself; a composition (ALEF + HAMZA ABOVE) maps to its
/// base letter; a collapsed run of spaces maps to its first space. Deleted characters (tatweel, controls, removed
/// diacritics, a hamza mark that composed) have no output, so no entry points at them; <see cref="GetSourceRange(Range)"/>
/// includes them when they follow a character of the range.</para>
/// <para>Canonical ordering of the Arabic marks (option <see cref="ArabicNormalizerOptions.ComposeHamza"/>) keeps the entries non-decreasing by mapping groups: when a mark sorts in front
/// of marks written before it, it and the marks it passed map to where the first of those starts in the source; when
/// a hamza mark composes with its base across other marks, those marks map to the base, like the mark it took. So a
/// range over any character of such a group gives a source range that covers the whole group. A U+034F COMBINING
/// GRAPHEME JOINER that splits a sequence of more than 30 marks maps to the mark before it.</para>
/// <para>The indices describe one call over the whole text. When the span method is fed a text in blocks, they are
/// the same except in one place: a block boundary inside a collapsed run of spaces can make the run's one space map
/// to another character of that run.</para>
/// <para>Instances are immutable.</para>
/// </remarks>
public sealed class NormalizedText
{
    private readonly int[] _sourceIndices;

    internal NormalizedText(string source, string text, int[] sourceIndices)
    {
        Source = source;
        Text = text;
        _sourceIndices = sourceIndices;
    }

    /// <summary>Gets the text that was normalized.</summary>
    public string Source { get; }

    /// <summary>Gets the normalized text.</summary>
    public string Text { get; }

    /// <summary>Gets, for each code unit of <see cref="Text"/>, the index in <see cref="Source"/> of the character it
    /// comes from.</summary>
    public ReadOnlySpan<int> SourceIndices => _sourceIndices;

    /// <summary>Turns a range of <see cref="Text"/> into the range of <see cref="Source"/> it comes from.</summary>
    /// <param name="range">A range of <see cref="Text"/>, such as a search hit or an entity.</param>
    /// <returns>The range of <see cref="Source"/> to highlight.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="range"/> does not lie within <see cref="Text"/>.</exception>
    /// <remarks>See <see cref="GetSourceRange(ReadOnlySpan{int}, int, Range)"/>.</remarks>
    public Range GetSourceRange(Range range) => GetSourceRange(_sourceIndices, Source.Length, range);

    /// <summary>Turns a range of a normalized text into the range of its source that it comes from, given the source
    /// indices the span API recorded.</summary>
    /// <param name="sourceIndices">For each code unit of the normalized text, the index of its source character, as
    /// <see cref="ArabicNormalizer.NormalizeWithOffsets(ReadOnlySpan{char}, Span{char}, Span{int}, out int, out int, bool)"/> writes them.</param>
    /// <param name="sourceLength">The length of the source text.</param>
    /// <param name="range">A range of the normalized text.</param>
    /// <returns>The source range: from the first character of the range up to where the next character that produced
    /// output begins (or the end of the source). The marks, tatweel and invisible controls that follow the last
    /// character, and the hamza mark that composed into it, are therefore inside. An empty range gives the empty
    /// source range where its position maps.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="range"/> does not lie within
    /// <paramref name="sourceIndices"/>, or <paramref name="sourceLength"/> is negative.</exception>
    /// <exception cref="ArgumentException">An index the method reads is not one <see cref="ArabicNormalizer"/> writes
    /// for a source of <paramref name="sourceLength"/> characters: it is negative, not less than
    /// <paramref name="sourceLength"/>, or smaller than an index before it.</exception>
    /// <remarks>The indices are checked where they are read (the range, and the entries after it up to the next
    /// source character), not all of them: the cost stays that of the lookup.</remarks>
    public static Range GetSourceRange(ReadOnlySpan<int> sourceIndices, int sourceLength, Range range)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceLength);
        int start = range.Start.GetOffset(sourceIndices.Length);
        int end = range.End.GetOffset(sourceIndices.Length);
        if ((uint)start > (uint)sourceIndices.Length || (uint)end > (uint)sourceIndices.Length || start > end)
        {
            ThrowHelper.ThrowRangeOutOfBounds(nameof(range), range, sourceIndices.Length);
        }

        if (start == sourceIndices.Length)
        {
            return sourceLength..sourceLength;
        }

        int sourceStart = CheckedIndex(sourceIndices, start, 0, sourceLength);
        if (start == end)
        {
            return sourceStart..sourceStart;
        }

        int last = sourceStart;
        for (int k = start + 1; k < end; k++)
        {
            last = CheckedIndex(sourceIndices, k, last, sourceLength);
        }

        int sourceEnd = sourceLength;
        for (int k = end; k < sourceIndices.Length; k++)
        {
            int next = CheckedIndex(sourceIndices, k, last, sourceLength);
            if (next > last)
            {
                sourceEnd = next;
                break;
            }
        }

        return sourceStart..sourceEnd;
    }

    // An index as the engine writes them: within the source, and not below the one before it.
    private static int CheckedIndex(ReadOnlySpan<int> sourceIndices, int position, int floor, int sourceLength)
    {
        int value = sourceIndices[position];
        if (value < floor || value >= sourceLength)
        {
            ThrowHelper.ThrowBadSourceIndex(nameof(sourceIndices), position, value, sourceLength);
        }

        return value;
    }

    /// <summary>Returns the normalized text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}
