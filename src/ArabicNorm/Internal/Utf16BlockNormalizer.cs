using System.Buffers;

namespace ArabicNorm.Internal;

/// <summary>Normalizes UTF-16 blocks for the <see cref="TextReader"/> methods.</summary>
internal sealed class Utf16BlockNormalizer : IBlockNormalizer<char>
{
    private readonly NormalizationTables _tables;

    /// <summary>Initializes a block normalizer over <paramref name="tables"/>.</summary>
    /// <param name="tables">The normalizer's tables.</param>
    internal Utf16BlockNormalizer(NormalizationTables tables) => _tables = tables;

    /// <inheritdoc/>
    public OperationStatus Normalize(ReadOnlySpan<char> source, Span<char> destination, out int consumed, out int written, bool isFinalBlock) =>
        ScalarNormalizer.Run(_tables, source, destination, out consumed, out written, isFinalBlock);

    /// <inheritdoc/>
    public int RemoveContextFreeDeletions(Span<char> tail) => StreamCompaction.RemoveDeletions(_tables, tail);

    /// <inheritdoc/>
    public int FindCharacterBoundary(ReadOnlySpan<char> block) =>
        block.Length > 1 && char.IsHighSurrogate(block[^1]) ? block.Length - 1 : block.Length;
}
