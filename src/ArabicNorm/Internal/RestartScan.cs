namespace ArabicNorm.Internal;

/// <summary>
/// Finds where normalizing a UTF-16 text starts to change it: the engine-side scan behind
/// <see cref="ArabicNormalizer.IsNormalized(ReadOnlySpan{char})"/>, <see cref="ArabicNormalizer.Normalize(string)"/> and
/// the comparer.
/// </summary>
/// <remarks>
/// <para>The shape of the runtime's <c>FindFirstCharacterToEncode</c>: the vector strategy of the tables skips whole
/// blocks with the same classifier the engine's vector path uses (<see cref="VectorStrategy.IndexOfCandidate"/>), and
/// each candidate it stops at is decided here with the engine's own table (<see cref="NormalizationTables.Map"/>) and
/// its sequence rules (<see cref="NormalizationTables.CombiningClass"/>, <see cref="NormalizationTables.Compose"/>,
/// <see cref="NormalizationTables.ReleasedMark"/>, <see cref="NormalizationTables.MaxNonStarters"/>). A character whose
/// entry is itself never changes; a special entry changes unless its context says otherwise (a hamza mark that composes
/// with nothing, a single space while spaces collapse, a surrogate pair the tables do not fold).</para>
/// <para>The result is a point from which the engine, started without context, produces the rest of the output, so a
/// caller copies the text before it and normalizes only from there.</para>
/// </remarks>
internal static class RestartScan
{
    /// <summary>Finds where normalization must start for the output to differ from the input.</summary>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="text">The text.</param>
    /// <returns>-1 when the text is already normalized; otherwise an index from which the engine, started without
    /// context, produces the rest of the output (everything before it is output unchanged).</returns>
    internal static int Find(NormalizationTables tables, ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> map = tables.Map;
        bool vectorize = tables.PlainRun.IsEnabled;
        for (int i = 0; i < text.Length; i++)
        {
            if (vectorize && text.Length - i >= PlainRunTranslator.BlockSize)
            {
                // Skip whole blocks that hold no candidate; the candidate found is decided by the rules below.
                i = tables.PlainRun.Strategy.IndexOfCandidate(tables, text, i);
                if (i >= text.Length)
                {
                    break;
                }
            }

            char c = text[i];
            char m = map[c];
            if (m == c)
            {
                continue;
            }

            switch (m)
            {
                case NormalizationTables.HamzaMark:
                case NormalizationTables.CombiningMark:
                    int sequenceStart = FindMarkRestartPoint(tables, text, i, m == NormalizationTables.HamzaMark);
                    if (sequenceStart < 0)
                    {
                        continue;
                    }

                    return sequenceStart;
                case NormalizationTables.CollapsibleSpace when c == ' ':
                    if (i == 0 || text[i - 1] != ' ')
                    {
                        continue;
                    }

                    break;
                case NormalizationTables.HighSurrogate:
                    if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        if (tables.TryGetSupplementaryExpansion(char.ConvertToUtf32(c, text[i + 1]), out _))
                        {
                            return i;
                        }

                        i++;
                    }

                    continue;
                case NormalizationTables.LowSurrogate:
                    continue;
            }

            // Start one character early, so that a composition or a space collapse with it is seen. That character
            // is itself unchanged by the rules, so the engine gives it back as it is. When it is a mark, start at its
            // combining sequence's base instead: the marks after a change may still sort among those before it.
            return SequenceStart(map, text, i - 1);
        }

        return -1;
    }

    // Where the combining sequence of the (unchanged) character at i starts: its base, a whole surrogate pair.
    private static int SequenceStart(ReadOnlySpan<char> map, ReadOnlySpan<char> text, int i)
    {
        while (i > 0 && map[text[i]] is NormalizationTables.CombiningMark or NormalizationTables.HamzaMark)
        {
            i--;
        }

        if (i <= 0)
        {
            return 0;
        }

        return char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]) ? i - 1 : i;
    }

    /// <summary>Tells whether the Arabic mark at <paramref name="i"/>, in a text unchanged before it, changes.</summary>
    /// <returns>-1 when it stays as it is; otherwise where its combining sequence starts (its base, or the start of the
    /// text), from which the engine, started without context, produces the rest of the output.</returns>
    private static int FindMarkRestartPoint(NormalizationTables tables, ReadOnlySpan<char> text, int i, bool hamza)
    {
        // The marks before it are unchanged, so they are all written: walk back to the sequence's base.
        ReadOnlySpan<char> map = tables.Map;
        byte ccc = NormalizationTables.CombiningClass(text[i]);
        int count = 1;
        bool blocked = false;
        int j = i;
        while (j > 0 && map[text[j - 1]] is NormalizationTables.CombiningMark or NormalizationTables.HamzaMark)
        {
            j--;
            count++;
            blocked |= NormalizationTables.CombiningClass(text[j]) == ccc;
        }

        int baseIndex = j - 1;
        if (baseIndex >= 0)
        {
            count += NormalizationTables.TrailingNonStarters(text[baseIndex]);
        }

        bool changes = (i > j && NormalizationTables.CombiningClass(text[i - 1]) > ccc) // out of canonical order
            || count > NormalizationTables.MaxNonStarters // a joiner splits the sequence
            || (hamza && (tables.RemoveDiacritics
                || (baseIndex >= 0 && !blocked
                    && (NormalizationTables.Compose(text[baseIndex], text[i]) != '\0'
                        || NormalizationTables.ReleasedMark(text[baseIndex], text[i]) != '\0'))));
        return changes ? SequenceStart(map, text, Math.Max(baseIndex, 0)) : -1;
    }
}
