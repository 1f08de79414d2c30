using System.Runtime.CompilerServices;

namespace ArabicNorm.Internal;

/// <summary>
/// Holds the per-options lookup the normalization loop runs over: one entry per UTF-16 code unit.
/// </summary>
/// <remarks>
/// <para>An entry outside U+D800..U+DFFF is the single output character of a context-free rule (it equals the input
/// when nothing changes). Surrogates never come out of a rule, so that range encodes the characters that need more
/// than a one-to-one map: deletions, context (composition, contextual yeh, space collapsing), surrogates and
/// multi-character compatibility mappings.</para>
/// <para>Built once per <see cref="ArabicNormalizer"/>; read-only afterwards, so it is shared across threads.</para>
/// </remarks>
internal sealed class NormalizationTables
{
    /// <summary>The character is deleted.</summary>
    internal const char Delete = '\uD800';

    /// <summary>U+0653..U+0655 with <see cref="ArabicNormalizerOptions.ComposeHamza"/>: composes with the previous output.</summary>
    internal const char HamzaMark = '\uD801';

    /// <summary>U+06CC FARSI YEH under <see cref="ArabicNormalizerOptions.ContextualFarsiYeh"/>: depends on the next output.</summary>
    internal const char ContextualYeh = '\uD802';

    /// <summary>A character that becomes U+0020 while <see cref="ArabicNormalizerOptions.CollapseSpaces"/> is on.</summary>
    internal const char CollapsibleSpace = '\uD803';

    /// <summary>A high surrogate: the pair may be an Arabic mathematical symbol.</summary>
    internal const char HighSurrogate = '\uD804';

    /// <summary>A lone low surrogate: passes through unchanged.</summary>
    internal const char LowSurrogate = '\uD805';

    /// <summary>An Arabic combining mark (nonzero combining class) with <see cref="ArabicNormalizerOptions.ComposeHamza"/>:
    /// put in canonical order within its combining sequence.</summary>
    internal const char CombiningMark = '\uD806';

    /// <summary>The most non-starters a combining sequence holds before UAX #15's Stream-Safe Text Format splits it.</summary>
    internal const int MaxNonStarters = 30;

    /// <summary>U+034F COMBINING GRAPHEME JOINER: what the Stream-Safe Text Format inserts to split a long sequence.</summary>
    internal const char GraphemeJoiner = '\u034F';

    /// <summary>First code of the multi-character (or context-tracked) compatibility mappings: <c>ExpansionBase + k</c>.</summary>
    internal const char ExpansionBase = '\uD900';

    private const int MaxExpansions = 0xE000 - ExpansionBase;

    // The canonical combining class of U+0600..U+08FF, from CombiningClassData; 0 everywhere else.
    private static readonly byte[] s_combiningClasses = BuildCombiningClasses();

    private readonly char[] _map = new char[0x10000];
    private readonly int[] _expansionOffsets;
    private readonly string _expansionPool;
    private readonly uint[] _pairs; // per expansion: its two output characters (low, high), or 0

    /// <summary>Initializes the tables for <paramref name="options"/>, which the caller has already copied.</summary>
    /// <param name="options">The options to build from.</param>
    /// <param name="vectorize"><see langword="false"/> to keep every call on the scalar loop (tests compare the two).</param>
    internal NormalizationTables(ArabicNormalizerOptions options, bool vectorize = true)
        : this(options, vectorize ? VectorStrategy.Active : VectorStrategy.Scalar)
    {
    }

