using System.Buffers;
using ArabicNorm.Internal;

namespace ArabicNorm;

// Find: the places of a text whose normalized form is a query's, as ranges of the original text, for highlighting.
public sealed partial class ArabicNormalizer
{
    /// <summary>Finds, in order, the ranges of <paramref name="text"/> whose normalized form is the normalized
    /// <paramref name="query"/>.</summary>
    /// <param name="text">The text to search, as it is (not normalized).</param>
    /// <param name="query">What to find, as the user typed it; this normalizer normalizes it.</param>
    /// <param name="wholeWords"><see langword="true"/> to keep only matches that do not split a word.</param>
    /// <returns>The ranges of <paramref name="text"/> to highlight, in increasing order, not overlapping. An empty
    /// normalized query finds nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="query"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>The search runs on the normalized text (<see cref="NormalizeWithOffsets(string)"/>), left to right;
    /// after a hit it goes on behind it, so hits do not overlap. Each hit becomes the source range
    /// <see cref="NormalizedText.GetSourceRange(Range)"/> gives: from its first source character up to the next
    /// source character that produces output, so the marks, tatweel and controls after its last letter are
    /// highlighted with it. Every hit of the normalized query in the normalized text lies in some returned range,
    /// and normalizing <c>text[range]</c> gives the normalized query.</para>
    /// <para>One exception, chosen so that a highlight never cuts a character in two: a hit that starts or ends
    /// inside a combining sequence of the normalized text (between a letter and its marks, or between two marks)
    /// takes in the whole sequence, and a hit that starts or ends inside the output of one source character that
    /// expands (a lam-alef ligature, U+FDFA) takes in that whole character. Normalizing <c>text[range]</c> then gives
    /// the query with the rest of those characters around it: under <see cref="Default"/>, which keeps the vowels,
    /// a bare letter found in a vocalized word is highlighted with its vowel. The marks of one sequence must go
    /// together anyway, since canonical ordering and hamza composition move them within it. Hits that fall into one
    /// such unit are merged into one range.</para>
    /// <para>A hit never starts or ends between the halves of a surrogate pair. With <paramref name="wholeWords"/>,
    /// a hit counts only when it does not split a word of the normalized text: at each end of the hit, the characters
    /// on the two sides are not both word characters. A word character is a letter, mark, number or connector
    /// punctuation (General_Category L, M, N, Pc, as the runtime's Unicode data gives them), or ZWNJ or ZWJ, which
    /// join the parts of one word; spaces, punctuation, symbols and controls are not. So under
    /// <see cref="Default"/>, which keeps the vowels, a hit followed by a vowel mark is inside a word.</para>
    /// <para>With <see cref="ArabicNormalizerOptions.ContextualFarsiYeh"/> (no preset has it), a FARSI YEH that ends a
    /// range takes its form from the character after the range, so <c>text[range]</c> normalized on its own can end
    /// in another yeh.</para>
    /// <para>The text is normalized once, when the enumeration starts; the result is lazy. Allocates the normalized
    /// text, its indices and the enumerator: see
    /// <see cref="EnumerateMatches(ReadOnlySpan{char}, ReadOnlySpan{char}, Span{char}, Span{int}, bool)"/> for the
    /// form that allocates nothing.</para>
    /// </remarks>
    public IEnumerable<Range> FindAll(string text, string query, bool wholeWords = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        return FindAllIterator(text, Normalize(query), wholeWords);
    }

    /// <summary>Enumerates, without allocating, the ranges of <paramref name="text"/> whose normalized form is
    /// <paramref name="normalizedQuery"/>, using the caller's buffers.</summary>
    /// <param name="text">The text to search, as it is.</param>
    /// <param name="normalizedQuery">What to find, already normalized by this normalizer (normalize the user's query
    /// once, with <see cref="Normalize(string)"/> or the span API, and reuse it).</param>
    /// <param name="normalizedTextBuffer">Receives the normalized text; it needs
    /// <see cref="GetNormalizedLength(ReadOnlySpan{char})"/> of <paramref name="text"/> characters.</param>
    /// <param name="sourceIndexBuffer">Receives the source index of each normalized character; it needs as many
    /// entries as <paramref name="normalizedTextBuffer"/> needs characters.</param>
    /// <param name="wholeWords"><see langword="true"/> to keep only matches that do not split a word.</param>
    /// <returns>An enumerator of the same ranges <see cref="FindAll(string, string, bool)"/> gives, for
    /// <see langword="foreach"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="normalizedQuery"/> is not normalized by this normalizer,
    /// or a buffer is too small for the normalized text.</exception>
    /// <exception cref="ArgumentException">A buffer overlaps <paramref name="text"/> or the other buffer (the exception
    /// names <paramref name="normalizedTextBuffer"/> or <paramref name="sourceIndexBuffer"/>).</exception>
    /// <remarks>Normalizes the whole text into the buffers here, then searches as the enumerator moves. Allocates
    /// nothing: rent or stack-allocate the buffers. The buffers and the query must stay unchanged while the
    /// enumerator is used.</remarks>
    public NormalizedMatchEnumerator EnumerateMatches(
        ReadOnlySpan<char> text,
        ReadOnlySpan<char> normalizedQuery,
        Span<char> normalizedTextBuffer,
        Span<int> sourceIndexBuffer,
        bool wholeWords = false)
    {
        if (!IsNormalized(normalizedQuery))
        {
            throw new ArgumentException(
                "The query is not normalized by this normalizer: normalize it first, or it could miss matches.", nameof(normalizedQuery));
        }

        int room = Math.Min(normalizedTextBuffer.Length, sourceIndexBuffer.Length);
        ThrowHelper.ThrowIfOverlapping(text, normalizedTextBuffer[..room], nameof(normalizedTextBuffer));
        ThrowHelper.ThrowIfOverlapping(text, sourceIndexBuffer[..room], nameof(sourceIndexBuffer));
        ThrowHelper.ThrowIfOverlapping((ReadOnlySpan<char>)normalizedTextBuffer[..room], sourceIndexBuffer[..room], nameof(sourceIndexBuffer));
        OperationStatus status = NormalizeWithOffsets(
            text, normalizedTextBuffer[..room], sourceIndexBuffer[..room], out _, out int written, isFinalBlock: true);
        if (status != OperationStatus.Done)
        {
            throw new ArgumentException(
                $"The buffers are too small for the normalized text: they need {GetNormalizedLength(text)} entries each (GetNormalizedLength).",
                normalizedTextBuffer.Length < sourceIndexBuffer.Length ? nameof(normalizedTextBuffer) : nameof(sourceIndexBuffer));
        }

        return new NormalizedMatchEnumerator(
            normalizedTextBuffer[..written], sourceIndexBuffer[..written], text.Length, normalizedQuery, wholeWords);
    }

    private IEnumerable<Range> FindAllIterator(string text, string normalizedQuery, bool wholeWords)
    {
        if (normalizedQuery.Length == 0)
        {
            yield break;
        }

        NormalizedText normalized = NormalizeWithOffsets(text);
        int position = 0;
        while (MatchFinder.TryFindNext(
            normalized.Text, normalized.SourceIndices, text.Length, normalizedQuery, wholeWords, ref position, out Range match))
        {
            yield return match;
        }
    }
}
