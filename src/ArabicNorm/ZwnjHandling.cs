namespace ArabicNorm;

/// <summary>Specifies what happens to U+200C ZERO WIDTH NON-JOINER.</summary>
public enum ZwnjHandling
{
    /// <summary>Keeps the ZWNJ (Persian spelling needs it inside words such as plural suffixes).</summary>
    Keep = 0,

    /// <summary>Deletes the ZWNJ, joining the two parts of the word.</summary>
    Remove = 1,

    /// <summary>Replaces the ZWNJ with U+0020 SPACE, splitting the word for tokenizers.</summary>
    Space = 2,
}
