namespace ArabicNorm.Internal;

/// <summary>
/// The worst-case growth of normalization under one option set, computed from its tables: for UTF-16 and UTF-8, the
/// largest ratio of output to input code units any character can reach, the Stream-Safe joiners included.
/// </summary>
/// <remarks>
/// <para>Each source character contributes its own output (nothing for a deletion, one character for a one-to-one
/// rule, the mapped characters of an expansion) and a <em>weight</em>: the non-starters it adds to a combining
/// sequence (one per Arabic mark it outputs or composes, plus the trailing non-starter of a precomposed hamza letter).
/// The engine writes one U+034F COMBINING GRAPHEME JOINER before the 31st non-starter of a sequence and every 30
/// after, so a sequence of weight <c>w</c> gets at most <c>w / 30</c> joiners, and a text at most its total weight over
/// 30. The output length is therefore at most the sum over its characters of <c>(30 * output + joinerSize * weight) /
/// 30</c>; the bound is that sum's largest ratio to the input length, times the input length. It is reached by a text
/// made of the worst character alone (U+FDFA: 18 characters, 33 bytes), within one joiner for texts of marks.</para>
/// <para>Only the combining sequences of <see cref="ArabicNormalizerOptions.ComposeHamza"/> are split by joiners, and
/// only in front of a mark that is written: with it off, weights are zero. <see cref="ArabicNormalizerOptions.RemoveDiacritics"/>
/// does not make them zero: it keeps the marks of U+08CA..U+08FF, which are sorted and take joiners.</para>
/// </remarks>
internal sealed class LengthBounds
{
    private const int JoinerPeriod = NormalizationTables.MaxNonStarters;

    private LengthBounds(Ratio utf16, Ratio utf8)
    {
        Utf16 = utf16;
        Utf8 = utf8;
    }

    /// <summary>Gets the worst ratio of UTF-16 output to input code units.</summary>
    internal Ratio Utf16 { get; }

    /// <summary>Gets the worst ratio of UTF-8 output to input bytes.</summary>
    internal Ratio Utf8 { get; }

    /// <summary>Computes the bounds of <paramref name="tables"/>.</summary>
    /// <param name="tables">The per-options tables.</param>
    /// <returns>The bounds.</returns>
    internal static LengthBounds Compute(NormalizationTables tables)
    {
        // A character that normalization leaves alone is one to one, in either encoding.
        var utf16 = new Ratio(1, 1);
        var utf8 = new Ratio(1, 1);
        ReadOnlySpan<char> map = tables.Map;

        // A joiner is written only in front of a mark that is written: a kept mark, or a hamza mark that neither
        // composes nor is deleted. When no character (nor any expansion, whose characters go through the same map)
        // can write one, no sequence is ever split, whatever its weight.
        bool joiners = false;
        for (int c = 0; c <= 0xFFFF && !joiners; c++)
        {
            joiners = map[c] == NormalizationTables.CombiningMark
                || (map[c] == NormalizationTables.HamzaMark && !tables.RemoveDiacritics);
        }

        for (int c = 0; c <= 0xFFFF; c++)
        {
            char m = map[c];
            int units;
            int bytes;
            int weight;
            if (NormalizationTables.IsSpecial(m) && m >= NormalizationTables.ExpansionBase)
            {
                Measure(tables, tables.GetExpansion(m), out units, out bytes, out weight);
            }
            else
            {
                Measure(tables, (char)c, m, out units, out bytes, out weight);
            }

            if (!joiners)
            {
                weight = 0;
            }

            utf16 = Ratio.Max(utf16, new Ratio((JoinerPeriod * units) + weight, JoinerPeriod));
            if (!char.IsSurrogate((char)c))
            {
                // A lone surrogate is invalid UTF-8: it has no UTF-8 source to measure.
                int source = Utf8Length(c);
                utf8 = Ratio.Max(utf8, new Ratio((JoinerPeriod * bytes) + (2 * weight), JoinerPeriod * source));
            }
        }

        // Supplementary characters: only the compatibility mappings of the Arabic Mathematical Alphabetic Symbols
        // change them (CompatibilityData.IsInCompatibilityBlocks); the rest are copied as they are.
        for (int cp = 0x1EE00; cp <= 0x1EEFF; cp++)
        {
            if (!tables.TryGetSupplementaryExpansion(cp, out ReadOnlySpan<char> mapping))
            {
                continue;
            }

            Measure(tables, mapping, out int units, out int bytes, out int weight);
            if (!joiners)
            {
                weight = 0;
            }

            utf16 = Ratio.Max(utf16, new Ratio((JoinerPeriod * units) + weight, JoinerPeriod * 2));
            utf8 = Ratio.Max(utf8, new Ratio((JoinerPeriod * bytes) + (2 * weight), JoinerPeriod * 4));
        }

        return new LengthBounds(utf16, utf8);
    }

    // The output and weight of one folded sequence: each of its characters goes through the map, as the engine does.
    private static void Measure(NormalizationTables tables, ReadOnlySpan<char> folded, out int units, out int bytes, out int weight)
    {
        units = 0;
        bytes = 0;
        weight = 0;
        foreach (char x in folded)
        {
            Measure(tables, x, tables.Map[x], out int u, out int b, out int w);
            units += u;
            bytes += b;
            weight += w;
        }
    }

    private static void Measure(NormalizationTables tables, char x, char m, out int units, out int bytes, out int weight)
    {
        weight = 0;
        if (!NormalizationTables.IsSpecial(m))
        {
            // One-to-one; a precomposed hamza letter starts its sequence at one non-starter.
            units = 1;
            bytes = Utf8Length(m);
            weight = NormalizationTables.TrailingNonStarters(tables.Unfold(x));
            return;
        }

        switch (m)
        {
            case NormalizationTables.Delete:
                units = 0;
                bytes = 0;
                return;
            case NormalizationTables.HamzaMark:
            case NormalizationTables.CombiningMark:
                // Written (possibly sorted, or released from a composed letter in its place) or composed: either way
                // one non-starter of the sequence, and at most one mark of output.
                units = 1;
                bytes = Utf8Length(x);
                weight = 1;
                return;
            case NormalizationTables.ContextualYeh:
                units = 1;
                bytes = Math.Max(Utf8Length(tables.FinalYeh), Utf8Length('\u064A')); // YEH
                return;
            case NormalizationTables.CollapsibleSpace:
                units = 1;
                bytes = 1;
                return;
            default:
                // A surrogate half, or (inside an expansion) an entry the engine writes as it is.
                units = 1;
                bytes = char.IsSurrogate(x) ? 3 : Utf8Length(x);
                return;
        }
    }

    private static int Utf8Length(int value) => value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4;

    /// <summary>A non-negative fraction.</summary>
    /// <param name="Numerator">The numerator.</param>
    /// <param name="Denominator">The denominator, positive.</param>
    internal readonly record struct Ratio(long Numerator, long Denominator)
    {
        /// <summary>Gets whether the ratio exceeds one: some text gets longer.</summary>
        internal bool ExceedsOne => Numerator > Denominator;

        /// <summary>Returns the larger ratio.</summary>
        internal static Ratio Max(Ratio a, Ratio b) =>
            a.Numerator * b.Denominator >= b.Numerator * a.Denominator ? a : b;

        /// <summary>Multiplies <paramref name="length"/> by the ratio, rounding down.</summary>
        /// <returns>The product; <see cref="long"/> holds it for every <see cref="int"/> length.</returns>
        internal long Apply(int length) => length * Numerator / Denominator;
    }
}
