using System.Globalization;
using System.Text;
using ICU4N.Text;

namespace ArabicNorm.Tests;

/// <summary>
/// The tests' one oracle of the whole contract: a slow, list-based model written from the spec's sections and laws
/// rather than from the engine. The compatibility folding comes from ICU4N's NFKC (so it works under invariant
/// globalization), the per-character rules from the spec's tables, and the context rules (composition, contextual
/// yeh, collapsing) run as separate passes over a list. Nothing here calls <c>ArabicNorm.Internal</c>.
/// </summary>
internal static class SpecModel
{
    internal const char Deleted = '\uDFFF'; // a lone low surrogate: no rule ever produces one

    private static readonly Normalizer2 s_nfkc = Normalizer2.NFKCInstance;

    /// <summary>Returns options with every rule off: the identity normalizer of section 2
    /// (<c>ContractTests</c> checks that every option of it is off).</summary>
    internal static ArabicNormalizerOptions Identity() => ArabicNormalizerOptions.None();

    /// <summary>Returns the Default preset's options, typed in from the table of section 2.</summary>
    internal static ArabicNormalizerOptions DefaultPreset()
    {
        ArabicNormalizerOptions o = Identity();
        o.FoldCompatibilityForms = true;
        o.ComposeHamza = true;
        o.Letters = LetterTarget.Arabic;
        o.Digits = DigitTarget.Ascii;
        o.Quotes = QuoteTarget.Ascii;
        o.RemoveTatweel = true;
        o.RemoveFormatControls = true;
        o.Zwnj = ZwnjHandling.Remove;
        o.NormalizeSpaces = true;
        return o;
    }

    /// <summary>Returns the Search preset's options, typed in from the table of section 2.</summary>
    internal static ArabicNormalizerOptions SearchPreset()
    {
        ArabicNormalizerOptions o = DefaultPreset();
        o.Zwnj = ZwnjHandling.Space;
        o.CollapseSpaces = true;
        o.RemoveDiacritics = true;
        o.FoldAlef = true;
        o.FoldAlefMaksura = true;
        o.FoldTehMarbuta = true;
        o.AsciiPunctuation = true;
        return o;
    }

    /// <summary>Returns the Persian preset's options, typed in from the table of section 2.</summary>
    internal static ArabicNormalizerOptions PersianPreset()
    {
        ArabicNormalizerOptions o = DefaultPreset();
        o.Letters = LetterTarget.Persian;
        o.Digits = DigitTarget.Persian;
        o.Quotes = QuoteTarget.Keep;
        o.Zwnj = ZwnjHandling.Keep;
        return o;
    }

    /// <summary>Returns the options named by <paramref name="spec"/>: a preset name (<c>Default</c>, <c>Search</c>,
    /// <c>Persian</c>) or <c>Identity</c>, optionally followed by <c>;Option</c> (a bool set to true) or
    /// <c>;Option=Value</c> items. A spec that starts with an option starts from <c>Identity</c>.</summary>
    internal static ArabicNormalizerOptions Parse(string spec)
    {
        string[] parts = spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int first = 1;
        ArabicNormalizerOptions o;
        switch (parts[0])
        {
            case "Identity": o = Identity(); break;
            case "Default": o = DefaultPreset(); break;
            case "Search": o = SearchPreset(); break;
            case "Persian": o = PersianPreset(); break;
            default: o = Identity(); first = 0; break;
        }

        for (int i = first; i < parts.Length; i++)
        {
            string[] nameValue = parts[i].Split('=');
            System.Reflection.PropertyInfo property = typeof(ArabicNormalizerOptions).GetProperty(nameValue[0])
                ?? throw new ArgumentException($"Unknown option '{nameValue[0]}' in '{spec}'.", nameof(spec));
            object value = property.PropertyType == typeof(bool)
                ? (nameValue.Length == 1 || bool.Parse(nameValue[1]))
                : Enum.Parse(property.PropertyType, nameValue[1]);
            property.SetValue(o, value);
        }

        return o;
    }

