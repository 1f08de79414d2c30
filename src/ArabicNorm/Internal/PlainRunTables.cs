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
    internal PlainRunTables(ReadOnlySpan<char> map, VectorStrategy strategy)
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

        // The classifiers pack every code unit outside the page to byte 0 or 255: those two bits always mean "look it
        // up".
        touched[0] |= 1;
        touched[31] |= 0x80;

        ArabicTouchedLow = Vector128.Create(touched[..16]);
        ArabicTouchedHigh = Vector128.Create(touched[16..]);
        Strategy = strategy;
        IsEnabled = strategy.IsVectorized && strategy.IsSupported && asciiPlain;
    }

    /// <summary>Gets the vector strategy calls with these tables use.</summary>
    internal VectorStrategy Strategy { get; }

    /// <summary>Gets whether calls with these tables use the vector path.</summary>
    internal bool IsEnabled { get; }

    /// <summary>Gets whether U+0020 maps to itself (it is a special entry while spaces collapse).</summary>
    internal bool SpaceIsPlain { get; }

    /// <summary>Gets bits 0..127 of the Arabic page map: bit <c>b</c> is set when U+0600+<c>b</c> is not plain.</summary>
    internal Vector128<byte> ArabicTouchedLow { get; }

    /// <summary>Gets bits 128..255 of the Arabic page map.</summary>
    internal Vector128<byte> ArabicTouchedHigh { get; }
}
