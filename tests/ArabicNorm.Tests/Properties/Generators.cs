using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ArabicNorm.Tests.Properties;

/// <summary>A generated input text; prints as C# escapes so a counterexample can be pasted into a regression test.</summary>
public sealed record Text(string Value)
{
    public override string ToString() => Escape(Value);

    internal static string Escape(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.Append('"').ToString();
    }
}

/// <summary>A generated text over the alphabet of law L7.</summary>
public sealed record LuceneText(string Value)
{
    public override string ToString() => Text.Escape(Value);
}

/// <summary>Generated options: one of the presets, the identity, or a random combination.</summary>
public sealed record Options(string Name, ArabicNormalizerOptions Value)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ArabicNormalizer> s_cache = new();

    public ArabicNormalizer Normalizer => For(Value);

    /// <summary>Gets a normalizer for <paramref name="options"/>, built once per distinct combination.</summary>
    public static ArabicNormalizer For(ArabicNormalizerOptions options) =>
        s_cache.GetOrAdd(options.ToString(), _ => new ArabicNormalizer(options));

    public override string ToString() => $"{Name} {{ {Value} }}";
}

/// <summary>A text and options to normalize it with.</summary>
public sealed record Case(Text Text, Options Options)
{
    public string Input => Text.Value;

    public ArabicNormalizer Normalizer => Options.Normalizer;

    public override string ToString() => $"{Text} under {Options}";
}

/// <summary>A text, options and a list of small numbers (split points, destination sizes) to drive an API with.</summary>
/// <summary>A case of law L2's domain: a text in which NFC and NFD change only Arabic characters.</summary>
public sealed record CanonicalCase(Case Case)
{
    public override string ToString() => Case.ToString();
}

/// <summary>A case of Arabic letters and marks only, with sequences longer than the Stream-Safe Text Format's 30.</summary>
public sealed record LongSequenceCase(Case Case)
{
    public override string ToString() => Case.ToString();
}

public sealed record Driven(Case Case, int[] Numbers)
{
    public override string ToString() => $"{Case} with [{string.Join(", ", Numbers)}]";
}

/// <summary>A text drawn mostly from the characters the rules name, so that context (composition, contextual yeh,
/// space runs, expansions, surrogates) shows up often (<see cref="Generators.RuleTexts"/>).</summary>
public sealed record RuleText(string Value)
{
    public override string ToString() => Text.Escape(Value);
}

/// <summary>A <see cref="RuleText"/> of valid Unicode scalar values only (no lone surrogates), for the UTF-8 properties.</summary>
public sealed record ScalarText(string Value)
{
    public override string ToString() => Text.Escape(Value);
}

/// <summary>Options for the API properties, drawn from <see cref="Generators.PooledOptions"/>: the presets, a
/// contextual-yeh variant and a fixed pool of random combinations, so the properties build few normalizers.</summary>
public sealed record OptionsCase(ArabicNorm.Tests.Properties.Options Drawn)
{
    public ArabicNormalizerOptions Options => Drawn.Value;

    public ArabicNormalizer Normalizer => Drawn.Normalizer;

    public override string ToString() => Drawn.ToString();
}

/// <summary>A sequence of read sizes for short-reading readers and streams.</summary>
public sealed record ReadSizes(int[] Sizes)
{
    public override string ToString() => string.Join(",", Sizes);
}

/// <summary>A text of characters that every rule maps one-to-one (no deletion, expansion, composition or collapse
/// under the option combinations used with it), so that the output lines up with the input position by position.</summary>
public sealed record OneToOneText(string Value)
{
    public override string ToString() => Text.Escape(Value);
}

/// <summary>
/// Generators of input that looks like the text the library meets: Arabic news (slices of the seed article and words
/// rebuilt from the Arabic blocks), Persian-keyboard Arabic, PDF-extracted text, decomposed hamza, digits, quotes and
/// spaces, bidi controls, ZWNJ/ZWJ, emoji and other supplementary characters, Latin, and hostile input.
/// </summary>
public static class Generators
{
    private static readonly Lazy<string> s_seed = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt")));

