using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Matching;

/// <summary>The normalized comparer: its laws against <see cref="ArabicNormalizer.Normalize(string)"/>, the alternate
/// lookup, null handling and the zero-allocation claim.</summary>
public class ComparerTests
{
    [LawProperty(Arbitrary = [typeof(ComparerArbitraries)])]
    public bool Comparer_Equals_IsOrdinalEqualityOfNormalizedForms(SpellingPair p)
    {
        NormalizedStringComparer comparer = p.Normalizer.Comparer;
        bool expected = p.Normalizer.Normalize(p.A) == p.Normalizer.Normalize(p.B);
        return comparer.Equals(p.A, p.B) == expected
            && comparer.Equals(p.B, p.A) == expected
            && comparer.Equals(p.A.AsSpan(), p.B.AsSpan()) == expected
            && ((IEqualityComparer<string>)comparer).Equals(p.A, p.B) == expected;
    }

    [LawProperty(Arbitrary = [typeof(ComparerArbitraries)])]
    public bool Comparer_GetHashCode_IsEqualForEqualTexts(SpellingPair p)
    {
        NormalizedStringComparer comparer = p.Normalizer.Comparer;
        int hashA = comparer.GetHashCode(p.A);
        string normalized = p.Normalizer.Normalize(p.A);

        // The normalized form is an equal text when normalizing is idempotent (law L1, tested on its own).
        bool idempotent = p.Normalizer.Normalize(normalized) == normalized;
        bool consistent = hashA == comparer.GetHashCode(p.A.AsSpan())
            && (!idempotent || hashA == comparer.GetHashCode(normalized));
        return consistent && (!comparer.Equals(p.A, p.B) || hashA == comparer.GetHashCode(p.B));
    }

    [LawProperty(Arbitrary = [typeof(ComparerArbitraries)])]
    public bool Comparer_Compare_IsOrdinalOrderOfNormalizedForms(SpellingPair p)
    {
        NormalizedStringComparer comparer = p.Normalizer.Comparer;
        int expected = Math.Sign(string.CompareOrdinal(p.Normalizer.Normalize(p.A), p.Normalizer.Normalize(p.B)));
        int order = Math.Sign(comparer.Compare(p.A, p.B));
        return order == expected
            && Math.Sign(comparer.Compare(p.B, p.A)) == -order // antisymmetric
            && Math.Sign(comparer.Compare(p.A.AsSpan(), p.B.AsSpan())) == order
            && (order == 0) == comparer.Equals(p.A, p.B);
    }

    [LawProperty(Arbitrary = [typeof(ComparerArbitraries)])]
    public bool Comparer_Compare_IsTransitive(SpellingTriple t)
    {
        NormalizedStringComparer comparer = t.Normalizer.Comparer;
        string[] texts = [t.A, t.B, t.C];
        foreach (string x in texts)
        {
            foreach (string y in texts)
            {
                foreach (string z in texts)
                {
                    if (comparer.Compare(x, y) <= 0 && comparer.Compare(y, z) <= 0 && comparer.Compare(x, z) > 0)
                    {
                        return false;
                    }
                }
            }
        }

        // Sorting with the comparer orders the texts as sorting their normalized forms does.
        string[] sorted = [.. texts.OrderBy(s => s, comparer)];
        string[] byNormalized = [.. texts.OrderBy(s => t.Normalizer.Normalize(s), StringComparer.Ordinal)];
        return sorted.Select(t.Normalizer.Normalize).SequenceEqual(byNormalized.Select(t.Normalizer.Normalize));
    }

#if NET9_0_OR_GREATER
    [LawProperty(Arbitrary = [typeof(ComparerArbitraries)])]
    public bool Comparer_AlternateLookup_FindsTheKeyOfEveryEqualSpan(SpellingPair p)
    {
        var dictionary = new Dictionary<string, int>(p.Normalizer.Comparer) { [p.A] = 1 };
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();

        // The token is cut from a larger buffer, as a tokenizer would.
        string buffer = "<<" + p.B + ">>";
        ReadOnlySpan<char> token = buffer.AsSpan(2, p.B.Length);
        bool found = lookup.TryGetValue(token, out int value);
        bool expected = p.Normalizer.Normalize(p.A) == p.Normalizer.Normalize(p.B);
        if (found != expected || (found && value != 1))
        {
            return false;
        }

        // A key added through the lookup is stored normalized; adding an equal spelling again finds it.
        var added = new Dictionary<string, int>(p.Normalizer.Comparer);
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> addLookup = added.GetAlternateLookup<ReadOnlySpan<char>>();
        bool first = addLookup.TryAdd(token, 2);
        bool second = addLookup.TryAdd(p.A.AsSpan(), 3);
        string key = added.Keys.First();
        return first && second != expected && key == p.Normalizer.Normalize(p.B) && added.Count == (expected ? 1 : 2);
    }
#endif

