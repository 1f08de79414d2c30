using System.Globalization;
using System.Text;

namespace ArabicNorm.Tests;

/// <summary>
/// Computes what the normalization contract (shared spec, sections 2 and 3) says a text becomes, written straight
/// from the spec text and on purpose independent of <c>ArabicNorm.Internal</c>: the tests compare the library
/// with this, so nothing here may call the code under test.
/// </summary>
/// <remarks>
/// <para>It is a slow, obvious model: fold compatibility forms, then run every folded character through the
/// per-character rules of 3.3..3.7 in section order, compose hamza marks on the output built so far (which
/// already lacks deleted characters), then resolve contextual FARSI YEH against the next output character, then
/// collapse spaces.</para>
/// <para>The NFKC source for 3.1 is .NET's <see cref="string.Normalize(NormalizationForm)"/> (allowed in tests, not
/// at run time: see law L8). It needs ICU; <see cref="EnsureNfkcWorks"/> makes a test fail loudly rather than pass
/// vacuously when the tests run under invariant globalization.</para>
/// <para>Where the spec is silent this model makes the library's documented choices: a lone surrogate is a character
/// like any other, except that when deletions join a lone high half and a lone low half into a code point that
/// 3.1 folds, the joined pair folds (a second pass would fold it, law L1); and a compatibility mapping's characters
/// meet every later rule, the contextual FARSI YEH included.</para>
/// </remarks>
internal static class SpecExpectation
{
    private const char Yeh = '\u064A';          // ARABIC LETTER YEH
    private const char AlefMaksura = '\u0649';  // ARABIC LETTER ALEF MAKSURA
    private const char FarsiYeh = '\u06CC';     // ARABIC LETTER FARSI YEH

    [ThreadStatic]
    private static StringBuilder? s_folded;
    [ThreadStatic]
    private static List<(char Before, char After, bool ContextualYeh, int Marks)>? s_output;
    [ThreadStatic]
    private static StringBuilder? s_result;

    /// <summary>Returns options with every rule off: the identity normalizer of section 2.</summary>
    public static ArabicNormalizerOptions Identity() => new()
    {
        FoldCompatibilityForms = false,
        ComposeHamza = false,
        Letters = LetterTarget.Keep,
        ContextualFarsiYeh = false,
        Digits = DigitTarget.Keep,
        Quotes = QuoteTarget.Keep,
        RemoveTatweel = false,
        RemoveFormatControls = false,
        Zwnj = ZwnjHandling.Keep,
        NormalizeSpaces = false,
        CollapseSpaces = false,
        RemoveDiacritics = false,
        FoldAlef = false,
        FoldAlefMaksura = false,
        FoldTehMarbuta = false,
        AsciiPunctuation = false,
    };

    /// <summary>Returns the Default preset's options, typed in from the table of section 2.</summary>
    public static ArabicNormalizerOptions DefaultPreset()
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
    public static ArabicNormalizerOptions SearchPreset()
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
    public static ArabicNormalizerOptions PersianPreset()
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
    public static ArabicNormalizerOptions Parse(string spec)
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

    /// <summary>Throws when <see cref="string.Normalize(NormalizationForm)"/> does not do NFKC (invariant globalization).</summary>
    public static void EnsureNfkcWorks()
    {
        // U+FEFB ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM -> LAM, ALEF
        if ("\uFEFB".Normalize(NormalizationForm.FormKC) != "\u0644\u0627")
        {
            throw new InvalidOperationException(
                "string.Normalize(FormKC) does not fold U+FEFB: the tests need ICU (InvariantGlobalization must be off).");
        }
    }

    /// <summary>Computes the normalized form of <paramref name="text"/> under <paramref name="o"/>, from the spec.</summary>
    public static string Normalize(string text, ArabicNormalizerOptions o)
    {
        // Reused per thread: the exhaustive tests call this a few million times.
        StringBuilder folded = s_folded ??= new StringBuilder();
        List<(char Before, char After, bool ContextualYeh, int Marks)> output = s_output ??= [];
        StringBuilder result = s_result ??= new StringBuilder();
        folded.Clear();
        output.Clear();
        result.Clear();

        text = JoinLoneHalves(text, o);

        // 3.1: fold compatibility forms, code point by code point.
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                string pair = text.Substring(i, 2);
                i++;
                folded.Append(o.FoldCompatibilityForms && InCompatibilityBlocks(char.ConvertToUtf32(pair[0], pair[1])) ? Nfkc(pair) : pair);
                continue;
            }