    // 3.5: the double and single quotation marks.
    internal static readonly char[] DoubleQuotes =
    [
        '\u00AB', '\u00BB', // LEFT/RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
        '\u201C', '\u201D', '\u201E', '\u201F', // LEFT/RIGHT/LOW-9/REVERSED-9 DOUBLE QUOTATION MARK
        '\u301D', '\u301E', '\u301F', // REVERSED DOUBLE PRIME / DOUBLE PRIME / LOW DOUBLE PRIME QUOTATION MARK
        '\uFF02', // FULLWIDTH QUOTATION MARK
    ];

    internal static readonly char[] SingleQuotes =
    [
        '\u2018', '\u2019', '\u201A', '\u201B', // LEFT/RIGHT/LOW-9/REVERSED-9 SINGLE QUOTATION MARK
        '\u2039', '\u203A', // SINGLE LEFT/RIGHT-POINTING ANGLE QUOTATION MARK
        '\uFF07', // FULLWIDTH APOSTROPHE
    ];

    // 3.6 RemoveFormatControls.
    internal static readonly char[] FormatControls =
    [
        '\u00AD', // SOFT HYPHEN
        '\u061C', // ARABIC LETTER MARK
        '\u200B', // ZERO WIDTH SPACE
        '\u200E', '\u200F', // LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
        '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', // LRE, RLE, PDF, LRO, RLO
        '\u2060', // WORD JOINER
        '\u2066', '\u2067', '\u2068', '\u2069', // LRI, RLI, FSI, PDI
        '\uFEFF', // ZERO WIDTH NO-BREAK SPACE
    ];

    // 3.6 NormalizeSpaces.
    internal static readonly char[] OtherSpaces =
    [
        '\u00A0', // NO-BREAK SPACE
        '\u1680', // OGHAM SPACE MARK
        '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A',
        '\u202F', // NARROW NO-BREAK SPACE
        '\u205F', // MEDIUM MATHEMATICAL SPACE
        '\u3000', // IDEOGRAPHIC SPACE
    ];

    // 3.2: the eight NFC pairs (base, mark, composed).
    internal static readonly (char Base, char Mark, char Composed)[] CompositionPairs =
    [
        ('\u0627', '\u0653', '\u0622'), // ALEF + MADDA ABOVE
        ('\u0627', '\u0654', '\u0623'), // ALEF + HAMZA ABOVE
        ('\u0627', '\u0655', '\u0625'), // ALEF + HAMZA BELOW
        ('\u0648', '\u0654', '\u0624'), // WAW + HAMZA ABOVE
        ('\u064A', '\u0654', '\u0626'), // YEH + HAMZA ABOVE
        ('\u06D5', '\u0654', '\u06C0'), // AE + HAMZA ABOVE
        ('\u06C1', '\u0654', '\u06C2'), // HEH GOAL + HAMZA ABOVE
        ('\u06D2', '\u0654', '\u06D3'), // YEH BARREE + HAMZA ABOVE
    ];

    /// <summary>Tells whether <paramref name="c"/> is in the spec 3.7 diacritic set.</summary>
    internal static bool IsSpecDiacritic(char c) =>
        InRange(c, 0x0610, 0x061A) || InRange(c, 0x064B, 0x065F) || c == 0x0670 || InRange(c, 0x06D6, 0x06DC)
        || InRange(c, 0x06DF, 0x06E4) || c == 0x06E7 || c == 0x06E8 || InRange(c, 0x06EA, 0x06ED);

    internal static bool IsHamzaMark(char c) => c is '\u0653' or '\u0654' or '\u0655';

    internal static bool IsInCompatibilityBlocks(int cp) =>
        InRange(cp, 0xFB50, 0xFDFF) || InRange(cp, 0xFE70, 0xFEFF) || InRange(cp, 0x1EE00, 0x1EEFF);

    /// <summary>Gets ICU4N's NFKC of one code point (the spec's 3.1 table).</summary>
    internal static string Nfkc(int cp) => s_nfkc.Normalize(char.ConvertFromUtf32(cp));

