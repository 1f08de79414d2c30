using System.Diagnostics;

namespace ArabicNorm.Internal;

/// <summary>
/// Tells, for every UTF-16 code unit, which rule changes it when it stands alone: the first rule of the contract, in
/// order, that maps or deletes it. Built from <see cref="NormalizationTables.ApplyRules"/> itself, one rule at a time,
/// so it cannot disagree with the engine's table.
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
        ArabicNormalizerOptions o = tables.Options;

        // Each rule of ApplyRules on its own, in its order, with every other rule off.
        (NormalizationCategory Category, ArabicNormalizerOptions Options)[] rules =
        [
            (NormalizationCategory.Letters, Only(x => x.Letters = o.Letters)),
            (NormalizationCategory.Digits, Only(x => x.Digits = o.Digits)),
            (NormalizationCategory.Quotes, Only(x => x.Quotes = o.Quotes)),
            (NormalizationCategory.Tatweel, Only(x => x.RemoveTatweel = o.RemoveTatweel)),
            (NormalizationCategory.FormatControls, Only(x => x.RemoveFormatControls = o.RemoveFormatControls)),
            (NormalizationCategory.Zwnj, Only(x => x.Zwnj = o.Zwnj)),
            (NormalizationCategory.Spaces, Only(x => x.NormalizeSpaces = o.NormalizeSpaces)),
            (NormalizationCategory.Diacritics, Only(x => x.RemoveDiacritics = o.RemoveDiacritics)),
            (NormalizationCategory.Alef, Only(x => x.FoldAlef = o.FoldAlef)),
            (NormalizationCategory.AlefMaksura, Only(x => x.FoldAlefMaksura = o.FoldAlefMaksura)),
            (NormalizationCategory.TehMarbuta, Only(x => x.FoldTehMarbuta = o.FoldTehMarbuta)),
            (NormalizationCategory.Punctuation, Only(x => x.AsciiPunctuation = o.AsciiPunctuation)),
        ];

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
                category = Unchanged;
                foreach ((NormalizationCategory rule, ArabicNormalizerOptions only) in rules)
                {
                    if (NormalizationTables.ApplyRules((char)c, only) != c)
                    {
                        category = (byte)rule;
                        break;
                    }
                }

                // The table maps c only through these rules, so one of them changes it.
                Debug.Assert(category != Unchanged, "A changed character is changed by some rule.");
                if (category == (byte)NormalizationCategory.Digits && c is >= '\u066A' and <= '\u066C')
                {
                    category = (byte)NormalizationCategory.Separators; // ARABIC PERCENT SIGN, DECIMAL and THOUSANDS SEPARATOR
                }
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

    private static ArabicNormalizerOptions Only(Action<ArabicNormalizerOptions> enable)
    {
        var options = new ArabicNormalizerOptions
        {
            FoldCompatibilityForms = false,
            ComposeHamza = false,
            Letters = LetterTarget.Keep,
            Digits = DigitTarget.Keep,
            Quotes = QuoteTarget.Keep,
            RemoveTatweel = false,
            RemoveFormatControls = false,
            Zwnj = ZwnjHandling.Keep,
            NormalizeSpaces = false,
        };
        enable(options);
        return options;
    }
}