            folded.Append(o.FoldCompatibilityForms && InCompatibilityBlocks(c) && !char.IsSurrogate(c) ? Nfkc(c.ToString()) : c);
        }

        // 3.2..3.7 per character, building the output as (character before the rules, character after them) pairs,
        // so that a hamza mark can compose with the letter before it either as written or as mapped. A starter's Marks
        // counts the non-starters UAX #15 sees in it: its decomposition's trailing Arabic marks, plus the hamza marks
        // composed into it.
        for (int i = 0; i < folded.Length; i++)
        {
            char x = folded[i];
            if (o.ComposeHamza && CanonicalClasses.IsArabicMark(x))
            {
                AddMark(output, x, o);
                continue;
            }

            if (Rules(x, o) is not char y)
            {
                continue; // deleted
            }

            bool contextual = x == FarsiYeh && o.Letters == LetterTarget.Arabic && o.ContextualFarsiYeh;
            output.Add((x, y, contextual, o.ComposeHamza ? CanonicalClasses.TrailingArabicMarks(x) : 0));
        }

        // 3.3 ContextualFarsiYeh: decided by the next output character; its ALEF MAKSURA still meets FoldAlefMaksura.
        for (int i = 0; i < output.Count; i++)
        {
            (char _, char after, bool contextual, int _) = output[i];
            if (contextual && (i + 1 == output.Count || !IsArabicWordCharacter(output[i + 1].After)))
            {
                after = o.FoldAlefMaksura ? Yeh : AlefMaksura;
            }

            // 3.6 CollapseSpaces acts last: a run of U+0020 becomes one.
            if (o.CollapseSpaces && after == ' ' && result.Length > 0 && result[^1] == ' ')
            {
                continue;
            }

            result.Append(after);
        }

        return result.ToString();
    }

    /// <summary>3.2: adds an Arabic mark to the combining sequence at the end of the output, as NFC would.</summary>
    /// <remarks>The sequence is the last starter and the marks after it (deleted characters are no part of it). A
    /// hamza mark composes with the starter unless a mark of its class stands in the sequence; a mark that would be the
    /// 31st non-starter goes after a U+034F COMBINING GRAPHEME JOINER (UAX #15, Stream-Safe Text Format); any other
    /// mark goes after the sequence's marks of its class or lower (a stable sort).</remarks>
    private static void AddMark(List<(char Before, char After, bool ContextualYeh, int Marks)> output, char x, ArabicNormalizerOptions o)
    {
        int start = output.Count;
        while (start > 0 && CanonicalClasses.IsArabicMark(output[start - 1].Before))
        {
            start--;
        }

        int baseIndex = start - 1; // -1: the sequence has no starter
        int ccc = CanonicalClasses.Of(x);
        int count = (baseIndex >= 0 ? output[baseIndex].Marks : 0) + (output.Count - start);
        bool isHamza = x is >= '\u0653' and <= '\u0655';
        bool deletedAlone = isHamza ? o.RemoveDiacritics : Rules(x, o) is null;
        if (deletedAlone && !isHamza)
        {
            return;
        }

        if (isHamza && baseIndex >= 0 && count < 30)
        {
            bool blocked = false;
            for (int k = start; k < output.Count; k++)
            {
                blocked |= CanonicalClasses.Of(output[k].Before) == ccc;
            }

            (char before, char after, bool _, int marks) = output[baseIndex];
            if (!blocked && x == '\u0655' && before is '\u0622' or '\u0623')
            {
                // NFD gives ALEF, then MADDA or HAMZA ABOVE (230); HAMZA BELOW (220) sorts before it and composes with
                // the ALEF; the other mark then stands, first of its class, or is deleted as an uncomposed diacritic.
                char above = before == '\u0622' ? '\u0653' : '\u0654';
                char below = Rules('\u0625', o) ?? '\u0625';
                if (Compose(below, above) is char again and not '\0')
                {
                    // FoldAlef made it ALEF: the released mark composes with the folded letter, as marks after one do.
                    output[baseIndex] = (again, Rules(again, o) ?? again, false, marks + 1);
                    return;
                }

                output[baseIndex] = ('\u0625', below, false, marks);
                if (!o.RemoveDiacritics)
                {
                    int first = start;
                    while (first < output.Count && CanonicalClasses.Of(output[first].Before) < 230)
                    {
                        first++;
                    }

                    output.Insert(first, (above, above, false, 0));
                }

                return;
            }

            char composed = blocked ? '\0' : Compose(before, x);
            if (composed == '\0' && !blocked)
            {
                composed = Compose(after, x);
            }

            if (composed != '\0')
            {
                // A composed letter is never deleted by the later rules.
                output[baseIndex] = (composed, Rules(composed, o) ?? composed, false, marks + 1);
                return;
            }
        }

        if (deletedAlone)
        {
            return; // an uncomposed hamza mark: a diacritic like the others of 3.7
        }

        if (count >= 30)
        {
            output.Add(('\u034F', '\u034F', false, 0)); // COMBINING GRAPHEME JOINER: a starter that ends the sequence
            output.Add((x, x, false, 0));
            return;
        }

        int at = output.Count;
        while (at > start && CanonicalClasses.Of(output[at - 1].Before) > ccc)
        {
            at--;
        }

        output.Insert(at, (x, x, false, 0));
    }

    /// <summary>Drops the characters that stand between a lone high half and a lone low half when every one of them is
    /// deleted on its own and the joined pair is a code point 3.1 folds: the output is the same, and the pair then
    /// folds as written.</summary>
    private static string JoinLoneHalves(string text, ArabicNormalizerOptions o)
    {
        if (!o.FoldCompatibilityForms)
        {
            return text;
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsHighSurrogate(text[i]) || (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
            {
                continue;
            }

            int j = i + 1;
            while (j < text.Length && !char.IsSurrogate(text[j]) && IsDeletedAlone(text[j], o))
            {
                j++;
            }

            if (j > i + 1 && j < text.Length && char.IsLowSurrogate(text[j]))
            {
                string pair = string.Concat(text[i], text[j]);
                if (InCompatibilityBlocks(char.ConvertToUtf32(pair[0], pair[1])) && Nfkc(pair) != pair)
                {
                    text = string.Concat(text.AsSpan(0, i + 1), text.AsSpan(j));
                }
            }
        }

        return text;
    }

    /// <summary>Tells whether a character leaves no output when it follows a character no hamza mark composes with.</summary>
    private static bool IsDeletedAlone(char c, ArabicNormalizerOptions o)
    {
        string folded = o.FoldCompatibilityForms && InCompatibilityBlocks(c) ? Nfkc(c.ToString()) : c.ToString();
        foreach (char x in folded)
        {
            bool deleted = o.ComposeHamza && x is >= '\u0653' and <= '\u0655' ? o.RemoveDiacritics : Rules(x, o) is null;
            if (!deleted)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tells whether a code point lies in one of the three blocks of 3.1.</summary>
    public static bool InCompatibilityBlocks(int cp) =>
        cp is (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF) or (>= 0x1EE00 and <= 0x1EEFF);

    /// <summary>3.3: Arabic letter, mark or tatweel (Lo, Lm, Mn in the three Arabic blocks the spec names).</summary>
    public static bool IsArabicWordCharacter(char c)
    {
        bool inRange = c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF');
        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return inRange && category is UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark;
    }

    private static string Nfkc(string s)
    {
        string n = s.Normalize(NormalizationForm.FormKC);
        return n;
    }

    // 3.2, typed from the spec's list of NFC's eight Arabic pairs.
    private static char Compose(char b, char mark) => (b, mark) switch
    {
        ('\u0627', '\u0653') => '\u0622', // ALEF + MADDA ABOVE
        ('\u0627', '\u0654') => '\u0623', // ALEF + HAMZA ABOVE
        ('\u0627', '\u0655') => '\u0625', // ALEF + HAMZA BELOW
        ('\u0648', '\u0654') => '\u0624', // WAW + HAMZA ABOVE
        ('\u064A', '\u0654') => '\u0626', // YEH + HAMZA ABOVE
        ('\u06D5', '\u0654') => '\u06C0', // AE + HAMZA ABOVE
        ('\u06C1', '\u0654') => '\u06C2', // HEH GOAL + HAMZA ABOVE
        ('\u06D2', '\u0654') => '\u06D3', // YEH BARREE + HAMZA ABOVE
        _ => '\0',
    };

    /// <summary>Applies 3.3..3.7 (without context) to one character; returns <see langword="null"/> for a deletion.</summary>
    private static char? Rules(char c, ArabicNormalizerOptions o)
    {
        // 3.3 Letters
        if (o.Letters == LetterTarget.Arabic)
        {
            if (c == FarsiYeh || c == '\u06D2')
            {
                c = Yeh; // FARSI YEH, YEH BARREE
            }
            else if (c == '\u06D3')
            {
                c = '\u0626'; // YEH BARREE WITH HAMZA ABOVE -> YEH WITH HAMZA ABOVE
            }
            else if (c is '\u06A9' or '\u06AA')
            {
                c = '\u0643'; // KEHEH, SWASH KAF -> KAF
            }
            else if (c is '\u06C0' or '\u06C1' or '\u06C2' or '\u06D5' or '\u06BE')
            {
                c = '\u0647'; // HEH WITH YEH ABOVE, HEH GOAL, HEH GOAL WITH HAMZA ABOVE, AE, HEH DOACHASHMEE -> HEH
            }
            else if (c == '\u06C3')
            {
                c = '\u0629'; // TEH MARBUTA GOAL -> TEH MARBUTA
            }
        }
        else if (o.Letters == LetterTarget.Persian)
        {
            if (c is Yeh or AlefMaksura or '\u06D2')
            {
                c = FarsiYeh; // YEH, ALEF MAKSURA, YEH BARREE
            }
            else if (c == '\u06D3')
            {
                c = '\u0626';
            }
            else if (c is '\u0643' or '\u06AA')
            {
                c = '\u06A9'; // KAF, SWASH KAF -> KEHEH
            }
            else if (c is '\u06C1' or '\u06C2' or '\u06D5' or '\u06BE')
            {
                c = '\u0647';
            }
            else if (c == '\u06C3')
            {
                c = '\u0629';
            }
        }

        // 3.4 Digits
        if (o.Digits == DigitTarget.Ascii)
        {
            if (c is >= '\u0660' and <= '\u0669')
            {
                c = (char)('0' + c - 0x0660);
            }
            else if (c is >= '\u06F0' and <= '\u06F9')
            {
                c = (char)('0' + c - 0x06F0);
            }
            else if (c == '\u066A')
            {
                c = '%';
            }
            else if (c == '\u066B')
            {
                c = '.';
            }
            else if (c == '\u066C')
            {
                c = ',';
            }
        }
        else if (o.Digits == DigitTarget.ArabicIndic && c is >= '\u06F0' and <= '\u06F9')
        {
            c = (char)(0x0660 + c - 0x06F0);
        }
        else if (o.Digits == DigitTarget.Persian && c is >= '\u0660' and <= '\u0669')
        {
            c = (char)(0x06F0 + c - 0x0660);
        }

        // 3.5 Quotes
        if (o.Quotes == QuoteTarget.Ascii)
        {
            if (c is '\u00AB' or '\u00BB' or '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u301D' or '\u301E' or '\u301F' or '\uFF02')
            {
                c = '"';
            }
            else if (c is '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2039' or '\u203A' or '\uFF07')
            {
                c = '\'';
            }
        }

        // 3.6 Deletions and spaces
        if (o.RemoveTatweel && c == '\u0640')
        {
            return null;
        }

        if (o.RemoveFormatControls
            && c is '\u00AD' or '\u061C' or '\u200B' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E')
                or '\u2060' or (>= '\u2066' and <= '\u2069') or '\uFEFF')
        {
            return null;
        }

        if (c == '\u200C' && o.Zwnj != ZwnjHandling.Keep)
        {
            if (o.Zwnj == ZwnjHandling.Remove)
            {
                return null;
            }

            c = ' ';
        }

        if (o.NormalizeSpaces && c is '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000')
        {
            c = ' ';
        }

        // 3.7 Search folds (U+0653..U+0655 reach here only when ComposeHamza is off, and then never compose).
        if (o.RemoveDiacritics
            && c is (>= '\u0610' and <= '\u061A') or (>= '\u064B' and <= '\u065F') or '\u0670' or (>= '\u06D6' and <= '\u06DC')
                or (>= '\u06DF' and <= '\u06E4') or '\u06E7' or '\u06E8' or (>= '\u06EA' and <= '\u06ED'))
        {
            return null;
        }

        if (o.FoldAlef && c is '\u0622' or '\u0623' or '\u0625' or '\u0671')
        {
            c = '\u0627';
        }

        if (o.FoldAlefMaksura && c == AlefMaksura)
        {
            c = Yeh;
        }

        if (o.FoldTehMarbuta && c == '\u0629')
        {
            c = '\u0647';
        }

        if (o.AsciiPunctuation)
        {
            c = c switch
            {
                '\u060C' => ',', // ARABIC COMMA
                '\u061B' => ';', // ARABIC SEMICOLON
                '\u061F' => '?', // ARABIC QUESTION MARK
                '\u06D4' => '.', // ARABIC FULL STOP
                _ => c,
            };
        }

        return c;
    }
}
