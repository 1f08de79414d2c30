using System.Globalization;
using System.Text;

namespace ArabicNorm;

/// <summary>
/// Counts, per rule, the source characters that normalization changed: an audit of what a normalizer did to a text.
/// </summary>
/// <remarks>
/// <para>A source character is <em>changed</em> when what it normalizes to differs from itself: it was mapped to
/// another character, expanded, deleted, composed into the letter before it, collapsed into the space before it, or,
/// as the base of a composition, replaced by the composed letter. Each changed character counts once, under the first
/// rule that changes it on its own (see <see cref="NormalizationCategory"/>). A character that only its context
/// changed counts under that context's rule: a base letter and its hamza mark under
/// <see cref="NormalizationCategory.Compositions"/>, the extra characters of a collapsed run of spaces under
/// <see cref="NormalizationCategory.Spaces"/> (the first U+0020 of a run is the one kept, however the text is cut into
/// blocks). Under <see cref="ArabicNormalizerOptions.RemoveDiacritics"/> a hamza mark counts as a deleted diacritic,
/// whether or not it composed first.</para>
/// <para>Characters are Unicode scalar values: a surrogate pair counts once, a lone surrogate once. Reports of parts
/// of a text add up with <see cref="op_Addition"/>. The default value is the report of an empty text.</para>
/// </remarks>
public readonly struct NormalizationReport : IEquatable<NormalizationReport>
{
    /// <summary>The number of categories.</summary>
    internal const int CategoryCount = (int)NormalizationCategory.Punctuation + 1;

    private readonly long[]? _counts; // never written after construction; null means all zero

    internal NormalizationReport(long characters, long[] counts)
    {
        Characters = characters;
        _counts = counts;
    }

    /// <summary>Gets the number of source characters examined.</summary>
    public long Characters { get; }

    /// <summary>Gets the number of source characters normalization changed: the sum over every category.</summary>
    public long ChangedCharacters
    {
        get
        {
            long total = 0;
            if (_counts is not null)
            {
                foreach (long count in _counts)
                {
                    total += count;
                }
            }

            return total;
        }
    }

    /// <summary>Gets the number of source characters changed under <paramref name="category"/>.</summary>
    /// <param name="category">The rule.</param>
    /// <returns>The count; zero for a rule the normalizer does not apply.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not a defined value.</exception>
    public long this[NormalizationCategory category]
    {
        get
        {
            if ((uint)category >= CategoryCount)
            {
                throw new ArgumentOutOfRangeException(nameof(category), category, "Not a defined NormalizationCategory value.");
            }

            return _counts is null ? 0 : _counts[(int)category];
        }
    }

    /// <summary>Adds two reports, as of two consecutive parts of a text.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns>The sum of every count.</returns>
    public static NormalizationReport operator +(NormalizationReport left, NormalizationReport right) => Add(left, right);

    /// <summary>Tells whether two reports hold the same counts.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when every count is equal.</returns>
    public static bool operator ==(NormalizationReport left, NormalizationReport right) => left.Equals(right);

    /// <summary>Tells whether two reports differ in some count.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when some count differs.</returns>
    public static bool operator !=(NormalizationReport left, NormalizationReport right) => !left.Equals(right);

    /// <summary>Adds two reports, as of two consecutive parts of a text.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns>The sum of every count.</returns>
    public static NormalizationReport Add(NormalizationReport left, NormalizationReport right)
    {
        long[] counts = new long[CategoryCount];
        for (int k = 0; k < CategoryCount; k++)
        {
            counts[k] = (left._counts?[k] ?? 0) + (right._counts?[k] ?? 0);
        }

        return new NormalizationReport(left.Characters + right.Characters, counts);
    }

    /// <summary>Tells whether this report holds the same counts as <paramref name="other"/>.</summary>
    /// <param name="other">The report to compare with.</param>
    /// <returns><see langword="true"/> when every count is equal.</returns>
    public bool Equals(NormalizationReport other)
    {
        if (Characters != other.Characters)
        {
            return false;
        }

        for (int k = 0; k < CategoryCount; k++)
        {
            if ((_counts?[k] ?? 0) != (other._counts?[k] ?? 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tells whether <paramref name="obj"/> is a report with the same counts.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns><see langword="true"/> when <paramref name="obj"/> is an equal <see cref="NormalizationReport"/>.</returns>
    public override bool Equals(object? obj) => obj is NormalizationReport other && Equals(other);

    /// <summary>Returns a hash code of the counts.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Characters);
        for (int k = 0; k < CategoryCount; k++)
        {
            hash.Add(_counts?[k] ?? 0);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the counts as text: the changed and examined totals, then every non-zero category.</summary>
    /// <returns>For example <c>35 of 3008 characters changed: Letters=8, Digits=16, Separators=1, Quotes=10</c>.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{ChangedCharacters} of {Characters} characters changed");
        string separator = ": ";
        for (int k = 0; k < CategoryCount; k++)
        {
            long count = _counts?[k] ?? 0;
            if (count != 0)
            {
                builder.Append(CultureInfo.InvariantCulture, $"{separator}{(NormalizationCategory)k}={count}");
                separator = ", ";
            }
        }

        return builder.ToString();
    }
}
