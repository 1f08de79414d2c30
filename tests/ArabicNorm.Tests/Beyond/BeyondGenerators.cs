using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ArabicNorm.Tests.Beyond;

/// <summary>A text drawn mostly from the characters the rules name, so that context (composition, contextual yeh,
/// space runs, expansions, surrogates) shows up often.</summary>
public sealed record RuleText(string Value)
{
    public override string ToString() => Escape(Value);

    internal static string Escape(string s)
    {
        var b = new StringBuilder();
        foreach (char c in s)
        {
            if (c is >= ' ' and < '\u007F')
            {
                b.Append(c);
            }
            else
            {
                b.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return b.ToString();
    }
}

/// <summary>A text of valid Unicode scalar values only (no lone surrogates), for the UTF-8 properties.</summary>
public sealed record ScalarText(string Value)
{
    public override string ToString() => RuleText.Escape(Value);
}

/// <summary>One random combination of every option.</summary>
public sealed record OptionsCase(ArabicNormalizerOptions Options)
{
    private readonly Lazy<ArabicNormalizer> _normalizer = new(() => new ArabicNormalizer(Options));

    public ArabicNormalizer Normalizer => _normalizer.Value;

    public override string ToString() => Options.ToString();
}

/// <summary>A sequence of read sizes for short-reading readers and streams.</summary>
public sealed record ReadSizes(int[] Sizes)
{
    public override string ToString() => string.Join(",", Sizes);
}

/// <summary>The generators of the Beyond properties.</summary>
public static class BeyondArbitraries
{
    // The characters the rules treat specially, each written as an escape (no Arabic glyphs in code).
    private static readonly string[] s_interesting =
    [
        "\u0627", "\u0648", "\u064A", "\u06D5", "\u06C1", "\u06D2", // composition bases
        "\u0653", "\u0654", "\u0655", // MADDA ABOVE, HAMZA ABOVE, HAMZA BELOW
        "\u06CC", "\u06A9", "\u06AA", "\u06C0", "\u06C2", "\u06D3", "\u06BE", "\u06C3", // letter variants
        "\u0643", "\u0649", "\u0629", "\u0622", "\u0623", "\u0625", "\u0671", "\u0628", "\u0644", "\u0645", // letters
        "\u0660", "\u0665", "\u06F0", "\u06F9", "\u066A", "\u066B", "\u066C", // digits and separators
        "\u00AB", "\u00BB", "\u201C", "\u201D", "\u2018", "\u2019", "\u2032", // quotes and a prime
        "\u0640", // TATWEEL
        "\u200B", "\u200E", "\u200F", "\u202B", "\u2066", "\uFEFF", "\u00AD", "\u200D", // controls, ZWJ
        "\u200C", // ZWNJ
        " ", " ", " ", "\u00A0", "\u2009", "\u3000", "\n", "\t", // spaces
        "\u064B", "\u064E", "\u0651", "\u0652", "\u0670", "\u0610", // diacritics
        "\u060C", "\u061B", "\u061F", "\u06D4", // Arabic punctuation
        "\uFEFB", "\uFDF2", "\uFDFA", "\uFDFC", "\uFE8D", "\uFE91", "\uFB8E", "\uFC5E", "\uFD3E", // compatibility forms
        "\uD83B\uDE00", "\uD83B\uDE21", "\uD83D\uDE00", // U+1EE00, U+1EE21 (Arabic math), an emoji
        "a", "Z", "0", "9", ".", ",",
    ];

    private static Gen<string> Piece(bool allowLoneSurrogates)
    {
        var pieces = new List<(int, Gen<string>)>
        {
            (14, Gen.Elements(s_interesting)),
            (2, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
            (2, Gen.Choose(0x0600, 0x06FF).Select(c => ((char)c).ToString())),
            (1, Gen.Choose(0xFB50, 0xFEFF).Select(c => ((char)c).ToString())),
            (1, Gen.Choose(0x1EE00, 0x1EEFF).Select(char.ConvertFromUtf32)),
            (1, Gen.Choose(0, 0xFFFF).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => ((char)c).ToString())),
        };
        if (allowLoneSurrogates)
        {
            pieces.Add((1, Gen.Choose(0xD800, 0xDFFF).Select(c => ((char)c).ToString())));
        }

        return Gen.Frequency(pieces.ToArray());
    }

    private static Gen<string> TextGen(bool allowLoneSurrogates) =>
        Gen.Sized(size => Gen.Choose(0, Math.Max(1, size * 3))
            .SelectMany(n => Piece(allowLoneSurrogates).ArrayOf(n))
            .Select(parts => string.Concat(parts)));

    public static Arbitrary<RuleText> RuleText() =>
        Arb.From(TextGen(allowLoneSurrogates: true).Select(s => new RuleText(s)), Shrink);

    public static Arbitrary<ScalarText> ScalarText() =>
        Arb.From(TextGen(allowLoneSurrogates: false).Select(s => new ScalarText(s)), ShrinkScalar);

    public static Arbitrary<ReadSizes> ReadSizes() =>
        Arb.From(Gen.Choose(1, 40).ArrayOf().Select(a => new ReadSizes(a.Length == 0 ? [1] : a)));

    // Building a normalizer builds its 64 Ki-entry table, so the properties draw from a fixed pool: the presets, a
    // contextual-yeh variant, and 36 combinations drawn once from a seeded generator.
    private static readonly Lazy<OptionsCase[]> s_optionsPool = new(() =>
    {
        var random = new Random(20261129);
        var pool = new List<OptionsCase>
        {
            new(ArabicNormalizer.Default.GetOptions()),
            new(ArabicNormalizer.Search.GetOptions()),
            new(ArabicNormalizer.Persian.GetOptions()),
            new(ContextualYeh()),
        };
        for (int k = 0; k < 36; k++)
        {
            bool B() => random.Next(2) == 1;
            pool.Add(new OptionsCase(new ArabicNormalizerOptions
            {
                FoldCompatibilityForms = B(),
                ComposeHamza = B(),
                Letters = (LetterTarget)random.Next(3),
                ContextualFarsiYeh = B(),
                Digits = (DigitTarget)random.Next(4),
                Quotes = (QuoteTarget)random.Next(2),
                RemoveTatweel = B(),
                RemoveFormatControls = B(),
                Zwnj = (ZwnjHandling)random.Next(3),
                NormalizeSpaces = B(),
                CollapseSpaces = B(),
                RemoveDiacritics = B(),
                FoldAlef = B(),
                FoldAlefMaksura = B(),
                FoldTehMarbuta = B(),
                AsciiPunctuation = B(),
            }));
        }

        return pool.ToArray();
    });

    public static Arbitrary<OptionsCase> OptionsCase() =>
        Arb.From(Gen.Choose(0, 39).Select(k => s_optionsPool.Value[k]));

    private static ArabicNormalizerOptions ContextualYeh() => new() { ContextualFarsiYeh = true, CollapseSpaces = true };

    private static IEnumerable<RuleText> Shrink(RuleText text) =>
        ShrinkString(text.Value).Select(s => new RuleText(s));

    private static IEnumerable<ScalarText> ShrinkScalar(ScalarText text) =>
        ShrinkString(text.Value).Where(s => !HasLoneSurrogate(s)).Select(s => new ScalarText(s));

    private static IEnumerable<string> ShrinkString(string s)
    {
        if (s.Length == 0)
        {
            yield break;
        }

        yield return s[..(s.Length / 2)];
        yield return s[(s.Length / 2)..];
        for (int i = 0; i < s.Length; i++)
        {
            yield return s.Remove(i, 1);
        }
    }

    internal static bool HasLoneSurrogate(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }
}