    /// <summary>Initializes the tables for <paramref name="options"/>, with calls running <paramref name="strategy"/>.</summary>
    /// <param name="options">The options to build from, already copied.</param>
    /// <param name="strategy">The vector strategy; the tests run each supported one against <see cref="VectorStrategy.Scalar"/>.</param>
    internal NormalizationTables(ArabicNormalizerOptions options, VectorStrategy strategy)
    {
        Options = options;
        ComposeHamza = options.ComposeHamza;
        CollapseSpaces = options.CollapseSpaces;
        FoldCompatibilityForms = options.FoldCompatibilityForms;
        RemoveDiacritics = options.RemoveDiacritics;
        MapStages = RuleStages.EnabledMaps(options);

        // FoldAlefMaksura turns the word-final ALEF MAKSURA back into YEH, so the context no longer matters.
        UsesContextualYeh = options.ContextualFarsiYeh && options.Letters == LetterTarget.Arabic && !options.FoldAlefMaksura;
        FinalYeh = UsesContextualYeh ? '\u0649' /* ARABIC LETTER ALEF MAKSURA */ : '\u064A' /* ARABIC LETTER YEH */;

        // Outside RuleInputs every entry is the code unit itself; inside, an entry is the fold of the enabled stages
        // (RuleStages) over the character, or a special code for what the contextual stages and the engine decide.
        for (int c = 0; c < _map.Length; c++)
        {
            _map[c] = (char)c;
        }

        var offsets = new List<int> { 0 };
        var pool = new System.Text.StringBuilder();
        ReadOnlySpan<char> ranges = RuleInputs;
        for (int r = 0; r < ranges.Length; r += 2)
        {
            for (int c = ranges[r]; c <= ranges[r + 1]; c++)
            {
                if (FoldCompatibilityForms && CompatibilityData.IsInCompatibilityBlocks(c)
                    && CompatibilityData.TryGetMapping(c, out ReadOnlySpan<char> mapping))
                {
                    if (mapping.Length == 1 && TryCompose(mapping[0], out char composed))
                    {
                        _map[c] = composed;
                        continue;
                    }

                    _map[c] = (char)(ExpansionBase + offsets.Count - 1);
                    pool.Append(mapping);
                    offsets.Add(pool.Length);
                    continue;
                }

                _map[c] = Classify((char)c);
            }
        }

        if (offsets.Count - 1 > MaxExpansions)
        {
            throw new InvalidOperationException("Too many compatibility mappings for the table encoding.");
        }

        _expansionOffsets = offsets.ToArray();
        _expansionPool = pool.ToString();

        // Two-letter expansions whose letters are plain entries (the LAM-ALEF ligatures of PDF text, above all) are
        // written by the vector path itself: the scalar loop would emit the two letters one after the other.
        _pairs = new uint[offsets.Count - 1];
        for (int k = 0; k < _pairs.Length; k++)
        {
            ReadOnlySpan<char> folded = GetExpansion((char)(ExpansionBase + k));
            if (folded.Length == 2 && !IsSpecial(_map[folded[0]]) && !IsSpecial(_map[folded[1]]))
            {
                _pairs[k] = _map[folded[0]] | ((uint)_map[folded[1]] << 16);
            }
        }

        PlainRun = new PlainRunTables(_map, strategy, entry => TryGetPair(entry, out char first, out char second, out _) ? first | ((uint)second << 16) : 0);
    }

    /// <summary>Gets the code units some stage of <see cref="RuleStages"/> looks at, as inclusive ranges in order: the
    /// union of the stages' sources, and the surrogates, which the map marks under every options instance. Every other
    /// code unit maps to itself under every options instance, so the constructor looks at about 3,100 code units (1,036
    /// besides the surrogates) rather than 65,536.</summary>
    /// <remarks>A test runs every code unit outside these ranges through the tests' spec model under each option on its
    /// own and under the presets, and checks that none changes.</remarks>
    internal static ReadOnlySpan<char> RuleInputs => RuleStages.RuleInputs;

    /// <summary>Gets the vector classifier data for these tables (see <see cref="PlainRunTranslator"/>).</summary>
    internal PlainRunTables PlainRun { get; }

    /// <summary>Gets the copy of the options these tables were built from.</summary>
    internal ArabicNormalizerOptions Options { get; }

    /// <summary>Gets whether hamza marks compose.</summary>
    internal bool ComposeHamza { get; }

    /// <summary>Gets whether runs of spaces collapse.</summary>
    internal bool CollapseSpaces { get; }

