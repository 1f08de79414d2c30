using System.Text;
using BenchmarkDotNet.Attributes;

namespace ArabicNorm.Benchmarks;

/// <summary>The normalized comparer against normalizing both sides into strings: equality of two whole articles that
/// differ in spelling only, and dictionary lookups of raw tokens.</summary>
/// <remarks>
/// <para>Pairs (both 3,008 chars, equal under <c>Default</c>):
/// <c>KeyboardVsClean</c>: the seed article as typed (FARSI YEH, KEHEH, Arabic-Indic digits, curly quotes) against
/// its clean copy (<c>Default</c>'s output), as when a crawler meets one story from two sources.
/// <c>TwoSpellings</c>: the same article spelled two other ways, so neither side is clean: every YEH as FARSI YEH,
/// KAF as KEHEH and digit as a Persian digit on one side; on the other, the seed's own spelling (Persian keyboard,
/// Arabic-Indic digits) with its curly quotation marks as angle ones.
/// <c>OutOfStep</c>: <c>KeyboardVsClean</c> with one TATWEEL stretching the first word, so that the two texts are no
/// longer in step and the comparer normalizes both from there (its general path).</para>
/// <para>Lookups: the article's 470-odd tokens (split at spaces and line breaks, as typed) looked up in a dictionary
/// of its normalized words: through <c>GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;</c> over a dictionary built
/// with <see cref="ArabicNormalizer.Comparer"/>, against <c>Normalize(token.ToString())</c> then an ordinal
/// lookup.</para>
/// </remarks>
[MemoryDiagnoser]
public class ComparerBenchmarks
{
    private static readonly ArabicNormalizer s_normalizer = ArabicNormalizer.Default;

    private string _a = "";
    private string _b = "";
    private string _tokensText = "";
    private (int Start, int Length)[] _tokens = [];
    private Dictionary<string, int> _ordinal = null!;
    private Dictionary<string, int> _normalized = null!;
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Gets or sets the pair of articles.</summary>
    [Params("KeyboardVsClean", "TwoSpellings", "OutOfStep")]
    public string Pair { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
        string clean = s_normalizer.Normalize(seed);
        (_a, _b) = Pair switch
        {
            "KeyboardVsClean" => (seed, clean),
            "TwoSpellings" => (PersianSpelling(clean), AngleQuotes(seed)),
            "OutOfStep" => (seed.Insert(seed.IndexOf(' ', StringComparison.Ordinal), "\u0640"), clean), // a TATWEEL in the first word

            _ => throw new InvalidOperationException(Pair),
        };
        if (s_normalizer.Normalize(_a) != s_normalizer.Normalize(_b) || _a == _b)
        {
            throw new InvalidOperationException("The pair must differ in spelling only.");
        }

        _tokensText = seed;
        var tokens = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i <= seed.Length; i++)
        {
            if (i == seed.Length || seed[i] is ' ' or '\n')
            {
                if (i > start)
                {
                    tokens.Add((start, i - start));
                }

                start = i + 1;
            }
        }

        _tokens = [.. tokens];
        _ordinal = new Dictionary<string, int>(StringComparer.Ordinal);
        _normalized = new Dictionary<string, int>(s_normalizer.Comparer);
        foreach ((int s, int l) in _tokens)
        {
            string word = s_normalizer.Normalize(seed.Substring(s, l));
            _ordinal.TryAdd(word, _ordinal.Count);
            _normalized.TryAdd(word, _normalized.Count);
        }

        _lookup = _normalized.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    [Benchmark(Baseline = true, Description = "Normalize both + string.Equals")]
    public bool NormalizeThenEquals() =>
        string.Equals(s_normalizer.Normalize(_a), s_normalizer.Normalize(_b), StringComparison.Ordinal);

    [Benchmark(Description = "Comparer.Equals")]
    public bool ComparerEquals() => s_normalizer.Comparer.Equals(_a, _b);

    [Benchmark(Description = "Normalize(token.ToString()) + lookup")]
    public int NormalizeThenLookup()
    {
        int sum = 0;
        foreach ((int start, int length) in _tokens)
        {
            sum += _ordinal.TryGetValue(s_normalizer.Normalize(_tokensText.Substring(start, length)), out int v) ? v : -1;
        }

        return sum;
    }

    [Benchmark(Description = "AlternateLookup<ReadOnlySpan<char>>")]
    public int AlternateLookup()
    {
        int sum = 0;
        foreach ((int start, int length) in _tokens)
        {
            sum += _lookup.TryGetValue(_tokensText.AsSpan(start, length), out int v) ? v : -1;
        }

        return sum;
    }

    private static string PersianSpelling(string clean)
    {
        var sb = new StringBuilder(clean.Length);
        foreach (char c in clean)
        {
            sb.Append(c switch
            {
                '\u064A' => '\u06CC', // YEH -> FARSI YEH
                '\u0643' => '\u06A9', // KAF -> KEHEH
                >= '0' and <= '9' => (char)('\u06F0' + (c - '0')), // EXTENDED ARABIC-INDIC DIGITS
                _ => c,
            });
        }

        return sb.ToString();
    }

    private static string AngleQuotes(string seed)
    {
        var sb = new StringBuilder(seed.Length);
        bool open = true;
        foreach (char c in seed)
        {
            if (c is '\u201C' or '\u201D' or '"')
            {
                sb.Append(open ? '\u00AB' : '\u00BB'); // LEFT/RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
                open = !open;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
