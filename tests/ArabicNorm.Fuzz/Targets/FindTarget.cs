using System.Globalization;
using System.Text;

using ArabicNorm.Tests.Matching;

namespace ArabicNorm.Fuzz;

/// <summary>Fuzzes <c>FindAll</c> and <c>EnumerateMatches</c> against a naive search over the normalized text.</summary>
/// <remarks>
/// <para>Laws (the contract the FindAll property tests state): the ranges increase, are not empty, do not overlap, lie
/// inside the text and never split a surrogate pair; every strategy gives the scalar loop's ranges;
/// <c>EnumerateMatches</c> over guarded buffers of exactly <c>GetNormalizedLength</c> entries gives the ranges of
/// <c>FindAll</c>, with and without whole words. Outside <see cref="ArabicNormalizerOptions.ContextualFarsiYeh"/> (a
/// yeh at a range's end takes its form from what follows, as documented): every leftmost hit of the normalized query in
/// the normalized text, mapped back through <see cref="NormalizedText.GetSourceRange(Range)"/>, lies in a returned range,
/// and every range holds one; with whole words the ranges are exactly the hits that split no word, widened to whole
/// combining sequences, mapped back and merged; each range normalizes to the query, or, when one of its hits starts or
/// ends inside a source unit (an expansion, a combining sequence), to a text that contains it.</para>
/// <para>The query is the payload after its first TAB, or, without one, a slice of up to eight characters of the text
/// or of its normalized form, placed by the header.</para>
/// </remarks>
internal sealed class FindTarget : IFuzzTarget
{
    private static readonly GuardedMemory s_text = new();
    private static readonly GuardedMemory s_buffer = new();
    private static readonly GuardedMemory s_indices = new();

    public string Name => "find";

    public void Run(ReadOnlySpan<byte> data)
    {
        var input = new FuzzInput(data);
        string whole = FuzzInput.DecodeUtf16(input.Payload);
        Strategy[] strategies = Normalizers.For(input.OptionsSelector);
        (string text, string query) = Split(whole, strategies[0].Normalizer, ref input);
        List<Range>? reference = null;
        foreach (Strategy s in strategies)
        {
            ArabicNormalizer n = s.Normalizer;
            string normalizedQuery = n.Normalize(query);
            List<Range> ranges = [.. n.FindAll(text, query)];
            List<Range> wholeWordRanges = [.. n.FindAll(text, query, wholeWords: true)];
            reference ??= ranges;
            Law.Holds(reference.SequenceEqual(ranges), $"FindAll on {s.Name} equals scalar");
            CheckShape(text, ranges, s.Name);
            CheckShape(text, wholeWordRanges, s.Name + ", whole words");
            Law.Holds(normalizedQuery.Length > 0 || ranges.Count == 0, $"an empty normalized query finds nothing ({s.Name})");

            if (n.IsNormalized(normalizedQuery))
            {
                int length = n.GetNormalizedLength(text);
                foreach (bool wholeWords in new[] { false, true })
                {
                    bool back = input.NextBool();
                    ReadOnlySpan<char> source = s_text.PlaceReadOnly(text.AsSpan(), back);
                    Span<char> buffer = s_buffer.Place<char>(length, !back);
                    Span<int> indices = s_indices.Place<int>(length, back);
                    var enumerated = new List<Range>();
                    foreach (Range range in n.EnumerateMatches(source, normalizedQuery, buffer, indices, wholeWords))
                    {
                        enumerated.Add(range);
                    }

                    Law.Holds(enumerated.SequenceEqual(wholeWords ? wholeWordRanges : ranges), $"EnumerateMatches gives the ranges of FindAll ({s.Name}, whole words {wholeWords})");
                }
            }

            if (n.GetOptions().ContextualFarsiYeh)
            {
                continue;
            }

            NormalizedText normalized = n.NormalizeWithOffsets(text);
            List<int> hits = FindOracle.LeftmostHits(normalized.Text, normalizedQuery, wholeWords: false);
            foreach (int hit in hits)
            {
                Range mapped = normalized.GetSourceRange(hit..(hit + normalizedQuery.Length));
                Law.Holds(ranges.Any(r => r.Start.Value <= mapped.Start.Value && mapped.End.Value <= r.End.Value), $"every hit lies in a returned range ({s.Name})", $"hit {hit} -> {mapped}");
            }

            Law.Holds(ranges.Count <= hits.Count && Math.Sign(ranges.Count) == Math.Sign(hits.Count), $"every range holds a hit ({s.Name})", $"{ranges.Count} ranges, {hits.Count} hits");

            List<Range> expectedWholeWords = FindOracle.Merge(FindOracle.LeftmostHits(normalized.Text, normalizedQuery, wholeWords: true)
                .Select(hit => normalized.GetSourceRange(FindOracle.Widen(normalized.Text, hit, hit + normalizedQuery.Length))));
            Law.Holds(expectedWholeWords.SequenceEqual(wholeWordRanges), $"whole words keep exactly the hits that split no word ({s.Name})",
                $"expected {string.Join(' ', expectedWholeWords)}, got {string.Join(' ', wholeWordRanges)}");

            foreach (Range range in ranges)
            {
                string found = n.Normalize(text[range]);
                if (!string.Equals(found, normalizedQuery, StringComparison.Ordinal))
                {
                    string t = normalized.Text;
                    ReadOnlySpan<int> map = normalized.SourceIndices;
                    bool splitsAUnit = false;
                    foreach (int h in hits)
                    {
                        if (normalized.GetSourceRange(h..(h + normalizedQuery.Length)).Start.Value < range.Start.Value)
                        {
                            continue;
                        }

                        foreach (int k in new[] { h, h + normalizedQuery.Length })
                        {
                            splitsAUnit |= k > 0 && k < t.Length && (map[k - 1] == map[k] || FindOracle.IsMark(t[k]));
                        }
                    }

                    Law.Holds(found.Contains(normalizedQuery, StringComparison.Ordinal) && splitsAUnit, $"a range normalizes to the query, or contains it when a hit splits a unit ({s.Name})", $"{range}");
                }
            }
        }
    }

    private static (string Text, string Query) Split(string whole, ArabicNormalizer scalar, ref FuzzInput input)
    {
        int tab = whole.IndexOf('\t', StringComparison.Ordinal);
        if (tab >= 0)
        {
            return (whole[..tab], whole[(tab + 1)..]);
        }

        uint r = input.Next();
        string from = (r & 1) == 0 ? whole : scalar.Normalize(whole);
        if (from.Length == 0)
        {
            return (whole, "\u0627"); // ALEF
        }

        int start = (int)((r >> 1) % (uint)from.Length);
        int length = 1 + (int)((r >> 20) % 8);
        return (whole, from.Substring(start, Math.Min(length, from.Length - start)));
    }

    private static void CheckShape(string text, List<Range> ranges, string name)
    {
        int previousEnd = 0;
        foreach (Range range in ranges)
        {
            int start = range.Start.Value;
            int end = range.End.Value;
            Law.Holds(!range.Start.IsFromEnd && !range.End.IsFromEnd && start < end && end <= text.Length, $"ranges are not empty and lie inside the text ({name})", range.ToString());
            Law.Holds(start >= previousEnd, $"ranges increase and do not overlap ({name})", $"{range} after {previousEnd}");
            Law.Holds(!FindOracle.SplitsPair(text, start) && !FindOracle.SplitsPair(text, end), $"ranges never split a surrogate pair ({name})", range.ToString());
            previousEnd = end;
        }
    }
}
