using System.Text;
using ArabicNorm.Internal;
using static ArabicNorm.Tests.Vectorization.VectorScalarOracle;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>Each vector strategy against the scalar loop on text whose kept marks the vector path orders itself: a lone
/// mark after its base, marks already in canonical order, two marks it swaps (SHADDA then FATHA), and everything it
/// must leave to the scalar loop (three marks out of order, a sequence reaching the Stream-Safe limit, hamza marks
/// that compose or are blocked by a kept mark of their class, marks with no base, marks across block boundaries,
/// after deletions, collapsed spaces, presentation forms and LAM-ALEF pairs).</summary>
public class CombiningMarkTests
{
    private const int Block = PlainRunTranslator.BlockSize;

    // Bases: plain letters, composition bases, precomposed hamza letters (one non-starter each for UAX #15), a space,
    // a LAM-ALEF ligature (a pair), a presentation form, an isolated FARSI YEH.
    private const string Bases = "\u0628\u0645\u0644\u0627\u0648\u064A\u06D2\u0622\u0623\u0626 \u00A0\uFEFB\uFE8E\uFEE3\u06CC";

    // Marks of many classes: FATHATAN 27, OPEN FATHATAN 27, FATHA 30, SMALL FATHA 30, DAMMA 31, KASRA 32, SHADDA 33,
    // SUKUN 34, SUPERSCRIPT ALEF 35, VOWEL SIGN DOT BELOW 220, SMALL LOW SEEN 220, SALLALLAHOU 230, SMALL HIGH LIGATURE
    // 230, and the hamza marks MADDA ABOVE, HAMZA ABOVE, HAMZA BELOW (context entries).
    private const string Marks = "\u064B\u08F0\u064E\u0618\u064F\u0650\u0651\u0652\u0670\u065C\u06E3\u0610\u06D6\u0653\u0654\u0655";

