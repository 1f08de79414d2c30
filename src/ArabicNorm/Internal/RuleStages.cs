namespace ArabicNorm.Internal;

/// <summary>
/// Holds the normalization rules as data: one ordered table of stages, each with its category, the options that
/// enable it, its source characters and its targets.
/// </summary>
/// <remarks>
/// <para>The order is the contract's: compatibility forms, composition and canonical order, letters, digits,
/// separators, quotes, deletions and spaces, the search folds, and space collapsing last. The context-free stages
/// (<see cref="RuleStageKind.Map"/>) are folded over each character in this order by <see cref="Apply"/>, which is
/// what <see cref="NormalizationTables"/> builds its map from; the first stage that changes a character names its
/// change (<see cref="ChangeCategories"/>); the union of every stage's sources is the set of code units the tables
/// look at (<see cref="NormalizationTables.RuleInputs"/>).</para>
/// <para>The compatibility stage takes its targets from the generated <see cref="CompatibilityData"/>. The contextual
/// stages (hamza composition, canonical order, contextual FARSI YEH, space collapsing) are code in the engine; they
/// are listed here with the characters they look at and the characters they can give, so the table is complete.</para>
/// </remarks>
internal static class RuleStages
{
    private static readonly RuleStage[] s_all =
    [
        // Presentation forms and Arabic mathematical symbols: their NFKC mapping, from CompatibilityData.
        new(NormalizationCategory.CompatibilityForms, nameof(ArabicNormalizerOptions.FoldCompatibilityForms), null,
            RuleStageKind.Compatibility, o => o.FoldCompatibilityForms,
            [
                RuleRange.Context(0xFB50, 0xFDFF), // Arabic Presentation Forms-A
                RuleRange.Context(0xFE70, 0xFEFF), // Arabic Presentation Forms-B
                RuleRange.Context(0x1EE00, 0x1EEFF), // Arabic Mathematical Alphabetic Symbols
            ]),

        // A hamza mark composes with the letter before it as NFC's eight Arabic pairs do.
        new(NormalizationCategory.Compositions, nameof(ArabicNormalizerOptions.ComposeHamza), null,
            RuleStageKind.Contextual, o => o.ComposeHamza,
            [
                RuleRange.Context(0x0627), // ALEF
                RuleRange.Context(0x0648), // WAW
                RuleRange.Context(0x064A), // YEH
                RuleRange.Context(0x0653, 0x0655), // MADDA ABOVE, HAMZA ABOVE, HAMZA BELOW
                RuleRange.Context(0x06C1), // HEH GOAL
                RuleRange.Context(0x06D2), // YEH BARREE
                RuleRange.Context(0x06D5), // AE
            ],
            contextTargets: "\u0622\u0623\u0624\u0625\u0626\u06C0\u06C2\u06D3"), // the composed letters

        // The Arabic marks of a combining sequence go in canonical order; past 30 non-starters a U+034F COMBINING
        // GRAPHEME JOINER splits the sequence (Stream-Safe Text Format). The sources are the marks of CombiningClassData.
        new(NormalizationCategory.Compositions, nameof(ArabicNormalizerOptions.ComposeHamza), null,
            RuleStageKind.Contextual, o => o.ComposeHamza, CombiningMarkRanges(),
            contextTargets: "\u034F"), // COMBINING GRAPHEME JOINER, besides the marks themselves

        new(NormalizationCategory.Letters, nameof(ArabicNormalizerOptions.Letters), nameof(LetterTarget.Arabic),
            RuleStageKind.Map, o => o.Letters == LetterTarget.Arabic,
            [
                RuleRange.Map(0x06A9, 0x06AA, '\u0643'), // KEHEH, SWASH KAF -> KAF
                RuleRange.Map(0x06BE, '\u0647'), // HEH DOACHASHMEE -> HEH
                RuleRange.Map(0x06C0, 0x06C2, '\u0647'), // HEH WITH YEH ABOVE, HEH GOAL, HEH GOAL WITH HAMZA ABOVE -> HEH
                RuleRange.Map(0x06C3, '\u0629'), // TEH MARBUTA GOAL -> TEH MARBUTA
                RuleRange.Map(0x06CC, '\u064A'), // FARSI YEH -> YEH (the contextual stage may decide otherwise)
                RuleRange.Map(0x06D2, '\u064A'), // YEH BARREE -> YEH
                RuleRange.Map(0x06D3, '\u0626'), // YEH BARREE WITH HAMZA ABOVE -> YEH WITH HAMZA ABOVE
                RuleRange.Map(0x06D5, '\u0647'), // AE -> HEH
            ]),

        // A FARSI YEH that ends a word (the next output character is no Arabic word character) becomes ALEF MAKSURA.
        new(NormalizationCategory.Letters, nameof(ArabicNormalizerOptions.ContextualFarsiYeh), null,
            RuleStageKind.Contextual, o => o.ContextualFarsiYeh && o.Letters == LetterTarget.Arabic,
            [RuleRange.Context(0x06CC)], // FARSI YEH
            contextTargets: "\u0649"), // ALEF MAKSURA (which FoldAlefMaksura folds on to YEH)

        new(NormalizationCategory.Letters, nameof(ArabicNormalizerOptions.Letters), nameof(LetterTarget.Persian),
            RuleStageKind.Map, o => o.Letters == LetterTarget.Persian,
            [
                RuleRange.Map(0x0643, '\u06A9'), // KAF -> KEHEH
                RuleRange.Map(0x0649, '\u06CC'), // ALEF MAKSURA -> FARSI YEH
                RuleRange.Map(0x064A, '\u06CC'), // YEH -> FARSI YEH
                RuleRange.Map(0x06AA, '\u06A9'), // SWASH KAF -> KEHEH
                RuleRange.Map(0x06BE, '\u0647'), // HEH DOACHASHMEE -> HEH
                RuleRange.Map(0x06C1, 0x06C2, '\u0647'), // HEH GOAL, HEH GOAL WITH HAMZA ABOVE -> HEH
                RuleRange.Map(0x06C3, '\u0629'), // TEH MARBUTA GOAL -> TEH MARBUTA
                RuleRange.Map(0x06D2, '\u06CC'), // YEH BARREE -> FARSI YEH
                RuleRange.Map(0x06D3, '\u0626'), // YEH BARREE WITH HAMZA ABOVE -> YEH WITH HAMZA ABOVE
                RuleRange.Map(0x06D5, '\u0647'), // AE -> HEH
            ]),

        new(NormalizationCategory.Digits, nameof(ArabicNormalizerOptions.Digits), nameof(DigitTarget.Ascii),
            RuleStageKind.Map, o => o.Digits == DigitTarget.Ascii,
            [
                RuleRange.Shift(0x0660, 0x0669, '0'), // ARABIC-INDIC DIGIT ZERO..NINE -> 0..9
                RuleRange.Shift(0x06F0, 0x06F9, '0'), // EXTENDED ARABIC-INDIC DIGIT ZERO..NINE -> 0..9
            ]),

        new(NormalizationCategory.Digits, nameof(ArabicNormalizerOptions.Digits), nameof(DigitTarget.ArabicIndic),
            RuleStageKind.Map, o => o.Digits == DigitTarget.ArabicIndic,
            [RuleRange.Shift(0x06F0, 0x06F9, '\u0660')]), // EXTENDED ARABIC-INDIC -> ARABIC-INDIC DIGIT ZERO..NINE

        new(NormalizationCategory.Digits, nameof(ArabicNormalizerOptions.Digits), nameof(DigitTarget.Persian),
            RuleStageKind.Map, o => o.Digits == DigitTarget.Persian,
            [RuleRange.Shift(0x0660, 0x0669, '\u06F0')]), // ARABIC-INDIC -> EXTENDED ARABIC-INDIC DIGIT ZERO..NINE

        new(NormalizationCategory.Separators, nameof(ArabicNormalizerOptions.Digits), nameof(DigitTarget.Ascii),
            RuleStageKind.Map, o => o.Digits == DigitTarget.Ascii,
            [
                RuleRange.Map(0x066A, '%'), // ARABIC PERCENT SIGN
                RuleRange.Map(0x066B, '.'), // ARABIC DECIMAL SEPARATOR
                RuleRange.Map(0x066C, ','), // ARABIC THOUSANDS SEPARATOR
            ]),

        new(NormalizationCategory.Quotes, nameof(ArabicNormalizerOptions.Quotes), nameof(QuoteTarget.Ascii),
            RuleStageKind.Map, o => o.Quotes == QuoteTarget.Ascii,
            [
                RuleRange.Map(0x00AB, '"'), // LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
                RuleRange.Map(0x00BB, '"'), // RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
                RuleRange.Map(0x2018, 0x2019, '\''), // LEFT/RIGHT SINGLE QUOTATION MARK
                RuleRange.Map(0x201A, 0x201B, '\''), // SINGLE LOW-9/HIGH-REVERSED-9 QUOTATION MARK
                RuleRange.Map(0x201C, 0x201F, '"'), // LEFT/RIGHT/LOW-9/HIGH-REVERSED-9 DOUBLE QUOTATION MARK
                RuleRange.Map(0x2039, 0x203A, '\''), // SINGLE LEFT/RIGHT-POINTING ANGLE QUOTATION MARK
                RuleRange.Map(0x301D, 0x301F, '"'), // REVERSED/DOUBLE PRIME/LOW DOUBLE PRIME QUOTATION MARK
                RuleRange.Map(0xFF02, '"'), // FULLWIDTH QUOTATION MARK
                RuleRange.Map(0xFF07, '\''), // FULLWIDTH APOSTROPHE
            ]),

        new(NormalizationCategory.Tatweel, nameof(ArabicNormalizerOptions.RemoveTatweel), null,
            RuleStageKind.Map, o => o.RemoveTatweel,
            [RuleRange.Delete(0x0640)]), // TATWEEL

        new(NormalizationCategory.FormatControls, nameof(ArabicNormalizerOptions.RemoveFormatControls), null,
            RuleStageKind.Map, o => o.RemoveFormatControls,
            [
                RuleRange.Delete(0x00AD), // SOFT HYPHEN
                RuleRange.Delete(0x061C), // ARABIC LETTER MARK
                RuleRange.Delete(0x200B), // ZERO WIDTH SPACE
                RuleRange.Delete(0x200E, 0x200F), // LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
                RuleRange.Delete(0x202A, 0x202E), // LRE, RLE, PDF, LRO, RLO
                RuleRange.Delete(0x2060), // WORD JOINER
                RuleRange.Delete(0x2066, 0x2069), // LRI, RLI, FSI, PDI
                RuleRange.Delete(0xFEFF), // ZERO WIDTH NO-BREAK SPACE (BOM)
            ]),

        new(NormalizationCategory.Zwnj, nameof(ArabicNormalizerOptions.Zwnj), nameof(ZwnjHandling.Remove),
            RuleStageKind.Map, o => o.Zwnj == ZwnjHandling.Remove,
            [RuleRange.Delete(0x200C)]), // ZERO WIDTH NON-JOINER

        new(NormalizationCategory.Zwnj, nameof(ArabicNormalizerOptions.Zwnj), nameof(ZwnjHandling.Space),
            RuleStageKind.Map, o => o.Zwnj == ZwnjHandling.Space,
            [RuleRange.Map(0x200C, ' ')]), // ZERO WIDTH NON-JOINER -> SPACE

        new(NormalizationCategory.Spaces, nameof(ArabicNormalizerOptions.NormalizeSpaces), null,
            RuleStageKind.Map, o => o.NormalizeSpaces,
            [
                RuleRange.Map(0x00A0, ' '), // NO-BREAK SPACE
                RuleRange.Map(0x1680, ' '), // OGHAM SPACE MARK
                RuleRange.Map(0x2000, 0x200A, ' '), // EN QUAD .. HAIR SPACE
                RuleRange.Map(0x202F, ' '), // NARROW NO-BREAK SPACE
                RuleRange.Map(0x205F, ' '), // MEDIUM MATHEMATICAL SPACE
                RuleRange.Map(0x3000, ' '), // IDEOGRAPHIC SPACE
            ]),

        new(NormalizationCategory.Diacritics, nameof(ArabicNormalizerOptions.RemoveDiacritics), null,
            RuleStageKind.Map, o => o.RemoveDiacritics,
            [
                RuleRange.Delete(0x0610, 0x061A), // Quranic signs above and below .. SMALL KASRA
                RuleRange.Delete(0x064B, 0x065F), // FATHATAN .. WAVY HAMZA BELOW (hamza marks only when they did not compose)
                RuleRange.Delete(0x0670), // SUPERSCRIPT ALEF
                RuleRange.Delete(0x06D6, 0x06DC), // SMALL HIGH LIGATURES .. SMALL HIGH SEEN
                RuleRange.Delete(0x06DF, 0x06E4), // SMALL HIGH ROUNDED ZERO .. SMALL HIGH MADDA
                RuleRange.Delete(0x06E7, 0x06E8), // SMALL HIGH YEH, SMALL HIGH NOON
                RuleRange.Delete(0x06EA, 0x06ED), // EMPTY CENTRE LOW STOP .. SMALL LOW MEEM
            ]),

        new(NormalizationCategory.Alef, nameof(ArabicNormalizerOptions.FoldAlef), null,
            RuleStageKind.Map, o => o.FoldAlef,
            [
                RuleRange.Map(0x0622, 0x0623, '\u0627'), // ALEF WITH MADDA ABOVE, WITH HAMZA ABOVE -> ALEF
                RuleRange.Map(0x0625, '\u0627'), // ALEF WITH HAMZA BELOW -> ALEF
                RuleRange.Map(0x0671, '\u0627'), // ALEF WASLA -> ALEF
            ]),

        new(NormalizationCategory.AlefMaksura, nameof(ArabicNormalizerOptions.FoldAlefMaksura), null,
            RuleStageKind.Map, o => o.FoldAlefMaksura,
            [RuleRange.Map(0x0649, '\u064A')]), // ALEF MAKSURA -> YEH

        new(NormalizationCategory.TehMarbuta, nameof(ArabicNormalizerOptions.FoldTehMarbuta), null,
            RuleStageKind.Map, o => o.FoldTehMarbuta,
            [RuleRange.Map(0x0629, '\u0647')]), // TEH MARBUTA -> HEH

        new(NormalizationCategory.Punctuation, nameof(ArabicNormalizerOptions.AsciiPunctuation), null,
            RuleStageKind.Map, o => o.AsciiPunctuation,
            [
                RuleRange.Map(0x060C, ','), // ARABIC COMMA
                RuleRange.Map(0x061B, ';'), // ARABIC SEMICOLON
                RuleRange.Map(0x061F, '?'), // ARABIC QUESTION MARK
                RuleRange.Map(0x06D4, '.'), // ARABIC FULL STOP
            ]),

        // Acts last: a U+0020 of the output (whatever it came from) right after another is deleted.
        new(NormalizationCategory.Spaces, nameof(ArabicNormalizerOptions.CollapseSpaces), null,
            RuleStageKind.Contextual, o => o.CollapseSpaces,
            [RuleRange.Context(0x0020)], // SPACE, and every character a stage above maps to it
            contextTargets: string.Empty), // deleted in context
    ];

