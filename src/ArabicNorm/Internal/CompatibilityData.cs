namespace ArabicNorm.Internal;

/// <summary>Looks up the generated NFKC mappings of the Arabic compatibility blocks.</summary>
internal static partial class CompatibilityData
{
    /// <summary>Finds the NFKC mapping of <paramref name="codePoint"/>.</summary>
    /// <param name="codePoint">A Unicode scalar value.</param>
    /// <param name="mapping">The mapping, or empty when the code point has none.</param>
    /// <returns><see langword="true"/> when the code point has a compatibility mapping.</returns>
    internal static bool TryGetMapping(int codePoint, out ReadOnlySpan<char> mapping)
    {
        int index = CodePoints.BinarySearch(codePoint);
        if (index < 0)
        {
            mapping = default;
            return false;
        }

        int start = Offsets[index];
        mapping = Pool.AsSpan(start, Offsets[index + 1] - start);
        return true;
    }

    /// <summary>Tells whether <paramref name="codePoint"/> lies in one of the three blocks that
    /// <see cref="ArabicNormalizerOptions.FoldCompatibilityForms"/> covers.</summary>
    /// <param name="codePoint">A Unicode scalar value.</param>
    /// <returns><see langword="true"/> for U+FB50..U+FDFF, U+FE70..U+FEFF and U+1EE00..U+1EEFF.</returns>
    internal static bool IsInCompatibilityBlocks(int codePoint) =>
        (uint)(codePoint - 0xFB50) <= 0xFDFF - 0xFB50
        || (uint)(codePoint - 0xFE70) <= 0xFEFF - 0xFE70
        || (uint)(codePoint - 0x1EE00) <= 0x1EEFF - 0x1EE00;
}