    /// <summary>Tells whether a character continues an Arabic word for the contextual yeh (spec 3.3), from the runtime's
    /// General_Category.</summary>
    internal static bool IsArabicWordCharacter(char c)
    {
        if (!(InRange(c, 0x0600, 0x06FF) || InRange(c, 0x0750, 0x077F) || InRange(c, 0x08A0, 0x08FF)))
        {
            return false;
        }

        UnicodeCategory gc = CharUnicodeInfo.GetUnicodeCategory(c);
        return gc is UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark;
    }

    /// <summary>Composes a base and a hamza mark as the eight pairs do.</summary>
    internal static char Compose(char b, char mark)
    {
        foreach (var (pb, pm, composed) in CompositionPairs)
        {
            if (pb == b && pm == mark)
            {
                return composed;
            }
        }

        return '\0';
    }

    /// <summary>Applies spec sections 3.3 to 3.7, in order, to one character: the output, or <see cref="Deleted"/>.</summary>
    /// <remarks>FARSI YEH under the Arabic target gives U+064A here; the word-final form is the caller's context pass.</remarks>
    internal static char Rule(char c, ArabicNormalizerOptions o)
    {
        // 3.3
        if (o.Letters == LetterTarget.Arabic)
        {
            c = c switch
            {
                '\u06CC' or '\u06D2' => '\u064A', // FARSI YEH, YEH BARREE -> YEH
                '\u06D3' => '\u0626', // YEH BARREE WITH HAMZA ABOVE -> YEH WITH HAMZA ABOVE
                '\u06A9' or '\u06AA' => '\u0643', // KEHEH, SWASH KAF -> KAF
                '\u06C0' or '\u06C1' or '\u06C2' or '\u06D5' or '\u06BE' => '\u0647', // HEH variants -> HEH
                '\u06C3' => '\u0629', // TEH MARBUTA GOAL -> TEH MARBUTA
                _ => c,
            };
        }
        else if (o.Letters == LetterTarget.Persian)
        {
            c = c switch
            {
                '\u064A' or '\u0649' or '\u06D2' => '\u06CC', // YEH, ALEF MAKSURA, YEH BARREE -> FARSI YEH
                '\u06D3' => '\u0626',
                '\u0643' or '\u06AA' => '\u06A9', // KAF, SWASH KAF -> KEHEH
                '\u06C1' or '\u06C2' or '\u06D5' or '\u06BE' => '\u0647', // HEH variants (not U+06C0) -> HEH
                '\u06C3' => '\u0629',
                _ => c,
            };
        }

        // 3.4
        int arabicIndic = c - 0x0660;
        int persian = c - 0x06F0;
        switch (o.Digits)
        {
            case DigitTarget.Ascii when arabicIndic is >= 0 and <= 9:
                c = (char)('0' + arabicIndic);
                break;
            case DigitTarget.Ascii when persian is >= 0 and <= 9:
                c = (char)('0' + persian);
                break;
            case DigitTarget.Ascii when c == '\u066A': // ARABIC PERCENT SIGN
                c = '%';
                break;
            case DigitTarget.Ascii when c == '\u066B': // ARABIC DECIMAL SEPARATOR
                c = '.';
                break;
            case DigitTarget.Ascii when c == '\u066C': // ARABIC THOUSANDS SEPARATOR
                c = ',';
                break;
            case DigitTarget.ArabicIndic when persian is >= 0 and <= 9:
                c = (char)(0x0660 + persian);
                break;
            case DigitTarget.Persian when arabicIndic is >= 0 and <= 9:
                c = (char)(0x06F0 + arabicIndic);
                break;
        }

        // 3.5
        if (o.Quotes == QuoteTarget.Ascii)
        {
            if (Array.IndexOf(DoubleQuotes, c) >= 0)
            {
                c = '"';
            }
            else if (Array.IndexOf(SingleQuotes, c) >= 0)
            {
                c = '\'';
            }
        }

        // 3.6
        if ((o.RemoveTatweel && c == '\u0640') || (o.RemoveFormatControls && Array.IndexOf(FormatControls, c) >= 0))
        {
            return Deleted;
        }

        if (c == '\u200C' && o.Zwnj != ZwnjHandling.Keep)
        {
            if (o.Zwnj == ZwnjHandling.Remove)
            {
                return Deleted;
            }

            c = ' ';
        }

        if (o.NormalizeSpaces && Array.IndexOf(OtherSpaces, c) >= 0)
        {
            c = ' ';
        }

        // 3.7
        if (o.RemoveDiacritics && IsSpecDiacritic(c))
        {
            return Deleted;
        }

        if (o.FoldAlef && c is '\u0622' or '\u0623' or '\u0625' or '\u0671')
        {
            c = '\u0627';
        }

        if (o.FoldAlefMaksura && c == '\u0649')
        {
            c = '\u064A';
        }

        if (o.FoldTehMarbuta && c == '\u0629')
        {
            c = '\u0647';
        }

        if (o.AsciiPunctuation)
        {
            c = c switch
            {
                '\u060C' => ',',
                '\u061B' => ';',
                '\u061F' => '?',
                '\u06D4' => '.',
                _ => c,
            };
        }

        return c;
    }