    // Between marks: TATWEEL, ZWNJ, a soft hyphen, a bidi mark (deleted or kept depending on the options).
    private const string Between = "\u0640\u200C\u00AD\u200F";

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_MarkSequences_VectorEqualsScalar(string strategy, string optionSet)
    {
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        var random = new Random(29);
        char[] buffer = new char[(6 * Block) + 64];
        int rounds = VectorTestSize.Rounds(600);
        for (int round = 0; round < rounds; round++)
        {
            string text = MakeMarked(random, random.Next(6 * Block));
            int alignment = round % 16;
            text.CopyTo(0, buffer, alignment, text.Length);
            ReadOnlySpan<char> source = buffer.AsSpan(alignment, text.Length);
            AssertSame(vector, scalar, source, (3 * text.Length) + 40, isFinalBlock: round % 2 == 0);
            if (round % 8 == 0)
            {
                int chunk = 1 + random.Next(3 * Block);
                Assert.Equal(scalar.Normalize(text), Stream(vector, text, chunk));
                Assert.Equal(scalar.IsNormalized(text), vector.IsNormalized(text));
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_MarkPairAtEveryPosition_VectorEqualsScalar(string strategy, string optionSet)
    {
        // A base and two marks, in and out of canonical order, at every position of three blocks, so that the base,
        // the first and the second mark fall on every side of a block boundary; every length of the text after it.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        string[] groups = ["\u0628\u0651\u064E", "\u0628\u064E\u0651", "\u0627\u0651\u0654", "\u0628\u0651\u0640\u064E", "\uFEFB\u0651\u064E", " \u0652\u0650"];
        char[] filler = new char[3 * Block];
        for (int k = 0; k < filler.Length; k++)
        {
            filler[k] = (k % 3) switch { 0 => '\u0628', 1 => '\u064E', _ => '\u0645' }; // BEH FATHA MEEM: marks everywhere
        }

        foreach (string group in groups)
        {
            for (int position = 0; position + group.Length <= filler.Length; position++)
            {
                char[] text = (char[])filler.Clone();
                group.CopyTo(0, text, position, group.Length);
                AssertSame(vector, scalar, text, (3 * text.Length) + 8, isFinalBlock: true);
                AssertSame(vector, scalar, text.AsSpan(0, position + group.Length), (3 * text.Length) + 8, isFinalBlock: false);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_LongMarkRuns_VectorEqualsScalar(string strategy, string optionSet)
    {
        // Runs of 1 to 70 marks in canonical order after a base (a precomposed hamza letter counts one more): the
        // Stream-Safe limit splits them after 30 non-starters, with a joiner, wherever the run starts in a block.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        foreach (char first in "\u0628\u0623")
        {
            for (int run = 1; run <= 70; run += run < 35 ? 1 : 7)
            {
                for (int offset = 0; offset < Block; offset += 5)
                {
                    var sb = new StringBuilder();
                    sb.Append('\u0645', offset).Append(first);
                    for (int k = 0; k < run; k++)
                    {
                        sb.Append(k < run / 2 ? '\u064E' : '\u0652'); // FATHA (30) then SUKUN (34): in order
                    }

                    sb.Append("\u0628\u0627 \u0645\u0646".AsSpan()).Append('\u0645', Block);
                    string text = sb.ToString();
                    AssertSame(vector, scalar, text, (3 * text.Length) + 40, isFinalBlock: true);
                    AssertSame(vector, scalar, text.AsSpan(0, offset + 1 + run), (3 * text.Length) + 40, isFinalBlock: false);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategyNames), MemberType = typeof(VectorScalarOracle))]
    public void Translate_VocalizedBlocks_KeepsMarksInTheVectorPath(string strategyName)
    {
        // The regression this guards: under Default (marks kept and sorted), vocalized text must not leave the vector
        // path. BEH SHADDA FATHA, MEEM KASRA, SPACE over two blocks: the vector path takes all of it, puts FATHA (30)
        // in front of SHADDA (33) as canonical ordering does, and hands the open sequence back.
        VectorStrategy strategy = Require(strategyName);
        string source = string.Concat(Enumerable.Repeat("\u0628\u0651\u064E\u0645\u0650 \u0628\u064E", 8));
        string expected = string.Concat(Enumerable.Repeat("\u0628\u064E\u0651\u0645\u0650 \u0628\u064E", 8));
        var tables = new NormalizationTables(new ArabicNormalizerOptions(), strategy);
        Assert.Equal(NormalizationTables.CombiningMark, tables.Map['\u0651']); // kept and sorted under Default
        char[] destination = new char[64];
        EngineState state = EngineState.Initial;
        int next = strategy.Translate(tables, source, 0, destination, ref state, out bool stopped);

        Assert.Equal(64, next);
        Assert.False(stopped);
        Assert.Equal(expected, new string(destination));
        Assert.Equal(64, state.Out);
        Assert.Equal(63, state.LastOut);
        Assert.Equal('\u064E', state.LastChar);
        Assert.Equal(64, state.SeqEnd); // the output ends with BEH FATHA, an open sequence
        Assert.Equal(62, state.SeqBase);
        Assert.Equal(63, state.SeqMarks);
        Assert.Equal(1, state.SeqCount);
        Assert.Equal(30, state.SeqLastClass);
        Assert.Equal(62, state.EntryStart); // the entry is the base's: BEH and its mark go back together
        Assert.Equal(62, state.EntryOutStart);
    }

    [Theory]
    [MemberData(nameof(StrategyNames), MemberType = typeof(VectorScalarOracle))]
    public void Translate_ThreeMarksOutOfOrder_StopsInFrontOfTheThird(string strategyName)
    {
        // FATHA SHADDA KASRA: KASRA (32) sorts in front of SHADDA (33) but behind FATHA (30), which is the scalar loop's.
        VectorStrategy strategy = Require(strategyName);
        char[] source = new char[64];
        for (int k = 0; k < source.Length; k++)
        {
            source[k] = (k % 2) == 0 ? '\u0628' : '\u0645'; // BEH MEEM
        }

        "\u064E\u0651\u0650".CopyTo(0, source, 10, 3);
        char[] destination = new char[64];
        EngineState state = EngineState.Initial;
        int next = strategy.Translate(new NormalizationTables(new ArabicNormalizerOptions(), strategy), source, 0, destination, ref state, out bool stopped);

        Assert.Equal(12, next);
        Assert.True(stopped);
        Assert.Equal(12, state.SeqEnd);
        Assert.Equal(9, state.SeqBase);
        Assert.Equal(2, state.SeqCount);
        Assert.Equal(33, state.SeqLastClass);
    }

    private static string MakeMarked(Random random, int length)
    {
        var sb = new StringBuilder(length + 8);
        while (sb.Length < length)
        {
            int pick = random.Next(100);
            if (pick < 40)
            {
                sb.Append(Bases[random.Next(Bases.Length)]);
            }
            else if (pick < 80)
            {
                // Mostly the common vowels, then any mark.
                sb.Append(random.Next(3) == 0 ? Marks[random.Next(Marks.Length)] : "\u064E\u064F\u0650\u0652\u0651"[random.Next(5)]);
            }
            else if (pick < 88)
            {
                sb.Append(Between[random.Next(Between.Length)]);
            }
            else if (pick < 90)
            {
                sb.Append('\u0651', random.Next(1, 40)); // a long run of SHADDA: the Stream-Safe split
            }
            else
            {
                sb.Append("\u0627\u0644\u0645 ab"[random.Next(6)]);
            }
        }

        return sb.ToString();
    }
}