    [Fact]
    public void Comparer_ChangeAtEveryPositionAroundTheBuffers_IsFound()
    {
        // A run of ALEF, then FARSI YEH or YEH (equal under Default), then a tail: the change crosses every position
        // around the 256-char stack buffer and the engine's 32-char blocks.
        NormalizedStringComparer comparer = ArabicNormalizer.Default.Comparer;
        for (int n = 0; n < 600; n++)
        {
            string run = new('\u0627', n); // ALEF
            string a = run + "\u06CC\u0654" + run; // FARSI YEH + HAMZA ABOVE: YEH WITH HAMZA ABOVE under Default
            string b = run + "\u0626" + run;        // YEH WITH HAMZA ABOVE
            string c = run + "\u064A" + run;        // YEH, no hamza
            Assert.True(comparer.Equals(a, b), $"n={n}");
            Assert.False(comparer.Equals(a, c), $"n={n}");
            Assert.Equal(comparer.GetHashCode(a), comparer.GetHashCode(b));
            Assert.Equal(Math.Sign(string.CompareOrdinal("\u0626", "\u064A")), Math.Sign(comparer.Compare(a, c)));
            Assert.Equal(0, comparer.Compare(a, b));
        }
    }

    [Theory]
    [InlineData("\u06D5\u0654", "\u0647\u0654")]             // AE and HEH are one letter, but AE composes with HAMZA ABOVE
    [InlineData("\u06D5\u0640\u0654", "\u0647\u0654")]       // ... also across a deleted TATWEEL
    [InlineData("\u06CC\u0654", "\u064A\u0654")]             // FARSI YEH and YEH both compose: equal
    [InlineData("\u06A9\u06CC\u0661", "\u0643\u064A1")]     // in step: KEHEH/KAF, FARSI YEH/YEH, ONE/1
    [InlineData("\u06A9\u0640\u06CC", "\u0643\u064A")]       // out of step after a TATWEEL
    [InlineData("\u0628\u064E\u06A9", "\u0628\u064E\u0643")] // after a mark
    [InlineData("\u0644\u0627\u0645", "\uFEFB\u0645")]      // LAM ALEF and the ligature
    [InlineData("\u0627\u0654", "\u0623")]                    // composed and decomposed
    [InlineData("\u06CC\u064B\u0020", "\u064A\u064B\u0020")] // in step over a FATHATAN after the letter
    [InlineData("\u06D5\u064E\u0654", "\u0647\u064E\u0654")] // a HAMZA ABOVE after a FATHA (canonical composition)
    [InlineData("\u06CC\u064E\u0651", "\u064A\u0651\u064E")] // marks in another order
    public void Comparer_RespelledPairs_AgreeWithNormalize(string a, string b)
    {
        foreach (ArabicNormalizer n in new[] { ArabicNormalizer.Default, ArabicNormalizer.Search, ArabicNormalizer.Persian })
        {
            bool expected = n.Normalize(a) == n.Normalize(b);
            Assert.Equal(expected, n.Comparer.Equals(a, b));
            Assert.Equal(expected, n.Comparer.Equals(b + "x", a + "x"));
            Assert.Equal(expected, n.Comparer.Compare(a, b) == 0);
        }
    }

    [Theory]
    [InlineData("\u06CC\u064E\u0628\u064E", "\u064A\u064E\u0628\u064E", true)] // FARSI YEH/YEH, each letter with a FATHA
    [InlineData("\u06CC\u0654\u0628", "\u064A\u0654\u0628", true)]             // a HAMZA ABOVE that does not compose here
    [InlineData("\u06CC\u064E\u0628", "\u064A\u064F\u0628", false)]            // FATHA against DAMMA
    [InlineData("\u06CC\u064E", "\u064A\u064E\u064E", false)]                   // one more mark
    public void Comparer_RespelledVocalizedWordsWithoutHamzaComposition_AgreeWithNormalize(string a, string b, bool equal)
    {
        // Without ComposeHamza a mark is a plain character, so the comparer steps over the marks that follow two
        // spellings of one letter without normalizing them.
        var n = new ArabicNormalizer(new ArabicNormalizerOptions { ComposeHamza = false });
        Assert.Equal(equal, n.Normalize(a) == n.Normalize(b));
        Assert.Equal(equal, n.Comparer.Equals(a, b));
        Assert.Equal(equal, n.Comparer.Equals(b + " x", a + " x"));
        Assert.Equal(equal, n.Comparer.Compare(a, b) == 0);
        if (equal)
        {
            Assert.Equal(n.Comparer.GetHashCode(a), n.Comparer.GetHashCode(b));
        }
    }

