namespace ArabicNorm.Tests;

/// <summary>
/// One case for every row of the spec's tables (sections 3.1..3.7), typed from the spec text. The first argument
/// names the options (see <see cref="SpecModel.Parse"/>): an option name alone means that option on and every
/// other rule off, so each row shows its own rule at work.
/// </summary>
public class SpecTableTests
{
    [Theory]
    [InlineData("FoldCompatibilityForms", "\uFEFB", "\u0644\u0627")] // LIGATURE LAM WITH ALEF ISOLATED FORM -> LAM, ALEF
    [InlineData("FoldCompatibilityForms", "\uFDF2", "\u0627\u0644\u0644\u0647")] // LIGATURE ALLAH ISOLATED FORM -> ALEF, LAM, LAM, HEH
    [InlineData("FoldCompatibilityForms", "\uFDFA", // LIGATURE SALLALLAHOU ALAYHE WASALLAM -> 18 chars
        "\u0635\u0644\u0649 \u0627\u0644\u0644\u0647 \u0639\u0644\u064A\u0647 \u0648\u0633\u0644\u0645")]
    [InlineData("FoldCompatibilityForms", "\uFDFC", "\u0631\u06CC\u0627\u0644")] // RIAL SIGN -> REH, FARSI YEH, ALEF, LAM
    [InlineData("Default", "\uFDFC", "\u0631\u064A\u0627\u0644")] // RIAL SIGN: its FARSI YEH then meets Letters=Arabic -> YEH
    [InlineData("Persian", "\uFDFC", "\u0631\u06CC\u0627\u0644")] // RIAL SIGN under Persian keeps FARSI YEH
    [InlineData("FoldCompatibilityForms", "\uFE8D", "\u0627")] // ALEF ISOLATED FORM -> ALEF
    [InlineData("FoldCompatibilityForms", "\uFEF5", "\u0644\u0622")] // LAM WITH ALEF WITH MADDA ABOVE ISOLATED -> LAM, ALEF WITH MADDA ABOVE
    [InlineData("FoldCompatibilityForms", "\uFB56", "\u067E")] // PEH ISOLATED FORM -> PEH
    [InlineData("FoldCompatibilityForms", "\uFE70", " \u064B")] // FATHATAN ISOLATED FORM -> SPACE, FATHATAN
    [InlineData("Search", "\uFE70", " ")] // FATHATAN ISOLATED FORM: the FATHATAN then meets RemoveDiacritics
    [InlineData("Default", "\uFBFC", "\u064A")] // FARSI YEH ISOLATED FORM -> FARSI YEH -> YEH
    [InlineData("Default", "\uFB8E", "\u0643")] // KEHEH ISOLATED FORM -> KEHEH -> KAF
    [InlineData("Default", "\uFE8D\u0654", "\u0623")] // ALEF ISOLATED FORM + HAMZA ABOVE: the folded ALEF composes
    [InlineData("Search", "\uFDFA", // every other rule applies to the 18 chars: ALEF MAKSURA -> YEH
        "\u0635\u0644\u064A \u0627\u0644\u0644\u0647 \u0639\u0644\u064A\u0647 \u0648\u0633\u0644\u0645")]
    [InlineData("Persian", "\uFDFA", // YEH and ALEF MAKSURA -> FARSI YEH
        "\u0635\u0644\u06CC \u0627\u0644\u0644\u0647 \u0639\u0644\u06CC\u0647 \u0648\u0633\u0644\u0645")]
    [InlineData("FoldCompatibilityForms", "\uFD3E\uFD3F", "\uFD3E\uFD3F")] // ORNATE LEFT/RIGHT PARENTHESIS: no decomposition
    [InlineData("FoldCompatibilityForms", "\uFDFD", "\uFDFD")] // LIGATURE BISMILLAH AR-RAHMAN AR-RAHEEM: no decomposition
    [InlineData("FoldCompatibilityForms", "\uFEFF", "\uFEFF")] // ZERO WIDTH NO-BREAK SPACE: no decomposition ...
    [InlineData("Default", "\uFEFF", "")] // ... left to RemoveFormatControls
    [InlineData("FoldCompatibilityForms", "\uD83B\uDE00", "\u0627")] // U+1EE00 ARABIC MATHEMATICAL ALEF -> ALEF
    [InlineData("FoldCompatibilityForms", "\uD83B\uDE0A", "\u0643")] // U+1EE0A ARABIC MATHEMATICAL KAF -> KAF
    [InlineData("Default", "\uD83B\uDE21\uD83B\uDE00", "\u0628\u0627")] // U+1EE21 MATHEMATICAL INITIAL BEH, U+1EE00 ALEF
    [InlineData("FoldCompatibilityForms", "\uD83B\uDEF0", "\uD83B\uDEF0")] // U+1EEF0 MATHEMATICAL OPERATOR MEEM WITH HAH WITH TATWEEL: none
    [InlineData("Identity", "\uFEFB\uFDFA\uD83B\uDE00", "\uFEFB\uFDFA\uD83B\uDE00")] // option off: kept
    public void Normalize_CompatibilityFormsRow_GivesSpecResult(string options, string input, string expected) =>
        AssertRow(options, input, expected);

