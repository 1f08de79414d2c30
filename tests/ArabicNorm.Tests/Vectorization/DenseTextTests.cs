using System.Text;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>Every vector strategy against the scalar loop on dense random text: PDF presentation forms and LAM-ALEF
/// ligatures, runs of spaces of every kind, marks after letters and after forms, deletions between them, in every option
/// set, with destinations that end exactly, one short and with room, final and non-final.</summary>
/// <remarks>The lane-by-lane suites put one hard character in otherwise plain blocks; here the hard characters are
/// next to each other, so the vector paths' own bookkeeping (space runs across lanes and blocks, a mark after a
/// compacted or expanded lane, the last kept character of a block) decides the output. Seeded: a failure repeats.</remarks>
public class DenseTextTests
{
    private static readonly string[] s_pieces =
    [
        " ", " ", " ", "  ", "   ", "\u00A0", "\u2009", "\u3000", " \u00A0 ", // spaces, alone and in runs
        "\u0627", "\u0644", "\u0645", "\u0628", "\u064A", "\u06CC", "\u0643", "\u06A9", "\u0648", "\u0629", "\u0649", // letters
        "\uFE8D", "\uFE8E", "\uFEDF", "\uFEE0", "\uFEE3", "\uFE91", "\uFEF3", "\uFEF4", "\uFEEE", "\uFBFC", "\uFB8E", // one-to-one forms
        "\uFEFB", "\uFEFC", "\uFEF5", "\uFEF7", "\uFEF9", // LAM-ALEF ligatures
        "\uFDFA", "\uFC5E", "\uFE71", "\uFE7C", // longer expansions, forms with marks
        "\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u064B", "\u0670", "\u08E4", // marks
        "\u0654", "\u0655", "\u0653", // hamza marks
        "\u0640", "\u200C", "\u200D", "\u200F", "\u00AD", // tatweel, ZWNJ, ZWJ, controls
        "a", "Z", "1", "\u0661", "\u06F5", "\u201C", "\u00AB", ".", "\n",
    ];

    public static TheoryData<string, string> Cases => VectorScalarOracle.StrategiesAndOptionSets();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_DenseRandomText_VectorEqualsScalar(string strategy, string optionSet)
    {
        (ArabicNormalizer vector, ArabicNormalizer scalar) = VectorScalarOracle.Pair(strategy, optionSet);
        var random = new Random(TestText.Seed(optionSet)); // the same texts for every strategy, in every run
        int texts = VectorTestSize.IsReduced ? 60 : 250;
        for (int t = 0; t < texts; t++)
        {
            string text = MakeText(random, 32 + random.Next(300));
            int length = scalar.GetNormalizedLength(text);
            foreach (int destination in new[] { length, length + 40, Math.Max(1, length - 1), Math.Max(1, length / 2) })
            {
                VectorScalarOracle.AssertSame(vector, scalar, text, destination, isFinalBlock: true);
            }

            VectorScalarOracle.AssertSame(vector, scalar, text, length + 40, isFinalBlock: false);
            Assert.Equal(scalar.Normalize(text), vector.Normalize(text));
            Assert.Equal(scalar.IsNormalized(text), vector.IsNormalized(text));
        }
    }

    private static string MakeText(Random random, int length)
    {
        var sb = new StringBuilder(length + 4);
        while (sb.Length < length)
        {
            sb.Append(s_pieces[random.Next(s_pieces.Length)]);
        }

        return sb.ToString();
    }
}
