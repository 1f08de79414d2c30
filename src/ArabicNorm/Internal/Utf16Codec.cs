using System.Runtime.CompilerServices;

namespace ArabicNorm.Internal;

/// <summary>Reads and writes UTF-16. Unpaired surrogates are valid input here and pass through as they are.</summary>
internal readonly struct Utf16Codec : ICodeUnitCodec<char>
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Read(ReadOnlySpan<char> source, int index, bool isFinalBlock, out int value)
    {
        char c = source[index];
        if (!char.IsHighSurrogate(c))
        {
            value = c;
            return 1;
        }

        if (index + 1 < source.Length)
        {
            char low = source[index + 1];
            if (char.IsLowSurrogate(low))
            {
                value = char.ConvertToUtf32(c, low);
                return 2;
            }
        }
        else if (!isFinalBlock)
        {
            // The low half may come with the next block.
            value = 0;
            return 0;
        }

        value = c; // unpaired: law L5 keeps it
        return 1;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<char> destination, int index, int value)
    {
        if (value <= 0xFFFF)
        {
            if ((uint)index >= (uint)destination.Length)
            {
                return 0;
            }

            destination[index] = (char)value;
            return 1;
        }

        if (index + 2 > destination.Length)
        {
            return 0;
        }

        value -= 0x10000;
        destination[index] = (char)(0xD800 + (value >> 10));
        destination[index + 1] = (char)(0xDC00 + (value & 0x3FF));
        return 2;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Rewrite(Span<char> destination, int index, char value) => destination[index] = value;
}
