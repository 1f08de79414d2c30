using ArabicNorm.Internal;
using static ArabicNorm.Tests.Vectorization.VectorScalarOracle;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>The copy loop of plain blocks (<c>PlainRunTranslator.CopyPlain</c>), each vector strategy against the
/// scalar loop: one candidate at every lane of the first, second, a middle and the last block of otherwise plain text,
/// so that it falls on both blocks of the loop's two-block step and on its one-block tail; lone kept marks, which the
/// loop copies, at every lane and next to each other.</summary>
public class PlainCopyTests
{
    private const int Block = PlainRunTranslator.BlockSize;

    // Six blocks and a tail: the first block is classified by the translator, blocks 1-4 by the loop's two-block
    // steps, block 5 by its one-block tail.
    private const int Length = (6 * Block) + 5;

    // Candidates of every kind: a kept mark (FATHATAN; SHADDA), a one-to-one mapping (FARSI YEH, ARABIC-INDIC FIVE,
    // a quotation mark), a deletion (TATWEEL), a hamza mark (HAMZA ABOVE), a second U+0020, a two-letter ligature
    // (LAM WITH ALEF), a presentation form (ALEF FINAL FORM), a lone high surrogate, a letter outside the Arabic page.
    private static readonly string[] s_candidates =
        ["\u064B", "\u0651", "\u06CC", "\u0665", "\u201C", "\u0640", "\u0654", " ", "\uFEFB", "\uFE8E", "\uD83D", "\u00E9"];

    /// <summary>Gets plain text: letters every option set keeps (BEH, MEEM, LAM, NOON, SEEN), ASCII letters and single
    /// spaces.</summary>
    private static char[] PlainText(int length)
    {
        const string Plain = "\u0628\u0645\u0644 \u0646\u0633ab\u0645 ";
        char[] text = new char[length];
        for (int k = 0; k < length; k++)
        {
            text[k] = Plain[k % Plain.Length];
        }

        return text;
    }

    // The lanes the test puts a candidate at: every lane of blocks 0, 1, 3 (a second block of a step is 2 and 4) and 5.
    private static IEnumerable<int> Positions()
    {
        foreach (int block in new[] { 0, 1, 2, 3, 5 })
        {
            for (int lane = 0; lane < Block; lane++)
            {
                yield return (block * Block) + lane;
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_OneCandidateAtEveryLane_VectorEqualsScalar(string strategy, string optionSet)
    {
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        foreach (string candidate in s_candidates)
        {
            foreach (int position in Positions())
            {
                char[] text = PlainText(Length);
                candidate.CopyTo(0, text, position, candidate.Length);
                AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: true);
                AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: false);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_LoneMarksAtEveryLane_VectorEqualsScalar(string strategy, string optionSet)
    {
        // A mark at every lane with another one 1, 2 or 31 lanes after it (two marks in a row, across a block boundary
        // too; a mark on each side of a plain lane; the same lane of the next block), in canonical order (FATHATAN 27,
        // DAMMA 31) and out of it (SHADDA 33, FATHA 30: two in a row swap), and a mark at every lane of every block.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        foreach ((char first, char second) in new[] { ('\u064B', '\u064F'), ('\u0651', '\u064E') })
        {
            foreach (int gap in new[] { 1, 2, Block - 1 })
            {
                foreach (int position in Positions())
                {
                    char[] text = PlainText(Length);
                    text[position] = first;
                    if (position + gap < Length)
                    {
                        text[position + gap] = second;
                    }

                    AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: true);
                    AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: false);
                    Assert.Equal(scalar.Normalize(new string(text)), vector.Normalize(new string(text)));
                }
            }
        }

        for (int lane = 0; lane < Block; lane++)
        {
            char[] text = PlainText(Length);
            for (int k = lane; k < Length; k += Block)
            {
                text[k] = '\u0650'; // ARABIC KASRA
            }

            AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: true);
            AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: false);
        }
    }

    [Theory]
    [MemberData(nameof(StrategyNames), MemberType = typeof(VectorScalarOracle))]
    public void Translate_LoneKeptMarks_CopiesEveryBlock(string strategyName)
    {
        // Default keeps FATHATAN (spec: diacritics are kept unless RemoveDiacritics), so text whose only candidates are
        // lone marks between letters is its own output, and the vector path takes all of it without a stop.
        VectorStrategy strategy = Require(strategyName);
        char[] source = PlainText(8 * Block);
        for (int block = 0; block < 8; block++)
        {
            source[(block * Block) + 1 + (block * 3)] = '\u064B'; // ARABIC FATHATAN, after a letter
        }

        char[] destination = new char[source.Length];
        var state = EngineState.Initial;
        int next = strategy.Translate(
            new NormalizationTables(new ArabicNormalizerOptions(), strategy), source, 0, destination, ref state, out bool stopped);

        Assert.Equal(source.Length, next);
        Assert.False(stopped);
        Assert.Equal(new string(source), new string(destination));
        Assert.Equal(source.Length - 1, state.LastOut);
        Assert.Equal(source[^1], state.LastChar);
        Assert.Equal(source.Length - 1, state.EntryStart);
    }
}