    [Theory]
    [InlineData("ComposeHamza", "\u0627\u0653", "\u0622")] // ALEF + MADDA ABOVE -> ALEF WITH MADDA ABOVE
    [InlineData("ComposeHamza", "\u0627\u0654", "\u0623")] // ALEF + HAMZA ABOVE -> ALEF WITH HAMZA ABOVE
    [InlineData("ComposeHamza", "\u0627\u0655", "\u0625")] // ALEF + HAMZA BELOW -> ALEF WITH HAMZA BELOW
    [InlineData("ComposeHamza", "\u0648\u0654", "\u0624")] // WAW + HAMZA ABOVE -> WAW WITH HAMZA ABOVE
    [InlineData("ComposeHamza", "\u064A\u0654", "\u0626")] // YEH + HAMZA ABOVE -> YEH WITH HAMZA ABOVE
    [InlineData("ComposeHamza", "\u06D5\u0654", "\u06C0")] // AE + HAMZA ABOVE -> HEH WITH YEH ABOVE
    [InlineData("ComposeHamza", "\u06C1\u0654", "\u06C2")] // HEH GOAL + HAMZA ABOVE -> HEH GOAL WITH HAMZA ABOVE
    [InlineData("ComposeHamza", "\u06D2\u0654", "\u06D3")] // YEH BARREE + HAMZA ABOVE -> YEH BARREE WITH HAMZA ABOVE
    [InlineData("ComposeHamza", "\u0628\u0627\u0654\u0644", "\u0628\u0623\u0644")] // inside a word
    [InlineData("ComposeHamza", "\u0627\u0654\u0654", "\u0623\u0654")] // the second mark has no base left: kept
    [InlineData("ComposeHamza", "\u0628\u0654", "\u0628\u0654")] // BEH is not a base: kept
    [InlineData("ComposeHamza", "\u0648\u0653", "\u0648\u0653")] // WAW + MADDA is not one of the eight pairs
    [InlineData("ComposeHamza", "\u0627\u0640\u0654", "\u0627\u0640\u0654")] // TATWEEL kept (RemoveTatweel off): not adjacent
    [InlineData("ComposeHamza;RemoveTatweel", "\u0627\u0640\u0654", "\u0623")] // adjacent after the TATWEEL is deleted
    [InlineData("Default", "\u0627\u0640\u0654", "\u0623")] // ALEF, TATWEEL, HAMZA ABOVE -> ALEF WITH HAMZA ABOVE
    [InlineData("Default", "\u0627\u200F\u0654", "\u0623")] // ALEF, RIGHT-TO-LEFT MARK, HAMZA ABOVE: control deleted first
    [InlineData("Default", "\u0627\u064E\u0654", "\u0623\u064E")] // ALEF, FATHA, HAMZA ABOVE (NFD of ALEF WITH HAMZA ABOVE, FATHA): FATHA (class 30) does not block HAMZA ABOVE (230)
    [InlineData("Default", "\u0627\u0654\u064E", "\u0623\u064E")] // the same word typed in the other order
    [InlineData("ComposeHamza", "\u0628\u0651\u064E", "\u0628\u064E\u0651")] // SHADDA (33) typed before FATHA (30): canonical order
    [InlineData("ComposeHamza", "\u0628\u0670\u0651\u064E\u0652", "\u0628\u064E\u0651\u0652\u0670")] // SUPERSCRIPT ALEF (35), SHADDA, FATHA, SUKUN (34)
    [InlineData("ComposeHamza", "\u0627\u0657\u0654", "\u0627\u0657\u0654")] // INVERTED DAMMA (230) blocks HAMZA ABOVE (230): kept, as NFC
    [InlineData("ComposeHamza", "\u0627\u0656\u0655", "\u0627\u0656\u0655")] // SUBSCRIPT ALEF (220) blocks HAMZA BELOW (220)
    [InlineData("ComposeHamza", "\u0627\u0656\u0654", "\u0623\u0656")] // SUBSCRIPT ALEF (220) does not block HAMZA ABOVE (230)
    [InlineData("ComposeHamza", "\u0627\u0654\u0655", "\u0625\u0654")] // HAMZA BELOW (220) sorts first and composes; HAMZA ABOVE then has no pair
    [InlineData("ComposeHamza", "\u0648\u0653\u0654", "\u0648\u0653\u0654")] // MADDA ABOVE does not compose with WAW and blocks HAMZA ABOVE
    [InlineData("Search", "\u0648\u0653\u0654", "\u0624")] // ... under Search it is deleted, so it does not block
    [InlineData("ComposeHamza;RemoveDiacritics", "\u0627\u0657\u0654", "\u0623")] // a deleted mark does not block
    [InlineData("ComposeHamza", "\u0627\u0300\u0654", "\u0627\u0300\u0654")] // COMBINING GRAVE ACCENT is no Arabic mark: a starter here, so no composition
    [InlineData("ComposeHamza", "\u0628\u0651\u0300\u064E", "\u0628\u0651\u0300\u064E")] // ... and no mark sorts across it
    [InlineData("Default", "\u06CC\u064E\u0654", "\u0626\u064E")] // FARSI YEH -> YEH composes across FATHA
    [InlineData("Default;ContextualFarsiYeh", "\u06CC\u064E\u0654", "\u0626\u064E")] // the FATHA is its next output character: YEH, then composed
    [InlineData("ComposeHamza;RemoveDiacritics", "\u0627\u064E\u0654", "\u0623")] // adjacent once the FATHA is deleted
    [InlineData("Default", "\u06CC\u0654", "\u0626")] // FARSI YEH -> YEH, then + HAMZA ABOVE -> YEH WITH HAMZA ABOVE
    [InlineData("Default", "\u06D5\u0654", "\u0647")] // AE + HAMZA ABOVE -> HEH WITH YEH ABOVE -> (Letters=Arabic) HEH
    [InlineData("Persian", "\u064A\u0654", "\u0626")] // YEH + HAMZA ABOVE composes although YEH maps to FARSI YEH
    [InlineData("Default", "\u0654", "\u0654")] // uncomposed HAMZA ABOVE is kept under Default ...
    [InlineData("Search", "\u0654", "")] // ... and deleted under Search (a diacritic that did not compose)
    [InlineData("Search", "\u0627\u0654", "\u0627")] // composes to ALEF WITH HAMZA ABOVE, which FoldAlef folds
    [InlineData("Identity", "\u0627\u0654", "\u0627\u0654")] // option off: kept
    public void Normalize_ComposeHamzaRow_GivesSpecResult(string options, string input, string expected) =>
        AssertRow(options, input, expected);

