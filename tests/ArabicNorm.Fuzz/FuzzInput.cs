using System.Text;

namespace ArabicNorm.Fuzz;

/// <summary>
/// Splits a fuzz input into what drives the run (a 4-byte header) and the text (the rest), and derives every split
/// point, destination size, read size and buffer placement from the header.
/// </summary>
/// <remarks>
/// <para>Byte 0 picks the options (<see cref="Normalizers.For"/>); bytes 1..3 seed a small xorshift generator, so that
/// AFL++ flipping a header bit changes where the text is cut while the text itself stays put. An input shorter than
/// the header is padded with zeros.</para>
/// <para>The UTF-16 targets read the text as generalized UTF-8 (<see cref="DecodeUtf16"/>): valid UTF-8 gives its
/// characters, an encoded surrogate (ED A0..BF xx) gives that lone surrogate, and any other invalid byte b gives the lone
/// low surrogate U+DC00+b. So one seed corpus of UTF-8 text serves every target, and lone surrogates of both kinds are a
/// mutation away.</para>
/// </remarks>
internal ref struct FuzzInput
{
    /// <summary>The header length in bytes.</summary>
    public const int HeaderLength = 4;

    private uint _state;

    public FuzzInput(ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        header.Clear();
        data[..Math.Min(data.Length, HeaderLength)].CopyTo(header);
        OptionsSelector = header[0];
        _state = (uint)(header[1] | (header[2] << 8) | (header[3] << 16)) * 2654435761u | 1u;
        Payload = data.Length > HeaderLength ? data[HeaderLength..] : [];
    }

    /// <summary>Gets the byte that picks the options.</summary>
    public byte OptionsSelector { get; }

    /// <summary>Gets the text bytes.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Returns the next pseudo-random value.</summary>
    public uint Next()
    {
        uint x = _state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _state = x;
        return x;
    }

    /// <summary>Returns a cycle of 16 read sizes for a short-reading stream or reader (<see cref="ReadSize"/>).</summary>
    public int[] NextReadSizes()
    {
        int[] sizes = new int[16];
        for (int i = 0; i < sizes.Length; i++)
        {
            sizes[i] = ReadSize(Next());
        }

        return sizes;
    }

    /// <summary>Maps a random value to a read size: mostly 1..16, sometimes up to 4 KiB, now and then all that fits.</summary>
    public static int ReadSize(uint r) => (r % 100) switch
    {
        < 60 => 1 + (int)((r >> 8) % 16),
        < 90 => 1 + (int)((r >> 8) % 4096),
        _ => int.MaxValue,
    };

    /// <summary>Tells whether <paramref name="text"/> is well-formed UTF-16 (no unpaired surrogate), so that it has a UTF-8 form.</summary>
    public static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns true or false, half the time each.</summary>
    public bool NextBool() => (Next() & 0x100) != 0;

    /// <summary>Returns a chunk length for splitting input: mostly short (1..8), so boundaries fall everywhere.</summary>
    public int NextChunkLength(int remaining)
    {
        uint r = Next();
        int length = (r % 100) switch
        {
            < 50 => 1 + (int)((r >> 8) % 8),
            < 80 => 9 + (int)((r >> 8) % 56),
            < 95 => 65 + (int)((r >> 8) % 600),
            _ => remaining,
        };
        return Math.Max(1, Math.Min(length, remaining));
    }

    /// <summary>Returns a destination length: often too small (0..40), sometimes ample for <paramref name="sourceLength"/>.</summary>
    public int NextDestinationLength(int sourceLength)
    {
        uint r = Next();
        return (r % 100) switch
        {
            < 40 => (int)((r >> 8) % 9),
            < 70 => 9 + (int)((r >> 8) % 32),
            < 90 => 41 + (int)((r >> 8) % 160),
            _ => (sourceLength * 18) + 32,
        };
    }

    /// <summary>Decodes <paramref name="bytes"/> as generalized UTF-8 (see the type's remarks).</summary>
    public static string DecodeUtf16(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b == 0xED && i + 2 < bytes.Length && bytes[i + 1] is >= 0xA0 and <= 0xBF && bytes[i + 2] is >= 0x80 and <= 0xBF)
            {
                sb.Append((char)(0xD000 | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F)));
                i += 3;
                continue;
            }

            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out System.Text.Rune rune, out int used) == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
                i += used;
                continue;
            }

            sb.Append((char)(0xDC00 + b));
            i++;
        }

        return sb.ToString();
    }
}
