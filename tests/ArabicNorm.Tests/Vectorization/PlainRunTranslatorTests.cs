using System.Buffers;
using ArabicNorm.Internal;
using static ArabicNorm.Tests.Vectorization.VectorScalarOracle;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>Each vector strategy against the scalar loop (the specification): same status, same consumed and written
/// counts, same output, for every length up to several blocks, every alignment, every code unit in every lane.</summary>
public class PlainRunTranslatorTests
{
    private const int Block = PlainRunTranslator.BlockSize;

    [Fact]
    public void IsEnabled_ActiveStrategy_FollowsTheMachine()
    {
        // Under DOTNET_EnableHWIntrinsic=0 the active strategy is the scalar loop, and the vector path is off.
        var tables = new NormalizationTables(new ArabicNormalizerOptions());
        Assert.Same(VectorStrategy.Active, tables.PlainRun.Strategy);
        Assert.Equal(VectorStrategy.Active.IsVectorized, tables.PlainRun.IsEnabled);
        Assert.False(new NormalizationTables(new ArabicNormalizerOptions(), vectorize: false).PlainRun.IsEnabled);
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategyNames), MemberType = typeof(VectorScalarOracle))]
    public void Translate_PlainAndMappedBlocks_TranslatesWholeBlocks(string strategyName)
    {
        VectorStrategy strategy = VectorScalarOracle.Require(strategyName);

        // 64 units: ALEF, FARSI YEH (mapped to YEH), ARABIC-INDIC SEVEN (to '7'), SPACE, repeated.
        string source = string.Concat(Enumerable.Repeat("\u0627\u06CC\u0667 ", 16));
        string expected = string.Concat(Enumerable.Repeat("\u0627\u064A7 ", 16));
        char[] destination = new char[64];
        var state = EngineState.Initial;
        int next = strategy.Translate(
            new NormalizationTables(new ArabicNormalizerOptions(), strategy), source, 0, destination, ref state, out bool stopped);

        Assert.Equal(64, next);
        Assert.False(stopped);
        Assert.Equal(64, state.Out);
        Assert.Equal(expected, new string(destination));
        Assert.Equal(63, state.LastOut);
        Assert.Equal(' ', state.LastChar);
        Assert.Equal(63, state.EntryStart);
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategyNames), MemberType = typeof(VectorScalarOracle))]
    public void Translate_DeletionsAndHamzaMark_PacksAndStopsInFrontOfTheMark(string strategyName)
    {
        VectorStrategy strategy = VectorScalarOracle.Require(strategyName);

        // Search deletes TATWEEL and FATHA; the HAMZA ABOVE at 40 is the scalar loop's (it composes with ALEF).
        char[] source = new char[64];
        for (int k = 0; k < source.Length; k++)
        {
            source[k] = (k % 4) switch { 0 => '\u0628', 1 => '\u0640', 2 => '\u064E', _ => '\u0627' }; // BEH TATWEEL FATHA ALEF
        }

        source[40] = '\u0654'; // HAMZA ABOVE, after the ALEF at 39
        char[] destination = new char[64];
        var state = EngineState.Initial;
        int next = strategy.Translate(
            new NormalizationTables(ArabicNormalizer.CreateSearchOptions(), strategy), source, 0, destination, ref state, out bool stopped);

        Assert.Equal(40, next);
        Assert.True(stopped);
        Assert.Equal(20, state.Out); // ten BEH ALEF pairs
        Assert.Equal(string.Concat(Enumerable.Repeat("\u0628\u0627", 10)), new string(destination, 0, 20));
        Assert.Equal(19, state.LastOut);
        Assert.Equal('\u0627', state.LastX);
        Assert.Equal(39, state.EntryStart);
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_EveryLengthAndAlignment_VectorEqualsScalar(string strategy, string optionSet)
    {
        (ArabicNormalizer vector, ArabicNormalizer scalar) = VectorScalarOracle.Pair(strategy, optionSet);
        var random = new Random(TestText.Seed(optionSet)); // the same texts for every strategy, in every run
        char[] buffer = new char[(5 * Block) + 32];
        int[] alignments = VectorTestSize.Offsets(16);
        foreach (int hardPercent in new[] { 0, 1, 5 })
        {
            for (int length = 0; length <= 5 * Block; length++)
            {
                string text = VectorScalarOracle.MakeText(random, length, hardPercent);
                foreach (int alignment in alignments)
                {
                    text.CopyTo(0, buffer, alignment, text.Length);
                    ReadOnlySpan<char> source = buffer.AsSpan(alignment, text.Length);
                    foreach (bool isFinalBlock in new[] { true, false })
                    {
                        AssertSame(vector, scalar, source, (3 * text.Length) + 40, isFinalBlock);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_DenseSpacesAndDeletions_VectorEqualsScalar(string strategy, string optionSet)
    {
        // Collapsing spaces across deleted lanes is worked out with mask arithmetic: make it meet every pattern.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = VectorScalarOracle.Pair(strategy, optionSet);
        const string Alphabet = "  \u00A0\u064E\u0640\u0628\u0627\u200B\u200C\u06CC\u0629"; // spaces, FATHA, TATWEEL, BEH, ALEF, ZWSP, ZWNJ, FARSI YEH, TEH MARBUTA
        var random = new Random(17);
        int rounds = VectorTestSize.Rounds(4000);
        for (int round = 0; round < rounds; round++)
        {
            char[] text = new char[random.Next(4 * Block)];
            for (int k = 0; k < text.Length; k++)
            {
                text[k] = Alphabet[random.Next(Alphabet.Length)];
            }

            AssertSame(vector, scalar, text, (3 * text.Length) + 8, isFinalBlock: round % 2 == 0);
            Assert.Equal(scalar.IsNormalized(text), vector.IsNormalized(text));
        }
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_SpaceRunAtEveryPosition_VectorEqualsScalar(string strategy, string optionSet)
    {
        // A U+0020 that does not follow a space is plain; one that does collapses. Whether a block's first lane
        // follows a space is known only from the block before (or, for the first plain block, from the output so
        // far), so put a run of spaces across every position, block boundaries included, in plain text and in text
        // whose blocks need patches (FARSI YEH) or squeezing (TATWEEL).
        (ArabicNormalizer vector, ArabicNormalizer scalar) = VectorScalarOracle.Pair(strategy, optionSet);
        string[] runs = ["  ", " \u0640 ", " \u064E ", "\u00A0 ", "   "]; // two spaces; across TATWEEL; across FATHA; NBSP then space; three
        foreach (char extra in "\u0645\u06CC\u0640")
        {
            char[] filler = new char[5 * Block];
            for (int k = 0; k < filler.Length; k++)
            {
                // BEH ALEF MEEM SPACE, with MEEM (plain), FARSI YEH (mapped) or TATWEEL (deleted) now and then.
                filler[k] = k % 23 == 11 ? extra : (k % 4) switch { 0 => '\u0628', 1 => '\u0627', 2 => '\u0645', _ => ' ' };
            }

            foreach (string run in runs)
            {
                for (int position = 0; position + run.Length <= filler.Length; position++)
                {
                    char[] text = (char[])filler.Clone();
                    run.CopyTo(0, text, position, run.Length);
                    AssertSame(vector, scalar, text, (3 * text.Length) + 8, isFinalBlock: true);
                    Assert.Equal(scalar.IsNormalized(text), vector.IsNormalized(text));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_SmallDestinations_VectorEqualsScalar(string strategy, string optionSet)
    {
        // The vector path runs only while a block fits; the scalar loop then fills up and gives back (law L4).
        (ArabicNormalizer vector, ArabicNormalizer scalar) = VectorScalarOracle.Pair(strategy, optionSet);
        var random = new Random(7);
        for (int round = 0; round < 300; round++)
        {
            string text = VectorScalarOracle.MakeText(random, random.Next(Block, 6 * Block), random.Next(3));
            for (int size = 0; size <= text.Length + 8; size += 1 + random.Next(5))
            {
                AssertSame(vector, scalar, text, size, isFinalBlock: true);
            }
        }
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_EveryCodeUnitInEveryLane_VectorEqualsScalar(string strategy, string optionSet)
    {
        (ArabicNormalizer vector, ArabicNormalizer scalar) = VectorScalarOracle.Pair(strategy, optionSet);

        // Filler that the vector path takes as is; the code unit under test goes into lanes at both ends of each
        // 8- and 16-unit group, after a space, after a composition base, and after a deletion.
        char[] text = new char[3 * Block];
        for (int k = 0; k < text.Length; k++)
        {
            text[k] = (k % 5) switch { 0 => '\u0628', 1 => '\u0627', 2 => ' ', 3 => 'a', _ => '\u0645' }; // BEH ALEF SPACE a MEEM
        }

        int[] lanes = [0, 1, 7, 8, 15, 16, 23, 31, 32, 33, 47, 62, 63, 64, 95];
        text[45] = ' ';
        text[61] = '\u0640'; // TATWEEL before lane 62
        for (int c = 0; c <= 0xFFFF; c++)
        {
            foreach (int lane in lanes)
            {
                text[lane] = (char)c;
            }

            AssertSame(vector, scalar, text, (3 * text.Length) + 300, isFinalBlock: true);
            Assert.Equal(scalar.IsNormalized(text), vector.IsNormalized(text));
        }
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_Chunked_VectorEqualsScalar(string strategy, string optionSet)
    {
        // Streaming: NeedMoreData gives back open entries; the vector path must leave them exactly as the scalar loop.
        (ArabicNormalizer vector, ArabicNormalizer scalar) = VectorScalarOracle.Pair(strategy, optionSet);
        var random = new Random(11);
        int rounds = VectorTestSize.Rounds(200);
        for (int round = 0; round < rounds; round++)
        {
            string text = VectorScalarOracle.MakeText(random, random.Next(8 * Block), random.Next(4));
            int chunk = 1 + random.Next(3 * Block);
            Assert.Equal(Stream(scalar, text, chunk), Stream(vector, text, chunk));
            Assert.Equal(scalar.Normalize(text), Stream(vector, text, chunk));
        }
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void IsNormalized_VectorEqualsScalar(string strategy, string optionSet)
    {
        (ArabicNormalizer vector, ArabicNormalizer scalar) = VectorScalarOracle.Pair(strategy, optionSet);
        var random = new Random(13);
        int rounds = VectorTestSize.Rounds(3000);
        for (int round = 0; round < rounds; round++)
        {
            string text = VectorScalarOracle.MakeText(random, random.Next(6 * Block), random.Next(3));
            string normalized = scalar.Normalize(text);
            Assert.Equal(scalar.IsNormalized(text), vector.IsNormalized(text));
            Assert.True(vector.IsNormalized(normalized));
            Assert.Equal(normalized, vector.Normalize(text));
            Assert.Same(normalized, vector.Normalize(normalized));
        }
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_SeedArticle_VectorEqualsScalar(string strategy, string optionSet)
    {
        (ArabicNormalizer vector, ArabicNormalizer scalar) = VectorScalarOracle.Pair(strategy, optionSet);
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
        for (int start = 0; start < 40; start++)
        {
            string text = seed[start..] + seed;
            Assert.Equal(scalar.Normalize(text), vector.Normalize(text));
            Assert.Equal(scalar.IsNormalized(text), vector.IsNormalized(text));
            AssertSame(vector, scalar, text, (2 * text.Length) + 64, isFinalBlock: true);
        }
    }
}
