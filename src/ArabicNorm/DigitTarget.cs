namespace ArabicNorm;

/// <summary>Specifies which digits the Arabic-Indic (U+0660..U+0669) and Persian (U+06F0..U+06F9) digits are mapped to.</summary>
/// <remarks>ASCII digits are never changed: they live in URLs, model numbers and Latin text.</remarks>
public enum DigitTarget
{
    /// <summary>Leaves every digit as it is.</summary>
    Keep = 0,

    /// <summary>Maps U+0660..U+0669 and U+06F0..U+06F9 to <c>0</c>..<c>9</c>, and the Arabic percent, decimal and thousands signs to <c>%</c>, <c>.</c> and <c>,</c>.</summary>
    Ascii = 1,

    /// <summary>Maps the Persian digits U+06F0..U+06F9 to the Arabic-Indic digits U+0660..U+0669.</summary>
    ArabicIndic = 2,

    /// <summary>Maps the Arabic-Indic digits U+0660..U+0669 to the Persian digits U+06F0..U+06F9.</summary>
    Persian = 3,
}