    private static readonly char[] s_persianKeyboard =
    [
        '\u06CC', // FARSI YEH
        '\u06A9', // KEHEH
        '\u06C0', // HEH WITH YEH ABOVE
        '\u06C1', // HEH GOAL
        '\u06D2', // YEH BARREE
        '\u067E', '\u0686', '\u0698', '\u06AF', // PEH, TCHEH, JEH, GAF: kept letters
        '\u200C', // ZWNJ
        '\u0627', '\u0628', '\u062A', '\u0631', '\u0633', '\u0645', '\u0646', '\u0647', '\u0648', '\u064A', '\u0649', '\u0643',
    ];

    private static readonly char[] s_hamzaBases =
    [
        '\u0627', '\u0648', '\u064A', '\u06D5', '\u06C1', '\u06D2', // the eight pairs' bases
        '\u06CC', '\u0649', '\u0647', '\u0643', '\u0621', // letters that map to or from bases
        '\u0622', '\u0623', // already composed
    ];

    private static readonly char[] s_between =
    [
        '\u0640', // TATWEEL
        '\u200E', '\u200F', '\u061C', '\u00AD', '\u200B', '\uFEFF', // removable controls
        '\u200C', '\u200D', // ZWNJ, ZWJ
        '\u064E', '\u0651', // FATHA, SHADDA
    ];

    private static readonly char[] s_digits =
    [
        '\u0660', '\u0661', '\u0662', '\u0663', '\u0664', '\u0665', '\u0666', '\u0667', '\u0668', '\u0669',
        '\u06F0', '\u06F1', '\u06F2', '\u06F3', '\u06F4', '\u06F5', '\u06F6', '\u06F7', '\u06F8', '\u06F9',
        '\u066A', '\u066B', '\u066C', // ARABIC PERCENT SIGN, DECIMAL SEPARATOR, THOUSANDS SEPARATOR
        '0', '1', '7', '9', '.', ',', '%', '/', '-',
    ];

    private static readonly char[] s_punctuation =
    [
        '\u060C', '\u061B', '\u061F', '\u06D4', // ARABIC COMMA, SEMICOLON, QUESTION MARK, FULL STOP
        '\u2032', '\u2033', // PRIME, DOUBLE PRIME: not quotes
        '"', '\'', ' ', ' ', ' ', '\t', '\n', '\r',
    ];

    private static readonly char[] s_controls =
    [
        '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
        '\u061C', '\u00AD', '\u200B', '\u2060', '\uFEFF', '\u200C', '\u200D',
    ];

    private static readonly char[] s_hostile = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83B', '\uDE00', '\uDE80', '\uFFFF', '\uFFFE', '\uFFFD', '\0'];

    private static readonly string[] s_supplementary =
    [
        "\U0001F600", // GRINNING FACE
        "\U0001F468\u200D\U0001F469\u200D\U0001F467", // family: ZWJ sequence
        "\U0001F1EE\U0001F1F6", // flag
        "\U0001EE00", "\U0001EE01", "\U0001EE2F", "\U0001EE80", "\U0001EEBB", "\U0001EEF0", "\U0001EEFF", // Arabic math
        "\U00020000", // CJK extension B
        "\U0001D400", // MATHEMATICAL BOLD CAPITAL A: a compatibility form outside the spec's blocks
    ];

    private static readonly string[] s_latin = ["The", " news", "Iraq", "USA-2025", "http://x.y/a?b=1", "e\u0301", "\u00E9"];

    /// <summary>Gets a generator of characters drawn from a few ranges.</summary>
    private static Gen<char> Range(int lo, int hi) => Gen.Choose(lo, hi).Select(i => (char)i);

    private static Gen<string> Word(Gen<char> letters, int max) =>
        Gen.Choose(1, max).SelectMany(n => Gen.ArrayOf(letters, n)).Select(a => new string(a));

    private static Gen<string> SeedSlice =>
        Gen.Choose(0, 3000).SelectMany(start => Gen.Choose(1, 40).Select(len =>
        {
            string seed = s_seed.Value;
            start = Math.Min(start, seed.Length - 1);
            return seed.Substring(start, Math.Min(len, seed.Length - start));
        }));

