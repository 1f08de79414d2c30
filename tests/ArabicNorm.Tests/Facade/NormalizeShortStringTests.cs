using System.Buffers;
using System.Text;
using ArabicNorm.Internal;

namespace ArabicNorm.Tests.Facade;

// Normalize(string) on short rests: a rest of at most EngineDriver.ProbeLength characters is normalized whole into a
// buffer on the stack, and an expansion that overflows it goes on in a pooled buffer. Every length around that edge,
// for every preset, must give what the span API gives, through the string and the span overload of Normalize.
public class NormalizeShortStringTests
{
    private const char Ligature = '\uFDFA'; // ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM: 18 characters
    private const char Tatweel = '\u0640'; // ARABIC TATWEEL: deleted
    private const char Yeh = '\u064A'; // ARABIC LETTER YEH: FARSI YEH under Persian, one to one
    private const char Fatha = '\u064E'; // ARABIC FATHA: deleted under Search
    private const char HamzaAbove = '\u0654'; // ARABIC HAMZA ABOVE: composes with ALEF
    private const char Alef = '\u0627'; // ARABIC LETTER ALEF

    public static TheoryData<string> Presets() => ["Default", "Search", "Persian"];

    [Theory]
    [MemberData(nameof(Presets))]
    public void Normalize_RestAroundTheStackProbe_EqualsTheSpanApi(string preset)
    {
        ArabicNormalizer n = Preset(preset);
        foreach (int length in RestLengths())
        {
            foreach (string prefix in new[] { string.Empty, "abc ", new string('x', 300) })
            {
                // The first character changes, so the rest starts at (or just before) it and is `length` long.
                Check(n, prefix + Yeh + new string('b', length - 1));
                Check(n, prefix + Tatweel + new string('b', length - 1));
                Check(n, prefix + Yeh + new string('b', Math.Max(0, length - 2)) + Tatweel);
                Check(n, prefix + Yeh + new string(' ', length - 1));
                Check(n, prefix + Yeh + Repeat("b" + Fatha, length - 1));
                Check(n, prefix + Yeh + Repeat(Alef.ToString() + HamzaAbove, length - 1));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Normalize_ShortRestExpandingPastTheStack_EqualsTheSpanApi(string preset)
    {
        // Ligatures give 18 characters each: a few of them overflow the stack buffer, which then goes on in the pool.
        ArabicNormalizer n = Preset(preset);
        for (int count = 1; count <= (EngineDriver.ProbeLength / 8) + 2; count++)
        {
            Check(n, new string(Ligature, count));
            Check(n, "abc " + new string(Ligature, count) + " def");
            Check(n, new string('b', EngineDriver.ProbeLength - count) + new string(Ligature, count));
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Normalize_RandomShortTexts_EqualsTheSpanApi(string preset)
    {
        // Letters, marks, spaces, deletions, expansions, surrogates (paired and lone): every write path of a short rest.
        string alphabet = "ab \u0627\u0623\u0654\u064E\u064B\u0651\u064A\u0649\u0643\u0629\u0640\u200C\u200F\u06F1\u0661"
            + "\u201C\uFDFA\uFEFB\uFE8E\u00A0\uD83C\uDF0D\uD800\uDC00";
        ArabicNormalizer n = Preset(preset);
        var random = new Random(20261201);
        var sb = new StringBuilder();
        for (int k = 0; k < 2000; k++)
        {
            sb.Clear();
            int length = random.Next(1, EngineDriver.ProbeLength + 40);
            for (int j = 0; j < length; j++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            Check(n, sb.ToString());
        }
    }

    [Theory]
    [InlineData("\uFDFA")] // longer: 18 characters
    [InlineData("\u0640")] // shorter: TATWEEL deleted
    [InlineData("\u064A")] // same length under Persian
    public void Normalize_ShortRest_AllocatesOnlyTheResult(string change)
    {
        // A clean prefix of 2,000 characters, then a rest of 100: the rest is done on the stack, the result allocated once.
        string text = new string('a', 2000) + change + new string('b', 99);
        foreach (ArabicNormalizer n in new[] { ArabicNormalizer.Default, ArabicNormalizer.Search, ArabicNormalizer.Persian })
        {
            string result = n.Normalize(text);
            if (ReferenceEquals(result, text))
            {
                continue; // nothing to change under this preset: no allocation at all (NormalizeStringTests)
            }

            long oneString = Allocated(() => _ = new string('x', result.Length));
            Assert.Equal(oneString, Allocated(() => _ = n.Normalize(text)));
        }
    }

    [Fact]
    public void Normalize_ShortRestAllDeleted_ReturnsThePrefixOrTheEmptyString()
    {
        ArabicNormalizer n = ArabicNormalizer.Default;
        Assert.Same(string.Empty, n.Normalize(new string(Tatweel, EngineDriver.ProbeLength)));
        Assert.Same(string.Empty, n.Normalize(new string(Tatweel, EngineDriver.ProbeLength).AsSpan()));
        Assert.Equal("abc", n.Normalize("abc" + new string(Tatweel, 10)));
    }

    private static IEnumerable<int> RestLengths()
    {
        for (int length = 1; length <= 4; length++)
        {
            yield return length;
        }

        for (int length = EngineDriver.ProbeLength - 3; length <= EngineDriver.ProbeLength + 3; length++)
        {
            yield return length;
        }
    }

    private static string Repeat(string unit, int length)
    {
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length)
        {
            sb.Append(unit);
        }

        return sb.ToString(0, length);
    }

    private static void Check(ArabicNormalizer n, string text)
    {
        string expected = SpanNormalize(n, text);
        string actual = n.Normalize(text);
        Assert.True(expected == actual, $"{n}: Normalize(string) differs from the span API on {TestText.Escape(text)}");
        Assert.Equal(expected, n.Normalize(text.AsSpan()));
        if (expected == text)
        {
            Assert.Same(text, actual);
        }
    }

    private static ArabicNormalizer Preset(string name) => name switch
    {
        "Default" => ArabicNormalizer.Default,
        "Search" => ArabicNormalizer.Search,
        "Persian" => ArabicNormalizer.Persian,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static long Allocated(Action action)
    {
        action(); // warm up: JIT, tables, pools
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string SpanNormalize(ArabicNormalizer n, string text)
    {
        char[] destination = new char[(text.Length * 18) + 16];
        OperationStatus status = n.Normalize(text, destination, out int consumed, out int written);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(text.Length, consumed);
        return new string(destination, 0, written);
    }
}
