using System.Text;

namespace ArabicNorm.Tests.Properties;

/// <summary>The engine against the spec model on texts dense in what the combining-sequence rules decide: letters
/// that take a hamza mark or release one (ALEF WITH MADDA ABOVE and WITH HAMZA ABOVE before HAMZA BELOW), hamza marks
/// after marks, deletions between a letter and its mark, and runs of marks long enough to need the Stream-Safe joiner,
/// under option sets that fold ALEF, delete diacritics, or do not compose. Seeded: a failure repeats.</summary>
public class HamzaSequenceTests
{
    // Marks, kept or deleted under the option sets; a text may hold a run of one of them.
    private static readonly string[] s_marks = ["\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u064B", "\u0670", "\u08E4", "\u08F0"];

    private static readonly string[] s_pieces =
    [
        "\u0627", "\u0622", "\u0623", "\u0625", "\u0671", // ALEF, WITH MADDA ABOVE, WITH HAMZA ABOVE, WITH HAMZA BELOW, WASLA
        "\u0648", "\u0624", "\u064A", "\u0626", "\u06CC", "\u06C1", "\u06D2", "\u06D5", "\u0628", // letters that compose, and BEH
        "\u0654", "\u0654", "\u0655", "\u0655", "\u0653", // HAMZA ABOVE, HAMZA BELOW, MADDA ABOVE
        .. s_marks,
        "\u0640", "\u200C", "\u200D", "\u00AD", " ", "  ", // deletions between, spaces
        "\uFE82", "\uFE84", "\uFE88", // presentation forms of the hamza ALEFs
    ];

    private static readonly (string Name, ArabicNormalizerOptions Options)[] s_optionSets =
    [
        ("Default", new ArabicNormalizerOptions()),
        ("Search", ArabicNormalizer.CreateSearchOptions()),
        ("Persian", ArabicNormalizer.CreatePersianOptions()),
        ("FoldAlef", new ArabicNormalizerOptions { FoldAlef = true }),
        ("RemoveDiacritics", new ArabicNormalizerOptions { RemoveDiacritics = true }),
        ("RemoveDiacritics FoldAlef", new ArabicNormalizerOptions { RemoveDiacritics = true, FoldAlef = true }),
        ("no composition", new ArabicNormalizerOptions { ComposeHamza = false }),
        ("ContextualFarsiYeh CollapseSpaces", new ArabicNormalizerOptions { ContextualFarsiYeh = true, CollapseSpaces = true }),
    ];

    public static TheoryData<string> OptionSetNames() => [.. s_optionSets.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(OptionSetNames))]
    public void Normalize_DenseHamzaSequences_EqualsTheSpecModel(string optionSet)
    {
        ArabicNormalizerOptions options = s_optionSets.Single(s => s.Name == optionSet).Options;
        var normalizer = new ArabicNormalizer(options);
        var random = new Random(TestText.Seed(optionSet));
        for (int t = 0; t < 400; t++)
        {
            string text = MakeText(random);
            string expected = SpecModel.Normalize(text, options);
            string actual = normalizer.Normalize(text);
            if (actual != expected)
            {
                Assert.Fail($"{optionSet}: {TestText.Escape(text)} gave {TestText.Escape(actual)}, the model {TestText.Escape(expected)}");
            }

            Assert.Equal(expected, normalizer.Normalize(text.AsSpan()));
            Assert.Equal(expected == text, normalizer.IsNormalized(text));
            NormalizedText withOffsets = normalizer.NormalizeWithOffsets(text);
            Assert.Equal(expected, withOffsets.Text);
        }
    }

    private static string MakeText(Random random)
    {
        var sb = new StringBuilder();
        int pieces = 1 + random.Next(24);
        for (int p = 0; p < pieces; p++)
        {
            if (random.Next(12) == 0)
            {
                // A run of one mark, around the 30 non-starters where a joiner goes in.
                sb.Insert(sb.Length, s_marks[random.Next(s_marks.Length)], 26 + random.Next(8));
            }
            else
            {
                sb.Append(s_pieces[random.Next(s_pieces.Length)]);
            }
        }

        return sb.ToString();
    }
}
