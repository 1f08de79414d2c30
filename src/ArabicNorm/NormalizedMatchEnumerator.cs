using ArabicNorm.Internal;

namespace ArabicNorm;

/// <summary>
/// Enumerates, without allocating, the ranges of a text whose normalized form is a normalized query.
/// </summary>
/// <remarks>
/// <para>Get one from <see cref="ArabicNormalizer.EnumerateMatches(ReadOnlySpan{char}, ReadOnlySpan{char}, Span{char}, Span{int}, bool)"/>
/// and use it in <see langword="foreach"/>. It yields the same ranges, in the same order, as
/// <see cref="ArabicNormalizer.FindAll(string, string, bool)"/>: see there for what a match is.</para>
/// <para>The normalized text and its source indices live in the caller's buffers for as long as the enumerator is
/// used; the enumerator itself holds nothing else.</para>
/// </remarks>
public ref struct NormalizedMatchEnumerator
{
    private readonly ReadOnlySpan<char> _normalized;
    private readonly ReadOnlySpan<int> _sourceIndices;
    private readonly ReadOnlySpan<char> _query;
    private readonly int _sourceLength;
    private readonly bool _wholeWords;
    private int _position;

    internal NormalizedMatchEnumerator(
        ReadOnlySpan<char> normalized, ReadOnlySpan<int> sourceIndices, int sourceLength, ReadOnlySpan<char> query, bool wholeWords)
    {
        _normalized = normalized;
        _sourceIndices = sourceIndices;
        _sourceLength = sourceLength;
        _query = query;
        _wholeWords = wholeWords;
        _position = 0;
        Current = default;
    }

    /// <summary>Gets the range of the source text that the current match comes from.</summary>
    public Range Current { readonly get; private set; }

    /// <summary>Gets the normalized text the enumerator searches (a slice of the caller's buffer).</summary>
    public readonly ReadOnlySpan<char> NormalizedText => _normalized;

    /// <summary>Returns this enumerator, so that it can be used in <see langword="foreach"/>.</summary>
    /// <returns>This instance.</returns>
    public readonly NormalizedMatchEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next match.</summary>
    /// <returns><see langword="true"/> when <see cref="Current"/> holds a new match; <see langword="false"/> when there
    /// are no more.</returns>
    /// <remarks>Allocates nothing.</remarks>
    public bool MoveNext()
    {
        // An empty query (also that of a default instance) matches nothing.
        if (_query.IsEmpty)
        {
            return false;
        }

        // After the last match the search fails again from where it stopped, so MoveNext keeps returning false.
        if (MatchFinder.TryFindNext(_normalized, _sourceIndices, _sourceLength, _query, _wholeWords, ref _position, out Range match))
        {
            Current = match;
            return true;
        }

        return false;
    }
}
