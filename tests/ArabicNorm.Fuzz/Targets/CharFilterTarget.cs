using System.Text;
using ArabicNorm.Lucene;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace ArabicNorm.Fuzz;

/// <summary>Fuzzes <see cref="ArabicNormCharFilter"/>: its text, its offset corrections, and the tokens a
/// <see cref="StandardTokenizer"/> cuts from it, with the input's and the caller's read sizes taken from the input.</summary>
/// <remarks>
/// <para>Laws: the filter's text is <c>Normalize(string)</c> on every strategy, whatever the sizes its input returns
/// and its caller asks for (one character at a time, through <c>Read()</c>, <c>Peek()</c> or a buffer), and
/// the end stays the end (0, then -1); <c>CorrectOffset</c> lies inside the source at every output offset, equals the
/// offsets API's index where a source character's output starts (except on a collapsed space, documented), gives the
/// source length at the end, and gives the same answers in any order. The tokens (scalar strategy): start &lt; end,
/// starts never decrease, ends inside the source, the final offset is the source length; under the three presets the
/// source range of a token normalizes to the token's text, or, for a range with a character that expands to several
/// words, to a text that contains it.</para>
/// <para>Guard pages: the text the filter reads sits in read-only memory bounded by inaccessible pages
/// (<see cref="GuardedReader"/>, placed at the front or the back of its region as the input says), and reads into a span
/// (<see cref="ArabicNormCharFilter.Read(Span{char})"/>) go to a destination of exactly the size asked for, next to a
/// guard page on the side the input picks; a write past it faults. Reads into a <c>char[]</c> (what Lucene's tokenizers
/// call) cannot sit next to a guard page, so there the array is filled with a sentinel and every element outside
/// <c>[index, index + n)</c> must still hold it. The filter's own buffers are pooled arrays.</para>
/// </remarks>
internal sealed class CharFilterTarget : IFuzzTarget
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private const char Sentinel = '\uFDD0'; // a noncharacter no rule produces

    private static readonly GuardedMemory s_text = new();
    private static readonly GuardedMemory s_destination = new();

    private readonly char[] _buffer = new char[8192];

    public string Name => "charfilter";

    /// <summary>Runs one small text through the filter and a tokenizer, so that Lucene.Net's first-use paths are behind us.</summary>
    public static void WarmUp()
    {
        using var tokenizer = new StandardTokenizer(Version, new ArabicNormCharFilter(new StringReader("\u0628 \uFEFB x"), ArabicNormalizer.Search));
        ICharTermAttribute term = tokenizer.AddAttribute<ICharTermAttribute>();
        IOffsetAttribute offset = tokenizer.AddAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
        }

        tokenizer.End();
    }

    public void Run(ReadOnlySpan<byte> data)
    {
        var input = new FuzzInput(data);
        string text = FuzzInput.DecodeUtf16(input.Payload);
        Strategy[] strategies = Normalizers.For(input.OptionsSelector);
        ReadOnlySpan<char> guardedText = s_text.PlaceReadOnly(text.AsSpan(), input.NextBool());
        foreach (Strategy s in strategies)
        {
            ArabicNormalizer n = s.Normalizer;
            string expected = n.Normalize(text);
            NormalizedText offsets = n.NormalizeWithOffsets(text);
            using var filter = new ArabicNormCharFilter(new GuardedReader(guardedText, input.NextReadSizes()), n);
            Law.Equal(expected, ReadAll(filter, ref input), $"the char filter's text equals Normalize ({s.Name})");
            Law.Holds(filter.Read(_buffer, 0, 4) == 0 && filter.Read() == -1 && filter.Peek() == -1, $"the end stays the end: 0, then -1 ({s.Name})");

            ReadOnlySpan<int> indices = offsets.SourceIndices;
            int[] corrected = new int[expected.Length + 1];
            for (int p = 0; p <= expected.Length; p++)
            {
                int c = corrected[p] = filter.CorrectOffset(p);
                Law.Holds(c >= 0 && c <= text.Length, $"CorrectOffset lies inside the source ({s.Name})", $"output {p} -> {c} of {text.Length}");
                bool startsCharacter = p < expected.Length && (p == 0 || indices[p] != indices[p - 1]);
                Law.Holds(!startsCharacter || expected[p] == ' ' || c == indices[p], $"CorrectOffset is the offsets API's index where a character's output starts ({s.Name})", $"output {p}: {c}, offsets API {(p < indices.Length ? indices[p] : -1)}");
            }

            Law.Holds(corrected[expected.Length] == text.Length, $"CorrectOffset of the end is the source length ({s.Name})", $"{corrected[expected.Length]} of {text.Length}");
            for (int p = expected.Length; p >= 0; p -= 1 + (int)(input.Next() % 7))
            {
                Law.Holds(filter.CorrectOffset(p) == corrected[p], $"CorrectOffset gives the same answer in any order ({s.Name})", $"output {p}");
            }
        }

        CheckTokens(text, guardedText, strategies[0].Normalizer, Normalizers.IsPreset(input.OptionsSelector), ref input);
    }

    private string ReadAll(ArabicNormCharFilter filter, ref FuzzInput input)
    {
        var sb = new StringBuilder();
        int[] sizes = input.NextReadSizes();
        for (int k = 0; ; k++)
        {
            int size = sizes[k % sizes.Length];
            if (size <= 16 && (size & 3) == 1)
            {
                // One character at a time, through Peek and Read().
                int peeked = filter.Peek();
                int c = filter.Read();
                Law.Holds(peeked == c, "Peek returns what Read() returns next", $"{peeked} then {c}");
                if (c < 0)
                {
                    break;
                }

                sb.Append((char)c);
                continue;
            }

            int index = size % 7;
            int count = Math.Min(size, _buffer.Length - index);
            if ((size & 2) != 0)
            {
                // Into a span of exactly count characters next to a guard page: a write past it faults.
                Span<char> destination = s_destination.Place<char>(count, back: (size & 4) != 0);
                destination.Fill(Sentinel);
                int written = filter.Read(destination);
                Law.Holds(written >= 0 && written <= count, "Read(Span) returns between 0 and the span's length", $"{written} of {count}");
                Law.Holds(destination[written..].IndexOfAnyExcept(Sentinel) < 0, "Read(Span) writes only the characters it returns", $"{written} of {count}");
                if (written == 0)
                {
                    break;
                }

                sb.Append(destination[..written]);
                continue;
            }

            // Into a char[], which cannot sit next to a guard page: a sentinel all around the window instead.
            _buffer.AsSpan(0, index + count + Math.Min(16, _buffer.Length - index - count)).Fill(Sentinel);
            int n = filter.Read(_buffer, index, count);
            Law.Holds(n >= 0 && n <= count, "Read returns between 0 and count", $"{n} of {count}");
            Law.Holds(
                _buffer.AsSpan(0, index).IndexOfAnyExcept(Sentinel) < 0 && _buffer.AsSpan(index + n, count - n + Math.Min(16, _buffer.Length - index - count)).IndexOfAnyExcept(Sentinel) < 0,
                "Read(char[], index, count) writes only inside [index, index + n)",
                $"{n} of {count} at {index}");
            if (n == 0)
            {
                break;
            }

            sb.Append(_buffer, index, n);
        }

        return sb.ToString();
    }

    private static void CheckTokens(string text, ReadOnlySpan<char> guardedText, ArabicNormalizer n, bool preset, ref FuzzInput input)
    {
        using var tokenizer = new StandardTokenizer(Version, new ArabicNormCharFilter(new GuardedReader(guardedText, input.NextReadSizes()), n));
        ICharTermAttribute term = tokenizer.AddAttribute<ICharTermAttribute>();
        IOffsetAttribute offset = tokenizer.AddAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        int lastStart = 0;
        while (tokenizer.IncrementToken())
        {
            int start = offset.StartOffset;
            int end = offset.EndOffset;
            Law.Holds(start < end, "a token's range is not empty (start < end)", $"{start}..{end}");
            Law.Holds(start >= lastStart, "token starts never decrease", $"{start} after {lastStart}");
            Law.Holds(end <= text.Length, "a token ends inside the source", $"{end} of {text.Length}");
            lastStart = start;
            if (preset && term.Length < StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH)
            {
                string token = term.ToString();
                string source = n.Normalize(text[start..end]);
                Law.Holds(
                    string.Equals(source, token, StringComparison.Ordinal)
                        || (source.Contains(token, StringComparison.Ordinal) && ExpandsToSeveralWords(n, text[start..end])),
                    "a token's source range normalizes to the token (or, with an expansion to several words, contains it)",
                    $"{start}..{end} normalizes to {Law.Escape(source, 0)}, token {Law.Escape(token, 0)}");
            }
        }

        tokenizer.End();
        Law.Holds(offset.EndOffset == text.Length, "the final offset is the source length", $"{offset.EndOffset} of {text.Length}");
    }

    private static bool ExpandsToSeveralWords(ArabicNormalizer n, string source)
    {
        foreach (Rune r in source.EnumerateRunes())
        {
            string one = n.Normalize(r.ToString());
            if (one.Length > 1 && one.Any(ch => !char.IsLetterOrDigit(ch)))
            {
                return true;
            }
        }

        // A word glued to an expansion: the range covers the whole expanding character.
        return source.EnumerateRunes().Any(r => n.Normalize(r.ToString()).Contains(' ', StringComparison.Ordinal));
    }
}
