namespace ArabicNorm;

/// <summary>
/// Provides the span forms of <see cref="NormalizedStringComparer"/>: equality, hashing and ordering of text cut from
/// a buffer, without making strings of it.
/// </summary>
/// <remarks>
/// <para>They give exactly what the string methods give for strings with the same characters, and allocate nothing.
/// They are extension methods, as <see cref="MemoryExtensions"/> are, so that <c>comparer.Equals(a, b)</c> with two
/// strings keeps binding to <see cref="NormalizedStringComparer.Equals(string, string)"/>, where
/// <see langword="null"/> is not the empty text.</para>
/// </remarks>
public static class NormalizedStringComparerExtensions
{
    /// <summary>Tells whether two texts have the same normalized form.</summary>
    /// <param name="comparer">The comparer.</param>
    /// <param name="x">The first text.</param>
    /// <param name="y">The second text.</param>
    /// <returns><see langword="true"/> when they normalize to the same text (ordinal).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparer"/> is <see langword="null"/>.</exception>
    /// <remarks>Allocates nothing; stops at the first difference of the normalized forms.</remarks>
    public static bool Equals(this NormalizedStringComparer comparer, ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        return comparer.EqualsCore(x, y);
    }

    /// <summary>Computes a hash of the normalized form of <paramref name="text"/>.</summary>
    /// <param name="comparer">The comparer.</param>
    /// <param name="text">The text.</param>
    /// <returns>The same hash as <see cref="NormalizedStringComparer.GetHashCode(string)"/> of any equal text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparer"/> is <see langword="null"/>.</exception>
    /// <remarks>Allocates nothing. The hash is randomized per process.</remarks>
    public static int GetHashCode(this NormalizedStringComparer comparer, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        return comparer.GetHashCodeCore(text);
    }

    /// <summary>Compares two texts by the ordinal order of their normalized forms.</summary>
    /// <param name="comparer">The comparer.</param>
    /// <param name="x">The first text.</param>
    /// <param name="y">The second text.</param>
    /// <returns>A negative number, zero or a positive number as the normalized <paramref name="x"/> sorts before,
    /// equal to or after the normalized <paramref name="y"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparer"/> is <see langword="null"/>.</exception>
    /// <remarks>Allocates nothing.</remarks>
    public static int Compare(this NormalizedStringComparer comparer, ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        return comparer.CompareCore(x, y);
    }
}
