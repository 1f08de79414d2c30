namespace ArabicNorm.Fuzz;

/// <summary>Fuzzes <see cref="NormalizedStringComparer"/>: the string and span forms of <c>Equals</c>,
/// <c>GetHashCode</c> and <c>Compare</c>, and the span lookup of a dictionary keyed by it.</summary>
/// <remarks>Laws: <c>Equals(a, b)</c> is <c>Normalize(a) == Normalize(b)</c> (ordinal) in both orders, in string and
/// guarded span form; equal texts have equal hashes (a text and its normalized form included, whatever the blocks the
/// hash is computed in), in string and span form alike; the sign of <c>Compare</c> is that of
/// <c>string.CompareOrdinal</c> of the normalized forms and flips with the arguments; <see langword="null"/> equals only
/// itself and sorts first; every strategy normalizes as the scalar loop. The pair is the payload cut at its first TAB,
/// or, without one, the payload and a respelling of it the header picks (its normalized form, a TATWEEL put in, a
/// prefix, or one character swapped for a letter variant, a space or a vowel).</remarks>
internal sealed class ComparerTarget : IFuzzTarget
{
    // Characters a respelling puts in: FARSI YEH, YEH, KAF, KEHEH, a space, FATHA, TATWEEL, ALEF WITH HAMZA ABOVE.
    private const string Swaps = "\u06CC\u064A\u0643\u06A9 \u064E\u0640\u0623";

    private static readonly GuardedMemory s_x = new();
    private static readonly GuardedMemory s_y = new();

    public string Name => "comparer";

    public void Run(ReadOnlySpan<byte> data)
    {
        var input = new FuzzInput(data);
        string whole = FuzzInput.DecodeUtf16(input.Payload);
        Strategy[] strategies = Normalizers.For(input.OptionsSelector);
        (string a, string b) = Pair(whole, strategies[0].Normalizer, ref input);
        string? referenceA = null;
        string? referenceB = null;
        foreach (Strategy s in strategies)
        {
            ArabicNormalizer n = s.Normalizer;
            NormalizedStringComparer comparer = n.Comparer;
            string na = n.Normalize(a);
            string nb = n.Normalize(b);
            referenceA ??= na;
            referenceB ??= nb;
            Law.Equal(referenceA, na, $"L3 Normalize on {s.Name} equals scalar");
            Law.Equal(referenceB, nb, $"L3 Normalize on {s.Name} equals scalar");

            bool equal = string.Equals(na, nb, StringComparison.Ordinal);
            int sign = Math.Sign(string.CompareOrdinal(na, nb));
            Law.Holds(comparer.Equals(a, b) == equal, $"Equals(a, b) is Normalize(a) == Normalize(b) ({s.Name})", $"expected {equal}");
            Law.Holds(comparer.Equals(b, a) == equal, $"Equals is symmetric ({s.Name})");
            Law.Holds(Math.Sign(comparer.Compare(a, b)) == sign, $"Compare has the sign of CompareOrdinal of the normalized forms ({s.Name})", $"expected {sign}");
            Law.Holds(Math.Sign(comparer.Compare(b, a)) == -sign, $"Compare flips with its arguments ({s.Name})");
            Law.Holds(comparer.Compare(a, a) == 0 && comparer.Equals(a, a), $"a text equals itself ({s.Name})");

            int hashA = comparer.GetHashCode(a);
            Law.Holds(!equal || hashA == comparer.GetHashCode(b), $"equal texts have equal hashes ({s.Name})");

            // A text equals its normalized form exactly when normalizing is idempotent on it (law L1).
            bool idempotent = string.Equals(n.Normalize(na), na, StringComparison.Ordinal);
            Law.Holds(comparer.Equals(a, na) == idempotent, $"a text equals its normalized form ({s.Name})");
            Law.Holds(!idempotent || hashA == comparer.GetHashCode(na), $"a text and its normalized form have equal hashes ({s.Name})");

            // The span forms, each text right against a guard page.
            bool back = input.NextBool();
            ReadOnlySpan<char> x = s_x.PlaceReadOnly(a.AsSpan(), back);
            ReadOnlySpan<char> y = s_y.PlaceReadOnly(b.AsSpan(), !back);
            Law.Holds(comparer.Equals(x, y) == equal, $"span Equals agrees with the string form ({s.Name})");
            Law.Holds(Math.Sign(comparer.Compare(x, y)) == sign, $"span Compare agrees with the string form ({s.Name})");
            Law.Holds(comparer.GetHashCode(x) == hashA, $"span GetHashCode equals the string hash ({s.Name})");

            var dictionary = new Dictionary<string, int>(comparer) { [a] = 1 };
            Law.Holds(dictionary.ContainsKey(b) == equal, $"a dictionary keyed by the comparer finds the other text exactly when equal ({s.Name})");
#if NET9_0_OR_GREATER
            Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
            Law.Holds(lookup.ContainsKey(y) == equal, $"the span lookup finds the other text exactly when equal ({s.Name})");
#endif

            CheckNull(comparer, a, s.Name);
        }
    }

    private static void CheckNull(NormalizedStringComparer comparer, string text, string name)
    {
        Law.Holds(!comparer.Equals(text, null) && !comparer.Equals(null, text) && comparer.Equals(null, null), $"null equals only null ({name})");
        Law.Holds(comparer.Compare(null, text) < 0 && comparer.Compare(text, null) > 0, $"null sorts first ({name})");
    }

    private static (string A, string B) Pair(string whole, ArabicNormalizer scalar, ref FuzzInput input)
    {
        int tab = whole.IndexOf('\t', StringComparison.Ordinal);
        if (tab >= 0)
        {
            return (whole[..tab], whole[(tab + 1)..]);
        }

        uint r = input.Next();
        int at = whole.Length == 0 ? 0 : (int)((r >> 4) % (uint)(whole.Length + 1));
        string b = (r % 4) switch
        {
            0 => scalar.Normalize(whole),
            1 => whole.Insert(at, "\u0640"), // TATWEEL
            2 => whole[..at],
            _ => at < whole.Length ? string.Concat(whole.AsSpan(0, at), Swaps.AsSpan((int)((r >> 20) % (uint)Swaps.Length), 1), whole.AsSpan(at + 1)) : whole + Swaps[(int)((r >> 20) % (uint)Swaps.Length)],
        };
        return (whole, b);
    }
}