    // The union of the stages' BMP sources, merged, plus the surrogates; see NormalizationTables.RuleInputs.
    private static readonly char[] s_ruleInputs = BuildRuleInputs();

    /// <summary>Gets every stage, in the order the contract applies them.</summary>
    internal static ReadOnlySpan<RuleStage> All => s_all;

    /// <summary>Gets the code units some stage looks at, as merged inclusive ranges in order, plus U+D800..U+DFFF:
    /// the map marks every surrogate (the supplementary sources are written with them).</summary>
    internal static ReadOnlySpan<char> RuleInputs => s_ruleInputs;

    /// <summary>Gets the context-free stages <paramref name="options"/> enable, in order.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The stages of kind <see cref="RuleStageKind.Map"/> whose predicate holds.</returns>
    internal static RuleStage[] EnabledMaps(ArabicNormalizerOptions options)
    {
        var enabled = new List<RuleStage>();
        foreach (RuleStage stage in s_all)
        {
            if (stage.Kind == RuleStageKind.Map && stage.IsEnabled(options))
            {
                enabled.Add(stage);
            }
        }

        return [.. enabled];
    }

    /// <summary>Folds <paramref name="c"/> through <paramref name="stages"/> in order: each stage whose sources hold
    /// the current character replaces it with its target, and a deletion ends the fold.</summary>
    /// <param name="c">A character that is not a compatibility form (or folding is off).</param>
    /// <param name="stages">Context-free stages, in table order (<see cref="EnabledMaps"/>).</param>
    /// <param name="first">The first stage that changed the character, or <see langword="null"/>.</param>
    /// <returns>The output character, or <see cref="NormalizationTables.Delete"/>.</returns>
    internal static char Apply(char c, ReadOnlySpan<RuleStage> stages, out RuleStage? first)
    {
        first = null;
        foreach (RuleStage stage in stages)
        {
            if (stage.TryMap(c, out char target))
            {
                first ??= stage;
                if (target == NormalizationTables.Delete)
                {
                    return NormalizationTables.Delete;
                }

                c = target;
            }
        }

        return c;
    }

    private static RuleRange[] CombiningMarkRanges()
    {
        ReadOnlySpan<ushort> data = CombiningClassData.Ranges;
        var ranges = new RuleRange[data.Length / 3];
        for (int r = 0; r < ranges.Length; r++)
        {
            ranges[r] = RuleRange.Context(data[3 * r], data[(3 * r) + 1]);
        }

        return ranges;
    }

    private static char[] BuildRuleInputs()
    {
        var ranges = new List<(int First, int Last)> { (0xD800, 0xDFFF) };
        foreach (RuleStage stage in s_all)
        {
            foreach (RuleRange range in stage.Sources)
            {
                if (range.Last <= 0xFFFF)
                {
                    ranges.Add((range.First, range.Last));
                }
            }
        }

        ranges.Sort();
        var merged = new List<char>();
        int first = ranges[0].First;
        int last = ranges[0].Last;
        foreach ((int First, int Last) range in ranges)
        {
            if (range.First > last + 1)
            {
                merged.Add((char)first);
                merged.Add((char)last);
                first = range.First;
            }

            last = Math.Max(last, range.Last);
        }

        merged.Add((char)first);
        merged.Add((char)last);
        return [.. merged];
    }
}
