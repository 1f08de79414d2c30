namespace ArabicNorm.Internal;

/// <summary>Shrinks a held-back tail without changing what it normalizes to.</summary>
/// <remarks>
/// A character whose table entry is <see cref="NormalizationTables.Delete"/> writes nothing and neither reads nor
/// changes the engine's context (it does not resolve a contextual yeh, does not separate a base from its hamza mark,
/// does not end a run of spaces). Removing it from the source therefore gives the same output.
/// </remarks>
internal static class StreamCompaction
{
    /// <summary>Removes the context-free deletions from a UTF-16 tail.</summary>
    /// <param name="tables">The normalizer's tables.</param>
    /// <param name="tail">The tail, compacted in place.</param>
    /// <returns>The new length.</returns>
    internal static int RemoveDeletions(NormalizationTables tables, Span<char> tail)
    {
        ReadOnlySpan<char> map = tables.Map;
        int kept = 0;
        foreach (char c in tail)
        {
            if (map[c] != NormalizationTables.Delete)
            {
                tail[kept++] = c;
            }
        }

        return kept;
    }
}
