using ArabicNorm.Internal;

namespace ArabicNorm;

// Resource bounds: the string methods refuse, before allocating anything, a text whose result cannot be a string.
public sealed partial class ArabicNormalizer
{
    /// <summary>The most characters a .NET string holds (the runtime's <c>String.MaxLength</c>, 0x3FFFFFDF).</summary>
    internal const int MaxStringLength = 0x3FFFFFDF;

    /// <summary>The most UTF-16 code units one source code unit becomes (U+FDFA: 18).</summary>
    internal static readonly int MaxExpansion = ComputeMaxExpansion();

    /// <summary>Gets the longest result the string methods of this instance produce; tests lower it to prove the check
    /// without gigabytes.</summary>
    internal int MaxResultLength { get; init; } = MaxStringLength;

    /// <summary>Checks, before anything is allocated, that normalizing <paramref name="text"/> gives a result a string
    /// can hold; every method that returns a new string calls it first.</summary>
    /// <param name="text">The text (or the part of it from where normalization starts) about to be normalized.</param>
    /// <param name="prefixLength">How many characters before <paramref name="text"/> the result also holds.</param>
    /// <param name="paramName">The caller's parameter name, for the exception.</param>
    /// <returns>-1 when the quick bound (<see cref="MaxExpansion"/> per code unit) already proves the result fits;
    /// otherwise the exact result length (counted without allocating), which the caller can size its buffer with.
    /// A text that must fail is found by one pass over the table (<see cref="CountCertainOutput"/>); only a text
    /// that may fit is counted exactly by the engine.</returns>
    /// <exception cref="ArgumentException">The result would be longer than <see cref="MaxResultLength"/>.</exception>
    internal int CheckResultFitsString(ReadOnlySpan<char> text, int prefixLength, string paramName)
    {
        if (prefixLength + ((long)text.Length * MaxExpansion) <= MaxResultLength)
        {
            return -1;
        }

        // One table pass first: the characters that surely produce output. A bomb fails here, fast.
        long atLeast = prefixLength + CountCertainOutput(text);
        if (atLeast > MaxResultLength)
        {
            throw TooLong(atLeast, "at least ", paramName);
        }

        // Otherwise only the engine knows (context can shorten the result): count exactly, still without allocating.
        long length = prefixLength + EngineDriver.Count<char, Utf16Codec>(_tables, text);
        if (length > MaxResultLength)
        {
            throw TooLong(length, string.Empty, paramName);
        }

        return (int)length;
    }

    private ArgumentException TooLong(long length, string qualifier, string paramName) => new(
        $"The text is too long to normalize into a string: its normalized form has {qualifier}{length:N0} characters, " +
        $"more than the {MaxResultLength:N0} a string can hold. Normalize it in parts with the span or stream methods.",
        paramName);

    /// <summary>Counts the output characters that no context can remove: a lower bound of the normalized length.</summary>
    /// <remarks>A character whose entry is a plain output character always gives one (a composition keeps its base, a
    /// collapse keeps a space that is itself special); inside an expansion, each character whose own entry is plain does.
    /// Every special entry (deletions, hamza marks, spaces being collapsed, the contextual yeh, surrogates) counts
    /// zero.</remarks>
    private long CountCertainOutput(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> map = _tables.Map;
        long count = 0;
        char lastExpansion = '\0';
        int lastExpansionCount = 0;
        foreach (char c in text)
        {
            char m = map[c];
            if (!NormalizationTables.IsSpecial(m))
            {
                count++;
            }
            else if (m >= NormalizationTables.ExpansionBase)
            {
                if (m != lastExpansion)
                {
                    lastExpansion = m;
                    lastExpansionCount = 0;
                    foreach (char e in _tables.GetExpansion(m))
                    {
                        lastExpansionCount += NormalizationTables.IsSpecial(map[e]) ? 0 : 1;
                    }
                }

                count += lastExpansionCount;
            }
        }

        return count;
    }

    private static int ComputeMaxExpansion()
    {
        int max = 1;
        for (int cp = 0xFB50; cp <= 0x1EEFF; cp++)
        {
            if (CompatibilityData.TryGetMapping(cp, out ReadOnlySpan<char> mapping))
            {
                // A supplementary code point is two source code units.
                max = Math.Max(max, cp > 0xFFFF ? (mapping.Length + 1) / 2 : mapping.Length);
            }

            if (cp == 0xFEFF)
            {
                cp = 0x1EE00 - 1;
            }
        }

        return max;
    }
}
