using ArabicNorm.Internal;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>Pins each strategy's two-block members (<see cref="IBlockClassifier{TSelf}.IsPlainPair"/> and
/// <see cref="IBlockClassifier{TSelf}.TryCopyPair"/>) against the table and against the single-block
/// <see cref="IBlockClassifier{TSelf}.TouchedRaw"/> that <see cref="BlockClassifierTests"/> pins lane by lane.</summary>
/// <remarks>Every code unit of U+0000..U+FFFF is placed once in the first block and once in the second, at lanes that
/// move with the code unit, so that every lane of both blocks is exercised.</remarks>
public sealed class PairClassifierTests
{
    private const int Block = PlainRunTranslator.BlockSize;

    // Filler: a plain Arabic letter, so that only the lane under test can be touched.
    private const char Filler = '\u0628'; // ARABIC LETTER BEH

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void PairMembers_EveryCodeUnitInEitherBlock_MatchTheTableAndTwoSingleBlocks(string strategy, string optionSet)
    {
        VectorStrategy vector = VectorScalarOracle.Require(strategy);
        var tables = new NormalizationTables(VectorScalarOracle.Options(optionSet), vector);
        switch (vector)
        {
            case Avx2Strategy:
                Check(Avx2Strategy.Classifier.Create(tables.PlainRun), tables);
                break;
            case Vector128Strategy:
                Check(Vector128Strategy.Classifier.Create(tables.PlainRun), tables);
                break;
            default:
                Assert.Fail($"No pair classifier check for the {vector.Name} strategy: add one.");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void TryCopyPair_InPlaceAndOverlappingBackwards_CopiesTheSource(string strategy, string optionSet)
    {
        VectorStrategy vector = VectorScalarOracle.Require(strategy);
        var tables = new NormalizationTables(VectorScalarOracle.Options(optionSet), vector);
        switch (vector)
        {
            case Avx2Strategy:
                CheckOverlap(Avx2Strategy.Classifier.Create(tables.PlainRun));
                break;
            case Vector128Strategy:
                CheckOverlap(Vector128Strategy.Classifier.Create(tables.PlainRun));
                break;
            default:
                Assert.Fail($"No pair classifier check for the {vector.Name} strategy: add one.");
                break;
        }
    }

    private static void Check<TClassifier>(TClassifier classifier, NormalizationTables tables)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        ReadOnlySpan<char> map = tables.Map;
        bool collapse = map[' '] != ' ';
        Assert.Equal(Filler, map[Filler]);
        char[] pair = new char[2 * Block];
        char[] output = new char[2 * Block];
        Array.Fill(pair, Filler);
        Assert.True(classifier.IsPlainPair(ref pair[0]));
        Assert.True(classifier.TryCopyPair(ref pair[0], ref output[0], out uint none0, out uint none1));
        Assert.Equal((0u, 0u), (none0, none1));
        Assert.Equal(pair, output);

        for (int c = 0; c <= 0xFFFF; c++)
        {
            char unit = (char)c;
            bool inPage = c is > 0x0600 and < 0x06FF;

            // As BlockClassifierTests: U+0020 while spaces collapse, and every code unit from U+0080 up except the
            // page's plain ones; U+007F may be either.
            bool touched = (unit == ' ' && collapse) || (c >= 0x80 && !(inPage && map[c] == unit));
            for (int half = 0; half < 2; half++)
            {
                int lane = half == 0 ? c % Block : (c * 7 + 3) % Block;
                int at = (half * Block) + lane;
                pair[at] = unit;
                uint single0 = classifier.TouchedRaw(ref pair[0]);
                uint single1 = classifier.TouchedRaw(ref pair[Block]);
                bool plainBySingles = single0 == 0 && single1 == 0;
                bool plain = classifier.IsPlainPair(ref pair[0]);
                if (plain != plainBySingles || (c != 0x7F && plain == touched))
                {
                    Assert.Fail($"U+{c:X4} at lane {at}: IsPlainPair {plain}, single blocks {single0:X8} {single1:X8}, touched {touched} by the table");
                }

                Array.Fill(output, '\uFFFF');
                bool copied = classifier.TryCopyPair(ref pair[0], ref output[0], out uint first, out uint second);
                if (copied != plain || (!copied && (first, second) != (single0, single1)) || (copied && (first | second) != 0))
                {
                    Assert.Fail($"U+{c:X4} at lane {at}: TryCopyPair {copied} with masks {first:X8} {second:X8}, IsPlainPair {plain}, single blocks {single0:X8} {single1:X8}");
                }

                if (copied ? !output.AsSpan().SequenceEqual(pair) : output.AsSpan().IndexOfAnyExcept('\uFFFF') >= 0)
                {
                    Assert.Fail($"U+{c:X4} at lane {at}: TryCopyPair returned {copied} but wrote the wrong output");
                }

                pair[at] = Filler;
            }
        }
    }

    private static void CheckOverlap<TClassifier>(TClassifier classifier)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        // Plain text whose every code unit differs from its neighbours, so that a store before a load shows.
        const string Letters = "\u0627\u0628\u062A\u062B\u062C\u062D\u062E\u062F"; // ALEF, BEH, TEH, THEH, JEEM, HAH, KHAH, DAL
        char[] expected = new char[2 * Block];
        for (int k = 0; k < expected.Length; k++)
        {
            expected[k] = k % 9 == 8 ? (char)('a' + (k % 26)) : Letters[k % Letters.Length];
        }

        foreach (int back in new[] { 0, 1, 5, 8, 16, 31, 32, 40 })
        {
            char[] buffer = new char[(2 * Block) + back];
            expected.CopyTo(buffer, back);
            Assert.True(classifier.TryCopyPair(ref buffer[back], ref buffer[0], out _, out _), $"back {back}");
            Assert.Equal(expected, buffer.AsSpan(0, 2 * Block).ToArray());
        }
    }
}
