using System.Text;
using System.Text.RegularExpressions;
using LuceneArabicNormalizer = Lucene.Net.Analysis.Ar.ArabicNormalizer;
using LucenePersianNormalizer = Lucene.Net.Analysis.Fa.PersianNormalizer;

namespace ArabicNorm.Benchmarks;

/// <summary>The <c>Default</c> preset's one-to-one mappings, deletions and hamza pairs, as the peers below need them.
/// Compatibility folding is left out: a replace chain or a regex cannot express it reasonably, so these two
/// peers do less work than ArabicNorm on presentation forms.</summary>
internal static class DefaultRules
{
    /// <summary>Gets the single-character rules of <c>Default</c> (target <c>null</c> = delete).</summary>
    public static IReadOnlyList<(char From, string To)> SingleChars { get; } = BuildSingle();

    /// <summary>Gets the eight hamza compositions (NFC's Arabic pairs), then letter-mapped as <c>Default</c> does.</summary>
    public static IReadOnlyList<(string From, string To)> Pairs { get; } =
    [
        ("\u0627\u0653", "\u0622"), // ALEF + MADDA ABOVE
        ("\u0627\u0654", "\u0623"), // ALEF + HAMZA ABOVE
        ("\u0627\u0655", "\u0625"), // ALEF + HAMZA BELOW
        ("\u0648\u0654", "\u0624"), // WAW + HAMZA ABOVE
        ("\u064A\u0654", "\u0626"), // YEH + HAMZA ABOVE
        ("\u06D5\u0654", "\u0647"), // AE + HAMZA ABOVE -> HEH WITH YEH ABOVE -> HEH
        ("\u06C1\u0654", "\u0647"), // HEH GOAL + HAMZA ABOVE -> HEH
        ("\u06D2\u0654", "\u0626"), // YEH BARREE + HAMZA ABOVE -> YEH WITH HAMZA ABOVE
    ];

    private static List<(char, string)> BuildSingle()
    {
        var rules = new List<(char, string)>
        {
            ('\u06CC', "\u064A"), ('\u06D2', "\u064A"), ('\u06D3', "\u0626"), // FARSI YEH, YEH BARREE (+HAMZA)
            ('\u06A9', "\u0643"), ('\u06AA', "\u0643"), // KEHEH, SWASH KAF
            ('\u06C0', "\u0647"), ('\u06C1', "\u0647"), ('\u06C2', "\u0647"), ('\u06D5', "\u0647"), ('\u06BE', "\u0647"), // HEH variants
            ('\u06C3', "\u0629"), // TEH MARBUTA GOAL
            ('\u066A', "%"), ('\u066B', "."), ('\u066C', ","), // ARABIC PERCENT SIGN, DECIMAL and THOUSANDS SEPARATORS
            ('\u0640', ""), // TATWEEL
            ('\u200C', ""), // ZWNJ
        };
        for (int d = 0; d < 10; d++)
        {
            rules.Add(((char)('\u0660' + d), ((char)('0' + d)).ToString())); // ARABIC-INDIC DIGITS
            rules.Add(((char)('\u06F0' + d), ((char)('0' + d)).ToString())); // EXTENDED ARABIC-INDIC DIGITS
        }

        foreach (char q in "\u00AB\u00BB\u201C\u201D\u201E\u201F\u301D\u301E\u301F\uFF02")
        {
            rules.Add((q, "\"")); // double quotation marks
        }

        foreach (char q in "\u2018\u2019\u201A\u201B\u2039\u203A\uFF07")
        {
            rules.Add((q, "'")); // single quotation marks
        }

        foreach (char c in "\u00AD\u061C\u200B\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF")
        {
            rules.Add((c, "")); // format controls
        }

        foreach (char c in "\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000")
        {
            rules.Add((c, " ")); // other spaces
        }

        return rules;
    }
}

/// <summary>The naive way: one <see cref="string.Replace(string, string)"/> per rule.</summary>
internal static class NaiveReplaceChain
{
    public static string Normalize(string text)
    {
        foreach ((string from, string to) in DefaultRules.Pairs)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        foreach ((char from, string to) in DefaultRules.SingleChars)
        {
            text = to.Length == 1 ? text.Replace(from, to[0]) : text.Replace(from.ToString(), to, StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>One compiled <see cref="Regex"/> over every rule, with a <see cref="MatchEvaluator"/> that looks the
/// replacement up.</summary>
internal static class RegexEvaluatorNormalizer
{
    private static readonly Dictionary<string, string> s_replacements = Build();
    private static readonly Regex s_regex = new(
        string.Join('|', DefaultRules.Pairs.Select(p => Regex.Escape(p.From)))
            + "|[" + string.Concat(DefaultRules.SingleChars.Select(r => $"\\u{(int)r.From:X4}")) + "]",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly MatchEvaluator s_evaluator = m => s_replacements[m.Value];

    public static string Normalize(string text) => s_regex.Replace(text, s_evaluator);

    private static Dictionary<string, string> Build()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string from, string to) in DefaultRules.Pairs)
        {
            d[from] = to;
        }

        foreach ((char from, string to) in DefaultRules.SingleChars)
        {
            d[from.ToString()] = to;
        }

        return d;
    }
}

/// <summary>Lucene.Net's <c>ArabicNormalizer</c> followed by its <c>PersianNormalizer</c>, as an analyzer chain runs
/// them: in place on a term buffer, each deletion shifting the rest of the buffer.</summary>
internal sealed class LuceneChain
{
    private readonly LuceneArabicNormalizer _arabic = new();
    private readonly LucenePersianNormalizer _persian = new();
    private readonly char[] _term;
    private readonly char[] _output;
    private readonly string _text;
    private readonly (int Start, int Length)[] _tokens;
    private readonly (int Start, int Length)[] _lines;

    public LuceneChain(string text)
    {
        _text = text;
        _tokens = Split(text, c => c is ' ' or '\n' or '\r' or '\t');
        _lines = Split(text, c => c is '\n');
        _term = new char[text.Length];
        _output = new char[text.Length];
    }

    /// <summary>Normalizes every whitespace-separated token in a term buffer, as ArabicNormalizationFilter and
    /// PersianNormalizationFilter do after a tokenizer, and writes the tokens and separators to an output buffer.</summary>
    public int PerToken() => Run(_tokens);

    /// <summary>Normalizes every line as one buffer: what a caller gets who uses the normalizers on whole texts.</summary>
    public int PerLine() => Run(_lines);

    private int Run((int Start, int Length)[] pieces)
    {
        ReadOnlySpan<char> text = _text;
        int written = 0;
        int read = 0;
        foreach ((int start, int length) in pieces)
        {
            // The separators between pieces are copied as they are.
            text[read..start].CopyTo(_output.AsSpan(written));
            written += start - read;

            text.Slice(start, length).CopyTo(_term);
            int n = _arabic.Normalize(_term, length);
            n = _persian.Normalize(_term, n);
            _term.AsSpan(0, n).CopyTo(_output.AsSpan(written));
            written += n;
            read = start + length;
        }

        text[read..].CopyTo(_output.AsSpan(written));
        return written + text.Length - read;
    }

    private static (int, int)[] Split(string text, Func<char, bool> isSeparator)
    {
        var pieces = new List<(int, int)>();
        int start = -1;
        for (int k = 0; k <= text.Length; k++)
        {
            bool separator = k == text.Length || isSeparator(text[k]);
            if (!separator && start < 0)
            {
                start = k;
            }
            else if (separator && start >= 0)
            {
                pieces.Add((start, k - start));
                start = -1;
            }
        }

        return pieces.ToArray();
    }
}
