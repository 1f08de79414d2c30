using System.Buffers;

namespace ArabicNorm.Internal;

/// <summary>
/// Normalizes one block of a text for <see cref="BlockPump{T}"/>: the engine for one code unit type, with or without
/// a change report.
/// </summary>
/// <typeparam name="T">The code unit: <see cref="char"/> for UTF-16, <see cref="byte"/> for UTF-8.</typeparam>
internal interface IBlockNormalizer<T> : IDisposable
    where T : unmanaged
{
    /// <summary>Normalizes a block, as the span API of the code unit type does.</summary>
    /// <param name="source">The block.</param>
    /// <param name="destination">Receives the output.</param>
    /// <param name="consumed">How much of the block the output stands for.</param>
    /// <param name="written">How much output was written.</param>
    /// <param name="isFinalBlock">Whether the block ends the text.</param>
    /// <returns>The engine's status.</returns>
    OperationStatus Normalize(ReadOnlySpan<T> source, Span<T> destination, out int consumed, out int written, bool isFinalBlock);

    /// <summary>Removes from a held-back tail the characters the engine deletes without reading or changing any
    /// context (tatweel, format controls, diacritics, hamza marks that did not compose), so that the tail normalizes
    /// to the same output in less room.</summary>
    /// <param name="tail">The held-back tail, starting where the engine gave it back; it is compacted in place.</param>
    /// <returns>The tail's new length.</returns>
    int RemoveDroppedCharacters(Span<T> tail);
}