    [Theory]
    [InlineData("Letters=Arabic", "\u06CC", "\u064A")] // FARSI YEH -> YEH
    [InlineData("Letters=Arabic", "\u06D2", "\u064A")] // YEH BARREE -> YEH
    [InlineData("Letters=Arabic", "\u06D3", "\u0626")] // YEH BARREE WITH HAMZA ABOVE -> YEH WITH HAMZA ABOVE
    [InlineData("Letters=Arabic", "\u06A9", "\u0643")] // KEHEH -> KAF
    [InlineData("Letters=Arabic", "\u06AA", "\u0643")] // SWASH KAF -> KAF
    [InlineData("Letters=Arabic", "\u06C0", "\u0647")] // HEH WITH YEH ABOVE -> HEH
    [InlineData("Letters=Arabic", "\u06C1", "\u0647")] // HEH GOAL -> HEH
    [InlineData("Letters=Arabic", "\u06C2", "\u0647")] // HEH GOAL WITH HAMZA ABOVE -> HEH
    [InlineData("Letters=Arabic", "\u06D5", "\u0647")] // AE -> HEH
    [InlineData("Letters=Arabic", "\u06BE", "\u0647")] // HEH DOACHASHMEE -> HEH
    [InlineData("Letters=Arabic", "\u06C3", "\u0629")] // TEH MARBUTA GOAL -> TEH MARBUTA
    [InlineData("Letters=Arabic", "\u0628\u06CC", "\u0628\u064A")] // without ContextualFarsiYeh a final FARSI YEH is YEH too
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u0641\u06CC", "\u0641\u0649")] // text ends: ALEF MAKSURA
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u0641\u06CC \u0628", "\u0641\u0649 \u0628")] // before a space
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u0641\u06CC.", "\u0641\u0649.")] // before punctuation
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u0641\u06CC\u060C", "\u0641\u0649\u060C")] // before ARABIC COMMA (Po)
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u0628\u06CC\u0646", "\u0628\u064A\u0646")] // before a letter (NOON): YEH
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u0628\u06CC\u0650", "\u0628\u064A\u0650")] // before a mark (KASRA, Mn): YEH
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u0628\u06CC\u0640", "\u0628\u064A\u0640")] // before a kept TATWEEL (Lm): YEH
    [InlineData("Letters=Arabic;ContextualFarsiYeh;RemoveTatweel", "\u0641\u06CC\u0640 \u0628", "\u0641\u0649 \u0628")] // deleted TATWEEL, then space
    [InlineData("Letters=Arabic;ContextualFarsiYeh;RemoveTatweel", "\u0628\u06CC\u0640\u0646", "\u0628\u064A\u0646")] // deleted TATWEEL, then NOON
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u0641\u06CC\u06F1", "\u0641\u0649\u06F1")] // before a digit (Nd): word ends
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u0641\u06CC\u06A9", "\u0641\u064A\u0643")] // before KEHEH, itself mapped to KAF
    [InlineData("Letters=Arabic;ContextualFarsiYeh;FoldAlefMaksura", "\u0641\u06CC", "\u0641\u064A")] // the ALEF MAKSURA is folded back
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u0641\u06CC\u06CC", "\u0641\u064A\u0649")] // two: the second ends the word
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u06CC\u0654", "\u064A\u0654")] // before HAMZA ABOVE (Mn), not composed: YEH
    [InlineData("Letters=Arabic;ContextualFarsiYeh;ComposeHamza", "\u06CC\u0654", "\u0626")] // composed: YEH WITH HAMZA ABOVE
    [InlineData("Letters=Arabic;ContextualFarsiYeh;ComposeHamza", "\u0641\u06CC\u0653", "\u0641\u064A\u0653")] // kept MADDA ABOVE (Mn): YEH
    [InlineData("Letters=Arabic;ContextualFarsiYeh;ComposeHamza;RemoveDiacritics", "\u0641\u06CC\u0653 \u0628", "\u0641\u0649 \u0628")] // MADDA deleted, then space
    [InlineData("Letters=Arabic;ContextualFarsiYeh;ComposeHamza;RemoveDiacritics", "\u0641\u06CC\u0655", "\u0641\u0649")] // HAMZA BELOW deleted, text ends
    [InlineData("Letters=Arabic;ContextualFarsiYeh;ComposeHamza;RemoveDiacritics", "\u0641\u06CC\u0654", "\u0641\u0626")] // HAMZA ABOVE composes
    [InlineData("Letters=Arabic;ContextualFarsiYeh;RemoveDiacritics", "\u0641\u06CC\u064E", "\u0641\u0649")] // FATHA deleted, text ends
    [InlineData("Letters=Persian", "\u064A", "\u06CC")] // YEH -> FARSI YEH
    [InlineData("Letters=Persian", "\u0649", "\u06CC")] // ALEF MAKSURA -> FARSI YEH
    [InlineData("Letters=Persian", "\u06D2", "\u06CC")] // YEH BARREE -> FARSI YEH
    [InlineData("Letters=Persian", "\u06D3", "\u0626")] // YEH BARREE WITH HAMZA ABOVE -> YEH WITH HAMZA ABOVE
    [InlineData("Letters=Persian", "\u0643", "\u06A9")] // KAF -> KEHEH
    [InlineData("Letters=Persian", "\u06AA", "\u06A9")] // SWASH KAF -> KEHEH
    [InlineData("Letters=Persian", "\u06C1", "\u0647")] // HEH GOAL -> HEH
    [InlineData("Letters=Persian", "\u06C2", "\u0647")] // HEH GOAL WITH HAMZA ABOVE -> HEH
    [InlineData("Letters=Persian", "\u06D5", "\u0647")] // AE -> HEH
    [InlineData("Letters=Persian", "\u06BE", "\u0647")] // HEH DOACHASHMEE -> HEH
    [InlineData("Letters=Persian", "\u06C3", "\u0629")] // TEH MARBUTA GOAL -> TEH MARBUTA
    [InlineData("Letters=Persian", "\u06C0", "\u06C0")] // HEH WITH YEH ABOVE is a Persian letter: kept
    [InlineData("Letters=Persian;ContextualFarsiYeh", "\u0641\u06CC", "\u0641\u06CC")] // contextual rule is n/a under Persian
    [InlineData("ContextualFarsiYeh", "\u0641\u06CC", "\u0641\u06CC")] // alone (Letters=Keep) it changes nothing
    [InlineData("Letters=Arabic;ContextualFarsiYeh;FoldCompatibilityForms", "\uFDFC", "\u0631\u064A\u0627\u0644")] // RIAL SIGN: YEH before ALEF
    [InlineData("Letters=Arabic;ContextualFarsiYeh;FoldCompatibilityForms", "\u0641\uFBFC", "\u0641\u0649")] // FARSI YEH ISOLATED FORM, final
    [InlineData("Letters=Arabic;ContextualFarsiYeh;Zwnj=Space", "\u0641\u06CC\u200C\u0628", "\u0641\u0649 \u0628")] // ZWNJ as SPACE ends the word
    [InlineData("Letters=Arabic;ContextualFarsiYeh;Zwnj=Remove", "\u0641\u06CC\u200C\u0628", "\u0641\u064A\u0628")] // ZWNJ deleted: NOON follows
    [InlineData("Letters=Arabic;ContextualFarsiYeh", "\u0641\u06CC\u200C\u0628", "\u0641\u0649\u200C\u0628")] // kept ZWNJ (Cf) ends the word
    [InlineData("Default", "\u067E\u0686\u0698\u06AF\u06A4", "\u067E\u0686\u0698\u06AF\u06A4")] // PEH, TCHEH, JEH, GAF, VEH: kept
    [InlineData("Search", "\u067E\u0686\u0698\u06AF\u06A4", "\u067E\u0686\u0698\u06AF\u06A4")]
    [InlineData("Persian", "\u067E\u0686\u0698\u06AF\u06A4", "\u067E\u0686\u0698\u06AF\u06A4")]
    [InlineData("Identity", "\u06CC\u06A9\u064A\u0643", "\u06CC\u06A9\u064A\u0643")] // Letters=Keep
    public void Normalize_LettersRow_GivesSpecResult(string options, string input, string expected) =>
        AssertRow(options, input, expected);

