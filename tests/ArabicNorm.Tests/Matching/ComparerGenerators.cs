using FsCheck;
using FsCheck.Fluent;
using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Matching;

/// <summary>Two texts that often differ only in spelling (variant letters, digits, quotes, marks, controls, decomposed
/// hamza, ligatures), sometimes not, under options with which to compare them.</summary>
public sealed record SpellingPair(Options Options, string A, string B)
{
    public ArabicNormalizer Normalizer => Options.Normalizer;

    public override string ToString() => $"{Text.Escape(A)} / {Text.Escape(B)} under {Options}";
}

/// <summary>Three texts of one family, for transitivity.</summary>
public sealed record SpellingTriple(Options Options, string A, string B, string C)
{
    public ArabicNormalizer Normalizer => Options.Normalizer;

    public override string ToString() => $"{Text.Escape(A)} / {Text.Escape(B)} / {Text.Escape(C)} under {Options}";
}

/// <summary>Generators for the comparer and find properties.</summary>
public static class ComparerArbitraries
{
    // Spellings that Default (and Search) give one form: each entry's strings normalize alike under Default.
    private static readonly string[][] s_sameUnderDefault =
    [
        ["\u064A", "\u06CC"], // YEH, FARSI YEH
        ["\u0643", "\u06A9"], // KAF, KEHEH
        ["\u0647", "\u06C1", "\u06D5"], // HEH, HEH GOAL, AE (which differ once a HAMZA ABOVE follows)
        ["\u0623", "\u0627\u0654", "\uFE83"], // ALEF WITH HAMZA ABOVE, ALEF + HAMZA ABOVE, its isolated form
        ["\u0644\u0627", "\uFEFB"], // LAM ALEF, the ligature
        ["1", "\u0661", "\u06F1"], // ONE in three scripts
        ["7", "\u0667", "\u06F7"],
        ["%", "\u066A"],
        ["\"", "\u201C", "\u00AB"],
        [" ", "\u00A0", "\u2009"],
        ["", "\u0640", "\u200E", "\u200F", "\u200C", "\u00AD", "\uFEFF"], // nothing, tatweel, controls, ZWNJ
    ];

    // Changes that Default keeps apart and Search (mostly) folds together.
    private static readonly string[][] s_searchOnly =
    [
        ["", "\u064E", "\u0650", "\u0651"], // no mark, FATHA, KASRA, SHADDA
        ["\u0627", "\u0623", "\u0625"], // ALEF with and without hamza
        ["\u0647", "\u0629"], // HEH, TEH MARBUTA
        ["\u064A", "\u0649"], // YEH, ALEF MAKSURA
        [" ", "  "],
    ];

    private static readonly Lazy<string> s_seed = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt")));

    /// <summary>Rewrites <paramref name="text"/> with random equivalent (or nearly equivalent) spellings.</summary>
    internal static string Respell(string text, Random random, bool alsoSearchFolds, double differRate)
    {
        var result = new System.Text.StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            if (random.NextDouble() < differRate)
            {
                // A real difference, somewhere: another letter.
                result.Append((char)('\u0628' + random.Next(0, 10)));
                continue;
            }

            bool replaced = false;
            foreach (string[] family in alsoSearchFolds ? [.. s_sameUnderDefault, .. s_searchOnly] : s_sameUnderDefault)
            {
                foreach (string spelling in family)
                {
                    if (spelling.Length > 0 && string.CompareOrdinal(text, i, spelling, 0, spelling.Length) == 0 && random.Next(3) == 0)
                    {
                        result.Append(family[random.Next(family.Length)]);
                        i += spelling.Length - 1;
                        replaced = true;
                        break;
                    }
                }

                if (replaced)
                {
                    break;
                }
            }

            if (!replaced)
            {
                result.Append(text[i]);
            }

            if (random.Next(12) == 0)
            {
                // Something deleted (or, under Search, a mark) slipped in between.
                string[] inserted = alsoSearchFolds && random.Next(2) == 0 ? s_searchOnly[0] : s_sameUnderDefault[^1];
                result.Append(inserted[random.Next(inserted.Length)]);
            }
        }

        return result.ToString();
    }

    private static Gen<string> BaseTexts => Gen.Frequency(
        (4, Generators.Texts),
        (3, Gen.Choose(0, 2900).SelectMany(start => Gen.Choose(1, 900).Select(length =>
        {
            // Long slices of the article cross the comparer's 256-char stack buffers several times.
            string seed = s_seed.Value;
            return seed.Substring(start, Math.Min(length, seed.Length - start));
        }))),
        (1, Gen.Choose(200, 320).Select(n => new string('\u0627', n) + "\u06CC\u0654"))); // a change near a buffer edge

    private static Gen<Options> ComparerOptions => Generators.AnyOptions;

    public static Arbitrary<SpellingPair> SpellingPair() => Arb.From(
        from options in ComparerOptions
        from text in BaseTexts
        from seed in Gen.Choose(0, int.MaxValue)
        from mode in Gen.Frequency((5, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)))
        let random = new Random(seed)
        let other = Respell(text, random, alsoSearchFolds: mode == 1, differRate: mode == 2 ? 0.01 : 0)
        select new SpellingPair(options, text, other));

    public static Arbitrary<SpellingTriple> SpellingTriple() => Arb.From(
        from options in ComparerOptions
        from text in BaseTexts
        from seed in Gen.Choose(0, int.MaxValue)
        let random = new Random(seed)
        select new SpellingTriple(
            options,
            Respell(text, random, random.Next(2) == 0, random.Next(2) * 0.02),
            Respell(text, random, random.Next(2) == 0, random.Next(2) * 0.02),
            Respell(text, random, random.Next(2) == 0, random.Next(2) * 0.02)));
}