    /// <summary>Normalizes <paramref name="s"/> the slow way.</summary>
    internal static string Normalize(string s, ArabicNormalizerOptions o)
    {
        // 3.1: fold compatibility forms through ICU4N's NFKC, code point by code point.
        var folded = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                int cp = char.ConvertToUtf32(s[i], s[i + 1]);
                folded.Append(o.FoldCompatibilityForms && IsInCompatibilityBlocks(cp) ? Nfkc(cp) : s.Substring(i, 2));
                i++;
            }
            else if (o.FoldCompatibilityForms && !char.IsSurrogate(s[i]) && IsInCompatibilityBlocks(s[i]))
            {
                folded.Append(Nfkc(s[i]));
            }
            else
            {
                folded.Append(s[i]);
            }
        }

        // 3.2 to 3.7 over a list of output items, each remembering the character it came from.
        bool contextual = o.ContextualFarsiYeh && o.Letters == LetterTarget.Arabic;
        var items = new List<Item>(folded.Length);
        void Feed(char x)
        {
            if (char.IsSurrogate(x))
            {
                // No rule names a surrogate. But deletions can join an unpaired high half to an unpaired low half: a
                // second pass would fold that pair (L1), so the pair folds here, as one character (the lead's choice).
                if (char.IsLowSurrogate(x) && o.FoldCompatibilityForms && items.Count > 0 && char.IsHighSurrogate(items[^1].Out))
                {
                    int cp = char.ConvertToUtf32(items[^1].Out, x);
                    string mapping = IsInCompatibilityBlocks(cp) ? Nfkc(cp) : string.Empty;
                    if (mapping.Length > 0 && mapping != char.ConvertFromUtf32(cp))
                    {
                        items.RemoveAt(items.Count - 1);
                        foreach (char m in mapping)
                        {
                            Feed(m);
                        }

                        return;
                    }
                }

                items.Add(new Item(x, x, false));
                return;
            }

            if (o.ComposeHamza && CanonicalClasses.IsArabicMark(x))
            {
                FeedMark(items, x, o);
                return;
            }

            char output = Rule(x, o);
            if (output != Deleted)
            {
                items.Add(new Item(output, x, contextual && x == '\u06CC', o.ComposeHamza ? CanonicalClasses.TrailingArabicMarks(x) : 0));
            }
        }

        for (int i = 0; i < folded.Length; i++)
        {
            if (char.IsHighSurrogate(folded[i]) && i + 1 < folded.Length && char.IsLowSurrogate(folded[i + 1]))
            {
                items.Add(new Item(folded[i], folded[i], false)); // a pair that does not fold passes whole
                items.Add(new Item(folded[i + 1], folded[i + 1], false));
                i++;
                continue;
            }

            Feed(folded[i]);
        }

        // 3.3 contextual FARSI YEH: decided by the next output character.
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].ContextualYeh && (i + 1 == items.Count || !IsArabicWordCharacter(items[i + 1].Out)))
            {
                items[i] = items[i] with { Out = o.FoldAlefMaksura ? '\u064A' : '\u0649' };
            }
        }

        // 3.6 CollapseSpaces acts last.
        var result = new StringBuilder(items.Count);
        foreach (Item item in items)
        {
            if (o.CollapseSpaces && item.Out == ' ' && result.Length > 0 && result[^1] == ' ')
            {
                continue;
            }

            result.Append(item.Out);
        }

        return result.ToString();
    }

    private static bool InRange(int c, int lo, int hi) => c >= lo && c <= hi;

    /// <summary>3.2 for one Arabic mark: canonical order, composition, and the Stream-Safe Text Format's split.</summary>
    private static void FeedMark(List<Item> items, char x, ArabicNormalizerOptions o)
    {
        // The combining sequence is the last starter (Count: its non-starters so far) and the marks after it.
        int first = items.FindLastIndex(item => !CanonicalClasses.IsArabicMark(item.From)) + 1;
        Item? starter = first > 0 ? items[first - 1] : null;
        List<Item> marks = items.GetRange(first, items.Count - first);
        int nonStarters = (starter?.Count ?? 0) + marks.Count;
        int ccc = CanonicalClasses.Of(x);
        if (IsHamzaMark(x) && starter is Item s && nonStarters < 30 && !marks.Exists(m => CanonicalClasses.Of(m.From) == ccc))
        {
            if (x == '\u0655' && s.From is '\u0622' or '\u0623')
            {
                // NFC decomposes the ALEF WITH MADDA / HAMZA ABOVE, sorts HAMZA BELOW (220) before that mark (230) and
                // composes HAMZA BELOW; the released mark is the first of class 230, or a deleted diacritic.
                char above = s.From == '\u0622' ? '\u0653' : '\u0654';
                char again = Compose(Rule('\u0625', o), above);
                if (again != '\0')
                {
                    items[first - 1] = new Item(Rule(again, o), again, false, s.Count + 1); // folded to ALEF, it takes the mark
                    return;
                }

                items[first - 1] = new Item(Rule('\u0625', o), '\u0625', false, s.Count);
                if (!o.RemoveDiacritics)
                {
                    int k = marks.FindIndex(m => CanonicalClasses.Of(m.From) >= 230);
                    items.Insert(first + (k >= 0 ? k : marks.Count), new Item(above, above, false, 0));
                }

                return;
            }

            // NFC: not blocked (no mark of its class between); pairs made by a letter mapping compose too.
            char composed = Compose(s.From, x);
            if (composed == '\0')
            {
                composed = Compose(s.Out, x);
            }

            if (composed != '\0')
            {
                items[first - 1] = new Item(Rule(composed, o), composed, false, s.Count + 1);
                return;
            }
        }

        if (Rule(x, o) == Deleted || (IsHamzaMark(x) && o.RemoveDiacritics))
        {
            return; // deleted marks are no part of the sequence
        }

        items.RemoveRange(first, marks.Count);
        if (nonStarters >= 30)
        {
            // UAX #15 section 13: a COMBINING GRAPHEME JOINER before the 31st non-starter; it is output.
            items.AddRange(marks);
            items.Add(new Item('\u034F', '\u034F', false, 0));
            items.Add(new Item(x, x, false, 0));
            return;
        }

        // A stable sort by class: List.Sort is not stable, so order by (class, position).
        marks.Add(new Item(x, x, false, 0));
        items.AddRange(marks.Select((m, k) => (m, k)).OrderBy(p => CanonicalClasses.Of(p.m.From)).ThenBy(p => p.k).Select(p => p.m));
    }

    private readonly record struct Item(char Out, char From, bool ContextualYeh, int Count = 0);
}
