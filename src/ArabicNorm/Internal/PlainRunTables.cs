using System.Runtime.Intrinsics;

namespace ArabicNorm.Internal;

/// <summary>
/// Holds what a <see cref="VectorStrategy"/> needs to classify 32 UTF-16 code units at once for one options
/// instance: which characters the rules leave alone.
/// </summary>
/// <remarks>
/// <para>A code unit is <em>plain</em> when its table entry is itself: it is an entry of its own, needs no context and
/// gives no context beyond being the last output character. The vector classifier knows two pages precisely: ASCII
/// (plain for every options instance, except U+0020 while spaces collapse) and the Arabic block U+0600..U+06FF,
/// through a 256-bit map built from the table. Every other code unit is a candidate that the translator looks up one
/// by one, so the classifier is a superset of what changes and never decides a result on its own.</para>
/// <para>Built once per <see cref="NormalizationTables"/>; read-only afterwards.</para>
/// </remarks>
internal sealed class PlainRunTables
{
    /// <summary>Initializes the classifier data for <paramref name="map"/>.</summary>
    /// <param name="map">The per-options lookup, one entry per UTF-16 code unit.</param>
    /// <param name="strategy">The vector strategy calls with these tables use.</param>
    /// <param name="pairOf">For an expansion entry of <paramref name="map"/>, its two output letters (the first in the
    /// low 16 bits) when it is a pair of plain letters, or 0; <see langword="null"/> when no entry is.</param>
    internal PlainRunTables(ReadOnlySpan<char> map, VectorStrategy strategy, Func<char, uint>? pairOf = null)
    {
        SpaceIsPlain = map[' '] == ' ';

        // ASCII is plain under every rule set today; should a rule ever map an ASCII character, the classifier's
        // shortcut for the page would be wrong, so the vector path turns itself off instead.
        bool asciiPlain = true;
        for (char c = '\0'; c < '\u0080'; c++)
        {
            asciiPlain &= map[c] == c || c == ' ';
        }

        Span<byte> touched = stackalloc byte[32];
        for (int low = 0; low < 256; low++)
        {
            char c = (char)(0x0600 + low);
            if (map[c] != c)
            {
                touched[low >> 3] |= (byte)(1 << (low & 7));
            }
        }

        // The kept combining marks of the page (canonical ordering): a block whose only candidates they are is copied,
        // and its marks ordered in registers.
        Span<byte> marks = stackalloc byte[32];
        bool anyMark = false;
        for (int low = 1; low < 255; low++)
        {
            if (map[0x0600 + low] == NormalizationTables.CombiningMark)
            {
                marks[low >> 3] |= (byte)(1 << (low & 7));
                anyMark = true;
            }
        }

        HasMarks = anyMark;
        (ArabicMarkRowsLow, ArabicMarkRowsHigh) = Rows(marks);

        // The classifiers pack every code unit outside the page to byte 0 or 255: those two bits always mean "look it
        // up".
        touched[0] |= 1;
        touched[31] |= 0x80;

        // Presentation Forms-B letters (U+FE80..U+FEFF, the letter forms of PDF text): the low byte of each form whose
        // table entry is a letter of the Arabic block, or 0 (no entry of the table is U+0600 itself: it is not a form's
        // letter).
        Span<byte> formsB = stackalloc byte[FormsBLength];
        bool anyFormB = false;
        for (int k = 0; k < FormsBLength; k++)
        {
            char m = map[FormsBStart + k];
            if (!NormalizationTables.IsSpecial(m) && (m & 0xFF00) == 0x0600 && (m & 0xFF) != 0)
            {
                formsB[k] = (byte)m;
                anyFormB = true;
            }
        }

        FormsB = new FormsBTable(formsB);
        Forms = new FormsTable(map, pairOf ?? (_ => 0));
        Page = PageTable.Build(map);

        HasFormsB = anyFormB;
        (ArabicTouchedRowsLow, ArabicTouchedRowsHigh) = Rows(touched);
        Strategy = strategy;
        IsEnabled = strategy.IsVectorized && strategy.IsSupported && asciiPlain;
    }

    /// <summary>Lays a 256-bit page map out by low nibble: byte <c>n</c> of the first half has bit <c>h</c> set when
    /// bit <c>16h + n</c> of the map is (<c>h</c> 0..7), byte <c>n</c> of the second half when bit <c>128 + 16h + n</c>
    /// is.</summary>
    /// <remarks>A byte table lookup indexed by the packed lane itself then gives the lane's row: <c>pshufb</c> reads
    /// only the low nibble and bit 7 of each index, so no index arithmetic is needed (see
    /// <see cref="Avx2Strategy.Classifier"/>; the portable <see cref="Vector128Strategy.Classifier"/> clears bits 4-6
    /// first, because <c>tbl</c> reads the whole index).</remarks>
    private static (Vector128<byte> Low, Vector128<byte> High) Rows(ReadOnlySpan<byte> map)
    {
        Span<byte> rows = stackalloc byte[32];
        for (int b = 0; b < 256; b++)
        {
            if ((map[b >> 3] & (1 << (b & 7))) != 0)
            {
                rows[((b >> 7) << 4) | (b & 0x0F)] |= (byte)(1 << ((b >> 4) & 7));
            }
        }

        return (Vector128.Create(rows[..16]), Vector128.Create(rows[16..]));
    }

