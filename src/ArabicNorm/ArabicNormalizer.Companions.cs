using System.Buffers;
using ArabicNorm.Internal;
using Utf16Engine = ArabicNorm.Internal.NormalizationEngine<char, ArabicNorm.Internal.Utf16Codec>;

namespace ArabicNorm;

// The usual BCL companions of the span method, for UTF-16: a string from a span, a Try form, the worst-case length
// (as Encoding.GetMaxByteCount) and in-place normalization. Each one delegates to the engine.
public sealed partial class ArabicNormalizer
{
    private LengthBounds? _lengthBounds;

    /// <summary>Gets whether normalization under these options can make a text longer.</summary>
    /// <remarks>
    /// <para><see langword="true"/> when some character normalizes to more UTF-16 code units than it has: a
    /// compatibility form that expands (<see cref="ArabicNormalizerOptions.FoldCompatibilityForms"/>; U+FDFA becomes 18
    /// characters), or, under <see cref="ArabicNormalizerOptions.ComposeHamza"/>, an Arabic mark that is kept, since a
    /// combining sequence of more than 30 marks gets a U+034F COMBINING GRAPHEME JOINER (UAX #15's Stream-Safe Text
    /// Format). Computed once per instance from its tables.</para>
    /// <para>When it is <see langword="false"/>, <see cref="NormalizeInPlace(Span{char})"/> is supported and
    /// <see cref="GetMaxNormalizedLength(int)"/> returns its argument. It is about UTF-16: a text that keeps its UTF-16
    /// length can still change its UTF-8 length (see <see cref="GetMaxNormalizedUtf8Length(int)"/>).</para>
    /// </remarks>
    public bool CanLengthen => LengthBounds.Utf16.ExceedsOne;

    private LengthBounds LengthBounds =>
        _lengthBounds ?? Interlocked.CompareExchange(ref _lengthBounds, LengthBounds.Compute(_tables), null) ?? _lengthBounds;

    /// <summary>Normalizes <paramref name="text"/> into a new string.</summary>
    /// <param name="text">The text to normalize.</param>
    /// <returns>The normalized text: <see cref="string.Empty"/> for an empty text, otherwise a new string, equal to what
    /// <see cref="Normalize(string)"/> returns for the same characters.</returns>
    /// <exception cref="ArgumentException">The normalized text would be longer than a string can hold (see
    /// <see cref="Normalize(string)"/>); thrown before the result is allocated.</exception>
    /// <remarks>
    /// <para>The span counterpart of <see cref="Normalize(string)"/>, for text that is not a string yet (a slice of a
    /// buffer, a <see cref="ReadOnlyMemory{T}"/> of a larger text). The part before the first change is copied as it
    /// is; the rest goes through the engine into a pooled buffer sized for the common case, and is measured exactly
    /// first only when it does not fit.</para>
    /// </remarks>
    public string Normalize(ReadOnlySpan<char> text)
    {
        int start = RestartScan.Find(_tables, text);
        return start < 0
            ? (text.IsEmpty ? string.Empty : text.ToString())
            : EngineDriver.NormalizeToString(_tables, text, start, CheckResultFitsString(text[start..], start, nameof(text)));
    }

    /// <summary>Tries to normalize <paramref name="source"/>, as a whole text, into <paramref name="destination"/>.</summary>
    /// <param name="source">The text to normalize.</param>
    /// <param name="destination">Receives the normalized text. It must not overlap <paramref name="source"/>.</param>
    /// <param name="charsWritten">When this method returns <see langword="true"/>, the length of the normalized text;
    /// otherwise 0.</param>
    /// <returns><see langword="true"/> when the whole normalized text fit into <paramref name="destination"/>;
    /// <see langword="false"/> when it is longer.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> and <paramref name="destination"/>
    /// overlap (as for <see cref="Normalize(ReadOnlySpan{char}, Span{char}, out int, out int, bool)"/>).</exception>
    /// <remarks>
    /// <para>The <c>Try</c> form of <see cref="Normalize(ReadOnlySpan{char}, Span{char}, out int, out int, bool)"/>
    /// with <c>isFinalBlock: true</c>, as the BCL's <c>Try</c> conversions are: all or nothing. Allocates nothing. A destination of
    /// <see cref="GetMaxNormalizedLength(int)"/> of the source length, or of <see cref="GetNormalizedLength"/> of the
    /// source, always suffices.</para>
    /// <para>Only the first <paramref name="charsWritten"/> characters of <paramref name="destination"/> are
    /// promised. Whatever the result, the characters after them may have been overwritten, and when the method returns
    /// <see langword="false"/> the whole destination may hold a partial output.</para>
    /// </remarks>
    public bool TryNormalize(ReadOnlySpan<char> source, Span<char> destination, out int charsWritten)
    {
        OperationStatus status = Normalize(source, destination, out _, out int written, isFinalBlock: true);
        charsWritten = status == OperationStatus.Done ? written : 0;
        return status == OperationStatus.Done;
    }

