using System.Buffers;
using System.Text;
using ArabicNorm.Internal;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>Each vector strategy against the scalar loop on the three kinds of text that take the vector path's
/// translating branches: PDF text (presentation forms, LAM-ALEF ligatures), vocalized text (a diacritic on most
/// letters: deletions squeezed out) and text dense in the letters the presets map (YEH, KAF, ALEF MAKSURA, TEH
/// MARBUTA, Persian letters, digits). Every option set, every alignment, final and non-final blocks, destinations of
/// every size around the vector path's room checks, and sentinels around the destination.</summary>
public class ShapedTextTests
{
    private static readonly string s_seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string strategy in VectorScalarOracle.VectorStrategies().Select(s => s.Name))
        {
            foreach ((string optionSet, _) in VectorScalarOracle.OptionSets())
            {
                foreach (string kind in new[] { "Pdf", "Vocalized", "MappedLanes" })
                {
                    data.Add(strategy, optionSet, kind);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_ShapedText_VectorEqualsScalar(string strategy, string optionSet, string kind)
    {
        (ArabicNormalizer vector, ArabicNormalizer scalar) = VectorScalarOracle.Pair(strategy, optionSet);
        var random = new Random(kind.Length * 7919);
        string text = Make(kind, random, s_seed[..1200]);
        char[] buffer = new char[text.Length + 16];
        for (int alignment = 0; alignment < 16; alignment++)
        {
            text.CopyTo(0, buffer, alignment, text.Length);
            ReadOnlySpan<char> source = buffer.AsSpan(alignment, text.Length);
            AssertSame(vector, scalar, source, (2 * text.Length) + 64, isFinalBlock: alignment % 2 == 0);
        }

        // Destinations of every size up to a few blocks past where the output ends (the vector path writes a block
        // only with a block's room, two blocks when a two-letter expansion is in it).
        string head = text[..300];
        int needed = scalar.Normalize(head).Length;
        for (int size = Math.Max(0, needed - 80); size <= needed + 80; size++)
        {
            AssertSame(vector, scalar, head, size, isFinalBlock: true);
        }

        // Every cut of a non-final block: what the next block could still change (a LAM-ALEF ligature's ALEF, a
        // space) is given back exactly as the scalar loop gives it back.
        for (int length = 32; length <= 200; length++)
        {
            AssertSame(vector, scalar, head.AsSpan(0, length), (2 * length) + 64, isFinalBlock: false);
        }

        // Streaming, and the string API and its scan.
        for (int chunk = 1; chunk < 200; chunk += 13)
        {
            Assert.Equal(scalar.Normalize(head), Stream(vector, head, chunk));
        }

        Assert.Equal(scalar.Normalize(text), vector.Normalize(text));
        Assert.Equal(scalar.IsNormalized(text), vector.IsNormalized(text));
        Assert.True(vector.IsNormalized(scalar.Normalize(text)));
    }

    [Fact]
    public void Make_PdfText_IsMostlyPresentationForms()
    {
        // The generator really makes what the cases above rely on: forms of every kind, ligatures included.
        string pdf = Make("Pdf", new Random(1), s_seed[..1200]);
        int forms = pdf.Count(c => c is >= '\uFB50' and <= '\uFEFF');
        Assert.True(forms > pdf.Length / 2, $"{forms} of {pdf.Length}");
        Assert.Contains('\uFEFB', pdf); // ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM
        Assert.Contains(pdf, c => c is >= '\uFE70' and <= '\uFE7F'); // marks on a space or tatweel
        Assert.Contains(pdf, c => c is >= '\uFB50' and <= '\uFBFF'); // Presentation Forms-A letters
        Assert.NotEqual(pdf, ArabicNormalizer.Default.Normalize(pdf));
    }

    /// <summary>Makes a text of one kind from Arabic news text.</summary>
    internal static string Make(string kind, Random random, string seed)
    {
        var sb = new StringBuilder();
        switch (kind)
        {
            case "Pdf":
                Dictionary<char, List<char>> forms = FormsByLetter();
                char[] ligatures = ['\uFEF5', '\uFEF6', '\uFEF7', '\uFEF8', '\uFEF9', '\uFEFA', '\uFEFB', '\uFEFC', '\uFDFA', '\uFC5E', '\uFE70', '\uFE71', '\uFE7C', '\uFE7D'];
                for (int k = 0; k < seed.Length; k++)
                {
                    char c = seed[k];
                    if (c == '\u0644' && k + 1 < seed.Length && seed[k + 1] == '\u0627')
                    {
                        sb.Append(random.Next(4) == 0 ? ligatures[random.Next(ligatures.Length)] : '\uFEFB'); // LAM + ALEF
                        k++;
                        continue;
                    }

                    sb.Append(forms.TryGetValue(c, out List<char>? list) && random.Next(20) != 0 ? list[random.Next(list.Count)] : c);
                    if (random.Next(40) == 0)
                    {
                        // HAMZA ABOVE; Forms-A letters (KEHEH, YEH BARREE); SHADDA on a tatweel (Forms-B); two spaces
                        sb.Append(random.Next(4) switch { 0 => "\u0654", 1 => "\uFB8E\uFBAF", 2 => "\uFE7D", _ => "  " });
                    }
                }

                break;
            case "Vocalized":
                foreach (char c in seed)
                {
                    sb.Append(c);
                    if (c is >= '\u0621' and <= '\u064A' && random.Next(10) != 0)
                    {
                        sb.Append((char)('\u064B' + random.Next(8))); // FATHATAN .. SUKUN
                        if (random.Next(6) == 0)
                        {
                            sb.Append(random.Next(3) switch { 0 => '\u0651', 1 => '\u0640', _ => '\u0654' }); // SHADDA, TATWEEL, HAMZA ABOVE
                        }
                    }
                }

                break;
            default:
                const string Mapped = "\u064A\u0649\u0643\u0629\u06CC\u06A9\u06AA\u06C1\u06D5\u06BE\u06D2\u0623\u0625\u0622\u0671\u0660\u0665\u06F3\u060C\u061F\u00A0\u201C";
                foreach (char c in seed)
                {
                    sb.Append(random.Next(3) == 0 ? Mapped[random.Next(Mapped.Length)] : c);
                }

                break;
        }

        return sb.ToString();
    }

    private static Dictionary<char, List<char>> FormsByLetter()
    {
        var forms = new Dictionary<char, List<char>>();
        for (int c = 0xFB50; c <= 0xFEFF; c++)
        {
            if (CompatibilityData.IsInCompatibilityBlocks(c) && CompatibilityData.TryGetMapping(c, out ReadOnlySpan<char> mapping) && mapping.Length == 1)
            {
                if (!forms.TryGetValue(mapping[0], out List<char>? list))
                {
                    forms[mapping[0]] = list = [];
                }

                list.Add((char)c);
            }
        }

        return forms;
    }

    private static void AssertSame(ArabicNormalizer vector, ArabicNormalizer scalar, ReadOnlySpan<char> source, int destinationLength, bool isFinalBlock)
    {
        var expected = VectorScalarOracle.Run(scalar, source, destinationLength, isFinalBlock);
        var actual = VectorScalarOracle.Run(vector, source, destinationLength, isFinalBlock);
        Assert.True(expected == actual, $"destination {destinationLength}, final {isFinalBlock}: scalar gave {expected.Status} {expected.Consumed} " +
            $"(written {expected.Output.Length}), vector gave {actual.Status} {actual.Consumed} (written {actual.Output.Length}); buffers equal: {expected.Buffer == actual.Buffer}");
    }

    private static string Stream(ArabicNormalizer normalizer, string text, int chunk)
    {
        var output = new StringBuilder();
        int position = 0;
        int end = Math.Min(text.Length, chunk);
        while (true)
        {
            bool final = end == text.Length;
            char[] destination = new char[(18 * (end - position)) + 64];
            OperationStatus status = normalizer.Normalize(text.AsSpan(position, end - position), destination, out int consumed, out int written, final);
            output.Append(destination, 0, written);
            position += consumed;
            if (status == OperationStatus.Done && final)
            {
                return output.ToString();
            }

            end = Math.Min(text.Length, Math.Max(end, position) + chunk);
        }
    }
}