    [Theory]
    [InlineData("Digits=Ascii", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789")] // ARABIC-INDIC DIGIT ZERO..NINE
    [InlineData("Digits=Ascii", "\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9", "0123456789")] // EXTENDED ARABIC-INDIC DIGIT ZERO..NINE
    [InlineData("Digits=Ascii", "\u066A", "%")] // ARABIC PERCENT SIGN
    [InlineData("Digits=Ascii", "\u066B", ".")] // ARABIC DECIMAL SEPARATOR
    [InlineData("Digits=Ascii", "\u066C", ",")] // ARABIC THOUSANDS SEPARATOR
    [InlineData("Digits=ArabicIndic", "\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9",
        "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")] // Persian -> Arabic-Indic
    [InlineData("Digits=ArabicIndic", "\u0660\u0669\u066A", "\u0660\u0669\u066A")] // Arabic-Indic digits and signs: kept
    [InlineData("Digits=Persian", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
        "\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9")] // Arabic-Indic -> Persian
    [InlineData("Digits=Persian", "\u06F0\u06F9\u066A\u066B", "\u06F0\u06F9\u066A\u066B")] // Persian digits and signs: kept
    [InlineData("Digits=Ascii", "0123456789", "0123456789")] // ASCII digits are never changed
    [InlineData("Digits=ArabicIndic", "0123456789", "0123456789")]
    [InlineData("Digits=Persian", "0123456789", "0123456789")]
    [InlineData("Identity", "\u0660\u06F0\u066A", "\u0660\u06F0\u066A")] // Digits=Keep
    public void Normalize_DigitsRow_GivesSpecResult(string options, string input, string expected) =>
        AssertRow(options, input, expected);

    [Theory]
    [InlineData("Quotes=Ascii", "\u00AB", "\"")] // LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u00BB", "\"")] // RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u201C", "\"")] // LEFT DOUBLE QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u201D", "\"")] // RIGHT DOUBLE QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u201E", "\"")] // DOUBLE LOW-9 QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u201F", "\"")] // DOUBLE HIGH-REVERSED-9 QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u301D", "\"")] // REVERSED DOUBLE PRIME QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u301E", "\"")] // DOUBLE PRIME QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u301F", "\"")] // LOW DOUBLE PRIME QUOTATION MARK
    [InlineData("Quotes=Ascii", "\uFF02", "\"")] // FULLWIDTH QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u2018", "'")] // LEFT SINGLE QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u2019", "'")] // RIGHT SINGLE QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u201A", "'")] // SINGLE LOW-9 QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u201B", "'")] // SINGLE HIGH-REVERSED-9 QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u2039", "'")] // SINGLE LEFT-POINTING ANGLE QUOTATION MARK
    [InlineData("Quotes=Ascii", "\u203A", "'")] // SINGLE RIGHT-POINTING ANGLE QUOTATION MARK
    [InlineData("Quotes=Ascii", "\uFF07", "'")] // FULLWIDTH APOSTROPHE
    [InlineData("Quotes=Ascii", "\u2032\u2033", "\u2032\u2033")] // PRIME, DOUBLE PRIME: not quotes
    [InlineData("Quotes=Ascii", "\"'", "\"'")] // ASCII quotes stay
    [InlineData("Persian", "\u00AB\u0633\u00BB", "\u00AB\u0633\u00BB")] // Quotes=Keep under Persian
    public void Normalize_QuotesRow_GivesSpecResult(string options, string input, string expected) =>
        AssertRow(options, input, expected);

    [Theory]
    [InlineData("RemoveTatweel", "\u0628\u0640\u0640\u0633", "\u0628\u0633")] // TATWEEL deleted
    [InlineData("RemoveFormatControls", "a\u00ADb", "ab")] // SOFT HYPHEN
    [InlineData("RemoveFormatControls", "a\u061Cb", "ab")] // ARABIC LETTER MARK
    [InlineData("RemoveFormatControls", "a\u200Bb", "ab")] // ZERO WIDTH SPACE
    [InlineData("RemoveFormatControls", "a\u200E\u200Fb", "ab")] // LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
    [InlineData("RemoveFormatControls", "a\u202A\u202B\u202C\u202D\u202Eb", "ab")] // LRE, RLE, PDF, LRO, RLO
    [InlineData("RemoveFormatControls", "a\u2060b", "ab")] // WORD JOINER
    [InlineData("RemoveFormatControls", "a\u2066\u2067\u2068\u2069b", "ab")] // LRI, RLI, FSI, PDI
    [InlineData("RemoveFormatControls", "a\uFEFFb", "ab")] // ZERO WIDTH NO-BREAK SPACE
    [InlineData("RemoveFormatControls", "a\u200Db", "a\u200Db")] // ZERO WIDTH JOINER is kept
    [InlineData("RemoveFormatControls", "a\u200Cb", "a\u200Cb")] // ZWNJ belongs to the Zwnj option
    [InlineData("RemoveFormatControls", "a\u2061\u2062\u2063\u2064b", "a\u2061\u2062\u2063\u2064b")] // invisible operators: not listed
    [InlineData("Zwnj=Keep", "\u0645\u06CC\u200C\u0634", "\u0645\u06CC\u200C\u0634")] // ZERO WIDTH NON-JOINER kept
    [InlineData("Zwnj=Remove", "\u0645\u06CC\u200C\u0634", "\u0645\u06CC\u0634")] // ... deleted
    [InlineData("Zwnj=Space", "\u0645\u06CC\u200C\u0634", "\u0645\u06CC \u0634")] // ... becomes SPACE
    [InlineData("NormalizeSpaces", "a\u00A0b", "a b")] // NO-BREAK SPACE
    [InlineData("NormalizeSpaces", "a\u1680b", "a b")] // OGHAM SPACE MARK
    [InlineData("NormalizeSpaces", "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A", "           ")] // EN QUAD .. HAIR SPACE
    [InlineData("NormalizeSpaces", "a\u202Fb", "a b")] // NARROW NO-BREAK SPACE
    [InlineData("NormalizeSpaces", "a\u205Fb", "a b")] // MEDIUM MATHEMATICAL SPACE
    [InlineData("NormalizeSpaces", "a\u3000b", "a b")] // IDEOGRAPHIC SPACE
    [InlineData("NormalizeSpaces", "a\tb\nc\rd\u2028e\u2029f\u000Bg\u000Ch\u0085i", "a\tb\nc\rd\u2028e\u2029f\u000Bg\u000Ch\u0085i")] // line breaks, tabs: not spaces
    [InlineData("NormalizeSpaces", "a\u200Bb", "a\u200Bb")] // ZERO WIDTH SPACE is a format control, not a space
    [InlineData("CollapseSpaces", "a   b", "a b")] // a run of U+0020 becomes one
    [InlineData("CollapseSpaces", "  a  ", " a ")] // no trimming
    [InlineData("CollapseSpaces", "a \u00A0 b", "a \u00A0 b")] // NO-BREAK SPACE is no U+0020 while NormalizeSpaces is off
    [InlineData("CollapseSpaces;NormalizeSpaces", "a \u00A0\u3000 b", "a b")] // ... and collapses once it is one
    [InlineData("CollapseSpaces;RemoveFormatControls", "a \u200F b", "a b")] // the run is in the output: across a deleted control
    [InlineData("CollapseSpaces", "a \u200F b", "a \u200F b")] // a kept control splits the run
    [InlineData("CollapseSpaces;Zwnj=Space", "a \u200C b", "a b")] // ZWNJ as SPACE joins the run
    [InlineData("CollapseSpaces", "a\t\tb\n\nc", "a\t\tb\n\nc")] // only U+0020 collapses
    [InlineData("Identity", "\u0640\u200F\u200C\u00A0  ", "\u0640\u200F\u200C\u00A0  ")] // all options off: kept
    public void Normalize_DeletionsAndSpacesRow_GivesSpecResult(string options, string input, string expected) =>
        AssertRow(options, input, expected);

    [Theory]
    [InlineData("RemoveDiacritics", "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061A", "")] // U+0610..U+061A
    [InlineData("RemoveDiacritics", "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652", "")] // FATHATAN .. SUKUN
    [InlineData("RemoveDiacritics", "\u0656\u0657\u0658\u0659\u065A\u065B\u065C\u065D\u065E\u065F", "")] // SUBSCRIPT ALEF .. WAVY HAMZA BELOW
    [InlineData("RemoveDiacritics", "\u0653\u0654\u0655", "")] // MADDA, HAMZA ABOVE, HAMZA BELOW with ComposeHamza off: never compose
    [InlineData("RemoveDiacritics", "\u0670", "")] // SUPERSCRIPT ALEF
    [InlineData("RemoveDiacritics", "\u06D6\u06D7\u06D8\u06D9\u06DA\u06DB\u06DC", "")] // U+06D6..U+06DC
    [InlineData("RemoveDiacritics", "\u06DF\u06E0\u06E1\u06E2\u06E3\u06E4", "")] // U+06DF..U+06E4
    [InlineData("RemoveDiacritics", "\u06E7\u06E8", "")] // SMALL HIGH YEH, SMALL HIGH NOON
    [InlineData("RemoveDiacritics", "\u06EA\u06EB\u06EC\u06ED", "")] // U+06EA..U+06ED
    [InlineData("RemoveDiacritics", "\u06DD\u06DE\u06E5\u06E6\u06E9", "\u06DD\u06DE\u06E5\u06E6\u06E9")] // not listed: kept
    [InlineData("RemoveDiacritics", "\u0643\u064E\u062A\u064E\u0628\u064E", "\u0643\u062A\u0628")] // KAF FATHA TEH FATHA BEH FATHA
    [InlineData("RemoveDiacritics;ComposeHamza", "\u0627\u0654", "\u0623")] // composed: kept as ALEF WITH HAMZA ABOVE
    [InlineData("RemoveDiacritics;ComposeHamza", "\u0628\u0654", "\u0628")] // did not compose: deleted
    [InlineData("FoldAlef", "\u0622", "\u0627")] // ALEF WITH MADDA ABOVE -> ALEF
    [InlineData("FoldAlef", "\u0623", "\u0627")] // ALEF WITH HAMZA ABOVE -> ALEF
    [InlineData("FoldAlef", "\u0625", "\u0627")] // ALEF WITH HAMZA BELOW -> ALEF
    [InlineData("FoldAlef", "\u0671", "\u0627")] // ALEF WASLA -> ALEF
    [InlineData("FoldAlef", "\u0672\u0673\u0675", "\u0672\u0673\u0675")] // WAVY HAMZA ABOVE/BELOW, HIGH HAMZA ALEF: not listed
    [InlineData("FoldAlefMaksura", "\u0649", "\u064A")] // ALEF MAKSURA -> YEH
    [InlineData("FoldTehMarbuta", "\u0629", "\u0647")] // TEH MARBUTA -> HEH
    [InlineData("FoldTehMarbuta;Letters=Arabic", "\u06C3", "\u0647")] // TEH MARBUTA GOAL -> TEH MARBUTA -> HEH
    [InlineData("AsciiPunctuation", "\u060C", ",")] // ARABIC COMMA
    [InlineData("AsciiPunctuation", "\u061B", ";")] // ARABIC SEMICOLON
    [InlineData("AsciiPunctuation", "\u061F", "?")] // ARABIC QUESTION MARK
    [InlineData("AsciiPunctuation", "\u06D4", ".")] // ARABIC FULL STOP
    [InlineData("AsciiPunctuation", "\u066B\u066C\u060D", "\u066B\u066C\u060D")] // separators, DATE SEPARATOR: not this option
    [InlineData("Search", "\u0623\u064E\u062D\u0652\u0645\u064E\u062F\u064F", "\u0627\u062D\u0645\u062F")] // ALEF WITH HAMZA ABOVE + harakat
    [InlineData("Search", "\u0645\u062F\u0631\u0633\u0629 \u0645\u0635\u0637\u0641\u0649\u061F", "\u0645\u062F\u0631\u0633\u0647 \u0645\u0635\u0637\u0641\u064A?")]
    [InlineData("Identity", "\u064E\u0623\u0649\u0629\u060C", "\u064E\u0623\u0649\u0629\u060C")] // all off: kept
    public void Normalize_SearchFoldsRow_GivesSpecResult(string options, string input, string expected) =>
        AssertRow(options, input, expected);

    [Fact]
    public void Normalize_LoneSurrogates_PassThrough()
    {
        foreach (string preset in new[] { "Default", "Search", "Persian", "FoldCompatibilityForms" })
        {
            ArabicNormalizer normalizer = TestText.NormalizerFor(preset);
            foreach (string s in new[] { "\uD800", "\uDFFF", "a\uDC00b", "\uDBFF\uDBFF", "\uDE00\uD83B", "\uD83B \uDE00" })
            {
                Assert.Same(s, normalizer.Normalize(s));
                Assert.True(normalizer.IsNormalized(s));
            }

            // An unpaired high surrogate before a mapped character: the character still maps.
            Assert.Equal("\uD83B\u0627", normalizer.Normalize("\uD83B\uFE8D")); // ALEF ISOLATED FORM -> ALEF
        }
    }

    [Fact]
    public void Normalize_OtherScriptsAndEmoji_PassThrough()
    {
        // Latin, Cyrillic, CJK, Hebrew, Devanagari, an emoji ZWJ sequence (MAN, ZWJ, LAPTOP) and U+FFFF.
        const string text = "Abc \u0416\u0436 \u4E2D\u6587 \u05E9\u05DC\u05D5\u05DD \u0928\u092E \uD83D\uDC68\u200D\uD83D\uDCBB \uFFFF";
        foreach (string preset in new[] { "Default", "Persian" })
        {
            Assert.Same(text, TestText.NormalizerFor(preset).Normalize(text));
        }
    }

    private static void AssertRow(string options, string input, string expected)
    {
        ArabicNormalizer normalizer = TestText.NormalizerFor(options);
        string actual = normalizer.Normalize(input);
        Assert.True(
            expected == actual,
            $"{options}: {TestText.Escape(input)} -> expected {TestText.Escape(expected)}, actual {TestText.Escape(actual)}");
        Assert.Equal(expected, TestText.NormalizeSpan(normalizer, input));
        Assert.Equal(expected.Length, normalizer.GetNormalizedLength(input));
        Assert.Equal(expected == input, normalizer.IsNormalized(input));
        Assert.True(normalizer.IsNormalized(actual), $"{options}: output {TestText.Escape(actual)} is not normalized (L1)");

        // The hand-written row and the spec model agree, so the model the exhaustive tests use is checked too.
        Assert.Equal(expected, SpecModel.Normalize(input, SpecModel.Parse(options)));
    }
}
