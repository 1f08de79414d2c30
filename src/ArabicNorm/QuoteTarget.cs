namespace ArabicNorm;

/// <summary>Specifies what the curly, low, angle and fullwidth quotation marks become (the primes U+2032 and U+2033 are not quotation marks).</summary>
public enum QuoteTarget
{
    /// <summary>Leaves every quotation mark as it is.</summary>
    Keep = 0,

    /// <summary>Maps guillemets and curly, low and fullwidth double quotes to <c>"</c>, and the single ones to <c>'</c>.</summary>
    Ascii = 1,
}
