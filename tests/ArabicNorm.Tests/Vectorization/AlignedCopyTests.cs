using System.Buffers;
using System.Runtime.CompilerServices;
using ArabicNorm.Internal;
using static ArabicNorm.Tests.Vectorization.VectorScalarOracle;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>The copy loop (<c>PlainRunTranslator.CopyPlain</c>) at every alignment, each vector strategy against the
/// scalar loop: the source and the destination at every code-unit offset 0..31 within a 64-byte line, lengths at and
/// around block and two-block-step boundaries, runs that end at the last block, at a block the loop refuses and after a
/// patched block, final and non-final, destinations with no room to spare, sentinels on both sides of the destination,
/// and in place behind 0 to 48 deletions. (A loop whose stores follow the destination's alignment rather than the
/// blocks must pass these as they are.)</summary>
public class AlignedCopyTests
{
    private const int Block = PlainRunTranslator.BlockSize;
    private const char Sentinel = '\uE000'; // a private-use code point no option set writes

    // The first block is the translator's, the rest the loop's: 1 to 6 loop blocks, an odd one (its one-block tail)
    // and an even one (two-block steps only), and a few lanes past a boundary that only the scalar loop takes.
    private static readonly int[] s_lengths = [(2 * Block) - 1, 2 * Block, (2 * Block) + 1, (3 * Block) - 1, 3 * Block, (5 * Block) + 7, 7 * Block];

