using System.Text;
using ArabicNorm.Internal;
using ArabicNorm.Tests.Properties;
using static ArabicNorm.Tests.Vectorization.VectorScalarOracle;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>Each vector strategy against the scalar loop on PDF text, the input of <see cref="FormsTranslator"/>: every
/// presentation-form code unit at every lane of a block of forms, LAM-ALEF ligatures at every lane and in every number
/// per block (the output outgrowing the block, the last lane a ligature), forms mixed with spaces, marks, deletions and
/// mapped lanes, final and non-final blocks, destinations of every size around the output, and random option sets.</summary>
public class PresentationFormsTests
{
    private const int Block = PlainRunTranslator.BlockSize;

    // A shaped word after a space, as PDF extraction leaves it: BEH initial, YEH medial, TEH MARBUTA final, a space,
    // ALEF final, LAM initial, MEEM medial, ALEF final (U+FE91 U+FEF4 U+FE94 U+0020 U+FE8E U+FEDF U+FEE4 U+FE8E).
    private const string Filler = "\uFE91\uFEF4\uFE94 \uFE8E\uFEDF\uFEE4\uFE8E";

    // The LAM-ALEF ligatures (isolated and final forms with MADDA, HAMZA ABOVE, HAMZA BELOW, and plain ALEF).
    private const string Ligatures = "\uFEF5\uFEF6\uFEF7\uFEF8\uFEF9\uFEFA\uFEFB\uFEFC";

    public static TheoryData<string, string> StrategiesAndOptionSets() => VectorScalarOracle.StrategiesAndOptionSets();

