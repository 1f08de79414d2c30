using System.Runtime.InteropServices;
using System.Text;
using ArabicNorm.Internal;
using ArabicNorm.Tests.Properties;
using static ArabicNorm.Tests.Vectorization.VectorScalarOracle;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>The mapped-lane path of the vector strategies (<see cref="FormsTranslator.TranslateMappedRun"/>: news-text
/// blocks without presentation forms whose one-to-one Arabic-page lanes are translated in registers, deletions
/// compacted, the lanes outside the page patched) against the scalar loop, the specification: every page code unit and
/// every one-to-one code unit outside the page in every lane of a block, under Default, Search, Persian and random
/// option sets; final and non-final blocks, every alignment and many lengths, destinations between sentinels, and the
/// output over the source itself (in place).</summary>
public class MappedLaneTests
{
    private const int Block = PlainRunTranslator.BlockSize;
    private const int RandomOptionSets = 4;

    // One-to-one candidates outside the Arabic page: quotation marks, other spaces, Presentation Forms-A letters.
    private const string OutsidePage = "\u201C\u201D\u00AB\u00BB\u2019\u00A0\uFB8E\uFBFC\uFB91\u00E9";

    // News-text letters: plain ones, the alef variants, TEH MARBUTA, ALEF MAKSURA, YEH, KAF, FARSI YEH, KEHEH, digits.
    private const string NewsLetters = "\u0628\u0627\u0644\u0645\u0639\u0631\u0646\u0648\u062A\u0633\u0623\u0625\u0622\u0629\u0649\u064A\u0643\u06CC\u06A9\u0660\u0665\u060C";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (VectorStrategy strategy in VectorStrategies())
        {
            foreach (string optionSet in OptionSetNames())
            {
                data.Add(strategy.Name, optionSet);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TranslateMappedRun_EveryCodeUnitInEveryLane_WritesWhatTheScalarLoopWrites(string strategyName, string optionSet)
    {
        // The path called directly, after a plain block of output: three blocks with the code unit at a lane of the
        // first, at the mirrored lane of the second, a mapped letter elsewhere in both, and a plain third block. A
        // one-to-one lane or a deletion is always taken; whatever is taken is the scalar loop's output, with nothing
        // written past it, and the state it leaves is the last output lane's.
        VectorStrategy strategy = Require(strategyName);
        ArabicNormalizerOptions options = Options(optionSet);
        var tables = new NormalizationTables(options, strategy);
        RequirePage(tables, optionSet);
        var scalar = new ArabicNormalizer(options, VectorStrategy.Scalar);
        char filler = Plain(tables);
        char mapped = PageMapped(tables);
        int taken = 0;
        int laneStep = VectorTestSize.LaneStep();
        foreach (char c in Relevant(tables))
        {
            char entry = tables.Map[c];
            bool mustTake = !NormalizationTables.IsSpecial(entry) || entry == NormalizationTables.Delete;
            for (int lane = VectorTestSize.FirstLane(c); lane < Block; lane += laneStep)
            {
                char[] source = new char[4 * Block];
                source.AsSpan().Fill(filler);
                source[Block + ((lane + 16) % Block)] = mapped;
                source[(2 * Block) + ((lane + 16) % Block)] = mapped;
                source[Block + lane] = c;
                source[(2 * Block) + (Block - 1 - lane)] = c;
                char[] destination = new char[(4 * Block) + 16];
                destination.AsSpan().Fill('\uE000'); // a private-use sentinel
                source.AsSpan(0, Block).CopyTo(destination);
                EngineState state = AfterPlainBlock(filler);
                int next = RunDirect(strategy, tables, source, destination, Block, ref state, out int outEnd);
                if (mustTake)
                {
                    Assert.True(next == 4 * Block, $"{optionSet}: U+{(int)c:X4} at lane {lane}: only {next} of {4 * Block} taken");
                }

                if (next == Block)
                {
                    Assert.Equal(Block, outEnd);
                    Assert.All(destination[Block..], u => Assert.Equal('\uE000', u));
                    continue;
                }

                taken++;
                string expected = scalar.Normalize(new string(source, 0, next));
                Assert.Equal(Escape(expected), Escape(destination.AsSpan(0, outEnd)));
                Assert.All(destination[outEnd..], u => Assert.Equal('\uE000', u));
                Assert.Equal(outEnd - 1, state.LastOut);
                Assert.Equal(outEnd - 1, state.EntryOutStart);
                Assert.Equal(expected[^1], state.LastChar);
            }
        }

        Assert.True(taken > 0, $"{optionSet}: no block was taken");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TranslateMappedRun_InPlace_WritesWhatTheScalarLoopWrites(string strategyName, string optionSet)
    {
        // The output over the source itself, and one block behind it after the deletions of a first block: news text
        // with every relevant code unit now and then, each block read whole before it is written.
        VectorStrategy strategy = Require(strategyName);
        ArabicNormalizerOptions options = Options(optionSet);
        var tables = new NormalizationTables(options, strategy);
        RequirePage(tables, optionSet);
        var scalar = new ArabicNormalizer(options, VectorStrategy.Scalar);
        char filler = Plain(tables);
        string relevant = Relevant(tables);
        var random = new Random(optionSet.Length * 131);
        int taken = 0;
        int rounds = VectorTestSize.Rounds(200);
        for (int round = 0; round < rounds; round++)
        {
            char[] buffer = new char[9 * Block];
            buffer.AsSpan(0, Block).Fill(filler);
            for (int k = Block; k < buffer.Length; k++)
            {
                buffer[k] = random.Next(12) == 0 ? relevant[random.Next(relevant.Length)] : NewsLetters[random.Next(NewsLetters.Length)];
            }

            string source = new(buffer);
            EngineState state = AfterPlainBlock(filler);
            int next = RunDirect(strategy, tables, buffer, buffer, Block, ref state, out int outEnd);
            if (next == Block)
            {
                Assert.Equal(source, new string(buffer));
                continue;
            }

            taken++;
            Assert.Equal(Escape(scalar.Normalize(source[..next])), Escape(buffer.AsSpan(0, outEnd)));
            Assert.Equal(source[next..], new string(buffer, next, buffer.Length - next));
        }

        Assert.True(taken > 0, $"{optionSet}: no block was taken");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_NewsTextWithMappedLanes_VectorEqualsScalar(string strategyName, string optionSet)
    {
        // Through the public API, so the translator's dispatch sends the blocks here: news text with a mapped letter
        // or two in every block, every relevant code unit now and then, at every alignment, final and non-final, into
        // destinations of every length around the output between sentinels, and chunked as a stream reads it.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = MakePair(strategyName, optionSet);
        string relevant = Relevant(vector.Tables);
        var random = new Random(optionSet.Length * 977);
        for (int round = 0; round < 12; round++)
        {
            string source = News(random, (6 * Block) + random.Next(2 * Block), relevant);
            for (int offset = 0; offset < 4; offset++)
            {
                AssertSame(vector, scalar, source.AsSpan(offset), (3 * source.Length) + 64, isFinalBlock: (offset & 1) == 0);
            }

            int needed = scalar.Normalize(source).Length;
            for (int length = Math.Max(0, needed - 70); length <= needed + 8; length++)
            {
                AssertSame(vector, scalar, source, length, isFinalBlock: (length & 1) == 0);
            }

            Assert.Equal(scalar.Normalize(source), Stream(vector, source, 1 + random.Next(3 * Block)));
            Assert.Equal(scalar.IsNormalized(source), vector.IsNormalized(source));
        }
    }

    // Fails visibly (skips) for options whose page table has no entry: the path is never reached there.
    private static void RequirePage(NormalizationTables tables, string optionSet)
    {
        if (!tables.PlainRun.IsEnabled || !tables.PlainRun.Page.HasEntries)
        {
            Assert.Skip($"{optionSet}: the vector path is off or maps no Arabic-page lane, so the mapped-lane path never runs.");
        }
    }

    // The state after a plain block of filler, written at 0..31: the output does not end with a combining sequence.
    private static EngineState AfterPlainBlock(char filler)
    {
        EngineState state = EngineState.Initial;
        state.Out = Block;
        state.LastOut = Block - 1;
        state.LastChar = filler;
        state.LastX = filler;
        state.EntryStart = Block - 1;
        state.EntryOutStart = Block - 1;
        return state;
    }

    private static int RunDirect(VectorStrategy strategy, NormalizationTables tables, char[] source, char[] destination, int i, ref EngineState state, out int outEnd)
    {
        switch (strategy)
        {
            case Avx2Strategy:
                var avx2 = Avx2Strategy.Classifier.Create(tables.PlainRun);
                return FormsTranslator.TranslateMappedRun(
                    ref avx2, tables, tables.PlainRun.Page, source, destination, i, i, ref state, out outEnd);
            case Vector128Strategy:
                var vector128 = Vector128Strategy.Classifier.Create(tables.PlainRun);
                return FormsTranslator.TranslateMappedRun(
                    ref vector128, tables, tables.PlainRun.Page, source, destination, i, i, ref state, out outEnd);
            default:
                Assert.Fail($"No direct run for the {strategy.Name} strategy: add one.");
                outEnd = 0;
                return 0;
        }
    }

    // Every code unit of the Arabic page that is not plain, and the one-to-one code units outside it that news text has.
    private static string Relevant(NormalizationTables tables)
    {
        var sb = new StringBuilder();
        for (int c = 0x0600; c <= 0x06FF; c++)
        {
            if (tables.Map[c] != c)
            {
                sb.Append((char)c);
            }
        }

        foreach (char c in OutsidePage)
        {
            if (tables.Map[c] != c && !NormalizationTables.IsSpecial(tables.Map[c]))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    // A plain Arabic letter of the options (its own entry).
    private static char Plain(NormalizationTables tables)
    {
        foreach (char c in "\u0628\u062A\u062B\u062C\u062D\u0633")
        {
            if (tables.Map[c] == c)
            {
                return c;
            }
        }

        Assert.Fail("No plain Arabic letter among the candidates");
        return '\0';
    }

    // A page code unit the options map one-to-one to another code unit (the page table has it).
    private static char PageMapped(NormalizationTables tables)
    {
        for (int c = 0x0601; c < 0x06FF; c++)
        {
            char m = tables.Map[c];
            if (m != c && !NormalizationTables.IsSpecial(m) && m != ' ')
            {
                return (char)c;
            }
        }

        Assert.Fail("The page table has entries but no one-to-one page lane was found");
        return '\0';
    }

    // News text: words of letters (mapped ones among them), a relevant code unit now and then, spaces (two in a row
    // now and then) and a line break.
    private static string News(Random random, int length, string relevant)
    {
        var sb = new StringBuilder(length + 8);
        while (sb.Length < length)
        {
            int word = 2 + random.Next(7);
            for (int k = 0; k < word; k++)
            {
                sb.Append(random.Next(15) == 0 && relevant.Length > 0 ? relevant[random.Next(relevant.Length)] : NewsLetters[random.Next(NewsLetters.Length)]);
            }

            sb.Append(random.Next(10) switch { 0 => "  ", 1 => "\n", 2 => ". ", _ => " " });
        }

        sb.Length = length;
        return sb.ToString();
    }

    private static IEnumerable<string> OptionSetNames()
    {
        yield return "Default";
        yield return "Search";
        yield return "Persian";
        for (int k = 0; k < RandomOptionSets; k++)
        {
            yield return $"Random{k}";
        }
    }

    private static ArabicNormalizerOptions Options(string optionSet) =>
        optionSet.StartsWith("Random", StringComparison.Ordinal)
            ? Generators.DrawOptions(new Random(20261202 + int.Parse(optionSet["Random".Length..], System.Globalization.CultureInfo.InvariantCulture)))
            : VectorScalarOracle.Options(optionSet);

    private static (ArabicNormalizer Vector, ArabicNormalizer Scalar) MakePair(string strategyName, string optionSet)
    {
        VectorStrategy strategy = Require(strategyName);
        ArabicNormalizerOptions options = Options(optionSet);
        var vector = new ArabicNormalizer(options, strategy);
        if (!vector.Tables.PlainRun.IsEnabled)
        {
            Assert.Skip($"{optionSet}: the vector path is off for these options.");
        }

        return (vector, new ArabicNormalizer(options, VectorStrategy.Scalar));
    }
}
