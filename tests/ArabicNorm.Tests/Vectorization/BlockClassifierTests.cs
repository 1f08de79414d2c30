using ArabicNorm.Internal;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>Pins each strategy's block classifier against the table it is built from: every code unit of
/// U+0000..U+FFFF in every lane of a block, for every option set.</summary>
/// <remarks>The engine tests prove the output equal to the scalar loop's; these pin what the classifier itself
/// reports, so that a classifier that misses a lane (a wrong result) or flags plain text (a slow path) fails here, in
/// the lane where it happens.</remarks>
public sealed class BlockClassifierTests
{
    private const int Block = PlainRunTranslator.BlockSize;

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Classifier_EveryCodeUnitInEveryLane_MatchesTheTable(string strategy, string optionSet)
    {
        VectorStrategy vector = VectorScalarOracle.Require(strategy);
        ArabicNormalizerOptions options = VectorScalarOracle.OptionSets().Single(o => o.Name == optionSet).Options;
        var tables = new NormalizationTables(options, vector);
        switch (vector)
        {
            case Avx2Strategy:
                Check(Avx2Strategy.Classifier.Create(tables.PlainRun), tables);
                break;
            case Vector128Strategy:
                Check(Vector128Strategy.Classifier.Create(tables.PlainRun), tables);
                break;
            default:
                Assert.Fail($"No classifier check for the {vector.Name} strategy: add one.");
                break;
        }
    }

    private static void Check<TClassifier>(TClassifier classifier, NormalizationTables tables)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        ReadOnlySpan<char> map = tables.Map;
        bool collapse = map[' '] != ' ';
        Assert.Equal(!collapse, classifier.SpaceIsPlain);

        // Filler: a plain Arabic letter, so that only the lane under test can be touched.
        const char Filler = '\u0628'; // ARABIC LETTER BEH
        Assert.Equal(Filler, map[Filler]);
        char[] block = new char[Block];
        Array.Fill(block, Filler);
        Assert.Equal(0u, classifier.TouchedRaw(ref block[0]));

        int laneStep = VectorTestSize.LaneStep();
        for (int c = 0; c <= 0xFFFF; c++)
        {
            char unit = (char)c;
            bool inPage = c is > 0x0600 and < 0x06FF;

            // Touched: U+0020 while spaces collapse; every code unit from U+0080 up except the page's plain ones.
            // U+007F may be either (a candidate too many is allowed); U+0600 and U+06FF share a byte with the code
            // units outside the page and always are.
            bool touched = (unit == ' ' && collapse) || (c >= 0x80 && !(inPage && map[c] == unit));
            bool mark = inPage && map[c] == NormalizationTables.CombiningMark;
            if (!touched && map[c] != unit && c != ' ' && c != 0x7F)
            {
                Assert.Fail($"U+{c:X4} changes under the table but is ASCII");
            }

            for (int lane = VectorTestSize.FirstLane(c); lane < Block; lane += laneStep)
            {
                block[lane] = unit;
                uint bit = 1u << lane;
                uint touchedMask = classifier.InOrder(classifier.TouchedRaw(ref block[0]));
                if ((touchedMask & ~bit) != 0 || (c != 0x7F && touched != ((touchedMask & bit) != 0)))
                {
                    Assert.Fail($"U+{c:X4} in lane {lane}: touched {touched} expected, mask {touchedMask:X8}");
                }

                Assert.Equal(mark ? bit : 0u, classifier.InOrder(classifier.MarksRaw(ref block[0])));
                if (collapse)
                {
                    Assert.Equal(unit == ' ' ? bit : 0u, classifier.Spaces(ref block[0]));
                }

                block[lane] = Filler;
            }
        }
    }
}
