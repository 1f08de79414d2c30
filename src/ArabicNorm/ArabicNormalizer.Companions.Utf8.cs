using System.Buffers;
using ArabicNorm.Internal;
using Utf8Engine = ArabicNorm.Internal.NormalizationEngine<byte, ArabicNorm.Internal.Utf8Codec>;

namespace ArabicNorm;

// The BCL companions for UTF-8: the exact and worst-case lengths, IsNormalized, a byte array and a Try form. Each one
// delegates to the engine's UTF-8 path. Bytes that are not UTF-8 are never skipped or replaced: these whole-text
// methods throw, with the offset of the first invalid byte, where the span method returns InvalidData there.
public sealed partial class ArabicNormalizer
{
    /// <summary>Computes how many bytes normalizing the UTF-8 text <paramref name="source"/> as a whole text produces.</summary>
    /// <param name="source">The UTF-8 text to measure.</param>
    /// <returns>The exact length, in bytes, of the normalized UTF-8 text.</returns>
    /// <exception cref="InvalidUtf8Exception"><paramref name="source"/> is not well-formed UTF-8; its <see cref="InvalidUtf8Exception.ByteOffset"/> gives the
    /// offset of the first invalid byte, the one
    /// <see cref="NormalizeUtf8(ReadOnlySpan{byte}, Span{byte}, out int, out int, bool)"/> reports.</exception>
    /// <exception cref="OverflowException">The normalized length exceeds <see cref="int.MaxValue"/>.</exception>
    /// <remarks>The UTF-8 counterpart of <see cref="GetNormalizedLength(ReadOnlySpan{char})"/>: allocates nothing; use
    /// it to size a destination buffer exactly.</remarks>
    public int GetNormalizedUtf8Length(ReadOnlySpan<byte> source) => checked((int)CountNormalizedUtf8(source));

    /// <summary>Tells whether the UTF-8 text <paramref name="source"/> is already normalized, that is, whether
    /// normalizing it would give it back unchanged.</summary>
    /// <param name="source">The UTF-8 text to check.</param>
    /// <returns><see langword="true"/> when normalizing it gives the same bytes.</returns>
    /// <exception cref="InvalidUtf8Exception"><paramref name="source"/> is not well-formed UTF-8; its <see cref="InvalidUtf8Exception.ByteOffset"/> gives the
    /// offset of the first invalid byte (see <see cref="GetNormalizedUtf8Length(ReadOnlySpan{byte})"/>).</exception>
    /// <remarks>The UTF-8 counterpart of <see cref="IsNormalized(ReadOnlySpan{char})"/>; allocates nothing. The whole
    /// text is validated first, so an invalid byte is reported wherever it is, even after the first change.</remarks>
    public bool IsNormalizedUtf8(ReadOnlySpan<byte> source)
    {
        if (!System.Text.Unicode.Utf8.IsValid(source))
        {
            // The engine finds the exact offset and throws there.
            _ = CountNormalizedUtf8(source);
        }

        Span<byte> scratch = stackalloc byte[512];
        ReadOnlySpan<byte> rest = source;
        int compared = 0;
        while (true)
        {
            OperationStatus status = Utf8Engine.Run(_tables, rest, scratch, default, out int consumed, out int written, isFinalBlock: true);
            ThrowIfInvalidUtf8(status, source.Length - rest.Length + consumed);

            // The output so far must be the source so far, byte for byte.
            if (written > source.Length - compared || !scratch[..written].SequenceEqual(source.Slice(compared, written)))
            {
                return false;
            }

            compared += written;
            if (status == OperationStatus.Done)
            {
                return compared == source.Length;
            }

            rest = rest[consumed..];
        }
    }

