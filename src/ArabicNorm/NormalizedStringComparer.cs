using System.Globalization;
using ArabicNorm.Internal;

namespace ArabicNorm;

/// <summary>
/// Compares texts by their normalized forms: two texts are equal when an <see cref="ArabicNormalizer"/> gives them the
/// same output, and they sort in the ordinal order of those outputs.
/// </summary>
/// <remarks>
/// <para>Get one from <see cref="ArabicNormalizer.Comparer"/>. For every pair of texts <c>a</c> and <c>b</c> and its
/// normalizer <c>N</c>: <see cref="Equals(string, string)"/> is <c>N.Normalize(a) == N.Normalize(b)</c> (ordinal),
/// <see cref="GetHashCode(string)"/> gives equal texts the same hash, and the sign of
/// <see cref="Compare(string, string)"/> is that of <c>string.CompareOrdinal(N.Normalize(a), N.Normalize(b))</c>.</para>
/// <para>Nothing is allocated: both texts are normalized piece by piece into stack buffers (or, where the rules change
/// nothing, read in place) and compared or hashed as they go, so a difference near the start costs little. The hash is
/// that of the normalized characters in fixed blocks, whatever the pieces were; like
/// <see cref="string.GetHashCode()"/>, it is randomized per process, so do not store it.</para>
/// <para>The span forms, for text cut from a buffer, are the extension methods of
/// <see cref="NormalizedStringComparerExtensions"/>: <c>comparer.Equals(span1, span2)</c>,
/// <c>comparer.GetHashCode(span)</c> and <c>comparer.Compare(span1, span2)</c>. (They are extensions so that a call
/// with two strings still binds to the methods here, which treat <see langword="null"/> as a value of its own; an
/// instance span overload would take those calls, with <see langword="null"/> as the empty span.)</para>
/// <para><see langword="null"/> is handled as <see cref="StringComparer.Ordinal"/> handles it: it equals only
/// <see langword="null"/>, sorts before every text, and <see cref="GetHashCode(string)"/> rejects it.</para>
/// <para>On .NET 9 and later the comparer also implements
/// <c>IAlternateEqualityComparer&lt;ReadOnlySpan&lt;char&gt;, string?&gt;</c>, so
/// <c>dictionary.GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;()</c> finds raw tokens cut from a buffer without
/// allocating; keys added through such a lookup are stored normalized.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class NormalizedStringComparer : StringComparer
#if NET9_0_OR_GREATER
    , IAlternateEqualityComparer<ReadOnlySpan<char>, string?>