    private static Gen<string> Fragment => Gen.Frequency(
        (6, SeedSlice),
        (5, Word(Gen.OneOf(Range(0x0621, 0x064A), Range(0x064B, 0x065F), Range(0x0600, 0x06FF)), 8)), // Arabic block
        (2, Word(Gen.OneOf(Range(0x0750, 0x077F), Range(0x08A0, 0x08FF)), 4)), // Arabic Supplement, Extended-A
        (4, Word(Gen.Elements(s_persianKeyboard), 8)),
        (4, Word(Gen.OneOf(Range(0xFB50, 0xFDFF), Range(0xFE70, 0xFEFF), Range(0xFEF5, 0xFEFC)), 5)), // PDF
        (5, HamzaSequence),
        (5, VocalizedSequence),
        (1, LongSequence),
        (3, Word(Gen.Elements(s_digits), 6)),
        (4, Word(Gen.Elements([.. SpecModel.DoubleQuotes, .. SpecModel.SingleQuotes, .. SpecModel.OtherSpaces, .. s_punctuation]), 5)),
        (3, Word(Gen.Elements(s_controls), 3)),
        (2, Gen.Elements(s_supplementary)),
        (2, Gen.Elements(s_latin)),
        (2, Word(Gen.Elements(s_hostile), 2)),
        (1, Gen.Elements("\uD83B\u200F\uDE00", "\uD83B\u0640\u200B\uDE80", "\uD83B\u200C\uDE01", "\uD83B \uDE00")), // lone halves that deletions may join
        (1, Word(Range(0, 0xFFFF), 3)),
        (2, Word(Gen.Constant(' '), 4)));

    // Arabic marks of every class the generators need: the harakat (27..34), SUPERSCRIPT ALEF (35), the hamza marks
    // (230, 220), SUBSCRIPT ALEF and SMALL LOW SEEN (220), Quranic and Extended-A marks (230, 220, 27).
    private static readonly char[] s_marks =
    [
        '\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', // FATHATAN .. SUKUN
        '\u0670', // SUPERSCRIPT ALEF
        '\u0653', '\u0654', '\u0655', // MADDA ABOVE, HAMZA ABOVE, HAMZA BELOW
        '\u0656', '\u0657', '\u06E3', '\u0610', '\u0618', // SUBSCRIPT ALEF, INVERTED DAMMA, SMALL LOW SEEN, SALLALLAHOU, SMALL FATHA
        '\u08F0', '\u08D3', '\u08E3', '\u08FF', // OPEN FATHATAN, SMALL LOW WAW, TURNED DAMMA BELOW, SIDEWAYS NOON GHUNNA
    ];