    /// <summary>The first code point of the Presentation Forms-B table (<see cref="FormsB"/>).</summary>
    internal const int FormsBStart = 0xFE80;

    /// <summary>The number of code points in the Presentation Forms-B table: U+FE80..U+FEFF (U+FE70..U+FE7F are marks
    /// with a space or a tatweel: expansions).</summary>
    internal const int FormsBLength = 0x80;

    /// <summary>Gets the Presentation Forms-B table: for U+FE80 + <c>k</c>, the low byte of its table entry when that
    /// is a letter U+06xx, otherwise 0 (looked up one by one).</summary>
    /// <remarks>A field, read in place (<see langword="in"/>).</remarks>
    internal readonly FormsBTable FormsB;

    /// <summary>Gets the Presentation Forms-B table of <see cref="FormsTranslator"/>: <see cref="FormsB"/> with the
    /// LAM-ALEF ligatures, whose two letters it writes in registers.</summary>
    /// <remarks>A field, so that the translator reads it in place (<see langword="in"/>) rather than copying 288 bytes
    /// per call.</remarks>
    internal readonly FormsTable Forms;

    /// <summary>Gets the Arabic page table: the one-to-one mappings and deletions of U+0601..U+06FE that a dense block's
    /// lanes are translated with in registers (<see cref="CompactingTranslator"/>).</summary>
    internal PageTable Page { get; }

    /// <summary>Gets whether some form of <see cref="FormsB"/> maps to a letter (compatibility forms fold).</summary>
    internal bool HasFormsB { get; }

    /// <summary>Gets the vector strategy calls with these tables use.</summary>
    internal VectorStrategy Strategy { get; }

    /// <summary>Gets whether calls with these tables use the vector path.</summary>
    internal bool IsEnabled { get; }

    /// <summary>Gets whether U+0020 maps to itself (it is a special entry while spaces collapse).</summary>
    internal bool SpaceIsPlain { get; }

    /// <summary>Gets the Arabic page map laid out by low nibble, its bits 0..127 (see <see cref="Rows"/>): bit
    /// <c>b</c> of the map is set when U+0600+<c>b</c> is not plain, and bits 0 and 255 always are.</summary>
    internal Vector128<byte> ArabicTouchedRowsLow { get; }

    /// <summary>Gets the Arabic page map laid out by low nibble, its bits 128..255.</summary>
    internal Vector128<byte> ArabicTouchedRowsHigh { get; }

    /// <summary>Gets the Arabic mark map laid out by low nibble, its bits 0..127 (see <see cref="Rows"/>): bit
    /// <c>b</c> of the map is set when U+0600+<c>b</c> is a kept combining mark. Bits 0 and 255 are never set, so code
    /// units outside the page are never marks.</summary>
    internal Vector128<byte> ArabicMarkRowsLow { get; }

    /// <summary>Gets the Arabic mark map laid out by low nibble, its bits 128..255.</summary>
    internal Vector128<byte> ArabicMarkRowsHigh { get; }

    /// <summary>Gets whether some code unit of the Arabic page is a kept combining mark
    /// (<see cref="NormalizationTables.CombiningMark"/>): marks are kept and put in canonical order.</summary>
    internal bool HasMarks { get; }

}

/// <summary>Holds the Presentation Forms-B table of <see cref="PlainRunTables.FormsB"/> in eight 16-byte pieces,
/// ready for registers.</summary>
/// <param name="bytes">The 128 table bytes.</param>
internal readonly struct FormsBTable(ReadOnlySpan<byte> bytes)
{
    /// <summary>Gets bytes 0..15.</summary>
    public Vector128<byte> P0 { get; } = Vector128.Create(bytes[..16]);

    /// <summary>Gets bytes 16..31.</summary>
    public Vector128<byte> P1 { get; } = Vector128.Create(bytes[16..32]);

    /// <summary>Gets bytes 32..47.</summary>
    public Vector128<byte> P2 { get; } = Vector128.Create(bytes[32..48]);

    /// <summary>Gets bytes 48..63.</summary>
    public Vector128<byte> P3 { get; } = Vector128.Create(bytes[48..64]);

    /// <summary>Gets bytes 64..79.</summary>
    public Vector128<byte> P4 { get; } = Vector128.Create(bytes[64..80]);

    /// <summary>Gets bytes 80..95.</summary>
    public Vector128<byte> P5 { get; } = Vector128.Create(bytes[80..96]);

    /// <summary>Gets bytes 96..111.</summary>
    public Vector128<byte> P6 { get; } = Vector128.Create(bytes[96..112]);

    /// <summary>Gets bytes 112..127.</summary>
    public Vector128<byte> P7 { get; } = Vector128.Create(bytes[112..128]);
}
