using System.Runtime.Intrinsics;
using System.Text;
using ArabicNorm.Internal;
using ArabicNorm.Tests.Properties;
using static ArabicNorm.Tests.Vectorization.VectorScalarOracle;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>The dense-block path of the vector strategies (<see cref="CompactingTranslator"/>: page lanes looked up in
/// registers, deleted and collapsed lanes squeezed out straight into the destination) against the scalar loop, the
/// specification: every deletable code unit of every option set in every lane of a dense block, runs of deletions
/// across block boundaries, spaces collapsing across deleted lanes and across blocks, kept and removed marks, final
/// and non-final blocks, destinations of every length with sentinels around them, chunked input, random option sets;
/// and each classifier's page lookup against the table, every code unit in every lane.</summary>
public class CompactingTranslatorTests
{
    private const int Block = PlainRunTranslator.BlockSize;
    private const int RandomOptionSets = 6;

    // Page letters the presets map or keep (so that a block is dense and takes the path), diacritics (deleted under
    // Search, kept marks under Default), and what surrounds words: spaces, other spaces, ZWNJ, punctuation.
    private const string Letters = "\u0628\u0627\u0644\u0645\u064A\u0643\u0649\u0629\u0623\u0625\u0622\u06CC\u06A9\u06D2\u06C1\u0660\u06F5\u066B\u060C\u061F";
    private const string Diacritics = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640";
    private const string Gaps = "  \u00A0\u200C\u200B\u200F\u00AD.\n";

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
    public void TranslatePage_EveryCodeUnitInEveryLane_MatchesTheMap(string strategyName, string optionSet)
    {
        VectorStrategy strategy = Require(strategyName);
        var tables = new NormalizationTables(Options(optionSet), strategy);
        switch (strategy)
        {
            case Avx2Strategy:
                CheckPage(Avx2Strategy.Classifier.Create(tables.PlainRun), tables);
                break;
            case Vector128Strategy:
                CheckPage(Vector128Strategy.Classifier.Create(tables.PlainRun), tables);
                break;
            default:
                Assert.Fail($"No page lookup check for the {strategy.Name} strategy: add one.");
                break;
        }
    }

    // Every case but the Identity option set, which maps no page letter and so has no dense block to run.
    public static TheoryData<string, string> DenseCases()
    {
        var data = new TheoryData<string, string>();
        foreach (VectorStrategy strategy in VectorStrategies())
        {
            foreach (string optionSet in OptionSetNames().Where(name => name != "Identity"))
            {
                data.Add(strategy.Name, optionSet);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DenseCases))]
    public void TranslateRun_DenseVocalizedBlocks_TakesEveryBlockAsTheScalarLoopWrites(string strategyName, string optionSet)
    {
        // The path itself, called directly: a text of dense blocks with no lane it leaves to the general branch (page
        // letters, diacritics where they are deleted, U+0020) is taken whole, and what it writes is the scalar loop's.
        VectorStrategy strategy = Require(strategyName);
        ArabicNormalizerOptions options = Options(optionSet);
        var tables = new NormalizationTables(options, strategy);
        var scalar = new ArabicNormalizer(options, VectorStrategy.Scalar);
        bool diacriticsDeleted = tables.Map['\u064E'] == NormalizationTables.Delete;
        var random = new Random(optionSet.Length * 7919);
        int taken = 0;
        for (int round = 0; round < 50; round++)
        {
            var text = new StringBuilder();
            while (text.Length < 6 * Block)
            {
                char c = Letters[random.Next(Letters.Length)];
                if (!IsOneToOne(tables, c))
                {
                    continue;
                }

                text.Append(c);
                if (diacriticsDeleted && random.Next(10) < 7)
                {
                    text.Append(Diacritics[random.Next(Diacritics.Length)]);
                }

                if (random.Next(6) == 0)
                {
                    text.Append(' ', 1 + random.Next(3));
                }
            }

            // Whole blocks, ending on a letter (nothing held back).
            text.Length = 6 * Block;
            text[^1] = '\u0628'; // ARABIC LETTER BEH
            string source = text.ToString();
            char[] destination = new char[source.Length + 16];
            destination.AsSpan().Fill('\uE000');
            int next = RunDirect(strategy, tables, source, destination, out int outEnd, out EngineState state, out bool dense);
            if (!dense)
            {
                Assert.Equal(0, next); // the caller sends only dense blocks; this one is not, and nothing is written
                Assert.All(destination, c => Assert.Equal('\uE000', c));
                continue;
            }

            if (next == 0)
            {
                Assert.Fail($"{optionSet}: the first block of {Escape(source)} is dense but was not taken");
            }

            taken++;

            string expected = scalar.Normalize(source[..next]);
            Assert.Equal(Escape(expected), Escape(destination.AsSpan(0, outEnd)));
            Assert.All(destination[outEnd..], c => Assert.Equal('\uE000', c));
            Assert.Equal(outEnd - 1, state.LastOut);
            Assert.Equal(outEnd - 1, state.EntryOutStart);
            Assert.Equal(next - 1, state.EntryStart);
            Assert.Equal(expected[^1], state.LastChar);
        }

        if (taken == 0)
        {
            Assert.Skip($"{optionSet} maps too few of the test's page letters for a dense block: no run to check (the other cases still compare it with the scalar loop)");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_EveryDeletableCodeUnitInEveryLane_VectorEqualsScalar(string strategyName, string optionSet)
    {
        (ArabicNormalizer vector, ArabicNormalizer scalar) = MakePair(strategyName, optionSet);
        var random = new Random(TestText.Seed(optionSet));
        ReadOnlySpan<char> map = scalar.Tables.Map;
        var deletable = new List<char>();
        for (int c = 0; c <= 0xFFFF; c++)
        {
            if (map[c] == NormalizationTables.Delete)
            {
                deletable.Add((char)c);
            }
        }

        int laneStep = VectorTestSize.LaneStep();
        foreach (char d in deletable)
        {
            for (int lane = VectorTestSize.FirstLane(d); lane < Block; lane += laneStep)
            {
                // Three dense blocks; the code unit under test in the middle one, alone or as a run of three that may
                // run into the next block.
                string source = Dense(random, 3 * Block, spacePercent: 10);
                int at = Block + lane;
                int run = (lane & 3) == 3 ? 3 : 1;
                source = string.Concat(source.AsSpan(0, at), new string(d, run), source.AsSpan(at + run));
                bool isFinalBlock = (lane & 1) == 0;
                AssertSame(vector, scalar, source, (3 * source.Length) + 64, isFinalBlock);

                // A destination of exactly the output's size: the room checks decide what the vector path takes.
                AssertSame(vector, scalar, source, scalar.Normalize(source).Length, isFinalBlock: true);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_DeletionRunsAcrossBlocks_VectorEqualsScalar(string strategyName, string optionSet)
    {
        // Runs of deleted lanes of every length from every lane, with spaces on either side: the run's carry and the
        // collapse of a space across it, within a block and across one or two block boundaries.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = MakePair(strategyName, optionSet);
        string deletions = Deletions(scalar.Tables);
        if (deletions.Length == 0)
        {
            return; // nothing is deleted under these options: the other cases cover them
        }

        var random = new Random(31);
        for (int start = 0; start < Block; start++)
        {
            for (int length = 1; length <= 2 * Block + 4; length += 1 + (length / 8))
            {
                var text = new StringBuilder(Dense(random, start, spacePercent: 0));
                text.Append(random.Next(3) switch { 0 => " ", 1 => "  ", _ => "\u0628" });
                for (int k = 0; k < length; k++)
                {
                    text.Append(deletions[random.Next(deletions.Length)]);
                }

                text.Append(random.Next(3) switch { 0 => " ", 1 => " \u0627", _ => "\u0627" });
                text.Append(Dense(random, (3 * Block) - (text.Length % Block), spacePercent: 10));
                string source = text.ToString();
                AssertSame(vector, scalar, source, (3 * source.Length) + 64, isFinalBlock: (length & 1) == 0);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_SpacesAmongDeletions_VectorEqualsScalar(string strategyName, string optionSet)
    {
        // Dense text where spaces (U+0020, other spaces, ZWNJ) meet deleted lanes in every pattern, at every alignment,
        // final and not, and chunked as a stream does.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = MakePair(strategyName, optionSet);
        string alphabet = Letters + Diacritics + Diacritics + Gaps + Deletions(scalar.Tables) + "   ";
        var random = new Random(43);
        char[] buffer = new char[(6 * Block) + 16];
        int rounds = VectorTestSize.Rounds(800);
        for (int round = 0; round < rounds; round++)
        {
            int length = random.Next(6 * Block);
            var text = new StringBuilder(length);
            while (text.Length < length)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string source = text.ToString();
            int alignment = round % 16;
            source.CopyTo(0, buffer, alignment, source.Length);
            AssertSame(vector, scalar, buffer.AsSpan(alignment, source.Length), (3 * source.Length) + 40, isFinalBlock: round % 2 == 0);
            if (round % 10 == 0)
            {
                Assert.Equal(scalar.Normalize(source), Stream(vector, source, 1 + random.Next(3 * Block)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_ShortDestinations_VectorEqualsScalar(string strategyName, string optionSet)
    {
        // Every destination length from empty to a little more than the output, between sentinels: the last store of
        // a block keeps what the destination holds past its output, and the room checks hand the rest to the scalar
        // loop.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = MakePair(strategyName, optionSet);
        var random = new Random(59);
        for (int round = 0; round < 6; round++)
        {
            string source = Vocalized(random, (3 * Block) + random.Next(Block));
            int needed = scalar.Normalize(source).Length;
            for (int length = 0; length <= needed + 40; length++)
            {
                AssertSame(vector, scalar, source, length, isFinalBlock: (length & 1) == 0);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_VocalizedText_VectorEqualsScalar(string strategyName, string optionSet)
    {
        // Vocalized text as the benchmark makes it (a diacritic on most letters, two on some), long enough for runs of
        // dense blocks; chunked too.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = MakePair(strategyName, optionSet);
        var random = new Random(67);
        for (int round = 0; round < 30; round++)
        {
            string source = Vocalized(random, 10 * Block);
            for (int offset = 0; offset < 3; offset++)
            {
                AssertSame(vector, scalar, source.AsSpan(offset), (3 * source.Length) + 64, isFinalBlock: offset != 1);
            }

            Assert.Equal(scalar.Normalize(source), Stream(vector, source, 17 + (round * 7)));
            Assert.Equal(scalar.IsNormalized(source), vector.IsNormalized(source));
        }
    }

    [Theory]
    [MemberData(nameof(StrategyNames), MemberType = typeof(VectorScalarOracle))]
    public void NormalizeInPlace_VocalizedText_EqualsScalarNormalize(string strategyName)
    {
        // In place the output overwrites the blocks it comes from: Search's deletions, folds and collapsing without the
        // compatibility forms (which could lengthen), with the other spaces and quotation marks it patches one by one.
        VectorStrategy strategy = Require(strategyName);
        ArabicNormalizerOptions options = ArabicNormalizer.CreateSearchOptions();
        options.FoldCompatibilityForms = false;
        options.ComposeHamza = false;
        var vector = new ArabicNormalizer(options, strategy);
        var scalar = new ArabicNormalizer(options, VectorStrategy.Scalar);
        Assert.False(vector.CanLengthen);
        var random = new Random(71);
        for (int round = 0; round < 60; round++)
        {
            string source = Vocalized(random, 12 * Block).Replace('\n', "\u00A0\u200C\u201C\u00AB"[round % 4]);
            char[] buffer = source.ToCharArray();
            int length = vector.NormalizeInPlace(buffer);
            Assert.Equal(Escape(scalar.Normalize(source)), Escape(buffer.AsSpan(0, length)));
        }
    }

    private static void CheckPage<TClassifier>(TClassifier classifier, NormalizationTables tables)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        ReadOnlySpan<char> map = tables.Map;
        PageTable page = tables.PlainRun.Page;

        // The low bytes below 0x40 that some U+06xx target of the page has: an ASCII target with such a byte cannot be
        // told from it, so the table leaves it to the lookup one by one.
        var pageLowBytes = new HashSet<int>();
        for (int c = 0x0601; c < 0x06FF; c++)
        {
            if (map[c] != c && map[c] is > '\u0600' and < '\u0640')
            {
                pageLowBytes.Add(map[c] & 0xFF);
            }
        }

        const char Filler = '\u0628'; // ARABIC LETTER BEH: plain under every option set
        Assert.Equal(Filler, map[Filler]);
        char[] block = new char[Block];
        ushort[] lanes = new ushort[Block];
        ushort[] want = new ushort[Block];
        Array.Fill(block, Filler);
        int translatedCount = 0;
        int laneStep = VectorTestSize.LaneStep();
        for (int c = 0; c <= 0xFFFF; c++)
        {
            char unit = (char)c;
            char entry = map[c];
            bool inPage = c is > 0x0600 and < 0x06FF;
            bool writable = entry == NormalizationTables.Delete
                || entry is > '\u0600' and < '\u06FF'
                || (entry is > '\0' and < '\u0040' and not ' ' && !pageLowBytes.Contains(entry));
            bool expected = inPage && entry != unit && writable;
            translatedCount += expected ? 1 : 0;
            for (int lane = VectorTestSize.FirstLane(c); lane < Block; lane += laneStep)
            {
                block[lane] = unit;
                uint bit = 1u << lane;
                uint translated = classifier.TranslatePage(ref block[0], page, out Vector128<ushort> l0, out Vector128<ushort> l1, out Vector128<ushort> l2, out Vector128<ushort> l3, out uint deleted, out uint touched, out uint spaces);
                if (translated != (expected ? bit : 0u) || deleted != (expected && entry == NormalizationTables.Delete ? bit : 0u))
                {
                    Assert.Fail($"U+{c:X4} (entry U+{(int)entry:X4}) in lane {lane}: translated {translated:X8}, deleted {deleted:X8}");
                }

                // The block's candidates and U+0020 lanes are the classifier's own, from the same loads.
                uint wantTouched = classifier.InOrder(classifier.TouchedRaw(ref block[0]));
                uint wantSpaces = classifier.SpaceIsPlain ? 0 : classifier.Spaces(ref block[0]);
                if (touched != wantTouched || spaces != wantSpaces)
                {
                    Assert.Fail($"U+{c:X4} in lane {lane}: touched {touched:X8} (classifier {wantTouched:X8}), spaces {spaces:X8} (classifier {wantSpaces:X8})");
                }

                // Every lane is the source but the one under test, which is its entry when the table has it (a deleted
                // lane may hold anything).
                l0.CopyTo(lanes, 0);
                l1.CopyTo(lanes, 8);
                l2.CopyTo(lanes, 16);
                l3.CopyTo(lanes, 24);
                Array.Fill(want, (ushort)Filler);
                want[lane] = entry == NormalizationTables.Delete && expected ? lanes[lane] : expected ? entry : unit;
                if (!lanes.AsSpan().SequenceEqual(want))
                {
                    Assert.Fail($"U+{c:X4} (entry U+{(int)entry:X4}) in lane {lane}: lanes {string.Join(' ', lanes.Select(x => x.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))}");
                }

                block[lane] = Filler;
            }
        }

        Assert.Equal(translatedCount > 0, page.HasEntries);

        // Blocks that mix both halves of the page (U+0600..U+067F, U+0680..U+06FF), the code units around it and ASCII:
        // every page code unit in every lane, with every other lane holding others.
        for (int r = 0; r < 256; r++)
        {
            for (int lane = 0; lane < Block; lane++)
            {
                int b = ((lane * 37) + r) & 0xFF;
                block[lane] = (lane % 11) switch { 3 => ' ', 7 => (char)(0x0500 + b), 9 => (char)(0x0700 + b), _ => (char)(0x0600 + b) };
            }

            uint translated = classifier.TranslatePage(ref block[0], page, out Vector128<ushort> l0, out Vector128<ushort> l1, out Vector128<ushort> l2, out Vector128<ushort> l3, out uint deleted, out _, out _);
            l0.CopyTo(lanes, 0);
            l1.CopyTo(lanes, 8);
            l2.CopyTo(lanes, 16);
            l3.CopyTo(lanes, 24);
            for (int lane = 0; lane < Block; lane++)
            {
                char unit = block[lane];
                char entry = map[unit];
                bool writable = entry == NormalizationTables.Delete
                    || entry is > '\u0600' and < '\u06FF'
                    || (entry is > '\0' and < '\u0040' and not ' ' && !pageLowBytes.Contains(entry));
                bool expected = unit is > '\u0600' and < '\u06FF' && entry != unit && writable;
                bool isDeleted = expected && entry == NormalizationTables.Delete;
                if (((translated >> lane) & 1) != (expected ? 1u : 0u) || ((deleted >> lane) & 1) != (isDeleted ? 1u : 0u)
                    || (!isDeleted && lanes[lane] != (expected ? entry : unit)))
                {
                    Assert.Fail($"U+{(int)unit:X4} (entry U+{(int)entry:X4}) in lane {lane} of mixed block {r}: translated {translated:X8}, deleted {deleted:X8}, lane U+{lanes[lane]:X4}");
                }
            }
        }
    }

    private static int RunDirect(
        VectorStrategy strategy, NormalizationTables tables, string source, char[] destination, out int outEnd, out EngineState state, out bool dense)
    {
        state = EngineState.Initial;
        int next;
        switch (strategy)
        {
            case Avx2Strategy:
                next = RunDirect(Avx2Strategy.Classifier.Create(tables.PlainRun), tables, source, destination, ref state, out outEnd, out dense);
                break;
            case Vector128Strategy:
                next = RunDirect(Vector128Strategy.Classifier.Create(tables.PlainRun), tables, source, destination, ref state, out outEnd, out dense);
                break;
            default:
                Assert.Fail($"No direct run for the {strategy.Name} strategy: add one.");
                outEnd = 0;
                dense = false;
                return 0;
        }

        return next;
    }

    private static int RunDirect<TClassifier>(
        TClassifier classifier, NormalizationTables tables, string source, char[] destination, ref EngineState state, out int outEnd, out bool dense)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        // The first block's candidates as the translator finds them (U+0020 is one only after a space), and whether the
        // translator would send it here: dense, no kept mark.
        ref char first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(source.AsSpan());
        uint touched = classifier.InOrder(classifier.TouchedRaw(ref first));
        uint spaces = 0;
        if (!classifier.SpaceIsPlain)
        {
            spaces = classifier.Spaces(ref first);
            touched &= ~(spaces & ~(spaces << 1));
        }

        dense = System.Numerics.BitOperations.PopCount(touched) > PlainRunTranslator.SparseLanes
            && (touched & classifier.InOrder(classifier.MarksRaw(ref first))) == 0;
        if (!dense)
        {
            outEnd = 0;
            return 0;
        }

        return CompactingTranslator.TranslateRun(ref classifier, tables, source, destination, 0, 0, ref state, out outEnd);
    }

    // Whether c is a one-to-one entry (plain or mapped) of the table.
    private static bool IsOneToOne(NormalizationTables tables, char c) => !NormalizationTables.IsSpecial(tables.Map[c]);

    // The code units the options delete, from every block of U+0000..U+FFFF.
    private static string Deletions(NormalizationTables tables)
    {
        var sb = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++)
        {
            if (tables.Map[c] == NormalizationTables.Delete)
            {
                sb.Append((char)c);
            }
        }

        return sb.ToString();
    }

    // Dense page text: letters, a diacritic after most, now and then a space or a gap.
    private static string Dense(Random random, int length, int spacePercent)
    {
        var sb = new StringBuilder(length + 4);
        while (sb.Length < length)
        {
            int pick = random.Next(100);
            sb.Append(pick < spacePercent ? Gaps[random.Next(Gaps.Length)]
                : pick < 55 ? Letters[random.Next(Letters.Length)]
                : Diacritics[random.Next(Diacritics.Length)]);
        }

        sb.Length = length;
        return sb.ToString();
    }

    // Vocalized words: letters with one diacritic each most of the time, SHADDA and a vowel on some, words separated
    // by a space (two now and then) or a line break.
    private static string Vocalized(Random random, int length)
    {
        var sb = new StringBuilder(length + 8);
        while (sb.Length < length)
        {
            int word = 2 + random.Next(6);
            for (int k = 0; k < word; k++)
            {
                sb.Append(Letters[random.Next(Letters.Length)]);
                int pick = random.Next(12);
                if (pick < 2)
                {
                    sb.Append('\u0651').Append('\u064E'); // SHADDA, FATHA
                }
                else if (pick < 11)
                {
                    sb.Append("\u064E\u064F\u0650\u0652"[pick % 4]); // FATHA, DAMMA, KASRA, SUKUN
                }
            }

            sb.Append(random.Next(8) switch { 0 => "  ", 1 => "\n", 2 => "\u0640 ", _ => " " });
        }

        sb.Length = length;
        return sb.ToString();
    }

    private static IEnumerable<string> OptionSetNames()
    {
        foreach ((string name, _) in OptionSets())
        {
            yield return name;
        }

        for (int k = 0; k < RandomOptionSets; k++)
        {
            yield return $"Random{k}";
        }
    }

    private static ArabicNormalizerOptions Options(string optionSet) =>
        optionSet.StartsWith("Random", StringComparison.Ordinal)
            ? Generators.DrawOptions(new Random(20261201 + int.Parse(optionSet["Random".Length..], System.Globalization.CultureInfo.InvariantCulture)))
            : VectorScalarOracle.Options(optionSet);

    private static (ArabicNormalizer Vector, ArabicNormalizer Scalar) MakePair(string strategyName, string optionSet)
    {
        VectorStrategy strategy = Require(strategyName);
        ArabicNormalizerOptions options = Options(optionSet);
        var vector = new ArabicNormalizer(options, strategy);
        Assert.True(vector.Tables.PlainRun.IsEnabled, $"{strategyName} is supported but the vector path is off for {optionSet}");
        return (vector, new ArabicNormalizer(options, VectorStrategy.Scalar));
    }
}
