namespace ArabicNorm;

/// <summary>
/// Names the rule a <see cref="NormalizationReport"/> counts a changed character under, in the order the
/// normalization contract applies the rules.
/// </summary>
/// <remarks>Each changed source character is counted once, under the first rule that changed it.</remarks>
public enum NormalizationCategory
{
    /// <summary>A presentation form or Arabic mathematical symbol replaced by its compatibility mapping
    /// (<see cref="ArabicNormalizerOptions.FoldCompatibilityForms"/>).</summary>
    CompatibilityForms = 0,

    /// <summary>A hamza mark composed with the letter before it, or a letter it composed with, or a mark that canonical
    /// ordering moved or that a Stream-Safe U+034F joiner follows (<see cref="ArabicNormalizerOptions.ComposeHamza"/>).</summary>
    Compositions = 1,

    /// <summary>A letter variant mapped to the target spelling: FARSI YEH, KEHEH, HEH GOAL and the like for the Arabic
    /// target, YEH, ALEF MAKSURA and KAF for the Persian one (<see cref="ArabicNormalizerOptions.Letters"/>).</summary>
    Letters = 2,

    /// <summary>An Arabic-Indic or Persian digit mapped (<see cref="ArabicNormalizerOptions.Digits"/>).</summary>
    Digits = 3,

    /// <summary>An ARABIC PERCENT SIGN, DECIMAL SEPARATOR or THOUSANDS SEPARATOR mapped to ASCII
    /// (<see cref="ArabicNormalizerOptions.Digits"/> set to <see cref="DigitTarget.Ascii"/>).</summary>
    Separators = 4,

    /// <summary>A quotation mark mapped to ASCII (<see cref="ArabicNormalizerOptions.Quotes"/>).</summary>
    Quotes = 5,

    /// <summary>A TATWEEL deleted (<see cref="ArabicNormalizerOptions.RemoveTatweel"/>).</summary>
    Tatweel = 6,

    /// <summary>An invisible format control deleted (<see cref="ArabicNormalizerOptions.RemoveFormatControls"/>).</summary>
    FormatControls = 7,

    /// <summary>A ZERO WIDTH NON-JOINER deleted or made a space (<see cref="ArabicNormalizerOptions.Zwnj"/>).</summary>
    Zwnj = 8,

    /// <summary>A Unicode space made U+0020, or a space collapsed into the one before it
    /// (<see cref="ArabicNormalizerOptions.NormalizeSpaces"/>, <see cref="ArabicNormalizerOptions.CollapseSpaces"/>).</summary>
    Spaces = 9,

    /// <summary>A diacritic deleted (<see cref="ArabicNormalizerOptions.RemoveDiacritics"/>).</summary>
    Diacritics = 10,

    /// <summary>An ALEF with MADDA or HAMZA, or ALEF WASLA, folded to ALEF (<see cref="ArabicNormalizerOptions.FoldAlef"/>).</summary>
    Alef = 11,

    /// <summary>An ALEF MAKSURA folded to YEH (<see cref="ArabicNormalizerOptions.FoldAlefMaksura"/>).</summary>
    AlefMaksura = 12,

    /// <summary>A TEH MARBUTA folded to HEH (<see cref="ArabicNormalizerOptions.FoldTehMarbuta"/>).</summary>
    TehMarbuta = 13,

    /// <summary>Arabic punctuation mapped to ASCII (<see cref="ArabicNormalizerOptions.AsciiPunctuation"/>).</summary>
    Punctuation = 14,
}
