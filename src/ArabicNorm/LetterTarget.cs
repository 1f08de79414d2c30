namespace ArabicNorm;

/// <summary>Specifies which spelling the Arabic and Persian letter variants (YEH and FARSI YEH, KAF and KEHEH, the HEH and TEH MARBUTA variants) are mapped to.</summary>
public enum LetterTarget
{
    /// <summary>Leaves every letter variant as it is.</summary>
    Keep = 0,

    /// <summary>Maps Persian and Urdu variants (FARSI YEH, KEHEH, HEH GOAL, ...) to the Arabic letters.</summary>
    Arabic = 1,

    /// <summary>Maps Arabic YEH, ALEF MAKSURA and KAF (and Urdu variants) to the Persian letters.</summary>
    Persian = 2,
}
