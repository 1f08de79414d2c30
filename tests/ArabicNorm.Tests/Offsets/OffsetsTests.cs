using System.Buffers;
using FsCheck.Xunit;
using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Offsets;

public class OffsetsTests
{
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 400)]
    public void NormalizeWithOffsets_TextIsNormalize(RuleText text, OptionsCase options)
    {
        Assert.Equal(options.Normalizer.Normalize(text.Value), options.Normalizer.NormalizeWithOffsets(text.Value).Text);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 400)]
    public void SourceIndices_AreMonotonicAndCoverEveryOutputChar(RuleText text, OptionsCase options)
    {
        NormalizedText result = options.Normalizer.NormalizeWithOffsets(text.Value);
        ReadOnlySpan<int> indices = result.SourceIndices;
        Assert.Equal(result.Text.Length, indices.Length);
        for (int k = 0; k < indices.Length; k++)
        {
            Assert.InRange(indices[k], 0, text.Value.Length - 1);
            Assert.True(k == 0 || indices[k] >= indices[k - 1], $"decreases at {k}");

            // Every index is where a character starts, never the low half of a pair.
            int s = indices[k];
            Assert.False(s > 0 && char.IsLowSurrogate(text.Value[s]) && char.IsHighSurrogate(text.Value[s - 1]), $"mid-pair at {k}");
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 400)]
    public void SourceIndices_SourceCharProducesItsOutputChars(RuleText text, OptionsCase options)
    {
        // The source character at each mapped position, with the characters after it that produce nothing (deleted,
        // composed into it, collapsed into it), normalized alone, produces the output mapped to it. A contextual
        // FARSI YEH alone is word-final, so YEH and ALEF MAKSURA are not told apart; an expansion that starts with a
        // space can lose that space to the space before it, so the output need only be a part of the segment's. Past 30
        // marks the Stream-Safe Text Format writes a U+034F COMBINING GRAPHEME JOINER, mapped to the sequence before
        // it, which that sequence alone does not need.
        NormalizedText result = options.Normalizer.NormalizeWithOffsets(text.Value);
        ReadOnlySpan<int> indices = result.SourceIndices;
        int k = 0;
        while (k < indices.Length)
        {
            int s = indices[k];
            int end = k;
            while (end < indices.Length && indices[end] == s)
            {
                end++;
            }

            int segmentEnd = end < indices.Length ? indices[end] : text.Value.Length;
            string alone = options.Normalizer.Normalize(text.Value[s..segmentEnd]);
            string mapped = result.Text[k..end];
            if (mapped.EndsWith('\u034F') && !alone.EndsWith('\u034F') && end < indices.Length && CanonicalClasses.IsArabicMark(result.Text[end]))
            {
                mapped = mapped[..^1]; // COMBINING GRAPHEME JOINER before the 31st non-starter
            }

            Assert.True(
                Yeh(alone).Contains(Yeh(mapped), StringComparison.Ordinal),
                $"output {k}..{end} '{Text.Escape(mapped)}' from source {s}..{segmentEnd} '{Text.Escape(text.Value[s..segmentEnd])}' which alone gives '{Text.Escape(alone)}'");
            k = end;
        }
    }

    // Found by SourceIndices_SourceCharProducesItsOutputChars (shrunk): 31 marks, the last HAMZA ABOVE. The joiner the
    // Stream-Safe Text Format writes before the 31st non-starter belongs to the sequence before it.
    [Fact]
    public void SourceIndices_StreamSafeJoiner_MapsToTheSequenceBeforeIt()
    {
        string text = "\u0651\u064B\u0657\u08FF\u064F\u0652\u0618\u064D\u0610\u06E3\u0650\u08D3\u08FF\u08D3\u0610\u0655"
            + "\u0655\u0651\u08D3\u064E\u0650\u0655\u08F0\u0657\u0653\u0670\u08FF\u0670\u064E\u0651\u0654";
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions { ContextualFarsiYeh = true, CollapseSpaces = true });
        NormalizedText result = normalizer.NormalizeWithOffsets(text);
        Assert.Equal(32, result.Text.Length);
        Assert.Equal('\u034F', result.Text[30]); // COMBINING GRAPHEME JOINER
        Assert.Equal(0, result.SourceIndices[30]);
        Assert.Equal('\u0654', result.Text[31]); // HAMZA ABOVE, the 31st non-starter
        Assert.Equal(30, result.SourceIndices[31]);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void NormalizeSpanWithIndices_InBlocks_EqualsOneCall(RuleText text, OptionsCase options, ReadSizes sizes)
    {
        // Laws L3 and L4 for the indices: blocks and small destinations give the same text and, once each block's
        // consumed offset is added, the same indices.
        NormalizedText whole = options.Normalizer.NormalizeWithOffsets(text.Value);
        var output = new System.Text.StringBuilder();
        var indices = new List<int>();
        char[] destination = new char[4096];
        int[] sourceIndices = new int[4096];
        int position = 0;
        int available = 0;
        int step = 0;
        int boost = 1;
        while (true)
        {
            available = Math.Min(text.Value.Length, Math.Max(available, position) + sizes.Sizes[step++ % sizes.Sizes.Length]);
            bool isFinal = available == text.Value.Length;
            int room = Math.Min(sizes.Sizes[step % sizes.Sizes.Length] * boost, destination.Length);
            OperationStatus status = options.Normalizer.NormalizeWithOffsets(
                text.Value.AsSpan(position, available - position), destination.AsSpan(0, room), sourceIndices,
                out int consumed, out int written, isFinal);
            output.Append(destination, 0, written);
            foreach (int index in sourceIndices.AsSpan(0, written))
            {
                indices.Add(index + position);
            }

            position += consumed;
            boost = status == OperationStatus.DestinationTooSmall && consumed == 0 && written == 0 ? boost * 2 : 1;
            if (status == OperationStatus.Done && isFinal)
            {
                break;
            }

            Assert.True(step < 1_000_000, "no progress");
        }

        Assert.Equal(whole.Text, output.ToString());
        Assert.Equal(whole.SourceIndices.Length, indices.Count);
        for (int k = 0; k < indices.Count; k++)
        {
            int w = whole.SourceIndices[k];
            if (indices[k] != w)
            {
                // The documented exception: a block boundary inside a collapsed run of spaces moves the run's one
                // space to another character of the same run (no other output comes from between the two).
                Assert.True(whole.Text[k] == ' ' && options.Options.CollapseSpaces, $"index {k}: {indices[k]} instead of {w}");
                int low = Math.Min(w, indices[k]);
                int high = Math.Max(w, indices[k]);
                Assert.True(k == 0 || whole.SourceIndices[k - 1] < low);
                Assert.True(k + 1 == indices.Count || whole.SourceIndices[k + 1] > high);
            }
        }
    }

    [Fact]
    public void NormalizeSpanWithIndices_LigatureSpaceCollapsedThenTooSmall_GivesBackTheSpaceEntry()
    {
        // Found by FsCheck: U+2009 THIN SPACE, then U+FC5E (SPACE, DAMMATAN, SHADDA) whose space collapses into the
        // first; a 1-char destination holds only that space. The call gives back the space too, so the next call maps
        // the run's space to the THIN SPACE exactly as one call does.
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions { CollapseSpaces = true });
        string text = "\u2009\uFC5E";
        NormalizedText whole = normalizer.NormalizeWithOffsets(text);
        Assert.Equal([0, 1, 1], whole.SourceIndices.ToArray());

        char[] destination = new char[1];
        int[] indices = new int[1];
        OperationStatus status = normalizer.NormalizeWithOffsets(text, destination, indices, out int consumed, out int written, true);
        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, written);

        destination = new char[8];
        indices = new int[8];
        status = normalizer.NormalizeWithOffsets(text, destination, indices, out consumed, out written, true);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(whole.Text, new string(destination, 0, written));
        Assert.Equal(whole.SourceIndices.ToArray(), indices[..written]);
    }

    [Fact]
    public void GetSourceRange_Composition_IncludesTheMark()
    {
        // ALEF, HAMZA ABOVE, BEH -> ALEF WITH HAMZA ABOVE, BEH.
        NormalizedText result = ArabicNormalizer.Default.NormalizeWithOffsets("\u0627\u0654\u0628");
        Assert.Equal("\u0623\u0628", result.Text);
        Assert.Equal([0, 2], result.SourceIndices.ToArray());
        Assert.Equal(0..2, result.GetSourceRange(0..1));
        Assert.Equal(2..3, result.GetSourceRange(1..2));
    }

    [Fact]
    public void GetSourceRange_Expansion_MapsEveryPartToTheLigature()
    {
        // x, U+FDFA (18 characters), y.
        NormalizedText result = ArabicNormalizer.Default.NormalizeWithOffsets("x\uFDFAy");
        Assert.Equal(20, result.Text.Length);
        Assert.Equal(1, result.SourceIndices[1]);
        Assert.Equal(1, result.SourceIndices[18]);
        Assert.Equal(2, result.SourceIndices[19]);
        Assert.Equal(1..2, result.GetSourceRange(3..6));
        Assert.Equal(0..2, result.GetSourceRange(0..5));
    }

    [Fact]
    public void GetSourceRange_DeletionsAndCollapse_FollowTheDocumentedRule()
    {
        // Search: "a", TATWEEL, RIGHT-TO-LEFT MARK, three spaces, "b" -> "a b".
        NormalizedText result = ArabicNormalizer.Search.NormalizeWithOffsets("a\u0640\u200F   b");
        Assert.Equal("a b", result.Text);
        Assert.Equal([0, 3, 6], result.SourceIndices.ToArray());
        Assert.Equal(0..3, result.GetSourceRange(0..1)); // the deleted tatweel and mark follow "a"
        Assert.Equal(3..6, result.GetSourceRange(1..2)); // the space stands for the run
        Assert.Equal(6..7, result.GetSourceRange(^1..));
        Assert.Equal(3..3, result.GetSourceRange(1..1));
        Assert.Equal(7..7, result.GetSourceRange(3..3));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.GetSourceRange(2..4));
    }

    [Fact]
    public void NormalizeWithOffsets_CleanText_IdentityIndicesAndSameInstance()
    {
        string text = "clean \u0643\u062A\u0627\u0628";
        NormalizedText result = ArabicNormalizer.Default.NormalizeWithOffsets(text);
        Assert.Same(text, result.Text);
        Assert.Equal(Enumerable.Range(0, text.Length), result.SourceIndices.ToArray());
    }

    [Fact]
    public void NormalizeWithOffsets_CleanSurrogatePair_BothHalvesMapToThePair()
    {
        // Shrunk counterexample: U+1EEAA (unassigned, no mapping) left the clean-text path with identity indices.
        NormalizedText result = ArabicNormalizer.Persian.NormalizeWithOffsets("a\uD83B\uDEAA");
        Assert.Equal([0, 1, 1], result.SourceIndices.ToArray());
    }

    [Fact]
    public void NormalizeSpanWithIndices_AllocatesNothingAndChecksArguments()
    {
        char[] source = "\u06CC\uFEFB\u0640 x".ToCharArray();
        char[] destination = new char[32];
        int[] indices = new int[32];
        ArabicNormalizer.Default.NormalizeWithOffsets(source, destination, indices, out _, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        OperationStatus status = ArabicNormalizer.Default.NormalizeWithOffsets(source, destination, indices, out int consumed, out int written);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(5, consumed);
        Assert.Equal("\u064A\u0644\u0627 x", new string(destination, 0, written)); // YEH, LAM, ALEF, space, x
        Assert.Equal([0, 1, 1, 3, 4], indices[..written]);
        Assert.Throws<ArgumentException>(() => ArabicNormalizer.Default.NormalizeWithOffsets(source, destination, new int[4], out _, out _));
        Assert.Throws<ArgumentNullException>(() => ArabicNormalizer.Default.NormalizeWithOffsets(null!));
    }

    private static string Yeh(string s) => s.Replace('\u0649', '\u064A'); // ALEF MAKSURA and YEH as one

    [Fact]
    public void NormalizeWithOffsets_ReorderedMarks_MapToTheirGroupAndStayNonDecreasing()
    {
        // BEH, SHADDA, FATHA, BEH: the FATHA sorts in front of the SHADDA; both map to where the SHADDA starts, so a
        // range over either covers both.
        NormalizedText result = ArabicNormalizer.Default.NormalizeWithOffsets("\u0628\u0651\u064E\u0628");
        Assert.Equal("\u0628\u064E\u0651\u0628", result.Text);
        Assert.Equal([0, 1, 1, 3], result.SourceIndices.ToArray());
        Assert.Equal(1..3, result.GetSourceRange(1..2));
        Assert.Equal(1..3, result.GetSourceRange(2..3));
    }

    [Fact]
    public void NormalizeWithOffsets_CompositionAcrossAMark_CoversTheHamzaMark()
    {
        // ALEF, FATHA, HAMZA ABOVE: ALEF WITH HAMZA ABOVE, FATHA. The FATHA maps to the base with the hamza mark, so the
        // letter's source range still holds the mark it took.
        NormalizedText result = ArabicNormalizer.Default.NormalizeWithOffsets("\u0627\u064E\u0654 ");
        Assert.Equal("\u0623\u064E ", result.Text);
        Assert.Equal([0, 0, 3], result.SourceIndices.ToArray());
        Assert.Equal(0..3, result.GetSourceRange(0..1));
    }
}