    /// <summary>Normalizes the UTF-8 text <paramref name="source"/> into a new byte array.</summary>
    /// <param name="source">The UTF-8 text to normalize.</param>
    /// <returns>The normalized UTF-8 text: an empty array for an empty text.</returns>
    /// <exception cref="InvalidUtf8Exception"><paramref name="source"/> is not well-formed UTF-8; its <see cref="InvalidUtf8Exception.ByteOffset"/> gives the
    /// offset of the first invalid byte. Nothing is returned: use the span method to keep the output before it.</exception>
    /// <exception cref="ArgumentException">The normalized text would be longer than an array can hold
    /// (<see cref="Array.MaxLength"/>); thrown before it is allocated.</exception>
    /// <remarks>The UTF-8 counterpart of <see cref="Normalize(ReadOnlySpan{char})"/>: the output is the UTF-8
    /// encoding of what the UTF-16 methods produce for the same text. Most rules keep the length, so the output goes
    /// to a pooled buffer sized for that and is copied once; a text that does not fit is measured exactly first.</remarks>
    public byte[] NormalizeUtf8(ReadOnlySpan<byte> source)
    {
        if (source.IsEmpty)
        {
            return [];
        }

        int capacity = (int)Math.Min(Array.MaxLength, (long)source.Length + Math.Min(source.Length, 64) + 16);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            OperationStatus status = Utf8Engine.Run(_tables, source, buffer, default, out int consumed, out int written, isFinalBlock: true);
            ThrowIfInvalidUtf8(status, consumed);
            if (status == OperationStatus.Done)
            {
                return buffer.AsSpan(0, written).ToArray();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        long length = CountNormalizedUtf8(source);
        if (length > Array.MaxLength)
        {
            throw new ArgumentException(
                $"The text is too long to normalize into an array: its normalized form has {length:N0} bytes, more than the " +
                $"{Array.MaxLength:N0} an array can hold. Normalize it in parts with the span or stream methods.",
                nameof(source));
        }

        byte[] result = GC.AllocateUninitializedArray<byte>((int)length);
        OperationStatus final = Utf8Engine.Run(_tables, source, result, default, out _, out int total, isFinalBlock: true);
        if (final != OperationStatus.Done || total != result.Length)
        {
            throw new InvalidOperationException("The engine did not finish into an array of the measured length.");
        }

        return result;
    }

    /// <summary>Tries to normalize the UTF-8 text <paramref name="source"/>, as a whole text, into
    /// <paramref name="destination"/>.</summary>
    /// <param name="source">The UTF-8 text to normalize.</param>
    /// <param name="destination">Receives the normalized UTF-8 text. It must not overlap <paramref name="source"/>.</param>
    /// <param name="bytesWritten">When this method returns <see langword="true"/>, the length of the normalized text;
    /// otherwise 0.</param>
    /// <returns><see langword="true"/> when the whole normalized text fit; <see langword="false"/> when it is longer
    /// than <paramref name="destination"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> and <paramref name="destination"/> overlap
    /// (as for <see cref="NormalizeUtf8(ReadOnlySpan{byte}, Span{byte}, out int, out int, bool)"/>).</exception>
    /// <exception cref="InvalidUtf8Exception"><paramref name="source"/> is not well-formed UTF-8 before the point where
    /// the destination filled up; its <see cref="InvalidUtf8Exception.ByteOffset"/> gives the offset of the first invalid byte.</exception>
    /// <remarks>
    /// <para>The <c>Try</c> form of <see cref="NormalizeUtf8(ReadOnlySpan{byte}, Span{byte}, out int, out int, bool)"/>
    /// with <c>isFinalBlock: true</c>: all or nothing, and nothing allocated. A destination of
    /// <see cref="GetMaxNormalizedUtf8Length(int)"/> of the source length always suffices, so that invalid UTF-8 is
    /// then always reported.</para>
    /// <para>Only the first <paramref name="bytesWritten"/> bytes of <paramref name="destination"/> are promised; the
    /// bytes after them, and on <see langword="false"/> the whole destination, may hold a partial output.</para>
    /// </remarks>
    public bool TryNormalizeUtf8(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesWritten)
    {
        OperationStatus status = NormalizeUtf8(source, destination, out int consumed, out int written, isFinalBlock: true);
        ThrowIfInvalidUtf8(status, consumed);
        bytesWritten = status == OperationStatus.Done ? written : 0;
        return status == OperationStatus.Done;
    }

    /// <summary>Computes the most UTF-8 bytes that normalizing any UTF-8 text of <paramref name="byteCount"/> bytes
    /// produces under these options.</summary>
    /// <param name="byteCount">A text length, in bytes.</param>
    /// <returns>A bound no normalized text of that length exceeds: a destination that long always suffices.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="byteCount"/> is negative, or the bound exceeds
    /// <see cref="int.MaxValue"/>.</exception>
    /// <remarks>
    /// <para>The UTF-8 counterpart of <see cref="GetMaxNormalizedLength(int)"/>, computed from the tables the same way,
    /// per byte: U+FDFA, 3 bytes, becomes 33 (11 per byte), a two-byte Arabic mark may take a two-byte joiner every 30
    /// marks. The two bounds differ per option set: the UTF-16 one counts code units, this one bytes (a presentation form
    /// folded to its letter goes from 3 bytes to 2, ZWNJ made a space from 3 bytes to 1).</para>
    /// </remarks>
    public int GetMaxNormalizedUtf8Length(int byteCount) => ApplyBound(LengthBounds.Utf8, byteCount, nameof(byteCount));

    /// <summary>Counts the normalized UTF-8 length of <paramref name="source"/> as a whole text, without allocating.</summary>
    private long CountNormalizedUtf8(ReadOnlySpan<byte> source)
    {
        Span<byte> scratch = stackalloc byte[512];
        long total = 0;
        int offset = 0;
        while (true)
        {
            OperationStatus status = Utf8Engine.Run(_tables, source, scratch, default, out int consumed, out int written, isFinalBlock: true);
            ThrowIfInvalidUtf8(status, offset + consumed);
            total += written;
            if (status == OperationStatus.Done)
            {
                return total;
            }

            source = source[consumed..];
            offset += consumed;
        }
    }

    private static void ThrowIfInvalidUtf8(OperationStatus status, long offset)
    {
        if (status == OperationStatus.InvalidData)
        {
            throw CreateInvalidUtf8Exception(offset);
        }
    }

    /// <summary>Creates the exception that reports bytes that are not UTF-8 at <paramref name="offset"/>.</summary>
    internal static InvalidUtf8Exception CreateInvalidUtf8Exception(long offset) =>
        new($"The input is not valid UTF-8: invalid byte sequence at byte offset {offset}.", offset);
}
