using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using ArabicNorm.Internal;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>Pairs of normalizers with and without the vector path, and text generators that make the vector path
/// run: long stretches it can take, with the characters it must hand back to the scalar loop mixed in.</summary>
internal static class VectorScalarOracle
{
    /// <summary>Gets the option sets compared: the presets, identity, and combinations that switch each special entry
    /// kind on (contextual yeh, collapsible spaces without diacritic removal, ZWNJ as space, no composition).</summary>
    public static IEnumerable<(string Name, ArabicNormalizerOptions Options)> OptionSets()
    {
        yield return ("Default", new ArabicNormalizerOptions());
        yield return ("Search", ArabicNormalizer.CreateSearchOptions());
        yield return ("Persian", ArabicNormalizer.CreatePersianOptions());
        yield return ("Identity", SpecModel.Identity());
        yield return ("ContextualYehCollapse", new ArabicNormalizerOptions { ContextualFarsiYeh = true, CollapseSpaces = true });
        yield return ("ZwnjSpaceNoCompose", new ArabicNormalizerOptions { Zwnj = ZwnjHandling.Space, ComposeHamza = false, RemoveDiacritics = true });
        yield return ("CollapseOnly", new ArabicNormalizerOptions { CollapseSpaces = true, FoldCompatibilityForms = false });
    }