    [Fact]
    public void Comparer_RespelledLetterWithANonArabicMark_IsEqual()
    {
        // COMBINING ACUTE ACCENT is outside the Arabic combining classes: under Default it stays a plain character.
        string a = "\u06A9\u0301 \u06CC"; // KEHEH, ACUTE, space, FARSI YEH
        string b = "\u0643\u0301 \u064A"; // KAF, ACUTE, space, YEH
        Assert.Equal(ArabicNormalizer.Default.Normalize(a), ArabicNormalizer.Default.Normalize(b));
        Assert.True(ArabicNormalizer.Default.Comparer.Equals(a, b));
        Assert.False(ArabicNormalizer.Default.Comparer.Equals(a, "\u0643\u0300 \u064A")); // GRAVE, not ACUTE
    }

    [Fact]
    public void Comparer_LongTextsThatExpand_CompareAsTheirNormalizedForms()
    {
        // U+FDFA expands to 18 chars: 100 of them make 1,800 chars of output from 100 of input.
        string ligatures = new('\uFDFA', 100);
        string expanded = ArabicNormalizer.Default.Normalize(ligatures);
        NormalizedStringComparer comparer = ArabicNormalizer.Default.Comparer;
        Assert.True(comparer.Equals(ligatures, expanded));
        Assert.Equal(comparer.GetHashCode(ligatures), comparer.GetHashCode(expanded));
        Assert.True(comparer.Compare(ligatures, expanded + "a") < 0);
        Assert.True(comparer.Compare(ligatures + "\u0640", expanded) == 0); // a tatweel deleted at the end
    }

    [Fact]
    public void Comparer_Null_IsHandledAsStringComparerOrdinalDoes()
    {
        // Typed variables: a bare null literal would bind to the span overloads, where it is the empty span.
        NormalizedStringComparer comparer = ArabicNormalizer.Default.Comparer;
        string? none = null;
        string empty = "";
        Assert.True(comparer.Equals(none, none));
        Assert.False(comparer.Equals(none, empty));
        Assert.False(comparer.Equals(empty, none));
        Assert.Equal(0, comparer.Compare(none, none));
        Assert.True(comparer.Compare(none, empty) < 0);
        Assert.True(comparer.Compare(empty, none) > 0);
        Assert.Throws<ArgumentNullException>(() => comparer.GetHashCode(none!));
        Assert.Equal(Math.Sign(StringComparer.Ordinal.Compare(none, "a")), Math.Sign(comparer.Compare(none, "a")));
        Assert.False(((System.Collections.IEqualityComparer)comparer).Equals(none, empty));
    }

    [Fact]
    public void Comparer_Property_IsOneInstancePerNormalizer()
    {
        Assert.Same(ArabicNormalizer.Search.Comparer, ArabicNormalizer.Search.Comparer);
        Assert.Same(ArabicNormalizer.Search, ArabicNormalizer.Search.Comparer.Normalizer);
        Assert.NotSame(ArabicNormalizer.Default.Comparer, ArabicNormalizer.Search.Comparer);
    }

    [Fact]
    public void Comparer_DistinctAndSets_KeepOneSpellingPerWord()
    {
        // KITAB with KAF, with KEHEH, with a TATWEEL; and a different word.
        string[] words = ["\u0643\u062A\u0627\u0628", "\u06A9\u062A\u0627\u0628", "\u0643\u0640\u062A\u0627\u0628", "\u0642\u0644\u0645"];
        Assert.Equal(2, words.Distinct(ArabicNormalizer.Default.Comparer).Count());
        var set = new HashSet<string>(words, ArabicNormalizer.Default.Comparer);
        Assert.Equal(2, set.Count);
        Assert.Contains("\u06A9\u0640\u062A\u0627\u0628", set);
    }

    [Fact]
    public void Comparer_EqualsHashCompareAndLookup_AllocateNothing()
    {
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
        string normalized = ArabicNormalizer.Default.Normalize(seed);
        string longer = normalized + "x";
        NormalizedStringComparer comparer = ArabicNormalizer.Default.Comparer;
#if NET9_0_OR_GREATER
        var dictionary = new Dictionary<string, int>(comparer) { [normalized] = 1, ["\u0643\u062A\u0627\u0628"] = 2 };
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup = dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        long total = 0;
        for (int round = 0; round < 2; round++)
        {
            // The first round warms up (tiered JIT, lazy tables); only the second is counted.
            long before = GC.GetAllocatedBytesForCurrentThread();
            Assert.True(comparer.Equals(seed, normalized));
            Assert.True(comparer.Equals(seed.AsSpan(), normalized.AsSpan()));
            Assert.False(comparer.Equals(seed, longer));
            Assert.True(comparer.GetHashCode(seed) == comparer.GetHashCode(normalized.AsSpan())); // Assert.Equal allocates
            Assert.True(comparer.Compare(seed, longer) < 0);
#if NET9_0_OR_GREATER
            Assert.True(lookup.TryGetValue(seed.AsSpan(), out int value) && value == 1);
            Assert.True(lookup.ContainsKey("\u06A9\u062A\u0627\u0628 ".AsSpan(0, 4)));
#endif
            total = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, total);
    }
}
