using System.Text;

namespace ArabicNorm.Tests;

/// <summary>
/// The seed article (spec section 5) and the golden outputs of the three presets, compared byte for byte.
/// </summary>
/// <remarks>
/// The golden files (UTF-8, no BOM) were written by a throwaway script from the spec rules, not by the library, and
/// reviewed once by listing every changed code point with its Unicode name and count (a diff of seed and golden):
/// <list type="bullet">
/// <item>Default, 3,008 chars, 35 changes: 6 FARSI YEH -> YEH, 2 KEHEH -> KAF, 16 ARABIC-INDIC digits -> ASCII,
/// 1 ARABIC PERCENT SIGN -> %, 5 + 5 curly double quotes -> ".</item>
/// <item>Search, 3,003 chars: the same 35, plus 33 ALEF WITH HAMZA ABOVE and 18 ALEF WITH HAMZA BELOW -> ALEF,
/// 79 TEH MARBUTA -> HEH, 18 ALEF MAKSURA -> YEH, 6 ARABIC COMMA -> comma, 5 FATHATAN deleted (no space runs).</item>
/// <item>Persian, 3,008 chars: 186 YEH and 18 ALEF MAKSURA -> FARSI YEH, 36 KAF -> KEHEH, 16 ARABIC-INDIC digits
/// -> Persian digits; FARSI YEH, KEHEH, the percent sign and the curly quotes kept.</item>
/// </list>
/// </remarks>
public class SeedArticleTests
{
    private const int SeedLength = 3008;

    [Fact]
    public void SeedFile_Composition_MatchesSection5()
    {
        string seed = TestText.ReadSeed();
        Assert.Equal(SeedLength, seed.Length);
        Assert.Equal(6, Count(seed, '\u06CC')); // ARABIC LETTER FARSI YEH
        Assert.Equal(2, Count(seed, '\u06A9')); // ARABIC LETTER KEHEH
        Assert.Equal(16, seed.Count(c => c is >= '\u0660' and <= '\u0669')); // ARABIC-INDIC DIGIT ZERO..NINE
        Assert.Equal(1, Count(seed, '\u066A')); // ARABIC PERCENT SIGN
        Assert.Equal(5, Count(seed, '\u201C')); // LEFT DOUBLE QUOTATION MARK
        Assert.Equal(5, Count(seed, '\u201D')); // RIGHT DOUBLE QUOTATION MARK
        Assert.Equal(18, Count(seed, '\u0649')); // ARABIC LETTER ALEF MAKSURA
        Assert.Equal(5, Count(seed, '\u064B')); // ARABIC FATHATAN
    }

    [Fact]
    public void Normalize_SeedUnderDefault_ChangesExactlyThe35CharsOfSection5()
    {
        string seed = TestText.ReadSeed();
        string output = ArabicNormalizer.Default.Normalize(seed);

        Assert.Equal(SeedLength, output.Length);
        int changed = 0;
        for (int i = 0; i < seed.Length; i++)
        {
            char expected = ExpectedUnderDefault(seed[i]);
            Assert.True(
                expected == output[i],
                $"index {i}: source U+{(int)seed[i]:X4}, expected U+{(int)expected:X4}, actual U+{(int)output[i]:X4}");
            changed += output[i] != seed[i] ? 1 : 0;
        }

        Assert.Equal(35, changed);
        Assert.Equal(18, Count(output, '\u0649')); // ALEF MAKSURA kept
        Assert.Equal(5, Count(output, '\u064B')); // FATHATAN kept
        Assert.True(ArabicNormalizer.Default.IsNormalized(output));
        Assert.False(ArabicNormalizer.Default.IsNormalized(seed));
        Assert.Equal(SeedLength, ArabicNormalizer.Default.GetNormalizedLength(seed));
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Search")]
    [InlineData("Persian")]
    public void Normalize_Seed_EqualsGoldenFileByteForByte(string preset)
    {
        byte[] golden = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", $"iraq-us-dialogue.{preset}.txt"));
        Assert.False(golden.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "golden files are UTF-8 without BOM");

        ArabicNormalizer normalizer = TestText.NormalizerFor(preset);
        string seed = TestText.ReadSeed();
        string output = normalizer.Normalize(seed);
        byte[] actual = new UTF8Encoding(false).GetBytes(output);
        if (!golden.AsSpan().SequenceEqual(actual))
        {
            string expected = new UTF8Encoding(false).GetString(golden); // lenient: the message must not throw
            int at = 0;
            while (at < expected.Length && at < output.Length && expected[at] == output[at])
            {
                at++;
            }

            Assert.Fail($"{preset}: output differs from the golden file at char {at} (expected length {expected.Length}, actual {output.Length}): " +
                $"expected {TestText.Escape(expected.Substring(at, Math.Min(8, expected.Length - at)))}, " +
                $"actual {TestText.Escape(output.Substring(at, Math.Min(8, output.Length - at)))}");
        }

        // The same text through the span API, and the golden text is a fixed point (L1).
        Assert.Equal(output, TestText.NormalizeSpan(normalizer, seed));
        Assert.True(normalizer.IsNormalized(output));
        Assert.Same(output, normalizer.Normalize(output));
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Search")]
    [InlineData("Persian")]
    public void SpecModel_Seed_EqualsGoldenFile(string preset)
    {
        // The spec model that the exhaustive tests trust agrees with the independently generated golden files.
        string golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", $"iraq-us-dialogue.{preset}.txt"));
        Assert.Equal(golden, SpecModel.Normalize(TestText.ReadSeed(), SpecModel.Parse(preset)));
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Search")]
    [InlineData("Persian")]
    public void Normalize_SeedInChunksWithSmallDestination_EqualsOneCall(string preset)
    {
        ArabicNormalizer normalizer = TestText.NormalizerFor(preset);
        string seed = TestText.ReadSeed();
        string expected = normalizer.Normalize(seed);
        foreach (int chunk in new[] { 1, 2, 3, 7, 64, 1000 })
        {
            foreach (int room in new[] { 1, 2, 5, 31 })
            {
                Assert.Equal(expected, ContractTests.NormalizeInPieces(normalizer, seed, chunk, room, expected));
            }
        }
    }

    // Section 5, written from its text: which chars Default changes in this article, and into what.
    private static char ExpectedUnderDefault(char c) => c switch
    {
        '\u06CC' => '\u064A', // FARSI YEH -> YEH
        '\u06A9' => '\u0643', // KEHEH -> KAF
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // ARABIC-INDIC DIGIT -> ASCII digit
        '\u066A' => '%', // ARABIC PERCENT SIGN
        '\u201C' or '\u201D' => '"', // LEFT/RIGHT DOUBLE QUOTATION MARK
        _ => c,
    };

    private static int Count(string s, char c) => s.Count(x => x == c);
}
