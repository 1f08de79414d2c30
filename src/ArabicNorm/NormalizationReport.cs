using System.Globalization;
using System.Runtime.CompilerServices;
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
/// <para>Characters are Unicode scalar values: a surrogate pair counts once, a lone surrogate once.</para>
/// <para>The report is a plain value of fixed size: the examined total and one count per
/// <see cref="NormalizationCategory"/>, held inline (no array behind it). Copying it, adding two reports with
/// <see cref="op_Addition"/> and enumerating it with <see langword="foreach"/> allocate nothing. Reports of parts of a
/// text add up to the report of the text; the addition is associative and commutative, and the default value, the
/// report of an empty text, is its identity.</para>
/// </remarks>
public readonly struct NormalizationReport : IEquatable<NormalizationReport>
{
    /// <summary>The number of categories.</summary>
    internal const int CategoryCount = (int)NormalizationCategory.Punctuation + 1;

    private readonly CategoryCounts _counts;

    internal NormalizationReport(long characters, in CategoryCounts counts)
    {
        Characters = characters;
        _counts = counts;
    }

    /// <summary>Gets the number of source characters examined.</summary>
    /// <remarks>Unicode scalar values: a surrogate pair counts once, a lone surrogate once.</remarks>
    public long Characters { get; }

    /// <summary>Gets the number of source characters normalization changed: the sum over every category.</summary>
    /// <remarks>Computed from the per-category counts on each call; allocates nothing.</remarks>
    public long ChangedCharacters
    {
        get
        {
            long total = 0;
            foreach (long count in (ReadOnlySpan<long>)_counts)
            {
                total += count;
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

            return _counts[(int)category];
        }
    }

    /// <summary>Adds two reports, as of two consecutive parts of a text.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns>The sum of every count.</returns>
    /// <remarks>Allocates nothing. Associative and commutative, with <see langword="default"/> as identity. The counts
    /// are <see cref="long"/> values added without overflow checks, as any sum of <see cref="long"/> counters.</remarks>
    public static NormalizationReport operator +(NormalizationReport left, NormalizationReport right) => Add(left, right);

    /// <summary>Tells whether two reports hold the same counts.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when <see cref="Characters"/> and every category count are equal.</returns>
    public static bool operator ==(NormalizationReport left, NormalizationReport right) => left.Equals(right);

    /// <summary>Tells whether two reports differ in some count.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns><see langword="true"/> when <see cref="Characters"/> or some category count differs.</returns>
    public static bool operator !=(NormalizationReport left, NormalizationReport right) => !left.Equals(right);

    /// <summary>Adds two reports, as of two consecutive parts of a text.</summary>
    /// <param name="left">The first report.</param>
    /// <param name="right">The second report.</param>
    /// <returns>The sum of every count.</returns>
    /// <remarks>The named form of <see cref="op_Addition"/>, for languages without operators; allocates nothing.</remarks>
    public static NormalizationReport Add(NormalizationReport left, NormalizationReport right)
    {
        CategoryCounts counts = default;
        ReadOnlySpan<long> a = left._counts;
        ReadOnlySpan<long> b = right._counts;
        for (int k = 0; k < CategoryCount; k++)
        {
            counts[k] = a[k] + b[k];
        }

        return new NormalizationReport(left.Characters + right.Characters, counts);
    }

    /// <summary>Returns an enumerator over the categories and their counts, in the order of
    /// <see cref="NormalizationCategory"/>.</summary>
    /// <returns>An enumerator that yields every category once, zero counts included.</returns>
    /// <remarks>
    /// <para>The enumerator is a struct over a copy of this report, so <c>foreach (var (category, count) in report)</c>
    /// allocates nothing. Every category is yielded, from <see cref="NormalizationCategory.CompatibilityForms"/> to
    /// <see cref="NormalizationCategory.Punctuation"/> in ascending value, so that a table of the report has the same
    /// rows for every text; skip the zero counts to list only what changed.</para>
    /// </remarks>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Tells whether this report holds the same counts as <paramref name="other"/>.</summary>
    /// <param name="other">The report to compare with.</param>
    /// <returns><see langword="true"/> when <see cref="Characters"/> and every category count are equal.</returns>
    public bool Equals(NormalizationReport other) =>
        Characters == other.Characters && ((ReadOnlySpan<long>)_counts).SequenceEqual(other._counts);

    /// <summary>Tells whether <paramref name="obj"/> is a report with the same counts.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns><see langword="true"/> when <paramref name="obj"/> is an equal <see cref="NormalizationReport"/>.</returns>
    public override bool Equals(object? obj) => obj is NormalizationReport other && Equals(other);

    /// <summary>Returns a hash code of the counts.</summary>
    /// <returns>The hash code; equal reports have equal hash codes.</returns>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Characters);
        foreach (long count in (ReadOnlySpan<long>)_counts)
        {
            hash.Add(count);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the counts as text: the changed and examined totals, then every non-zero category.</summary>
    /// <returns>For example <c>35 of 3008 characters changed: Letters=8, Digits=16, Separators=1, Quotes=10</c>.</returns>
    /// <remarks>Culture-invariant; the categories appear in the order of <see cref="NormalizationCategory"/>.</remarks>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{ChangedCharacters} of {Characters} characters changed");
        string separator = ": ";
        foreach ((NormalizationCategory category, long count) in this)
        {
            if (count != 0)
            {
                builder.Append(CultureInfo.InvariantCulture, $"{separator}{category}={count}");
                separator = ", ";
            }
        }

        return builder.ToString();
    }

    /// <summary>Enumerates the categories of a <see cref="NormalizationReport"/> with their counts.</summary>
    /// <remarks>A struct enumerator over a copy of the report: enumerating allocates nothing, and the report it was
    /// made from cannot change under it (reports are immutable values).</remarks>
    public struct Enumerator
    {
        private readonly NormalizationReport _report;
        private int _index;

        internal Enumerator(NormalizationReport report)
        {
            _report = report;
            _index = -1;
        }

        /// <summary>Gets the category at the current position and its count.</summary>
        /// <remarks>Undefined before the first <see cref="MoveNext"/> and after it returned <see langword="false"/>.</remarks>
        public readonly KeyValuePair<NormalizationCategory, long> Current =>
            new((NormalizationCategory)_index, _report._counts[_index]);

        /// <summary>Advances to the next category.</summary>
        /// <returns><see langword="false"/> after the last category.</returns>
        /// <remarks>Yields every category once, in ascending value.</remarks>
        public bool MoveNext()
        {
            if (_index < CategoryCount - 1)
            {
                _index++;
                return true;
            }

            _index = CategoryCount;
            return false;
        }
    }
}

/// <summary>One count per <see cref="NormalizationCategory"/>, held inline.</summary>
[InlineArray(NormalizationReport.CategoryCount)]
internal struct CategoryCounts
{
    private long _element0;
}