    /// <summary>Gets whether compatibility forms fold.</summary>
    internal bool FoldCompatibilityForms { get; }

    /// <summary>Gets whether diacritics (and uncomposed hamza marks) are deleted.</summary>
    internal bool RemoveDiacritics { get; }

    /// <summary>Gets the context-free stages the options enable, in order: the map is their fold.</summary>
    internal RuleStage[] MapStages { get; }

    /// <summary>Gets whether FARSI YEH depends on the next output character.</summary>
    internal bool UsesContextualYeh { get; }

    /// <summary>Gets what a word-final FARSI YEH becomes (U+0649 under the contextual rule).</summary>
    internal char FinalYeh { get; }

    /// <summary>Gets the lookup: one entry per UTF-16 code unit.</summary>
    internal ReadOnlySpan<char> Map => _map;

    /// <summary>Tells whether an entry of <see cref="Map"/> is a special code rather than an output character.</summary>
    /// <param name="entry">An entry of <see cref="Map"/>.</param>
    /// <returns><see langword="true"/> for codes in U+D800..U+DFFF.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsSpecial(char entry) => (uint)(entry - 0xD800) < 0x800;

    /// <summary>Gets the folded (not yet mapped) characters of expansion <paramref name="entry"/>.</summary>
    /// <param name="entry">An entry at or above <see cref="ExpansionBase"/>.</param>
    /// <returns>The NFKC mapping; each of its characters still goes through <see cref="Map"/>.</returns>
    internal ReadOnlySpan<char> GetExpansion(char entry)
    {
        int k = entry - ExpansionBase;
        int start = _expansionOffsets[k];
        return _expansionPool.AsSpan(start, _expansionOffsets[k + 1] - start);
    }

    /// <summary>Gets the output of an expansion that is two plain characters.</summary>
    /// <param name="entry">An entry at or above <see cref="ExpansionBase"/>.</param>
    /// <param name="first">The first output character.</param>
    /// <param name="second">The second output character.</param>
    /// <param name="secondSource">The second character as folded, before the other rules (what the scalar loop
    /// remembers as the last character's source).</param>
    /// <returns><see langword="false"/> when the expansion is longer, shorter, or has a special character.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryGetPair(char entry, out char first, out char second, out char secondSource)
    {
        uint pair = _pairs[entry - ExpansionBase];
        first = (char)pair;
        second = (char)(pair >> 16);
        secondSource = pair == 0 ? '\0' : _expansionPool[_expansionOffsets[entry - ExpansionBase] + 1];
        return pair != 0;
    }

    /// <summary>Gets the NFKC mapping of a supplementary code point, when folding is on and it has one.</summary>
    /// <param name="codePoint">A supplementary code point.</param>
    /// <param name="mapping">The folded characters.</param>
    /// <returns><see langword="true"/> when the code point folds.</returns>
    internal bool TryGetSupplementaryExpansion(int codePoint, out ReadOnlySpan<char> mapping)
    {
        if (FoldCompatibilityForms && CompatibilityData.IsInCompatibilityBlocks(codePoint))
        {
            return CompatibilityData.TryGetMapping(codePoint, out mapping);
        }

        mapping = default;
        return false;
    }

    /// <summary>Composes <paramref name="baseChar"/> with a hamza mark, as NFC's eight Arabic pairs do.</summary>
    /// <param name="baseChar">The character before the mark.</param>
    /// <param name="mark">U+0653, U+0654 or U+0655.</param>
    /// <returns>The precomposed letter, or <c>'\0'</c> when the pair does not compose.</returns>
    internal static char Compose(char baseChar, char mark) => (baseChar, mark) switch
    {
        ('\u0627', '\u0653') => '\u0622', // ALEF + MADDA ABOVE -> ALEF WITH MADDA ABOVE
        ('\u0627', '\u0654') => '\u0623', // ALEF + HAMZA ABOVE -> ALEF WITH HAMZA ABOVE
        ('\u0627', '\u0655') => '\u0625', // ALEF + HAMZA BELOW -> ALEF WITH HAMZA BELOW
        ('\u0648', '\u0654') => '\u0624', // WAW + HAMZA ABOVE -> WAW WITH HAMZA ABOVE
        ('\u064A', '\u0654') => '\u0626', // YEH + HAMZA ABOVE -> YEH WITH HAMZA ABOVE
        ('\u06D5', '\u0654') => '\u06C0', // AE + HAMZA ABOVE -> HEH WITH YEH ABOVE
        ('\u06C1', '\u0654') => '\u06C2', // HEH GOAL + HAMZA ABOVE -> HEH GOAL WITH HAMZA ABOVE
        ('\u06D2', '\u0654') => '\u06D3', // YEH BARREE + HAMZA ABOVE -> YEH BARREE WITH HAMZA ABOVE
        _ => '\0',
    };