    // A base and a few marks typed in any order, as vocalized text and NFD sources give them.
    private static Gen<string> VocalizedSequence =>
        from b in Gen.Elements([.. s_hamzaBases, '\u0628', '\u0644', '\u0625', '\u0624', '\u0626', ' '])
        from marks in Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Frequency((8, Gen.Elements(s_marks)), (1, Gen.Elements(s_between))), n))
        select b + new string(marks);

    // Sequences around the Stream-Safe Text Format's limit of 30 non-starters.
    private static Gen<string> LongSequence =>
        from b in Gen.Elements('\u0627', '\u0623', '\u0648', '\u0628')
        from n in Gen.Choose(25, 70)
        from marks in Gen.ArrayOf(Gen.Frequency((12, Gen.Elements(s_marks)), (1, Gen.Elements(s_between))), n)
        select b + new string(marks);

    private static Gen<string> HamzaSequence =>
        from b in Gen.Elements(s_hamzaBases)
        from between in Gen.Frequency((3, Gen.Constant(string.Empty)), (2, Word(Gen.Elements(s_between), 2)))
        from marks in Word(Range(0x0653, 0x0655), 2)
        select b + between + marks;

    /// <summary>Gets a generator of texts made of a few fragments.</summary>
    public static Gen<string> Texts =>
        Gen.Sized(size => Gen.Choose(0, Math.Max(1, Math.Min(size, 12))).SelectMany(n => Gen.ArrayOf(Fragment, n)))
            .Select(parts => string.Concat(parts));

    /// <summary>Gets a generator of texts for law L2: mostly Arabic letters and marks in any order, precomposed and
    /// decomposed hamza letters, with some Latin, digits, spaces and controls; the property keeps those in which NFC
    /// and NFD change only Arabic characters.</summary>
    public static Gen<string> CanonicalTexts =>
        Gen.Sized(size => Gen.Choose(0, Math.Max(1, Math.Min(size, 8))).SelectMany(n => Gen.ArrayOf(
            Gen.Frequency(
                (8, VocalizedSequence),
                (3, HamzaSequence),
                (3, SeedSlice),
                (2, Word(Gen.Elements(s_persianKeyboard), 4)),
                (1, Gen.Elements(s_latin)),
                (1, Word(Gen.Elements(s_controls), 2)),
                (1, Word(Gen.Elements(s_digits), 3))),
            n))).Select(parts => string.Concat(parts));

    /// <summary>Gets a generator of texts made only of Arabic letters and Arabic marks, with long mark sequences, for
    /// the Stream-Safe Text Format property.</summary>
    public static Gen<string> LongSequenceTexts =>
        Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(
            Gen.Frequency(
                (3, from b in Gen.Elements('\u0627', '\u0623', '\u0622', '\u0648', '\u0628', '\u064A', '\u06D3')
                    from k in Gen.Choose(0, 75)
                    from marks in Gen.ArrayOf(Gen.Elements(s_marks), k)
                    select b + new string(marks)),
                (1, Gen.Choose(1, 40).SelectMany(k => Gen.ArrayOf(Gen.Elements(s_marks), k)).Select(a => new string(a)))),
            n)).Select(parts => string.Concat(parts));

    /// <summary>Gets a generator of texts over the L7 alphabet: U+0621..U+0652, U+0640, U+06CC, U+06D2, U+06A9,
    /// U+06C0, U+06C1, spaces and ASCII.</summary>
    public static Gen<string> LuceneAlphabetTexts =>
        Gen.Sized(size => Gen.Choose(0, Math.Max(1, size)).SelectMany(n => Gen.ArrayOf(
            Gen.Frequency(
                (10, Range(0x0621, 0x0652)),
                (4, Gen.Elements('\u0640', '\u06CC', '\u06D2', '\u06A9', '\u06C0', '\u06C1')),
                (3, Gen.Constant(' ')),
                (2, Range(0x20, 0x7E))),
            n * 3))).Select(a => new string(a));

    private static Gen<bool> Bool => Gen.Elements(true, false);

    /// <summary>Gets a generator of random option combinations.</summary>
    public static Gen<ArabicNormalizerOptions> RandomOptions =>
        from flags in Gen.ArrayOf(Bool, 12)
        from letters in Gen.Elements(LetterTarget.Keep, LetterTarget.Arabic, LetterTarget.Persian)
        from digits in Gen.Elements(DigitTarget.Keep, DigitTarget.Ascii, DigitTarget.ArabicIndic, DigitTarget.Persian)
        from quotes in Gen.Elements(QuoteTarget.Keep, QuoteTarget.Ascii)
        from zwnj in Gen.Elements(ZwnjHandling.Keep, ZwnjHandling.Remove, ZwnjHandling.Space)
        select new ArabicNormalizerOptions
        {
            FoldCompatibilityForms = flags[0],
            ComposeHamza = flags[1],
            Letters = letters,
            ContextualFarsiYeh = flags[2],
            Digits = digits,
            Quotes = quotes,
            RemoveTatweel = flags[3],
            RemoveFormatControls = flags[4],
            Zwnj = zwnj,
            NormalizeSpaces = flags[5],
            CollapseSpaces = flags[6],
            RemoveDiacritics = flags[7],
            FoldAlef = flags[8],
            FoldAlefMaksura = flags[9],
            FoldTehMarbuta = flags[10],
            AsciiPunctuation = flags[11],
        };

    private static readonly Options s_default = new("Default", ArabicNormalizer.Default.GetOptions());
    private static readonly Options s_search = new("Search", ArabicNormalizer.Search.GetOptions());
    private static readonly Options s_persian = new("Persian", ArabicNormalizer.Persian.GetOptions());

    /// <summary>Gets a generator of options: the three presets, and random combinations half of the time.</summary>
    public static Gen<Options> AnyOptions => Gen.Frequency(
        (2, Gen.Constant(s_default)),
        (2, Gen.Constant(s_search)),
        (2, Gen.Constant(s_persian)),
        (6, RandomOptions.Select(o => new Options("Random", o))));

    private static IEnumerable<Text> ShrinkText(Text text)
    {
        string s = text.Value;
        if (s.Length == 0)
        {
            yield break;
        }

        // Halves first, then each single character, then simpler characters (a kept letter for an Arabic one).
        if (s.Length > 1)
        {
            yield return new Text(s[..(s.Length / 2)]);
            yield return new Text(s[(s.Length / 2)..]);
        }

        for (int i = 0; i < s.Length; i++)
        {
            yield return new Text(s.Remove(i, 1));
        }

        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != 'a')
            {
                yield return new Text(s[..i] + 'a' + s[(i + 1)..]);
            }
        }
    }

    private static IEnumerable<Case> ShrinkCase(Case c) => ShrinkText(c.Text).Select(t => c with { Text = t });

    private static Gen<Case> Cases(Gen<string> texts, Gen<Options> options) =>
        from t in texts
        from o in options
        select new Case(new Text(t), o);

    /// <summary>Gets an arbitrary case: real-looking text under a preset or random options.</summary>
    public static Arbitrary<Case> ArbitraryCase() => Arb.From(Cases(Texts, AnyOptions), ShrinkCase);

    /// <summary>Gets an arbitrary case with a list of small numbers that drive chunking or destination sizes.</summary>
    public static Arbitrary<Driven> ArbitraryDriven() => Arb.From(
        from c in Cases(Texts, AnyOptions)
        from numbers in Gen.ArrayOf(Gen.Frequency((4, Gen.Choose(0, 4)), (2, Gen.Choose(5, 40))), 16)
        select new Driven(c, numbers),
        d => ShrinkCase(d.Case).Select(c => d with { Case = c }));

    /// <summary>Gets an arbitrary text over the alphabet of law L7.</summary>
    public static Arbitrary<LuceneText> ArbitraryLuceneText() => Arb.From(
        LuceneAlphabetTexts.Select(s => new LuceneText(s)),
        t => ShrinkText(new Text(t.Value)).Select(x => new LuceneText(x.Value)));

    /// <summary>Gets an arbitrary text on its own.</summary>
    public static Arbitrary<CanonicalCase> ArbitraryCanonicalCase() => Arb.From(
        from t in CanonicalTexts.Where(CanonicalEquivalence.IsInDomain)
        from o in AnyOptions
        select new CanonicalCase(new Case(new Text(t), o)),
        c => ShrinkCase(c.Case).Where(x => CanonicalEquivalence.IsInDomain(x.Input)).Select(x => new CanonicalCase(x)));

    public static Arbitrary<LongSequenceCase> ArbitraryLongSequenceCase() => Arb.From(
        from t in LongSequenceTexts
        from o in AnyOptions
        select new LongSequenceCase(new Case(new Text(t), o)));

    public static Arbitrary<Text> ArbitraryText() => Arb.From(Texts.Select(s => new Text(s)), ShrinkText);

    // The characters the rules treat specially, each written as an escape (no Arabic glyphs in code).
    private static readonly string[] s_ruleCharacters =
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

    // The alphabet of OneToOneText: characters each rule maps to one character, never deletes or composes.
    private static readonly string[] s_oneToOne =
    [
        "\u06CC", "\u06A9", "\u06AA", "\u06C1", "\u06BE", "\u06C3", "\u064A", "\u0643", "\u0649", "\u0629", // letters
        "\u0622", "\u0623", "\u0625", "\u0671", "\u0628", "\u0644", "\u0645", "\u0646", // alef forms, letters
        "\u0660", "\u0669", "\u06F0", "\u06F5", "\u066A", "\u066B", "\u066C", "1", // digits, separators
        "\u00AB", "\u00BB", "\u201C", "\u201D", "\u2018", "\u2019", "\u2032", // quotes, a prime
        "\u00A0", "\u2009", "\u3000", "\n", // spaces (CollapseSpaces is off for this alphabet)
        "\u060C", "\u061B", "\u061F", "\u06D4", "a", ".", // punctuation
    ];

    // One piece of a RuleText: mostly a rule character, sometimes a character of a block the rules cover. (Mixing in
    // this family's Fragment breaks the premise of OffsetsTests.SourceIndices_SourceCharProducesItsOutputChars: a
    // hamza mark that composes across an Extended-A mark is mapped to the letter, not to the segment the property
    // normalizes alone.)
    private static Gen<string> RulePiece => Gen.Frequency(
        (14, Gen.Elements(s_ruleCharacters)),
        (2, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
        (2, Gen.Choose(0x0600, 0x06FF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0xFB50, 0xFEFF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0x1EE00, 0x1EEFF).Select(char.ConvertFromUtf32)),
        (1, Gen.Choose(0, 0xFFFF).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0xD800, 0xDFFF).Select(c => ((char)c).ToString())));

    /// <summary>Gets a generator of texts drawn mostly from the characters the rules name, lone surrogates included.</summary>
    public static Gen<string> RuleTexts =>
        Gen.Sized(size => Gen.Choose(0, Math.Max(1, size * 3))
            .SelectMany(n => RulePiece.ArrayOf(n))
            .Select(parts => string.Concat(parts)));

    /// <summary>Gets a generator of <see cref="RuleTexts"/> with every lone surrogate replaced by U+FFFD.</summary>
    public static Gen<string> ScalarTexts => RuleTexts.Select(ReplaceLoneSurrogates);

    // Building a normalizer builds its 64 Ki-entry table, so the API properties draw from a fixed pool: the presets, a
    // contextual-yeh variant, and 36 combinations drawn once from a seeded random source.
    private static readonly Lazy<Options[]> s_optionsPool = new(() =>
    {
        var random = new Random(20261129);
        var pool = new List<Options>
        {
            s_default,
            s_search,
            s_persian,
            new("ContextualYeh", new ArabicNormalizerOptions { ContextualFarsiYeh = true, CollapseSpaces = true }),
        };
        for (int k = 0; k < 36; k++)
        {
            pool.Add(new Options($"Pool{k}", DrawOptions(random)));
        }

        return [.. pool];
    });

    /// <summary>Draws every option at random from <paramref name="random"/>, in declaration order.</summary>
    internal static ArabicNormalizerOptions DrawOptions(Random random)
    {
        bool B() => random.Next(2) == 1;
        return new ArabicNormalizerOptions
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
        };
    }

    /// <summary>Gets a generator of options from a fixed pool of 40: the presets, a contextual-yeh variant and 36
    /// random combinations.</summary>
    public static Gen<Options> PooledOptions => Gen.Choose(0, 39).Select(k => s_optionsPool.Value[k]);

    public static Arbitrary<RuleText> ArbitraryRuleText() =>
        Arb.From(RuleTexts.Select(s => new RuleText(s)), t => ShrinkString(t.Value).Select(s => new RuleText(s)));

    public static Arbitrary<ScalarText> ArbitraryScalarText() =>
        Arb.From(ScalarTexts.Select(s => new ScalarText(s)), t => ShrinkString(t.Value).Where(s => !HasLoneSurrogate(s)).Select(s => new ScalarText(s)));

    public static Arbitrary<OptionsCase> ArbitraryOptionsCase() => Arb.From(PooledOptions.Select(o => new OptionsCase(o)));

    public static Arbitrary<ReadSizes> ArbitraryReadSizes() =>
        Arb.From(Gen.Choose(1, 40).ArrayOf().Select(a => new ReadSizes(a.Length == 0 ? [1] : a)));

    public static Arbitrary<OneToOneText> ArbitraryOneToOneText() =>
        Arb.From(Gen.Elements(s_oneToOne).ArrayOf().Select(a => new OneToOneText(string.Concat(a))));

    /// <summary>Tells whether <paramref name="s"/> holds a surrogate that is not half of a pair.</summary>
    internal static bool HasLoneSurrogate(string s) => ReplaceLoneSurrogates(s) != s;

    private static string ReplaceLoneSurrogates(string s)
    {
        char[]? copy = null;
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                copy ??= s.ToCharArray();
                copy[i] = '\uFFFD';
            }
        }

        return copy is null ? s : new string(copy);
    }

    private static IEnumerable<string> ShrinkString(string s) => ShrinkText(new Text(s)).Select(t => t.Value);
}
