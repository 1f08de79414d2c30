using System.Buffers;
using ArabicNorm.Internal;
using Utf8Engine = ArabicNorm.Internal.NormalizationEngine<byte, ArabicNorm.Internal.Utf8Codec>;

namespace ArabicNorm;

// UTF-8: the same engine as UTF-16, reading and writing UTF-8 code units directly (no transcoding).
public sealed partial class ArabicNormalizer
{
    /// <summary>Normalizes the UTF-8 text <paramref name="source"/> into <paramref name="destination"/>, as UTF-8.</summary>
    /// <param name="source">The UTF-8 text (or the next block of it) to normalize.</param>
    /// <param name="destination">Receives the normalized UTF-8 text. It must not overlap <paramref name="source"/>.</param>
    /// <param name="bytesConsumed">When this method returns, how many bytes of <paramref name="source"/> the written
    /// output stands for. Call again with the source from this point on.</param>
    /// <param name="bytesWritten">When this method returns, how many bytes were written to <paramref name="destination"/>.</param>
    /// <param name="isFinalBlock"><see langword="true"/> (the default) when <paramref name="source"/> ends the text;
    /// <see langword="false"/> when more text follows in a later call.</param>
    /// <returns>
    /// <see cref="OperationStatus.Done"/> when the whole source was normalized.
    /// <see cref="OperationStatus.DestinationTooSmall"/> when the destination filled up: only whole results were
    /// written, so calling again with the rest of the source (and more room) continues to the identical output.
    /// <see cref="OperationStatus.NeedMoreData"/> when <paramref name="isFinalBlock"/> is <see langword="false"/> and
    /// the source ends with characters the next block could change, or with a UTF-8 sequence it cuts off: they are not
    /// consumed; pass them again at the start of the next block.
    /// <see cref="OperationStatus.InvalidData"/> when the source holds bytes that are not well-formed UTF-8 (a stray
    /// continuation byte, an overlong form, an encoded surrogate, a value above U+10FFFF, or, in the final block, a
    /// sequence cut off by the end): <paramref name="bytesConsumed"/> is the offset of the first invalid byte, and the
    /// text before it is normalized and written as if it ended there. Nothing is skipped or replaced.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> overlaps <paramref name="source"/> (the
    /// exception names <paramref name="destination"/>).</exception>
    /// <remarks>
    /// <para>Allocates nothing. The rules and their context are those of
    /// <see cref="Normalize(ReadOnlySpan{char}, Span{char}, out int, out int, bool)"/>, run by the same engine: for every
    /// valid UTF-8 text, the output is the UTF-8 encoding of what the UTF-16 methods produce for its UTF-16 form (law
    /// L3), and splitting the text into blocks at any byte gives the same output as one call.</para>
    /// <para>Output can be longer than input: U+FDFA (3 bytes) becomes 18 characters (33 bytes).</para>
    /// <para>The output is the first <paramref name="bytesWritten"/> bytes of <paramref name="destination"/>; the bytes
    /// after them may have been overwritten (a held-back tail is written, then given back).</para>
    /// </remarks>
    public OperationStatus NormalizeUtf8(
        ReadOnlySpan<byte> source,
        Span<byte> destination,
        out int bytesConsumed,
        out int bytesWritten,
        bool isFinalBlock = true)
    {
        ThrowHelper.ThrowIfOverlapping(source, destination, nameof(destination));
        return Utf8Engine.Run(_tables, source, destination, default, out bytesConsumed, out bytesWritten, isFinalBlock);
    }
}