    public static TheoryData<string> StrategyNames() => VectorScalarOracle.StrategyNames();

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets))]
    public void Normalize_EveryFormAtEveryLane_VectorEqualsScalar(string strategy, string optionSet)
    {
        // Every code unit of the presentation-form blocks (and the Arabic page, for the forms' neighbours) at every
        // lane of the second block of three blocks of forms.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        char[] text = MakeFiller(3 * Block);
        foreach (int c in FormCodeUnits())
        {
            for (int lane = 0; lane < Block; lane++)
            {
                char[] copy = (char[])text.Clone();
                copy[Block + lane] = (char)c;
                AssertSame(vector, scalar, copy, (3 * copy.Length) + 8, isFinalBlock: (c + lane) % 2 == 0);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets))]
    public void Normalize_LigatureAtEveryLane_VectorEqualsScalar(string strategy, string optionSet)
    {
        // One ligature, then two, at every lane (lane 31 included), so that the pair falls on each side of the block
        // end; the text cut after it (non-final: the ALEF could still take a mark) and whole.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        char[] text = MakeFiller(4 * Block);
        foreach (char ligature in Ligatures)
        {
            for (int position = 0; position < 3 * Block; position++)
            {
                char[] copy = (char[])text.Clone();
                copy[position] = ligature;
                copy[(position + 7) % copy.Length] = Ligatures[position % Ligatures.Length];
                AssertSame(vector, scalar, copy, (2 * copy.Length) + 8, isFinalBlock: true);
                AssertSame(vector, scalar, copy.AsSpan(0, position + 1), (2 * copy.Length) + 8, isFinalBlock: false);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets))]
    public void Normalize_DenseLigatures_VectorEqualsScalar(string strategy, string optionSet)
    {
        // Blocks whose ligatures make the output grow past the block (every lane a ligature, up to twice the block),
        // random pair masks, and destinations of every size around the output: the last group of eight lanes must
        // leave the destination past the output as it was.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        var random = new Random(11);
        for (int round = 0; round < 120; round++)
        {
            int percent = round < 8 ? 100 : random.Next(101);
            var sb = new StringBuilder();
            int length = Block + random.Next(3 * Block);
            while (sb.Length < length)
            {
                sb.Append(random.Next(100) < percent ? Ligatures[random.Next(Ligatures.Length)] : Filler[random.Next(Filler.Length)]);
            }

            string text = sb.ToString();
            int needed = scalar.Normalize(text).Length;
            int from = round % 4 == 0 ? 0 : Math.Max(0, needed - (2 * Block) - 8);
            for (int size = from; size <= needed + (2 * Block) + 8; size++)
            {
                AssertSame(vector, scalar, text, size, isFinalBlock: size % 2 == 0);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets))]
    public void Normalize_MixedPdfText_VectorEqualsScalar(string strategy, string optionSet)
    {
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        var random = new Random(optionSet.Length * 31);
        char[] buffer = new char[(8 * Block) + 16];
        for (int round = 0; round < 400; round++)
        {
            string text = MakePdf(random, random.Next(8 * Block));
            int alignment = round % 16;
            text.CopyTo(0, buffer, alignment, text.Length);
            ReadOnlySpan<char> source = buffer.AsSpan(alignment, text.Length);
            AssertSame(vector, scalar, source, (3 * text.Length) + 40, isFinalBlock: round % 2 == 0);
            AssertSame(vector, scalar, source, text.Length + random.Next(Block), isFinalBlock: true);
            if (round % 10 == 0)
            {
                Assert.Equal(scalar.Normalize(text), Stream(vector, text, 1 + random.Next(3 * Block)));
                Assert.Equal(scalar.IsNormalized(text), vector.IsNormalized(text));
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategyNames))]
    public void Normalize_PdfTextUnderRandomOptions_VectorEqualsScalar(string strategy)
    {
        VectorStrategy vectorStrategy = Require(strategy);
        var random = new Random(1201);
        for (int set = 0; set < 60; set++)
        {
            ArabicNormalizerOptions options = Generators.DrawOptions(random);
            var vector = new ArabicNormalizer(options, vectorStrategy);
            var scalar = new ArabicNormalizer(options, VectorStrategy.Scalar);
            for (int round = 0; round < 20; round++)
            {
                string text = MakePdf(random, random.Next(6 * Block));
                AssertSame(vector, scalar, text, (3 * text.Length) + 40, isFinalBlock: round % 2 == 0);
                AssertSame(vector, scalar, text, Math.Max(0, text.Length + random.Next(-8, Block)), isFinalBlock: true);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets))]
    public void Normalize_EveryFormAtEveryLaneBesideDeletionsAndMarks_VectorEqualsScalar(string strategy, string optionSet)
    {
        // The same, in a block that also has a TATWEEL (deleted under every preset), a FATHATAN (kept under Default
        // and Persian, deleted under Search) and a LAM-ALEF ligature: the forms path compacts the block in registers
        // and patches the one-to-one lanes after the deleted ones. The changed lane goes over the extra lanes too.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        char[] text = MakeFiller(3 * Block);
        text[Block + 4] = '\u0640'; // ARABIC TATWEEL
        text[Block + 13] = '\u064B'; // ARABIC FATHATAN, after a letter
        text[Block + 21] = '\uFEFC'; // LAM-ALEF FINAL
        text[Block + 27] = '\u0640';
        foreach (int c in FormCodeUnits())
        {
            for (int lane = 0; lane < Block; lane++)
            {
                char[] copy = (char[])text.Clone();
                copy[Block + lane] = (char)c;
                AssertSame(vector, scalar, copy, (3 * copy.Length) + 8, isFinalBlock: (c + lane) % 2 == 0);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets))]
    public void Normalize_MarksAndDeletionsAtEveryLane_VectorEqualsScalar(string strategy, string optionSet)
    {
        // One or two marks or deleted characters at every lane of a block of forms (lane 0 after a mark or a letter
        // of the block before, lane 31 at the block's end), with and without a ligature before them, spaces around
        // them (a deletion between two spaces while spaces collapse) and the text cut after them.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        string[] inserts =
        [
            "\u064B", "\u064E", "\u0651", "\u0670", "\u0640", "\u200B", "\uFEFF", // marks, tatweel, controls
            "\u0651\u064E", "\u064E\u0651", "\u064E\u0640", "\u0640\u064E", "\u0640\u0640", // two in a row
            "\uFEFB\u064B", "\uFEFC\u0640", "\uFEF7\u0651\u064E", // after a ligature
            " \u064B ", " \u0640 ", "\u064B ", " \u0640", "\u0640 ", // beside spaces
            "\u064B\u0660", "\u0640\u201C\uFB8E", // before one-to-one lanes
        ];
        char[] text = MakeFiller(4 * Block);
        foreach (string insert in inserts)
        {
            for (int position = Block - 2; position < (3 * Block) + 1; position++)
            {
                char[] copy = (char[])text.Clone();
                insert.CopyTo(0, copy, position, insert.Length);
                AssertSame(vector, scalar, copy, (2 * copy.Length) + 8, isFinalBlock: true);
                AssertSame(vector, scalar, copy.AsSpan(0, position + insert.Length), (2 * copy.Length) + 8, isFinalBlock: false);
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets))]
    public void Normalize_DeletionsAmongLigatures_VectorEqualsScalar(string strategy, string optionSet)
    {
        // Blocks of forms, ligatures, deletions and lone marks at random, and destinations of every size around the
        // output: the compacted output is written exactly, leaving the destination past it as it was.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        const string Extra = "\u0640\u0640\u200B\u064B\u064E\u0650\u0660\u201D\uFBFE ";
        var random = new Random(23 + optionSet.Length);
        for (int round = 0; round < 80; round++)
        {
            int ligatures = random.Next(60);
            int extras = 2 + random.Next(30);
            var sb = new StringBuilder();
            int length = Block + random.Next(3 * Block);
            while (sb.Length < length)
            {
                int pick = random.Next(100);
                sb.Append(pick < ligatures ? Ligatures[random.Next(Ligatures.Length)]
                    : pick < ligatures + extras ? Extra[random.Next(Extra.Length)]
                    : Filler[random.Next(Filler.Length)]);
            }

            string text = sb.ToString();
            int needed = scalar.Normalize(text).Length;
            int from = round % 4 == 0 ? 0 : Math.Max(0, needed - (2 * Block) - 8);
            for (int size = from; size <= needed + (2 * Block) + 8; size++)
            {
                AssertSame(vector, scalar, text, size, isFinalBlock: size % 2 == 0);
            }
        }
    }

    [Fact]
    public void MakePdf_Text_HasWhatTheCasesRelyOn()
    {
        // The generator makes blocks of forms with ligatures and with the lanes the general branch must take.
        string pdf = MakePdf(new Random(3), 4000);
        Assert.True(pdf.Count(c => c is >= '\uFE80' and <= '\uFEFC') > pdf.Length / 2, "mostly Forms-B letters");
        Assert.Contains(pdf, c => Ligatures.Contains(c));
        Assert.Contains(pdf, c => c is >= '\uFB50' and <= '\uFDFF');
        Assert.Contains(pdf, c => c is '\u064E' or '\u0640' or '\u00A0' or '\u0654');
        Assert.Contains("  ", pdf);
    }

    // The presentation-form blocks, U+FB50..U+FDFF and U+FE70..U+FEFF, and a few neighbours of the table's range.
    private static IEnumerable<int> FormCodeUnits()
    {
        for (int c = 0xFB50; c <= 0xFDFF; c += 3)
        {
            yield return c; // every third: Forms-A leave the vector path's table either way
        }

        for (int c = 0xFE70; c <= 0xFF00; c++)
        {
            yield return c; // every one: the table covers U+FE80..U+FEFF
        }

        foreach (int c in new[] { 0x0600, 0x0644, 0x0627, 0x06FF, 0x0020, 0x00A0, 0x064E, 0x0654, 0xFF7F, 0xFF80, 0x7E80, 0xFE7F })
        {
            yield return c;
        }
    }

    private static char[] MakeFiller(int length)
    {
        char[] text = new char[length];
        for (int k = 0; k < length; k++)
        {
            text[k] = Filler[k % Filler.Length];
        }

        return text;
    }

    // PDF text: mostly Forms-B letters and ligatures, with spaces (runs of them too), marks, tatweel, a hamza mark,
    // other spaces, digits, quotation marks and Forms-A letters now and then.
    private static string MakePdf(Random random, int length)
    {
        const string Other = "\u064E\u0651\u0650\u0640\u0654\u00A0\u200C\u0660\u0665\u201C\u201D\u060C\uFB8E\uFB91\uFBFE\uFBFF\uFBAF\uFDF2\uFE7D\uFEFF.\n";
        var sb = new StringBuilder(length + 2);
        while (sb.Length < length)
        {
            int pick = random.Next(100);
            sb.Append(pick switch
            {
                < 70 => ((char)(0xFE80 + random.Next(0x75))).ToString(),
                < 78 => Ligatures[random.Next(Ligatures.Length)].ToString(),
                < 90 => " ",
                < 92 => "  ",
                _ => Other[random.Next(Other.Length)].ToString(),
            });
        }

        return sb.ToString();
    }
}
