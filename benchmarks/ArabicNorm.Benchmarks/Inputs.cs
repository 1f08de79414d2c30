using System.Text;
using ICU4N.Text;

namespace ArabicNorm.Benchmarks;

/// <summary>Builds the benchmark inputs from the seed article, the same way every run.</summary>
public static class Inputs
{
    /// <summary>The approximate size of the large inputs, in UTF-16 bytes (1 MiB).</summary>
    public const int LargeBytes = 1 << 20;

    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_all = new(Build);

    /// <summary>Gets the input names, in report order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Seed",            // the 3,008-char article as is
        "Article1M",       // the article repeated to about 1 MiB
        "Normalized1M",    // the same text already normalized (Default)
        "LatinMix1M",      // English news with Arabic quotations and Arabic-Indic digits
        "PresentationForms1M", // the article as PDF-style shaped presentation forms
        "Vocalized1M",     // the article with a diacritic on most letters
    ];

    /// <summary>Gets the text of one input.</summary>
    public static string Get(string name) => s_all.Value[name];

    /// <summary>Gets the size of one input in UTF-16 bytes, the unit of the MB/s column.</summary>
    public static long SizeInBytes(string name) => 2L * Get(name).Length;

    private static IReadOnlyDictionary<string, string> Build()
    {
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
        string english = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "english-news.txt"));
        string article = Repeat(seed);
        return new Dictionary<string, string>
        {
            ["Seed"] = seed,
            ["Article1M"] = article,
            ["Normalized1M"] = ArabicNormalizer.Default.Normalize(article),
            ["LatinMix1M"] = Repeat(LatinMix(english, seed)),
            ["PresentationForms1M"] = Repeat(Shape(seed)),
            ["Vocalized1M"] = Repeat(Vocalize(seed)),
        };
    }

    /// <summary>Repeats <paramref name="unit"/> (separated by a line break) up to about <see cref="LargeBytes"/>.</summary>
    private static string Repeat(string unit)
    {
        var sb = new StringBuilder(LargeBytes / 2 + unit.Length + 1);
        while (sb.Length * 2 < LargeBytes)
        {
            sb.Append(unit);
            if (!unit.EndsWith('\n'))
            {
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>English sentences; every third one is followed by an Arabic quotation from the seed in curly
    /// quotation marks, and by a figure written in Arabic-Indic digits.</summary>
    private static string LatinMix(string english, string seed)
    {
        string[] sentences = english.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] arabic = seed.Split(['.', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sb = new StringBuilder();
        var random = new Random(20261129);
        for (int k = 0; k < sentences.Length * 3; k++)
        {
            sb.Append(sentences[k % sentences.Length]);
            if (k % 3 == 2)
            {
                string quote = arabic[random.Next(arabic.Length)];
                int words = Math.Min(12, quote.Split(' ').Length);
                sb.Append(" The statement read: \u201C") // LEFT DOUBLE QUOTATION MARK
                    .Append(string.Join(' ', quote.Split(' ').Take(words)))
                    .Append("\u201D, and cited "); // RIGHT DOUBLE QUOTATION MARK
                foreach (char d in random.Next(100, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    sb.Append((char)('\u0660' + (d - '0'))); // ARABIC-INDIC DIGIT ZERO..NINE
                }

                sb.Append(" troops.");
            }

            sb.Append(k % 4 == 3 ? '\n' : ' ');
        }

        return sb.ToString();
    }

    /// <summary>Puts a diacritic on most Arabic letters (fatha, kasra, damma, sukun, shadda with a vowel, tanwin at
    /// word ends), deterministically.</summary>
    private static string Vocalize(string text)
    {
        var random = new Random(4);
        var sb = new StringBuilder(text.Length * 2);
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            sb.Append(c);
            bool letter = c is >= '\u0621' and <= '\u064A' && c != '\u0640'; // HAMZA..YEH, not TATWEEL
            if (!letter || random.Next(10) == 0)
            {
                continue;
            }

            bool wordEnd = k + 1 == text.Length || text[k + 1] is ' ' or '\n' or '.' or '\u060C'; // ARABIC COMMA
            int pick = random.Next(12);
            if (wordEnd && pick < 3)
            {
                sb.Append((char)('\u064B' + pick)); // FATHATAN, DAMMATAN, KASRATAN
            }
            else if (pick < 2)
            {
                sb.Append('\u0651').Append('\u064E'); // SHADDA, FATHA
            }
            else
            {
                sb.Append("\u064E\u064F\u0650\u0652"[pick % 4]); // FATHA, DAMMA, KASRA, SUKUN
            }
        }

        return sb.ToString();
    }

    /// <summary>Shapes the text the way PDF extraction leaves it: every Arabic letter becomes its isolated, final,
    /// initial or medial presentation form, and LAM followed by ALEF becomes one ligature. The forms are found by
    /// inverting ICU4N's NFKC over U+FB50..U+FEFF.</summary>
    private static string Shape(string text)
    {
        // For each letter, its forms in code point order: isolated, final, initial, medial (as the blocks order them).
        var forms = new Dictionary<char, List<char>>();
        var lamAlef = new Dictionary<char, List<char>>();
        Normalizer2 nfkc = Normalizer2.NFKCInstance;
        // Forms-B first (the basic letters), then Forms-A for the letters B lacks (FARSI YEH, KEHEH, ...).
        foreach ((int first, int last) in new[] { (0xFE70, 0xFEFC), (0xFB50, 0xFBFF) })
        {
            var found = new Dictionary<char, List<char>>();
            for (int cp = first; cp <= last; cp++)
            {
                string decomposed = nfkc.Normalize(((char)cp).ToString());
                if (decomposed.Length == 1 && decomposed[0] is >= '\u0621' and <= '\u06FF' && !forms.ContainsKey(decomposed[0]))
                {
                    GetOrAdd(found, decomposed[0]).Add((char)cp);
                }
                else if (decomposed.Length == 2 && decomposed[0] == '\u0644' && cp >= 0xFEF5) // LAM + some ALEF
                {
                    GetOrAdd(lamAlef, decomposed[1]).Add((char)cp);
                }
            }

            foreach (KeyValuePair<char, List<char>> pair in found)
            {
                forms[pair.Key] = pair.Value;
            }
        }

        var sb = new StringBuilder(text.Length);
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            if (!forms.TryGetValue(c, out List<char>? f))
            {
                sb.Append(c);
                continue;
            }

            bool joinsBefore = k > 0 && JoinsForward(text[k - 1], forms);
            if (c == '\u0644' && k + 1 < text.Length && lamAlef.TryGetValue(text[k + 1], out List<char>? lig)) // LAM
            {
                sb.Append(lig[joinsBefore ? 1 : 0]);
                k++;
                continue;
            }

            bool joinsAfter = f.Count == 4 && k + 1 < text.Length && forms.ContainsKey(text[k + 1]);
            int form = (joinsBefore, joinsAfter) switch
            {
                (false, false) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
            };
            sb.Append(f[Math.Min(form, f.Count - 1)]);
        }

        return sb.ToString();
    }

    private static bool JoinsForward(char previous, Dictionary<char, List<char>> forms) =>
        forms.TryGetValue(previous, out List<char>? f) && f.Count == 4;

    private static List<char> GetOrAdd(Dictionary<char, List<char>> d, char key)
    {
        if (!d.TryGetValue(key, out List<char>? list))
        {
            list = [];
            d[key] = list;
        }

        return list;
    }
}
