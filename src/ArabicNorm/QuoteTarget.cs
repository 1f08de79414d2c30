namespace ArabicNorm;

/// <summary>Specifies what the quotation marks of spec section 3.5 become.</summary>
public enum QuoteTarget
{
    /// <summary>Leaves every quotation mark as it is.</summary>
    Keep = 0,

    /// <summary>Maps guillemets and curly, low and fullwidth double quotes to <c>"</c>, and the single ones to <c>'</c>.</summary>
    Ascii = 1,
}