#endif
{
    // Normalized forms shorter than this are hashed whole; longer ones in blocks of this many chars, so that the hash
    // does not depend on the pieces they were read in.
    private const int HashBlock = 256;

    private readonly ArabicNormalizer _normalizer;

    internal NormalizedStringComparer(ArabicNormalizer normalizer)
    {
        _normalizer = normalizer;
    }

    /// <summary>Gets the normalizer whose output this comparer compares.</summary>
    public ArabicNormalizer Normalizer => _normalizer;

    /// <summary>Compares two texts by the ordinal order of their normalized forms.</summary>
    /// <param name="x">The first text, or <see langword="null"/>.</param>
    /// <param name="y">The second text, or <see langword="null"/>.</param>
    /// <returns>A negative number, zero or a positive number as the normalized <paramref name="x"/> sorts before,
    /// equal to or after the normalized <paramref name="y"/>; <see langword="null"/> sorts first.</returns>
    /// <remarks>Allocates nothing.</remarks>
    public override int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        return CompareCore(x, y);
    }

    [System.Runtime.CompilerServices.SkipLocalsInit] // a reader writes its buffer before it hands out any of it
    internal int CompareCore(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        if (x.SequenceEqual(y))
        {
            return 0;
        }

        int restartX = RestartScan.Find(_normalizer.Tables, x);
        int restartY = RestartScan.Find(_normalizer.Tables, y);
        if (restartX < 0 && restartY < 0)
        {
            // Both texts are their own normalized forms.
            return x.SequenceCompareTo(y);
        }

        // A text the rules leave as it is is read in place and does not use its buffer.
        Span<char> bufferX = stackalloc char[NormalizedChunkReader.BufferSize];
        Span<char> bufferY = stackalloc char[NormalizedChunkReader.BufferSize];
        var readerX = new NormalizedChunkReader(_normalizer.Tables, x, restartX, bufferX);
        var readerY = new NormalizedChunkReader(_normalizer.Tables, y, restartY, bufferY);
        scoped ReadOnlySpan<char> chunkX = default;
        scoped ReadOnlySpan<char> chunkY = default;
        while (true)
        {
            while (chunkX.IsEmpty && readerX.TryRead(out chunkX))
            {
            }

            while (chunkY.IsEmpty && readerY.TryRead(out chunkY))
            {
            }

            if (chunkX.IsEmpty || chunkY.IsEmpty)
            {
                // One side ended: the shorter normalized text sorts first.
                return chunkX.IsEmpty ? (chunkY.IsEmpty ? 0 : -1) : 1;
            }

            int n = Math.Min(chunkX.Length, chunkY.Length);
            int order = chunkX[..n].SequenceCompareTo(chunkY[..n]);
            if (order != 0)
            {
                return order;
            }

            chunkX = chunkX[n..];
            chunkY = chunkY[n..];
        }
    }

    /// <summary>Tells whether two texts have the same normalized form.</summary>
    /// <param name="x">The first text, or <see langword="null"/>.</param>
    /// <param name="y">The second text, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/>, or neither is and they normalize to the
    /// same text (ordinal).</returns>
    /// <remarks>Allocates nothing.</remarks>
    public override bool Equals(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        return EqualsCore(x, y);
    }

    internal bool EqualsCore(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        // In step first: two spellings of one text are often the same length, differing only by characters that map
        // one to one to the same output (FARSI YEH and YEH, KEHEH and KAF, digits, quotation marks). Such a pair is
        // skipped without normalizing anything, as long as it cannot interact with its neighbours.
        ReadOnlySpan<char> map = _normalizer.Tables.Map;
        int floor = 0; // both texts have the same output before this position, and may be normalized afresh from it
        while (true)
        {
            int m = floor + x[floor..].CommonPrefixLength(y[floor..]);
            if (m == x.Length && m == y.Length)
            {
                return true;
            }

            if (m < x.Length && m < y.Length && map[x[m]] == map[y[m]] && StandsAlone(map, x[m]) && StandsAlone(map, y[m]))
            {
                // The same marks may follow (a vocalized word), as long as none is a hamza mark that could compose
                // with the letter; then the next character must stand alone too, or both texts end.
                int k = m + 1;
                while (k < x.Length && k < y.Length && x[k] == y[k] && IsMark(x[k]) && !NormalizationTables.IsSpecial(map[x[k]]))
                {
                    k++;
                }

                if ((k == x.Length && k == y.Length)
                    || (k < x.Length && k < y.Length && StandsAlone(map, x[k]) && StandsAlone(map, y[k])))
                {
                    floor = k;
                    continue;
                }
            }

            // Otherwise normalize both from the last position before m where both are at a character that stands alone.
            int b = m - 1;
            while (b > floor && !StandsAlone(map, x[b]))
            {
                b--;
            }

            return EqualsStreaming(x[Math.Max(b, floor)..], y[Math.Max(b, floor)..]);
        }
    }

    /// <summary>Tells whether a character is an entry of its own that no later character changes and that changes no
    /// earlier one: a one-to-one rule or none (not a hamza mark, a collapsible space, a contextual yeh, an expansion,
    /// a deletion or a surrogate), and not a combining mark, which canonical ordering may move.</summary>
    private static bool StandsAlone(ReadOnlySpan<char> map, char c) => !NormalizationTables.IsSpecial(map[c]) && !IsMark(c);

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // The normalized forms are equal exactly when they compare equal; the comparison stops at the first difference.
    private bool EqualsStreaming(ReadOnlySpan<char> x, ReadOnlySpan<char> y) => CompareCore(x, y) == 0;

    /// <summary>Computes a hash of the normalized form of <paramref name="obj"/>.</summary>
    /// <param name="obj">The text.</param>
    /// <returns>A hash that is the same for every two texts <see cref="Equals(string, string)"/> calls equal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <remarks>Allocates nothing. The hash is randomized per process.</remarks>
    public override int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return GetHashCodeCore(obj);
    }

    [System.Runtime.CompilerServices.SkipLocalsInit] // both buffers are written before they are read
    internal int GetHashCodeCore(ReadOnlySpan<char> text)
    {
        // The hash depends on the normalized form only: shorter than HashBlock chars, it is the randomized Marvin
        // hash of that form (what string.GetHashCode computes); longer forms combine the Marvin hashes of their
        // HashBlock-char blocks, counted from the start of the form, whatever pieces the reader returned. The last
        // block, full or not (even empty), is hashed too, so the sequence of block hashes stands for the whole form.
        int restart = RestartScan.Find(_normalizer.Tables, text);
        if (restart < 0 && text.Length < HashBlock)
        {
            // A speed path only (a short key that needs no normalizing, the common dictionary case): the loop below
            // would copy the text into the block buffer and hash the same chars.
            return string.GetHashCode(text);
        }

        Span<char> buffer = stackalloc char[NormalizedChunkReader.BufferSize];
        Span<char> block = stackalloc char[HashBlock];
        var reader = new NormalizedChunkReader(_normalizer.Tables, text, restart, buffer);
        var hash = default(HashCode);
        int filled = 0;
        int length = 0;
        while (reader.TryRead(out ReadOnlySpan<char> chunk))
        {
            length += chunk.Length;
            if (filled > 0)
            {
                // Also a speed path: with the block buffer empty, this would copy the piece's first block and hash
                // the same chars the loop below hashes in place.
                int take = Math.Min(HashBlock - filled, chunk.Length);
                chunk[..take].CopyTo(block[filled..]);
                filled += take;
                chunk = chunk[take..];
                if (filled < HashBlock)
                {
                    continue;
                }

                hash.Add(string.GetHashCode(block));
                filled = 0;
            }

            // Whole blocks straight from the piece: the same chars in the same blocks as if they had been copied.
            while (chunk.Length >= HashBlock)
            {
                hash.Add(string.GetHashCode(chunk[..HashBlock]));
                chunk = chunk[HashBlock..];
            }

            chunk.CopyTo(block);
            filled = chunk.Length;
        }

        if (length < HashBlock)
        {
            // No block was full: the whole normalized form is in the block buffer.
            return string.GetHashCode(block[..filled]);
        }

        hash.Add(string.GetHashCode(block[..filled]));
        return hash.ToHashCode();
    }

