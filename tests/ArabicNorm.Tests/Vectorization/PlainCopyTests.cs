using ArabicNorm.Internal;
using static ArabicNorm.Tests.Vectorization.VectorScalarOracle;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>The copy loop of plain blocks (<c>PlainRunTranslator.CopyPlain</c>), each vector strategy against the
/// scalar loop: one candidate at every lane of the first, second, a middle and the last block of otherwise plain text,
/// so that it falls on both blocks of the loop's two-block step and on its one-block tail; lone kept marks, which the
/// loop copies, at every lane and next to each other; up to one more than the most one-to-one lanes the loop patches
/// (<c>TryTakeSparse</c>), with kept marks around them, and in place.</summary>
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
    // One-to-one mappings under Default and Persian (FARSI YEH, ARABIC-INDIC FIVE, a quotation mark, NO-BREAK SPACE,
    // ARABIC LETTER YEH, KAF) and kept marks (FATHATAN, KASRA).
    private const string OneToOne = "\u06CC\u0665\u201C\u00A0\u064A\u0643";

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_FewOneToOneLanesAtEveryLane_VectorEqualsScalar(string strategy, string optionSet)
    {
        // 1 to MaxPatchedLanes + 1 candidates from every lane, 1 or 3 lanes apart (crossing into the next block too),
        // some with a kept mark after the first (a mark after a patched lane) or at the lane before it.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        foreach (int count in new[] { 1, 2, PlainRunTranslator.MaxPatchedLanes, PlainRunTranslator.MaxPatchedLanes + 1 })
        {
            foreach (int gap in new[] { 1, 3 })
            {
                foreach (int markAt in new[] { -2, -1, 1 })
                {
                    foreach (int position in Positions())
                    {
                        char[] text = PlainText(Length);
                        for (int n = 0; n < count && position + (n * gap) < Length; n++)
                        {
                            text[position + (n * gap)] = OneToOne[(position + n) % OneToOne.Length];
                        }

                        if (markAt != -2 && position + markAt is >= 0 and < Length)
                        {
                            text[position + markAt] = (position & 1) == 0 ? '\u064B' : '\u0650';
                        }

                        AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: true);
                        AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: false);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_MarkAtLaneZeroAfterPatchedOrPlainLane_VectorEqualsScalar(string strategy, string optionSet)
    {
        // A kept mark at the first lane of each block the loop sees, after a plain letter, a one-to-one lane, or a
        // mark at the previous block's last lane; and a block's last lane patched, ending the run.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        foreach (string before in new[] { "", "\u06CC", "\u0665", "\u064B", "\u0640" })
        {
            foreach (int block in new[] { 1, 2, 3, 4, 5 })
            {
                char[] text = PlainText(Length);
                text[block * Block] = '\u064B';
                before.CopyTo(0, text, (block * Block) - before.Length, before.Length);
                AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: true);
                AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: false);

                text = PlainText(Length);
                text[(block * Block) - 1] = before.Length == 0 ? '\u201D' : before[0];
                AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: true);
                AssertSame(vector, scalar, text, (3 * Length) + 8, isFinalBlock: false);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategyNames), MemberType = typeof(VectorScalarOracle))]
    public void Translate_SparseOneToOneLanes_CopiesEveryBlockAndPatchesThem(string strategyName)
    {
        // News text under Default: a FARSI YEH, a digit or a quotation mark now and then, a tanween after a letter,
        // and the last lane a FARSI YEH: one run without a stop, whose state ends on the patched lane's entry.
        VectorStrategy strategy = Require(strategyName);
        var tables = new NormalizationTables(new ArabicNormalizerOptions(), strategy);
        char[] source = PlainText(8 * Block);
        for (int block = 0; block < 8; block++)
        {
            source[(block * Block) + 2 + block] = '\u06CC'; // ARABIC LETTER FARSI YEH
            source[(block * Block) + 20] = '\u0661'; // ARABIC-INDIC DIGIT ONE
            source[(block * Block) + 9] = '\u064B'; // ARABIC FATHATAN, after a letter
        }

        source[^1] = '\u06CC';
        char[] destination = new char[source.Length];
        var state = EngineState.Initial;
        int next = strategy.Translate(tables, source, 0, destination, ref state, out bool stopped);

        Assert.Equal(source.Length, next);
        Assert.False(stopped);
        Assert.Equal(new ArabicNormalizer(new ArabicNormalizerOptions(), VectorStrategy.Scalar).Normalize(new string(source)), new string(destination));
        Assert.Equal(source.Length - 1, state.LastOut);
        Assert.Equal('\u064A', state.LastChar); // ARABIC LETTER YEH
        Assert.Equal('\u06CC', state.LastX);
        Assert.Equal(source.Length - 1, state.EntryStart);
        Assert.Equal(source.Length - 1, state.EntryOutStart);
    }

    [Theory]
    [MemberData(nameof(StrategyNames), MemberType = typeof(VectorScalarOracle))]
    public void NormalizeInPlace_SparseOneToOneLanesBehindDeletions_EqualsScalarNormalize(string strategyName)
    {
        // In place, after 0 to 40 deleted tatweels the output trails its source by that much: a block's output then
        // overlaps the block itself (fewer than 32) or not, and its one-to-one lanes must be read before it is stored.
        VectorStrategy strategy = Require(strategyName);
        var options = new ArabicNormalizerOptions { FoldCompatibilityForms = false, ComposeHamza = false };
        var vector = new ArabicNormalizer(options, strategy);
        var scalar = new ArabicNormalizer(options, VectorStrategy.Scalar);
        Assert.False(vector.CanLengthen);
        foreach (int deletions in new[] { 0, 1, 5, 31, 32, 33, 40 })
        {
            foreach (int lane in new[] { 0, 1, 15, 31 })
            {
                char[] text = PlainText(Length + 40);
                for (int k = 0; k < deletions; k++)
                {
                    text[3 + k] = '\u0640'; // ARABIC TATWEEL
                }

                for (int block = 2; block < 7; block++)
                {
                    text[(block * Block) + lane] = OneToOne[block % 3];
                    text[(block * Block) + ((lane + 7) % Block)] = '\u06CC';
                }

                string source = new(text);
                int length = vector.NormalizeInPlace(text);
                Assert.Equal(Escape(scalar.Normalize(source)), Escape(text.AsSpan(0, length)));
            }
        }
    }
}