    [Theory]
    [MemberData(nameof(StrategiesAndOptionSets), MemberType = typeof(VectorScalarOracle))]
    public void Normalize_EverySourceAndDestinationAlignment_VectorEqualsScalar(string strategy, string optionSet)
    {
        (ArabicNormalizer vector, ArabicNormalizer scalar) = Pair(strategy, optionSet);
        char[] sourceBuffer = GC.AllocateArray<char>((8 * Block) + 64, pinned: true);
        char[] expectedBuffer = GC.AllocateArray<char>((3 * 8 * Block) + 128, pinned: true);
        char[] actualBuffer = GC.AllocateArray<char>((3 * 8 * Block) + 128, pinned: true);
        int[] alignments = VectorTestSize.Offsets(Block);
        foreach (int sourceAlignment in alignments)
        {
            foreach (int destinationAlignment in alignments)
            {
                foreach (int length in s_lengths)
                {
                    for (int pattern = 0; pattern < Patterns; pattern++)
                    {
                        char[] text = Text(length, pattern);
                        Span<char> source = sourceBuffer.AsSpan(Start(sourceBuffer, sourceAlignment, 0), length);
                        text.CopyTo(source);

                        // Even patterns with room to spare, odd ones with the destination exactly as long as the source:
                        // the destination then bounds the loop's blocks.
                        int room = (pattern & 1) == 0 ? (3 * length) + 8 : length;
                        foreach (bool isFinalBlock in new[] { true, false })
                        {
                            string expected = Run(scalar, source, expectedBuffer, destinationAlignment, room, isFinalBlock);
                            string actual = Run(vector, source, actualBuffer, destinationAlignment, room, isFinalBlock);
                            if (expected != actual)
                            {
                                Assert.Fail($"source at {sourceAlignment}, destination at {destinationAlignment} (code units in a 64-byte line), " +
                                    $"length {length}, pattern {pattern}, room {room}, final {isFinalBlock}: scalar {expected}, vector {actual}");
                            }
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrategyNames), MemberType = typeof(VectorScalarOracle))]
    public void NormalizeInPlace_EveryAlignmentBehindDeletions_EqualsScalarNormalize(string strategyName)
    {
        // After 0 to 48 deleted tatweels the output trails its source by that much: less than a block (the output of a
        // block overlaps its own source), one block, or more.
        VectorStrategy strategy = Require(strategyName);
        var options = new ArabicNormalizerOptions { FoldCompatibilityForms = false, ComposeHamza = false };
        var vector = new ArabicNormalizer(options, strategy);
        var scalar = new ArabicNormalizer(options, VectorStrategy.Scalar);
        Assert.False(vector.CanLengthen);
        char[] buffer = GC.AllocateArray<char>((10 * Block) + 64, pinned: true);
        foreach (int alignment in VectorTestSize.Offsets(Block))
        {
            foreach (int deletions in new[] { 0, 1, 15, 16, 17, 31, 32, 33, 40, 48 })
            {
                for (int pattern = 0; pattern < Patterns; pattern++)
                {
                    char[] text = Text((7 * Block) + deletions, pattern, offset: deletions);
                    for (int k = 0; k < deletions; k++)
                    {
                        text[2 + k] = '\u0640'; // ARABIC TATWEEL
                    }

                    string source = new(text);
                    Span<char> span = buffer.AsSpan(Start(buffer, alignment, 0), text.Length);
                    text.CopyTo(span);
                    int length = vector.NormalizeInPlace(span);
                    string expected = scalar.Normalize(source);
                    if (expected != span[..length].ToString())
                    {
                        Assert.Fail($"alignment {alignment}, {deletions} deletions, pattern {pattern}: scalar {Escape(expected)}, vector {Escape(span[..length])}");
                    }
                }
            }
        }
    }

    private const int Patterns = 6;

    /// <summary>Gets plain text (letters every option set keeps, ASCII letters, single spaces) with the candidates of
    /// one pattern, placed from <paramref name="offset"/> on: nothing; one-to-one lanes at a block's last lane and at the
    /// next block but one's first (a patched block, then a clean block after it); a deletion (the loop refuses the
    /// block); a lone kept mark and a patched last lane; two spaces across a block boundary and a digit; a
    /// candidate in every other block.</summary>
    private static char[] Text(int length, int pattern, int offset = 0)
    {
        const string Plain = "\u0628\u0645\u0644 \u0646\u0633ab\u0645 "; // BEH MEEM LAM, NOON SEEN, MEEM
        char[] text = new char[length];
        for (int k = 0; k < length; k++)
        {
            text[k] = Plain[k % Plain.Length];
        }

        void Put(int at, char c)
        {
            if (offset + at < length)
            {
                text[offset + at] = c;
            }
        }

        switch (pattern)
        {
            case 1:
                Put((2 * Block) - 1, '\u06CC'); // ARABIC LETTER FARSI YEH
                Put(3 * Block, '\u06CC');
                break;
            case 2:
                Put((2 * Block) + 7, '\u0640'); // ARABIC TATWEEL
                break;
            case 3:
                Put((2 * Block) + 3, '\u064B'); // ARABIC FATHATAN, after a letter
                Put((5 * Block) - 1, '\u0665'); // ARABIC-INDIC DIGIT FIVE
                break;
            case 4:
                Put((2 * Block) - 1, ' ');
                Put(2 * Block, ' ');
                Put((4 * Block) + 2, '\u0661'); // ARABIC-INDIC DIGIT ONE
                break;
            case 5:
                for (int block = 1; block < 8; block += 2)
                {
                    Put((block * Block) + ((5 * block) % Block), '\u201C'); // LEFT DOUBLE QUOTATION MARK
                }

                break;
        }

        return text;
    }

    /// <summary>Gets the index in a pinned array whose code unit sits <paramref name="alignment"/> code units into a
    /// 64-byte line, at or after <paramref name="from"/>.</summary>
    private static int Start(char[] pinned, int alignment, int from)
    {
        int k = from;
        while ((Unsafe.ByteOffset(ref Unsafe.NullRef<char>(), ref pinned[k]) & 63) != 2 * alignment)
        {
            k++;
        }

        return k;
    }

    /// <summary>Runs the span API into a destination of <paramref name="room"/> code units at the given alignment, with
    /// at least 16 sentinels on either side.</summary>
    /// <returns>The status, counts, and the destination with the sentinels around it.</returns>
    private static string Run(ArabicNormalizer normalizer, ReadOnlySpan<char> source, char[] buffer, int alignment, int room, bool isFinalBlock)
    {
        buffer.AsSpan().Fill(Sentinel);
        int start = Start(buffer, alignment, 16);
        Span<char> destination = buffer.AsSpan(start, room);
        OperationStatus status = normalizer.Normalize(source, destination, out int consumed, out int written, isFinalBlock);
        return $"{status} {consumed} {written} {Escape(buffer.AsSpan(start - 16, room + 32))}";
    }
}
