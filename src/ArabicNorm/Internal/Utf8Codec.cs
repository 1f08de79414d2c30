using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;

namespace ArabicNorm.Internal;

/// <summary>Reads and writes UTF-8. Ill-formed input (including encoded surrogates and overlong forms) is invalid.</summary>
internal readonly struct Utf8Codec : ICodeUnitCodec<byte>
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Read(ReadOnlySpan<byte> source, int index, bool isFinalBlock, out int value)
    {
        byte b = source[index];
        if (b < 0x80)
        {
            value = b;
            return 1;
        }

        return ReadMultiByte(source, index, isFinalBlock, out value);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> destination, int index, int value)
    {
        if (value < 0x80)
        {
            if ((uint)index >= (uint)destination.Length)
            {
                return 0;
            }

            destination[index] = (byte)value;
            return 1;
        }

        if (value < 0x800)
        {
            if (index + 2 > destination.Length)
            {
                return 0;
            }

            destination[index] = (byte)(0xC0 | (value >> 6));
            destination[index + 1] = (byte)(0x80 | (value & 0x3F));
            return 2;
        }

        // Valid UTF-8 never decodes to a surrogate, so every value here is a scalar value.
        return new Rune(value).TryEncodeToUtf8(destination[index..], out int written) ? written : 0;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Rewrite(Span<byte> destination, int index, char value)
    {
        // Only letters of U+0600..U+06FF are swapped in place: both are two bytes long.
        Debug.Assert(value is >= '\u0080' and < '\u0800', "In-place rewrites keep the two-byte length.");
        destination[index] = (byte)(0xC0 | (value >> 6));
        destination[index + 1] = (byte)(0x80 | (value & 0x3F));
    }

    private static int ReadMultiByte(ReadOnlySpan<byte> source, int index, bool isFinalBlock, out int value)
    {
        OperationStatus status = Rune.DecodeFromUtf8(source[index..], out Rune rune, out int length);
        switch (status)
        {
            case OperationStatus.Done:
                value = rune.Value;
                return length;
            case OperationStatus.NeedMoreData when !isFinalBlock:
                value = 0;
                return 0;
            default:
                // Invalid bytes, or a sequence the end of the text cuts off: reported, never replaced.
                value = 0;
                return -1;
        }
    }
}