#if NET9_0_OR_GREATER
    /// <summary>Tells whether a raw text and a key have the same normalized form.</summary>
    /// <param name="alternate">The raw text, such as a token cut from a buffer.</param>
    /// <param name="other">The key, or <see langword="null"/>.</param>
    /// <returns><see langword="false"/> when <paramref name="other"/> is <see langword="null"/>; otherwise whether both
    /// normalize to the same text.</returns>
    bool IAlternateEqualityComparer<ReadOnlySpan<char>, string?>.Equals(ReadOnlySpan<char> alternate, string? other) =>
        other is not null && EqualsCore(alternate, other);

    /// <summary>Computes the hash of the normalized form of a raw text.</summary>
    /// <param name="alternate">The raw text.</param>
    /// <returns>The same hash as <see cref="GetHashCode(string)"/> of an equal string.</returns>
    int IAlternateEqualityComparer<ReadOnlySpan<char>, string?>.GetHashCode(ReadOnlySpan<char> alternate) => GetHashCodeCore(alternate);

    /// <summary>Creates the key to store for a raw text: its normalized form.</summary>
    /// <param name="alternate">The raw text.</param>
    /// <returns>A new string holding the normalized form of <paramref name="alternate"/>.</returns>
    string IAlternateEqualityComparer<ReadOnlySpan<char>, string?>.Create(ReadOnlySpan<char> alternate) => NormalizeToString(alternate);
#endif

    private string NormalizeToString(ReadOnlySpan<char> text)
    {
        // A new key is stored, even for a text that is already normalized: the span is not a string to hand back.
        int restart = RestartScan.Find(_normalizer.Tables, text);
        if (restart < 0)
        {
            return new string(text);
        }

        return EngineDriver.NormalizeToString(
            _normalizer.Tables, text, restart, _normalizer.CheckResultFitsString(text[restart..], restart, "alternate"));
    }
}