    /// <summary>Computes the most UTF-16 characters that normalizing any text of <paramref name="length"/> characters
    /// produces under these options.</summary>
    /// <param name="length">A text length, in UTF-16 code units.</param>
    /// <returns>A bound no normalized text of that length exceeds: a destination that long always suffices.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative, or the bound exceeds
    /// <see cref="int.MaxValue"/>.</exception>
    /// <remarks>
    /// <para>The analogue of <see cref="System.Text.Encoding.GetMaxByteCount(int)"/>: it depends on the options, not
    /// on any text, and takes no time after the first call on an instance (which reads the tables once). It is computed
    /// from the tables: the longest expansion per code unit (U+FDFA, one code unit, becomes 18 under
    /// <see cref="ArabicNormalizerOptions.FoldCompatibilityForms"/>), together with the U+034F COMBINING GRAPHEME
    /// JOINER that the Stream-Safe Text Format adds before the 31st mark of a combining sequence and every 30 marks
    /// after (under <see cref="ArabicNormalizerOptions.ComposeHamza"/>, when some mark is kept). A text made of the
    /// worst character alone reaches it (U+FDFA repeated), or comes within one joiner of it (Arabic marks repeated).</para>
    /// <para>With options that cannot lengthen text (<see cref="CanLengthen"/> is <see langword="false"/>) it is
    /// <paramref name="length"/> itself. Use <see cref="GetNormalizedLength"/> for the exact length of one text.</para>
    /// </remarks>
    public int GetMaxNormalizedLength(int length) => ApplyBound(LengthBounds.Utf16, length, nameof(length));

    /// <summary>Normalizes <paramref name="text"/> in place, for options that cannot lengthen text.</summary>
    /// <param name="text">The text to normalize; on return its first characters (as many as the return value) hold
    /// the normalized text.</param>
    /// <returns>The length of the normalized text, at most <c>text.Length</c>.</returns>
    /// <exception cref="InvalidOperationException"><see cref="CanLengthen"/> is <see langword="true"/>: these options can
    /// make a text longer, so it may not fit where it is. Normalize into another buffer instead
    /// (<see cref="TryNormalize(ReadOnlySpan{char}, Span{char}, out int)"/> with
    /// <see cref="GetMaxNormalizedLength(int)"/>).</exception>
    /// <remarks>
    /// <para>The result equals <see cref="Normalize(ReadOnlySpan{char})"/> of the original text. Allocates nothing; the
    /// characters after the returned length are left with unspecified content (parts of the original text).</para>
    /// <para>Supported when every character normalizes to at most as many code units as it has, and no Stream-Safe
    /// joiner can be added: then the engine never writes ahead of what it has read, and it runs over the text as
    /// both source and destination. An option set qualifies when it keeps both
    /// <see cref="ArabicNormalizerOptions.FoldCompatibilityForms"/> and <see cref="ArabicNormalizerOptions.ComposeHamza"/>
    /// off. With <see cref="ArabicNormalizerOptions.ComposeHamza"/> on, kept marks are sorted and can take a joiner, and
    /// <see cref="ArabicNormalizerOptions.RemoveDiacritics"/> does not change that: it keeps the marks of U+08CA..U+08FF.</para>
    /// </remarks>
    public int NormalizeInPlace(Span<char> text)
    {
        if (CanLengthen)
        {
            throw new InvalidOperationException(
                $"These options can make a text longer ({nameof(CanLengthen)} is true: compatibility forms expand, or " +
                "kept Arabic marks can take a Stream-Safe joiner), so it cannot be normalized in place. Normalize into " +
                $"a buffer of {nameof(GetMaxNormalizedLength)} characters instead.");
        }

        int start = RestartScan.Find(_tables, text);
        if (start < 0)
        {
            return text.Length;
        }

        Span<char> rest = text[start..];
        OperationStatus status = Utf16Engine.Run(_tables, rest, rest, default, out _, out int written, isFinalBlock: true);
        if (status != OperationStatus.Done)
        {
            throw new InvalidOperationException("The in-place normalization did not finish within the text.");
        }

        return start + written;
    }

    private static int ApplyBound(LengthBounds.Ratio ratio, int length, string paramName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length, paramName);
        long bound = ratio.Apply(length);
        if (bound > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                length,
                $"The normalized length of a text this long can reach {bound:N0}, more than an int can hold: normalize it in parts.");
        }

        return (int)bound;
    }

    /// <summary>Creates the pump of a <see cref="NormalizingTextReader"/>: the engine for UTF-16, without a report.</summary>
    internal BlockPump<char, Utf16Codec> CreateTextPump() => new(_tables, null);

    /// <summary>Creates the pump of a <see cref="NormalizingStream"/>: the engine for UTF-8, without a report.</summary>
    internal BlockPump<byte, Utf8Codec> CreateUtf8Pump() => new(_tables, null);
}
