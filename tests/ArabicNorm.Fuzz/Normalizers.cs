namespace ArabicNorm.Fuzz;

/// <summary>
/// Provides, for the options an input picks, one normalizer per implementation strategy: the scalar loop (the
/// specification) first, then every vector path this machine runs.
/// </summary>
/// <remarks>
/// <para>Every target runs each law on every strategy and compares each answer with the scalar one, so a vector path
/// that differs from the scalar loop on any input is a finding. Today the choice is internal and all-or-nothing
/// (<c>ArabicNormalizer(options, vectorize)</c>, the vector path on when the hardware has SSSE3/AVX2); adding a strategy
/// (say, one per ISA from a factory) is one more entry in <see cref="s_strategies"/>.</para>
/// <para>Normalizers are built once per options and cached: in AFL++'s persistent loop construction would otherwise
/// dominate each run.</para>
/// </remarks>
internal static class Normalizers
{
    private static readonly (string Name, Func<ArabicNormalizerOptions, ArabicNormalizer> Create)[] s_strategies = BuildStrategies();

    private static readonly ArabicNormalizerOptions[] s_named =
    [
        new ArabicNormalizerOptions(),
        ArabicNormalizer.CreateSearchOptions(),
        ArabicNormalizer.CreatePersianOptions(),
        ArabicNormalizerOptions.None(), // identity
        new ArabicNormalizerOptions { ContextualFarsiYeh = true, CollapseSpaces = true },
        new ArabicNormalizerOptions { Zwnj = ZwnjHandling.Space, ComposeHamza = false, RemoveDiacritics = true },
        new ArabicNormalizerOptions { CollapseSpaces = true, FoldCompatibilityForms = false },
        new ArabicNormalizerOptions { RemoveDiacritics = true, CollapseSpaces = true, Letters = LetterTarget.Persian },
    ];

    private static readonly Dictionary<int, Strategy[]> s_cache = [];

    /// <summary>Gets the names of the strategies this machine runs, scalar first.</summary>
    public static IEnumerable<string> StrategyNames => s_strategies.Select(s => s.Name);

    /// <summary>Returns the normalizers, one per strategy, for the options <paramref name="selector"/> picks: below 0xC0 one
    /// of the named option sets (the presets, identity, and combinations that switch each context rule on); from 0xC0
    /// a combination built from the selector's low six bits.</summary>
    public static Strategy[] For(byte selector)
    {
        int key = selector < 0xC0 ? selector % s_named.Length : selector;
        if (!s_cache.TryGetValue(key, out Strategy[]? strategies))
        {
            ArabicNormalizerOptions options = selector < 0xC0 ? s_named[key] : Combination(selector & 0x3F);
            strategies = [.. s_strategies.Select(s => new Strategy(s.Name, s.Create(options)))];
            s_cache[key] = strategies;
        }

        return strategies;
    }

    /// <summary>Tells whether <paramref name="selector"/> picks one of the presets (Default, Search, Persian).</summary>
    public static bool IsPreset(byte selector) => selector < 0xC0 && selector % s_named.Length < 3;

    /// <summary>Builds the normalizers of every selector and runs each once, report included, so that their lazy
    /// parts exist before fuzzing starts.</summary>
    public static void WarmUp()
    {
        for (int selector = 0; selector <= byte.MaxValue; selector++)
        {
            foreach (Strategy s in For((byte)selector))
            {
                _ = s.Normalizer.GetChangeReport("\u0627\u0654 \uFEFB");
                _ = s.Normalizer.Comparer.GetHashCode("\u0627\u0654 \uFEFB");
                _ = s.Normalizer.FindAll("\u0627\u0654 \uFEFB", "\u0627").Count();
            }
        }

        CharFilterTarget.WarmUp();
    }

    private static (string, Func<ArabicNormalizerOptions, ArabicNormalizer>)[] BuildStrategies()
    {
        var list = new List<(string, Func<ArabicNormalizerOptions, ArabicNormalizer>)>
        {
            ("scalar", o => new ArabicNormalizer(o, vectorize: false)),
        };

        // Every vector strategy this machine supports, each against the scalar loop (a name with no support is skipped).
        foreach (ArabicNorm.Internal.VectorStrategy strategy in ArabicNorm.Internal.VectorStrategy.All)
        {
            if (strategy.IsSupported && strategy.IsVectorized)
            {
                list.Add((strategy.Name, o => new ArabicNormalizer(o, strategy)));
            }
        }

        return [.. list];
    }

    private static ArabicNormalizerOptions Combination(int bits) => new()
    {
        FoldCompatibilityForms = (bits & 1) != 0,
        ComposeHamza = (bits & 2) != 0,
        Letters = (LetterTarget)((bits >> 2) % 3),
        ContextualFarsiYeh = (bits & 4) != 0,
        Digits = (DigitTarget)((bits >> 3) & 3),
        CollapseSpaces = (bits & 8) != 0,
        RemoveDiacritics = (bits & 16) != 0,
        Zwnj = (ZwnjHandling)((bits >> 4) % 3),
        FoldAlef = (bits & 32) != 0,
        FoldAlefMaksura = (bits & 1) == 0,
        FoldTehMarbuta = (bits & 2) == 0,
        AsciiPunctuation = (bits & 32) == 0,
        NormalizeSpaces = (bits & 4) == 0,
    };
}

/// <summary>A normalizer and the name of the implementation strategy it runs.</summary>
internal sealed record Strategy(string Name, ArabicNormalizer Normalizer);