    /// <summary>Gets the canonical combining class ArabicNorm sorts <paramref name="value"/> by.</summary>
    /// <param name="value">A code point.</param>
    /// <returns>The Unicode class for the Arabic marks of U+0600..U+06FF, U+0750..U+077F and U+08A0..U+08FF; 0
    /// (a starter) for every other code point, other scripts' marks included.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte CombiningClass(int value)
    {
        uint offset = (uint)(value - 0x0600);
        return offset < 0x300 ? s_combiningClasses[offset] : (byte)0;
    }

    /// <summary>Counts the non-starters that end the canonical decomposition of <paramref name="c"/>, as UAX #15's
    /// Stream-Safe Text Format counts them: one for the eight precomposed hamza letters, zero for every other starter.</summary>
    /// <param name="c">A starter, as it enters composition (before the letter and fold rules).</param>
    /// <returns>0 or 1.</returns>
    internal static int TrailingNonStarters(char c) =>
        c is (>= '\u0622' and <= '\u0626') // ALEF WITH MADDA ABOVE .. YEH WITH HAMZA ABOVE
            or '\u06C0' // HEH WITH YEH ABOVE
            or '\u06C2' // HEH GOAL WITH HAMZA ABOVE
            or '\u06D3' // YEH BARREE WITH HAMZA ABOVE
            ? 1 : 0;

    /// <summary>Tells which mark HAMZA BELOW takes the place of when it follows <paramref name="composite"/>.</summary>
    /// <param name="composite">The base of a combining sequence, as folded.</param>
    /// <param name="mark">A hamza mark.</param>
    /// <returns>U+0653 MADDA ABOVE for U+0622 and U+0654 HAMZA ABOVE for U+0623 when <paramref name="mark"/> is
    /// U+0655 HAMZA BELOW: NFC composes ALEF with HAMZA BELOW (class 220) before the mark of class 230; otherwise
    /// <c>'\0'</c>.</returns>
    internal static char ReleasedMark(char composite, char mark) => (composite, mark) switch
    {
        ('\u0622', '\u0655') => '\u0653', // ALEF WITH MADDA ABOVE + HAMZA BELOW -> ALEF WITH HAMZA BELOW + MADDA ABOVE
        ('\u0623', '\u0655') => '\u0654', // ALEF WITH HAMZA ABOVE + HAMZA BELOW -> ALEF WITH HAMZA BELOW + HAMZA ABOVE
        _ => '\0',
    };

    /// <summary>Tells whether some hamza mark composes with <paramref name="c"/>.</summary>
    /// <param name="c">A character.</param>
    /// <returns><see langword="true"/> for the eight pairs' base letters.</returns>
    internal static bool IsCompositionBase(char c) =>
        c is '\u0627' /* ALEF */ or '\u0648' /* WAW */ or '\u064A' /* YEH */ or '\u06D5' /* AE */
            or '\u06C1' /* HEH GOAL */ or '\u06D2' /* YEH BARREE */;

