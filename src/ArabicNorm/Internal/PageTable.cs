using System.Runtime.Intrinsics;

namespace ArabicNorm.Internal;

/// <summary>
/// Holds the per-options table of the Arabic page U+0600..U+06FF that the classifiers translate dense blocks with
/// (<see cref="IBlockClassifier{TSelf}.TranslatePage"/>): for each code unit, one byte that says what its one-to-one
/// entry writes, or that it is deleted.
/// </summary>
/// <remarks>
/// <para>The byte <c>E</c> of U+0600+<c>b</c> is 0 when the lane is not the table's (plain, a kept mark, a context or
/// expansion entry, a target outside U+0000..U+003F and U+0601..U+06FE, and U+0600 and U+06FF themselves, which share
/// their index with every code unit outside the page); <see cref="DeleteByte"/> when the entry is
/// <see cref="NormalizationTables.Delete"/>; otherwise the low byte of the target. The target's high byte is 0x06, or
/// 0x00 when <c>E</c> is below 0x40 and its bit in <see cref="AsciiTargets"/> is set. A low byte below 0x40 that
/// targets both pages (never the case for the shipped rules) leaves its ASCII targets out of the table.</para>
/// <para>The table is kept as its 16 rows of 16 bytes (row <c>h</c> holds the bytes of U+06h0..U+06hF), ready for
/// registers: a lookup is one byte shuffle per row on the low nibble, then a tree of byte blends on the bits of the high
/// nibble.</para>
/// <para>Built once per <see cref="PlainRunTables"/>; read-only afterwards.</para>
/// </remarks>
internal sealed class PageTable
{
    /// <summary>The byte of a deleted lane.</summary>
    internal const byte DeleteByte = 0xFF;

    /// <summary>The number of rows of the table.</summary>
    internal const int RowCount = 16;

    private PageTable(Vector128<byte>[] rows, Vector128<byte> asciiTargets, bool hasEntries)
    {
        Rows = rows;
        AsciiTargets = asciiTargets;
        WideRows = Array.ConvertAll(rows, v => Vector256.Create(v, v));
        WideAsciiTargets = Vector256.Create(asciiTargets, asciiTargets);
        HasEntries = hasEntries;
    }

    /// <summary>Gets the <see cref="RowCount"/> rows: row <c>h</c> holds the bytes of U+06h0..U+06hF.</summary>
    internal Vector128<byte>[] Rows { get; }

    /// <summary>Gets <see cref="Rows"/> with each row in both 128-bit halves, for the AVX2 lookup.</summary>
    internal Vector256<byte>[] WideRows { get; }

    /// <summary>Gets a 64-bit map (bytes 0..7; bytes 8..15 are 0): bit <c>v</c> is set when the byte <c>v</c> stands
    /// for the target U+00<c>v</c> rather than U+06<c>v</c>.</summary>
    internal Vector128<byte> AsciiTargets { get; }

    /// <summary>Gets <see cref="AsciiTargets"/> in both 128-bit halves.</summary>
    internal Vector256<byte> WideAsciiTargets { get; }

    /// <summary>Gets whether some byte of the table is not 0.</summary>
    internal bool HasEntries { get; }

    /// <summary>Builds the table of <paramref name="map"/>.</summary>
    /// <param name="map">The per-options lookup, one entry per UTF-16 code unit.</param>
    /// <returns>The table.</returns>
    internal static PageTable Build(ReadOnlySpan<char> map)
    {
        Span<byte> bytes = stackalloc byte[256];
        bytes.Clear();
        Span<bool> pageLow = stackalloc bool[64]; // low bytes below 0x40 that some U+06xx target has
        pageLow.Clear();
        for (int b = 1; b < 255; b++)
        {
            char m = map[0x0600 + b];
            if ((m & 0xFF00) == 0x0600 && (m & 0xFF) is > 0 and < 0x40 && m != 0x0600 + b)
            {
                pageLow[m & 0xFF] = true;
            }
        }

        ulong ascii = 0;
        for (int b = 1; b < 255; b++)
        {
            char c = (char)(0x0600 + b);
            char m = map[c];
            if (m == c)
            {
                continue; // plain: the lane keeps the source
            }

            if (m == NormalizationTables.Delete)
            {
                bytes[b] = DeleteByte;
            }
            else if ((m & 0xFF00) == 0x0600 && (m & 0xFF) is > 0 and < 0xFF)
            {
                bytes[b] = (byte)m;
            }
            else if (m is > '\0' and < '\u0040' && m != ' ' && !pageLow[m])
            {
                // U+0020 stays out: while spaces collapse, a space needs the collapsing bookkeeping.
                bytes[b] = (byte)m;
                ascii |= 1UL << m;
            }
        }

        var rows = new Vector128<byte>[RowCount];
        for (int row = 0; row < RowCount; row++)
        {
            rows[row] = Vector128.Create(bytes.Slice(row * 16, 16));
        }

        return new PageTable(rows, Vector128.Create(ascii, 0UL).AsByte(), bytes.IndexOfAnyExcept((byte)0) >= 0);
    }
}
