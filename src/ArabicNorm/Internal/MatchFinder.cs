using System.Globalization;
using System.Text;

namespace ArabicNorm.Internal;

/// <summary>
/// Finds a normalized query in a normalized text and maps each hit back to the source, for
/// <see cref="ArabicNormalizer.FindAll(string, string, bool)"/> and <see cref="NormalizedMatchEnumerator"/>.
/// </summary>
internal static class MatchFinder
{
    private const char Zwnj = '\u200C'; // ZERO WIDTH NON-JOINER
    private const char Zwj = '\u200D';  // ZERO WIDTH JOINER

    /// <summary>Finds the next match at or after <paramref name="position"/> of the normalized text.</summary>
    /// <param name="normalized">The normalized text.</param>
    /// <param name="sourceIndices">Its source indices, one per code unit.</param>
    /// <param name="sourceLength">The length of the source.</param>
    /// <param name="query">The normalized query; not empty.</param>
    /// <param name="wholeWords">Whether a hit must not split a word.</param>
    /// <param name="position">Where to search from; moved past the match.</param>
    /// <param name="match">The source range of the match.</param>
    /// <returns><see langword="false"/> when there is no further match.</returns>
    /// <remarks>Hits do not overlap in the normalized text. Each maps to whole source characters; hits whose source
    /// ranges overlap (two hits inside one ligature's expansion) are merged into one range.</remarks>
    internal static bool TryFindNext(
        ReadOnlySpan<char> normalized,
        ReadOnlySpan<int> sourceIndices,
        int sourceLength,
        ReadOnlySpan<char> query,
        bool wholeWords,
        ref int position,
        out Range match)
    {
        if (!TryFindHit(normalized, query, wholeWords, ref position, out int hit))
        {
            match = default;
            return false;
        }

        Range first = NormalizedText.GetSourceRange(sourceIndices, sourceLength, Widen(normalized, hit, hit + query.Length));
        int start = first.Start.Value;
        int end = first.End.Value;
        while (true)
        {
            int next = position;
            if (!TryFindHit(normalized, query, wholeWords, ref next, out int nextHit))
            {
                break;
            }

            Range following = NormalizedText.GetSourceRange(sourceIndices, sourceLength, Widen(normalized, nextHit, nextHit + query.Length));
            if (following.Start.Value >= end)
            {
                break;
            }

            // The next hit begins inside the source character this one ends in (both lie in one expansion).
            end = Math.Max(end, following.End.Value);
            position = next;
        }

        match = start..end;
        return true;
    }

    /// <summary>Widens a hit of the normalized text to whole combining sequences: a highlight cannot separate a letter
    /// from its marks, and canonical ordering and composition tie the marks of one sequence to its base.</summary>
    internal static Range Widen(ReadOnlySpan<char> normalized, int start, int end)
    {
        while (start > 0 && IsCombiningMark(normalized[start]))
        {
            start--;
        }

        while (end < normalized.Length && IsCombiningMark(normalized[end]))
        {
            end++;
        }

        return start..end;
    }

    private static bool IsCombiningMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool TryFindHit(ReadOnlySpan<char> normalized, ReadOnlySpan<char> query, bool wholeWords, ref int position, out int hit)
    {
        // position never passes normalized.Length (it moves to just after a hit at most), and a search there finds
        // nothing; a failed search from where it stopped fails again.
        int found;
        while ((found = normalized[position..].IndexOf(query, StringComparison.Ordinal)) >= 0)
        {
            hit = position + found;
            if (!SplitsSurrogatePair(normalized, hit) && !SplitsSurrogatePair(normalized, hit + query.Length)
                && (!wholeWords || IsWholeWord(normalized, hit, query.Length)))
            {
                position = hit + query.Length;
                return true;
            }

            // Half a character, or not on word boundaries: a hit overlapping this one may still count.
            position = hit + 1;
        }

        hit = 0; // not read: no hit
        return false;
    }

    /// <summary>Tells whether <paramref name="index"/> falls between the halves of a surrogate pair: a query that
    /// starts or ends with an unpaired surrogate does not match half of a character.</summary>
    internal static bool SplitsSurrogatePair(ReadOnlySpan<char> text, int index) =>
        index > 0 && index < text.Length && char.IsHighSurrogate(text[index - 1]) && char.IsLowSurrogate(text[index]);

    /// <summary>Tells whether the hit neither starts nor ends inside a word: at each end, the characters on the two
    /// sides are not both word characters.</summary>
    internal static bool IsWholeWord(ReadOnlySpan<char> text, int start, int length)
    {
        // At either end of the text the decoder reads an empty span and gives U+FFFD, which is not a word character.
        int end = start + length;
        if (IsWordBefore(text, start) && IsWordAt(text, start))
        {
            return false;
        }

        return !IsWordAt(text, end) || !IsWordBefore(text, end);
    }

    /// <summary>Tells whether a character is a word character: a letter, mark, number or connector punctuation
    /// (General_Category L, M, N or Pc), or ZWNJ or ZWJ, which join parts of one word.</summary>
    internal static bool IsWordCharacter(Rune rune)
    {
        if (rune.Value is Zwnj or Zwj)
        {
            return true;
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            default:
                return false;
        }
    }

    private static bool IsWordAt(ReadOnlySpan<char> text, int index)
    {
        Rune.DecodeFromUtf16(text[index..], out Rune rune, out _);
        return IsWordCharacter(rune);
    }

    private static bool IsWordBefore(ReadOnlySpan<char> text, int index)
    {
        Rune.DecodeLastFromUtf16(text[..index], out Rune rune, out _);
        return IsWordCharacter(rune);
    }
}