    /// <summary>Gets the option set names, for theories.</summary>
    public static TheoryData<string> OptionSetNames()
    {
        var data = new TheoryData<string>();
        foreach ((string name, _) in OptionSets())
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Gets the vector strategies (every one but the scalar loop), supported on this machine or not: a
    /// strategy the machine lacks shows up as skipped tests, never as passed ones.</summary>
    public static IEnumerable<VectorStrategy> VectorStrategies() => VectorStrategy.All.Where(s => s.IsVectorized);

    /// <summary>Gets every vector strategy with every option set, for theories.</summary>
    public static TheoryData<string, string> StrategiesAndOptionSets()
    {
        var data = new TheoryData<string, string>();
        foreach (VectorStrategy strategy in VectorStrategies())
        {
            foreach ((string name, _) in OptionSets())
            {
                data.Add(strategy.Name, name);
            }
        }

        return data;
    }

    /// <summary>Gets every vector strategy, for theories.</summary>
    public static TheoryData<string> StrategyNames()
    {
        var data = new TheoryData<string>();
        foreach (VectorStrategy strategy in VectorStrategies())
        {
            data.Add(strategy.Name);
        }

        return data;
    }

    /// <summary>Gets a vector strategy by name, skipping the test (visibly) when this machine lacks it.</summary>
    public static VectorStrategy Require(string strategyName)
    {
        VectorStrategy strategy = VectorStrategy.All.Single(s => s.Name == strategyName);
        if (!strategy.IsSupported)
        {
            Assert.Skip($"The {strategy.Name} strategy is not supported on this machine ({RuntimeInformation.ProcessArchitecture}); " +
                $"this process runs {ArabicNormalizer.ActiveImplementation}.");
        }

        return strategy;
    }

    /// <summary>Builds the normalizer with the vector strategy and the scalar one (the oracle) for an option set;
    /// skips the test when this machine lacks the strategy.</summary>
    public static (ArabicNormalizer Vector, ArabicNormalizer Scalar) Pair(string strategyName, string optionSet)
    {
        VectorStrategy strategy = Require(strategyName);
        ArabicNormalizerOptions options = Options(optionSet);
        var vector = new ArabicNormalizer(options, strategy);
        Assert.True(vector.Tables.PlainRun.IsEnabled, $"{strategyName} is supported but the vector path is off for {optionSet}");
        return (vector, new ArabicNormalizer(options, VectorStrategy.Scalar));
    }

    /// <summary>Gets the options of an option set by name.</summary>
    public static ArabicNormalizerOptions Options(string optionSet) => OptionSets().Single(s => s.Name == optionSet).Options;

    // Characters the vector path takes itself: plain Arabic and ASCII, one-to-one mappings, deletions, spaces.
    private static readonly string s_vectorFriendly =
        "\u0627\u0644\u0645\u0639\u0631\u0642\u0628\u062A\u0646\u0648\u064A\u0629\u0649" // letters, incl. ALEF MAKSURA, TEH MARBUTA
        + "\u0627\u0644\u0645\u0639\u0631abcXYZ019.,\n\t"
        + "      " // U+0020 often, so runs of spaces happen
        + "\u00A0\u2009\u3000" // other spaces
        + "\u06CC\u06A9\u06D2\u06C1\u06D5\u06C3\u06BE" // Persian letter variants
        + "\u0660\u0665\u0669\u06F0\u06F4\u066A\u066B\u066C" // digits and separators
        + "\u201C\u201D\u00AB\u00BB\u2019" // quotation marks
        + "\u0640\u0640\u200B\u200E\u200F\u00AD\u202B\u2066\uFEFF\u200C\u200D" // tatweel, controls, ZWNJ, ZWJ
        + "\u064B\u064E\u064F\u0650\u0651\u0652\u0670\u0610\u06D6" // diacritics
        + "\u060C\u061B\u061F\u06D4" // Arabic punctuation
        + "\u0622\u0623\u0625\u0671" // alef variants
        + "\u00E9\u0416\u4E2D"; // Latin-1, Cyrillic, CJK: candidates outside the two known pages

    // Characters the vector path must stop in front of.
    private static readonly string[] s_hard =
    [
        "\u0653", "\u0654", "\u0655", // hamza marks
        "\u0627\u0654", "\u0648\u0654", "\u06D2\u0654", "\u06CC\u0654", "\u0640\u0654", // pairs that compose (across a deletion too)
        "\uFEFB", "\uFDFA", "\uFDFC", "\uFE8D", "\uFBAE", // compatibility forms
        "\uD83D\uDE00", "\uD83B\uDE00", "\uD800", "\uDC00", // emoji, Arabic math symbol, lone halves
        "\uD83B", "\uDE00", "\uD83B\u0640\uDE00", // halves of U+1EE00 that deletions between them join
        "\uFFFF",
    ];

    /// <summary>Makes a text that is mostly what the vector path takes, with a hard character now and then.</summary>
    /// <param name="random">The generator.</param>
    /// <param name="length">The length (a surrogate pair may make it one longer).</param>
    /// <param name="hardPercent">How often (in percent of positions) a hard character goes in.</param>
    public static string MakeText(Random random, int length, int hardPercent)
    {
        var sb = new StringBuilder(length + 2);
        while (sb.Length < length)
        {
            if (random.Next(100) < hardPercent)
            {
                sb.Append(s_hard[random.Next(s_hard.Length)]);
            }
            else
            {
                sb.Append(s_vectorFriendly[random.Next(s_vectorFriendly.Length)]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Runs the span API into a destination of <paramref name="destinationLength"/> between sentinels.</summary>
    /// <returns>The status, the consumed count, the written output, and the whole buffer with its sentinels: the
    /// vector path must leave exactly what the scalar loop leaves, past the written output too.</returns>
    public static (OperationStatus Status, int Consumed, string Output, string Buffer) Run(
        ArabicNormalizer normalizer, ReadOnlySpan<char> source, int destinationLength, bool isFinalBlock)
    {
        char[] buffer = new char[destinationLength + 8];
        buffer.AsSpan().Fill('\uE000'); // a private-use sentinel
        Span<char> destination = buffer.AsSpan(3, destinationLength);
        OperationStatus status = normalizer.Normalize(source, destination, out int consumed, out int written, isFinalBlock);
        return (status, consumed, destination[..written].ToString(), new string(buffer));
    }

    /// <summary>Asserts that the vector normalizer gives what the scalar one gives: status, consumed count, output, and
    /// the whole destination buffer with its sentinels.</summary>
    public static void AssertSame(ArabicNormalizer vector, ArabicNormalizer scalar, ReadOnlySpan<char> source, int destinationLength, bool isFinalBlock)
    {
        (OperationStatus Status, int Consumed, string Output, string Buffer) expected = VectorScalarOracle.Run(scalar, source, destinationLength, isFinalBlock);
        (OperationStatus Status, int Consumed, string Output, string Buffer) actual = VectorScalarOracle.Run(vector, source, destinationLength, isFinalBlock);
        if (expected != actual)
        {
            Assert.Fail($"Source {Escape(source)} (destination {destinationLength}, final {isFinalBlock}): scalar gave " +
                $"{expected.Status} {expected.Consumed} {Escape(expected.Output)}, vector gave {actual.Status} {actual.Consumed} {Escape(actual.Output)}; " +
                $"buffers: scalar {Escape(expected.Buffer)}, vector {Escape(actual.Buffer)}");
        }
    }

    /// <summary>Normalizes <paramref name="text"/> in chunks of <paramref name="chunk"/>, as a stream does.</summary>
    public static string Stream(ArabicNormalizer normalizer, string text, int chunk)
    {
        var output = new System.Text.StringBuilder();
        int position = 0;
        int end = Math.Min(text.Length, chunk);
        while (true)
        {
            bool final = end == text.Length;
            char[] destination = new char[(18 * (end - position)) + 64]; // U+FDFA: 18 chars
            OperationStatus status = normalizer.Normalize(text.AsSpan(position, end - position), destination, out int consumed, out int written, final);
            output.Append(destination, 0, written);
            position += consumed;
            if (status == OperationStatus.Done && final)
            {
                return output.ToString();
            }

            Assert.NotEqual(OperationStatus.DestinationTooSmall, status);
            end = Math.Min(text.Length, Math.Max(end, position) + chunk);
        }
    }

    /// <summary>Writes code units outside printable ASCII as escapes, for failure messages.</summary>
    public static string Escape(ReadOnlySpan<char> text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (char c in text)
        {
            sb.Append(c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return sb.ToString();
    }
}
