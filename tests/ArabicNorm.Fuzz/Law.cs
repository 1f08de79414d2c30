namespace ArabicNorm.Fuzz;

/// <summary>Thrown when an input breaks one of the spec's laws: AFL++ records it as a crash.</summary>
internal sealed class LawViolationException(string message) : Exception(message);

/// <summary>Checks a law and names it when it fails.</summary>
internal static class Law
{
    /// <summary>Throws a <see cref="LawViolationException"/> naming <paramref name="law"/> when <paramref name="holds"/> is false.</summary>
    public static void Holds(bool holds, string law, string? detail = null)
    {
        if (!holds)
        {
            throw new LawViolationException(detail is null ? law : $"{law}: {detail}");
        }
    }

    /// <summary>Checks that two texts are equal, showing where they first differ.</summary>
    public static void Equal(string expected, string actual, string law)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            int i = 0;
            while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
            {
                i++;
            }

            throw new LawViolationException(
                $"{law}: lengths {expected.Length} and {actual.Length}, first difference at {i}: " +
                $"expected {Escape(expected, i)}, got {Escape(actual, i)}");
        }
    }

    /// <summary>Checks that two byte sequences are equal.</summary>
    public static void Equal(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, string law)
    {
        if (!expected.SequenceEqual(actual))
        {
            int i = expected.CommonPrefixLength(actual);
            throw new LawViolationException($"{law}: lengths {expected.Length} and {actual.Length}, first difference at byte {i}");
        }
    }

    /// <summary>Writes the characters around <paramref name="at"/> as <c>\uXXXX</c> escapes.</summary>
    public static string Escape(string s, int at)
    {
        int start = Math.Max(0, at - 4);
        int end = Math.Min(s.Length, at + 8);
        var sb = new System.Text.StringBuilder();
        for (int i = start; i < end; i++)
        {
            sb.Append(i == at ? "[" : string.Empty).Append("\\u").Append(((int)s[i]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
