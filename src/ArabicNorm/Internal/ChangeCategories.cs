using System.Diagnostics;

namespace ArabicNorm.Internal;

/// <summary>
/// Tells, for every UTF-16 code unit, which rule changes it when it stands alone: the first stage of
/// <see cref="RuleStages"/>, in the contract's order, that maps or deletes it in the fold the engine's table is built
/// from, so the two cannot disagree.
/// </summary>
internal sealed class ChangeCategories
{
    /// <summary>The entry of a character that stands unchanged when alone (it can still change in context).</summary>
    internal const byte Unchanged = 0xFF;

    private readonly byte[] _categories = new byte[0x10000];

    /// <summary>Initializes the categories for <paramref name="tables"/>.</summary>
    /// <param name="tables">The normalizer's tables.</param>
    internal ChangeCategories(NormalizationTables tables)
    {
        ReadOnlySpan<char> map = tables.Map;
        for (int c = 0; c < 0x10000; c++)
        {
            char m = map[c];
            byte category = Unchanged;
            if (m == c || m is NormalizationTables.HighSurrogate or NormalizationTables.LowSurrogate or NormalizationTables.CombiningMark)
            {
                // Unchanged alone: only a context can change it.
            }
            else if (m >= NormalizationTables.ExpansionBase || tables.IsFoldedCompatibilityForm(c))
            {
                category = (byte)NormalizationCategory.CompatibilityForms;
            }
            else if (m == NormalizationTables.HamzaMark)
            {
                // Alone, a hamza mark is kept, or deleted as a diacritic.
                category = tables.RemoveDiacritics ? (byte)NormalizationCategory.Diacritics : Unchanged;
            }
            else if (m == NormalizationTables.ContextualYeh)
            {
                category = (byte)NormalizationCategory.Letters;
            }
            else if (m != NormalizationTables.CollapsibleSpace || c != ' ')
            {
                // The table maps c only through the enabled stages, so one of them changes it.
                RuleStages.Apply((char)c, tables.MapStages, out RuleStage? first);
                Debug.Assert(first is not null, "A changed character is changed by some stage.");
                category = first is null ? Unchanged : (byte)first.Category;
            }

            _categories[c] = category;
        }
    }

    /// <summary>Gets the category of <paramref name="value"/> alone.</summary>
    /// <param name="tables">The normalizer's tables.</param>
    /// <param name="value">A scalar value, or an unpaired surrogate.</param>
    /// <returns>A <see cref="NormalizationCategory"/>, or <see cref="Unchanged"/>.</returns>
    internal byte Get(NormalizationTables tables, int value) =>
        value <= 0xFFFF ? _categories[value]
        : tables.TryGetSupplementaryExpansion(value, out _) ? (byte)NormalizationCategory.CompatibilityForms
        : Unchanged;
}
