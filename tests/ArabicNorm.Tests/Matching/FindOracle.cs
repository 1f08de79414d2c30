using System.Globalization;
using System.Text;

namespace ArabicNorm.Tests.Matching;

/// <summary>
/// The independent model of <c>FindAll</c> that the tests and the <c>find</c> fuzz target compare the library with: a
/// naive ordinal search over the normalized text, the documented word boundaries and the widening of a hit to whole
/// combining sequences.
/// </summary>
internal static class FindOracle
{
    /// <summary>The oracle: leftmost hits, searched again right after each accepted hit (or one past a rejected one).</summary>
    internal static List<int> LeftmostHits(string text, string query, bool wholeWords)
    {
        var hits = new List<int>();
        if (query.Length == 0)
        {
            return hits;
        }

        int position = 0;
        while (position <= text.Length - query.Length)
        {
            int hit = text.IndexOf(query, position, StringComparison.Ordinal);
            if (hit < 0)
            {
                break;
            }

            if (!SplitsPair(text, hit) && !SplitsPair(text, hit + query.Length)
                && (!wholeWords || (Boundary(text, hit) && Boundary(text, hit + query.Length))))
            {
                hits.Add(hit);
                position = hit + query.Length;
            }
            else
            {
                position = hit + 1;
            }
        }

        return hits;
    }

    // A hit never takes half of a surrogate pair.
    internal static bool SplitsPair(string text, int index) =>
        index > 0 && index < text.Length && char.IsHighSurrogate(text[index - 1]) && char.IsLowSurrogate(text[index]);

    // The README's definition: a word boundary lies between two characters that are not both word characters.
    internal static bool Boundary(string text, int index) =>
        index == 0 || index == text.Length || !IsWord(text, index - 1, before: true) || !IsWord(text, index, before: false);

    internal static bool IsWord(string text, int index, bool before)
    {
        Rune rune;
        if (before)
        {
            Rune.DecodeLastFromUtf16(text.AsSpan(0, index + 1), out rune, out _);
        }
        else
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out rune, out _);
        }

        if (rune.Value is 0x200C or 0x200D)
        {
            return true;
        }

        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        return category <= UnicodeCategory.EnclosingMark // Lu, Ll, Lt, Lm, Lo, Mn, Mc, Me
            || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            || category == UnicodeCategory.ConnectorPunctuation;
    }

    internal static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // The README's widening: a hit takes in the whole combining sequences it starts or ends in.
    internal static Range Widen(string text, int start, int end)
    {
        while (start > 0 && IsMark(text[start]))
        {
            start--;
        }

        while (end < text.Length && IsMark(text[end]))
        {
            end++;
        }

        return start..end;
    }

    internal static List<Range> Merge(IEnumerable<Range> ranges)
    {
        var merged = new List<Range>();
        foreach (Range r in ranges)
        {
            if (merged.Count > 0 && r.Start.Value < merged[^1].End.Value)
            {
                merged[^1] = merged[^1].Start..Math.Max(merged[^1].End.Value, r.End.Value);
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }
}