    /// <summary>Tells whether <paramref name="c"/> continues an Arabic word for the contextual yeh rule:
    /// General_Category Lo, Lm or Mn in U+0600..U+06FF, U+0750..U+077F or U+08A0..U+08FF.</summary>
    /// <param name="c">The next output character.</param>
    /// <returns><see langword="true"/> when the word goes on.</returns>
    internal static bool IsArabicWordCharacter(char c)
    {
        uint offset = (uint)(c - 0x0600);
        return offset < 0x300 && ((ArabicWordCharacterData.Bits[(int)(offset >> 6)] >> (int)(offset & 63)) & 1) != 0;
    }

    /// <summary>Tells whether <paramref name="c"/> is a compatibility form that these tables fold.</summary>
    /// <param name="c">A BMP code point.</param>
    /// <returns><see langword="true"/> when its table entry comes from its NFKC mapping: an expansion, or the one
    /// character the mapping and the other rules compose to.</returns>
    internal bool IsFoldedCompatibilityForm(int c) =>
        FoldCompatibilityForms && CompatibilityData.IsInCompatibilityBlocks(c) && CompatibilityData.TryGetMapping(c, out _);

    /// <summary>Composes a compatibility form whose NFKC mapping is one character <paramref name="folded"/> with the
    /// other rules into one table entry, when that entry behaves exactly as the expansion would.</summary>
    /// <param name="folded">The form's NFKC mapping.</param>
    /// <param name="entry">The table entry: the output character of <paramref name="folded"/>.</param>
    /// <returns><see langword="false"/> when the form must stay an expansion.</returns>
    /// <remarks>
    /// <para>Most presentation forms map to one letter, so this is what keeps PDF text on the one-to-one paths (and
    /// the vector path) instead of one expansion per letter. The scalar loop then takes the form like any one-to-one
    /// character, remembering the form itself as the last character's source where an expansion would remember
    /// <paramref name="folded"/>; the composition rules read that source through <see cref="Unfold"/>, so the two
    /// agree. A mapping whose entry is special (a deletion, a hamza mark, context) stays an expansion.</para>
    /// </remarks>
    private bool TryCompose(char folded, out char entry)
    {
        entry = Classify(folded);
        return !IsSpecial(entry);
    }

    /// <summary>Gives the character a last character's source stands for in the composition rules: the one-character
    /// NFKC mapping of a compatibility form these tables fold one-to-one, otherwise the character itself.</summary>
    /// <param name="source">The last output character's source character.</param>
    /// <returns>The character the hamza composition (spec 3.2) looks at.</returns>
    /// <remarks>Read only when a hamza mark follows and when a call decides whether its last entry is still open,
    /// never per character.</remarks>
    internal char Unfold(char source)
    {
        if (source >= '\uFB50' && IsFoldedCompatibilityForm(source)
            && CompatibilityData.TryGetMapping(source, out ReadOnlySpan<char> mapping) && mapping.Length == 1)
        {
            return mapping[0];
        }

        return source;
    }

    private char Classify(char c)
    {
        if (char.IsHighSurrogate(c))
        {
            return HighSurrogate;
        }

        if (char.IsLowSurrogate(c))
        {
            return LowSurrogate;
        }

        if (ComposeHamza && c is >= '\u0653' and <= '\u0655')
        {
            return HamzaMark; // MADDA ABOVE, HAMZA ABOVE, HAMZA BELOW
        }

        if (UsesContextualYeh && c == '\u06CC')
        {
            return ContextualYeh; // FARSI YEH
        }

        char mapped = RuleStages.Apply(c, MapStages, out _);
        if (CollapseSpaces && mapped == ' ')
        {
            return CollapsibleSpace;
        }

        if (ComposeHamza && mapped == c && CombiningClass(c) != 0)
        {
            return CombiningMark; // kept, and sorted within its combining sequence
        }

        return mapped;
    }

    private static byte[] BuildCombiningClasses()
    {
        byte[] classes = new byte[0x300];
        ReadOnlySpan<ushort> ranges = CombiningClassData.Ranges;
        for (int r = 0; r < ranges.Length; r += 3)
        {
            for (int c = ranges[r]; c <= ranges[r + 1]; c++)
            {
                classes[c - 0x0600] = (byte)ranges[r + 2];
            }
        }

        return classes;
    }
}
