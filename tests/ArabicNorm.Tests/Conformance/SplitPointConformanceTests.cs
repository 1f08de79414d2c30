using System.Buffers;
using System.Text;
using ArabicNorm.Testing;

namespace ArabicNorm.Tests.Conformance;

/// <summary>
/// Every split point, every destination size, in the style of ICU's iterative conformance test: each text is
/// normalized in two pieces split at every position (UTF-16 code units, so between surrogate halves too, and UTF-8
/// bytes), and drained through destinations of every size from 1 up and around each result length. Each time the
/// output must be the one-call output (L3), and every DestinationTooSmall must have written whole results only and
/// resume to the identical output (L4).
/// </summary>
/// <remarks>
/// <para>The texts: the seed article and its derived renderings (<see cref="Renderings"/>: presentation forms as PDF
/// extraction gives them, fully vocalized, mathematical symbols as surrogate pairs), plus every file in
/// <c>Data/conformance/</c> (the hook for the conformance vectors: drop a UTF-8 text file there and it runs here too).</para>
/// <para>CI runs sampled split positions (the first and last 48, every position next to a surrogate, and 160 spread
/// over the text; the destination sizes around the first piece's result at every fourth of them): a few seconds. <c>ARABICNORM_SPLIT_ALL=1</c> runs every position (tests/README.md reports a run).</para>
/// </remarks>
public class SplitPointConformanceTests(ITestOutputHelper output)
{
    private static readonly bool s_all = Environment.GetEnvironmentVariable("ARABICNORM_SPLIT_ALL") == "1";
    private static readonly UTF8Encoding s_strict = new(false, true);
    private static readonly Lazy<Dictionary<string, string>> s_texts = new(LoadTexts);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string text in s_texts.Value.Keys)
        {
            foreach (string preset in new[] { "Default", "Search", "Persian" })
            {
                data.Add(text, preset);
            }
        }

        return data;
    }

    [Fact]
    public void Renderings_FoldBackToTheSeed()
    {
        string seed = TestText.ReadSeed();
        string pdf = Renderings.ToPresentationForms(seed);
        string math = Renderings.ToMathematical(seed);
        Assert.True(pdf.Count(c => c is >= '\uFE70' and <= '\uFEFF') > 1000, "the PDF form holds presentation forms");
        Assert.True(math.Count(char.IsHighSurrogate) > 300, "the mathematical form holds surrogate pairs");
        Assert.Equal(ArabicNormalizer.Default.Normalize(seed), ArabicNormalizer.Default.Normalize(pdf));
        Assert.Equal(ArabicNormalizer.Default.Normalize(seed), ArabicNormalizer.Default.Normalize(math));
        string vocalized = Renderings.ToVocalized(seed);
        Assert.True(vocalized.Length > seed.Length + 1000, "the vocalized form holds vowels");
        Assert.Equal(ArabicNormalizer.Search.Normalize(seed), ArabicNormalizer.Search.Normalize(vocalized));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SplitAtEveryPoint_GivesTheOneCallOutput(string textName, string preset)
    {
        string text = s_texts.Value[textName];
        ArabicNormalizer normalizer = TestText.NormalizerFor(preset);
        string expected = normalizer.Normalize(text);
        char[] destination = new char[(text.Length * 18) + 64];
        int positions = 0;
        foreach (int split in Positions(text))
        {
            positions++;
            // Ample room: the first piece is held back as needed and the second resumes where the first stopped.
            OperationStatus first = normalizer.Normalize(text.AsSpan(0, split), destination, out int consumed, out int written, isFinalBlock: false);
            Assert.True(first is OperationStatus.Done or OperationStatus.NeedMoreData, $"{first} at {split}");
            string head = new(destination, 0, written);
            Assert.True(expected.StartsWith(head, StringComparison.Ordinal), $"split {split}: the first piece is not a prefix");
            Assert.Equal(OperationStatus.Done, normalizer.Normalize(text.AsSpan(consumed), destination, out int rest, out written));
            Assert.Equal(text.Length - consumed, rest);
            Assert.True(expected.Length == head.Length + written && expected.AsSpan(head.Length).SequenceEqual(destination.AsSpan(0, written)),
                $"split {split}: the two pieces differ from one call");

            // Destinations one short of, exactly and one over the first piece's result (CI: at every fourth position).
            foreach (int size in new[] { head.Length - 1, head.Length, head.Length + 1 })
            {
                if (size > 0 && (s_all || positions % 4 == 1))
                {
                    Assert.Equal(expected, Drain(normalizer, text, split, size, expected));
                }
            }
        }

        output.WriteLine($"{textName} under {preset}: {positions} of {text.Length + 1} split positions{(s_all ? " (all)" : " (sampled)")}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SplitAtEveryUtf8Byte_GivesTheOneCallOutput(string textName, string preset)
    {
        byte[] bytes = s_strict.GetBytes(s_texts.Value[textName]);
        ArabicNormalizer normalizer = TestText.NormalizerFor(preset);
        byte[] destination = new byte[(bytes.Length * 12) + 64];
        Assert.Equal(OperationStatus.Done, normalizer.NormalizeUtf8(bytes, destination, out _, out int expectedLength));
        byte[] expected = destination[..expectedLength];
        foreach (int split in Positions(bytes.Length))
        {
            OperationStatus first = normalizer.NormalizeUtf8(bytes.AsSpan(0, split), destination, out int consumed, out int written, isFinalBlock: false);
            Assert.True(first is OperationStatus.Done or OperationStatus.NeedMoreData, $"{first} at byte {split}");
            Assert.True(expected.AsSpan().StartsWith(destination.AsSpan(0, written)), $"byte split {split}: the first piece is not a prefix");
            int head = written;
            Assert.Equal(OperationStatus.Done, normalizer.NormalizeUtf8(bytes.AsSpan(consumed), destination, out _, out written));
            Assert.True(expected.Length == head + written && expected.AsSpan(head).SequenceEqual(destination.AsSpan(0, written)),
                $"byte split {split}: the two pieces differ from one call");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DestinationOfEverySize_GivesTheOneCallOutputAndResumes(string textName, string preset)
    {
        string text = s_texts.Value[textName];
        ArabicNormalizer normalizer = TestText.NormalizerFor(preset);
        string expected = normalizer.Normalize(text);
        var sizes = Enumerable.Range(1, s_all ? 200 : 40)
            .Concat(Enumerable.Range(expected.Length - 3, 7))
            .Where(size => size > 0)
            .Distinct();
        foreach (int size in sizes)
        {
            Assert.Equal(expected, Drain(normalizer, text, text.Length, size, expected));
        }
    }

    /// <summary>Normalizes <paramref name="text"/> as a first piece of <paramref name="split"/> characters and then the
    /// rest, every call into a destination of <paramref name="size"/> characters, checking L4 at each call.</summary>
    private static string Drain(ArabicNormalizer normalizer, string text, int split, int size, string expected)
    {
        var result = new StringBuilder(expected.Length);
        char[] destination = new char[size + 600];
        int position = 0;
        int tooSmall = 0;
        while (true)
        {
            bool final = position >= split;
            int end = final ? text.Length : split;
            int room = size;
            OperationStatus status;
            int consumed, written;
            while (true)
            {
                status = normalizer.Normalize(text.AsSpan(position, end - position), destination.AsSpan(0, room), out consumed, out written, final);
                if (status != OperationStatus.DestinationTooSmall || consumed > 0 || written > 0)
                {
                    break;
                }

                // No whole result fits: only a result longer than the room may do that (U+FDFA is 18 characters; a
                // letter with its marks, up to the stream-safe 31 entries, more).
                Assert.True(room < 31 * 18, $"no progress with {room} characters of room at {position}");
                room++;
            }

            Assert.True(result.Length + written <= expected.Length && expected.AsSpan(result.Length, written).SequenceEqual(destination.AsSpan(0, written)),
                $"size {size}, split {split}: output at {position} is not a prefix");
            result.Append(destination, 0, written);
            position += consumed;
            if (status == OperationStatus.DestinationTooSmall)
            {
                // Whole results only: resuming from here with ample room gives the identical output. Checking that is
                // linear in the text, so CI checks the first stops and then every 61st; the long mode checks all.
                if (s_all || tooSmall < 8 || tooSmall % 61 == 0)
                {
                    Assert.True(expected.AsSpan(result.Length).SequenceEqual(normalizer.Normalize(text[position..])),
                        $"size {size}, split {split}: resuming at {position} differs");
                }

                tooSmall++;
                continue;
            }

            if (final)
            {
                Assert.Equal(OperationStatus.Done, status);
                return result.ToString();
            }

            if (status == OperationStatus.NeedMoreData || position == split)
            {
                split = position; // the rest (with what was held back) is the final piece
            }
        }
    }

    private static IEnumerable<int> Positions(string text)
    {
        if (s_all)
        {
            return Enumerable.Range(0, text.Length + 1);
        }

        var set = new SortedSet<int>(Positions(text.Length));
        for (int i = 1; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i - 1]))
            {
                set.Add(i); // between surrogate halves
            }
        }

        return set;
    }

    private static IEnumerable<int> Positions(int length)
    {
        if (s_all)
        {
            return Enumerable.Range(0, length + 1);
        }

        var set = new SortedSet<int>();
        for (int i = 0; i <= Math.Min(48, length); i++)
        {
            set.Add(i);
            set.Add(length - i);
        }

        for (int k = 0; k < 160; k++)
        {
            set.Add((int)((long)length * k / 160) + (k % 7));
        }

        set.RemoveWhere(p => p > length);
        return set;
    }

    private static Dictionary<string, string> LoadTexts()
    {
        string seed = TestText.ReadSeed();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["seed"] = seed,
            ["seed-pdf"] = Renderings.ToPresentationForms(seed),
            ["seed-vocalized"] = Renderings.ToVocalized(seed),
            ["seed-mathematical"] = Renderings.ToMathematical(seed),
        };

        string vectors = Path.Combine(AppContext.BaseDirectory, "Data", "conformance");
        if (Directory.Exists(vectors))
        {
            foreach (string file in Directory.GetFiles(vectors, "*.txt").Order(StringComparer.Ordinal))
            {
                texts["conformance-" + Path.GetFileNameWithoutExtension(file)] = File.ReadAllText(file, s_strict);
            }
        }

        return texts;
    }
}
