namespace ArabicNorm.Internal;

/// <summary>
/// Reads characters from, and writes characters to, one encoding's code units, so that a single engine serves UTF-16
/// and UTF-8.
/// </summary>
/// <typeparam name="TUnit">The code unit: <see cref="char"/> for UTF-16, <see cref="byte"/> for UTF-8.</typeparam>
/// <remarks>Implementations are empty structs: the JIT specializes the engine for each and inlines these calls.</remarks>
internal interface ICodeUnitCodec<TUnit>
    where TUnit : unmanaged
{
    /// <summary>Reads the character that starts at <paramref name="index"/>.</summary>
    /// <param name="source">The source units.</param>
    /// <param name="index">Where the character starts; less than the source length.</param>
    /// <param name="isFinalBlock">Whether the source ends the text.</param>
    /// <param name="value">A Unicode scalar value, or (UTF-16 only) the value of an unpaired surrogate.</param>
    /// <returns>The number of units read; 0 when the character is cut off by the end of a non-final block;
    /// -1 when the units at <paramref name="index"/> are invalid in this encoding.</returns>
    static abstract int Read(ReadOnlySpan<TUnit> source, int index, bool isFinalBlock, out int value);

    /// <summary>Writes <paramref name="value"/> (a scalar value, or an unpaired surrogate read by <see cref="Read"/>).</summary>
    /// <param name="destination">The destination units.</param>
    /// <param name="index">Where to write.</param>
    /// <param name="value">The value to write.</param>
    /// <returns>The number of units written, or 0 when they do not fit (nothing is written then).</returns>
    static abstract int Write(Span<TUnit> destination, int index, int value);

    /// <summary>Overwrites the character at <paramref name="index"/>, which has the same encoded length as <paramref name="value"/>.</summary>
    /// <param name="destination">The destination units.</param>
    /// <param name="index">Where the character to replace starts.</param>
    /// <param name="value">The replacement; composition and the contextual yeh only swap Arabic letters for Arabic letters.</param>
    static abstract void Rewrite(Span<TUnit> destination, int index, char value);
}
