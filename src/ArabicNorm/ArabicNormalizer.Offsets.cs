using System.Buffers;
using ArabicNorm.Internal;
using Utf16Engine = ArabicNorm.Internal.NormalizationEngine<char, ArabicNorm.Internal.Utf16Codec>;

namespace ArabicNorm;

// Offsets: the normalized text together with where each output character comes from in the source.
public sealed partial class ArabicNormalizer
{
    /// <summary>Normalizes <paramref name="text"/> and records where each character of the result comes from.</summary>
    /// <param name="text">The text to normalize.</param>
    /// <returns>The normalized text (the same as <see cref="Normalize(string)"/> gives) with its source indices.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The normalized text would be longer than a string can hold, as for
    /// <see cref="Normalize(string)"/>; thrown before anything is allocated.</exception>
    /// <remarks>Allocates the result and one <see cref="int"/> per output character. See <see cref="NormalizedText"/>
    /// for what the indices mean.</remarks>
    public NormalizedText NormalizeWithOffsets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsNormalized(text))
        {
            int[] identity = new int[text.Length];
            for (int i = 0; i < identity.Length; i++)
            {
                // Both halves of a surrogate pair come from the character that starts at the high half.
                identity[i] = i > 0 && char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]) ? i - 1 : i;
            }

            return new NormalizedText(text, text, identity);
        }

        int exact = CheckResultFitsString(text, 0, nameof(text));
        (string normalized, int[] indices) = EngineDriver.NormalizeWithIndexes(
            _tables, text, exact >= 0 ? exact : EngineDriver.InitialLength(text.Length));
        return new NormalizedText(text, normalized, indices);
    }

    /// <summary>Normalizes <paramref name="source"/> into <paramref name="destination"/> and records, for each character
    /// written, the index of the source character it comes from.</summary>
    /// <param name="source">The text (or the next block of it) to normalize.</param>
    /// <param name="destination">Receives the normalized text. It must not overlap <paramref name="source"/>.</param>
    /// <param name="sourceIndices">Receives, for each code unit written to <paramref name="destination"/>, the index in
    /// <paramref name="source"/> where the character that produced it starts. It must be at least as long as
    /// <paramref name="destination"/>.</param>
    /// <param name="charsConsumed">When this method returns, how many characters of <paramref name="source"/> the
    /// written output stands for.</param>
    /// <param name="charsWritten">When this method returns, how many characters (and indices) were written.</param>
    /// <param name="isFinalBlock"><see langword="true"/> (the default) when <paramref name="source"/> ends the text.</param>
    /// <returns>The same status, with the same output, as
    /// <see cref="Normalize(ReadOnlySpan{char}, Span{char}, out int, out int, bool)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="sourceIndices"/> is shorter than <paramref name="destination"/>;
    /// or <paramref name="destination"/> overlaps <paramref name="source"/>, or <paramref name="sourceIndices"/>
    /// overlaps <paramref name="source"/> or <paramref name="destination"/> (the exception names the buffer that is
    /// written: <paramref name="destination"/> or <paramref name="sourceIndices"/>).</exception>
    /// <remarks>Allocates nothing. As with the span method, only the first <paramref name="charsWritten"/> characters and
    /// indices are output; the rest of both buffers may have been overwritten. Indices count from the start of this call's <paramref name="source"/>: when you
    /// feed a text in blocks, add the number of characters consumed before; the indices are then those of one call
    /// over the whole text, except that a boundary inside a collapsed run of spaces can move the run's space to another
    /// character of the run. The indices never decrease; see
    /// <see cref="NormalizedText"/> for what they mean, and
    /// <see cref="NormalizedText.GetSourceRange(ReadOnlySpan{int}, int, Range)"/> to turn an output range into a
    /// source range.</remarks>
    public OperationStatus NormalizeWithOffsets(
        ReadOnlySpan<char> source,
        Span<char> destination,
        Span<int> sourceIndices,
        out int charsConsumed,
        out int charsWritten,
        bool isFinalBlock = true)
    {
        ThrowHelper.ThrowIfOverlapping(source, destination, nameof(destination));
        if (sourceIndices.Length < destination.Length)
        {
            ThrowHelper.ThrowIndexBufferTooShort(nameof(sourceIndices));
        }

        // Only the part the engine writes counts: an index buffer longer than the destination may share memory past it.
        Span<int> indices = sourceIndices[..destination.Length];
        ThrowHelper.ThrowIfOverlapping(source, indices, nameof(sourceIndices));
        ThrowHelper.ThrowIfOverlapping((ReadOnlySpan<char>)destination, indices, nameof(sourceIndices));

        return Utf16Engine.Run(_tables, source, destination, indices, out charsConsumed, out charsWritten, isFinalBlock);
    }
}
