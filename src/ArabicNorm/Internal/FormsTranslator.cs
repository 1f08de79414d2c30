using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ArabicNorm.Internal;

/// <summary>
/// Translates a block of PDF text (Presentation Forms-B letters and LAM-ALEF ligatures among plain text) in registers,
/// straight into the destination: the forms are looked up in a 128-entry table held in registers, each ligature is
/// expanded to its two letters with a shuffle, deleted lanes are compacted out with a shuffle, and the few other
/// one-to-one lanes are patched in place.
/// </summary>
/// <remarks>
/// <para>This is the fast path of <see cref="PlainRunTranslator"/> for blocks whose every candidate lane is a form of
/// the table, a ligature of the table, a one-to-one mapping, a deletion (a diacritic under <c>Search</c>, a tatweel, a
/// format control) or a kept mark that follows its base alone (a FATHATAN in news text). Anything else (a space that
/// may collapse, marks in a row, a mark that ends the block's output, a longer expansion, context) makes
/// <see cref="TryTranslate"/> write nothing and return <see langword="false"/>: the translator's general branch takes
/// the block as before. What it writes and the state it leaves are what that branch (and so the scalar loop) gives for
/// such a block.</para>
/// <para>The table is per options (<see cref="FormsTable"/>): each form's entry is its letter after every other rule
/// (the alef, yeh and kaf folds of <c>Search</c> and <c>Persian</c> included), so one lookup gives the output.</para>
/// <para>The table lookup works on the index <c>c - U+FE80</c> in bytes, out-of-table lanes as 0xFF: eight 16-byte
/// lookups of the chained table pieces <c>P[j] ^ P[j - 1]</c> at <c>index - 16 j</c> XOR to <c>P[index / 16][index %
/// 16]</c>, because a lookup at an index with bit 7 set gives zero (see <see cref="PlainRunTranslator.ShuffleBytes"/>).
/// With AVX2 the 32 lanes are one 256-bit register of bytes, so the lookup is eight instructions per block.</para>
/// <para>In-place normalization never reaches this class: the forms it takes fold only under options that can lengthen
/// a text (the ligatures), which <see cref="ArabicNormalizer.NormalizeInPlace"/> refuses.</para>
/// <para>News text under the same options (<c>Search</c>, <c>Persian</c>: an alef with hamza, a TEH MARBUTA, a YEH or a
/// KAF in nearly every block, and no form) takes <see cref="TranslateMappedRun"/> instead, which the translator's
/// dispatch starts: its Arabic-page lanes are looked up in registers in the per-options <see cref="PageTable"/>, as
/// <see cref="CompactingTranslator"/> looks up dense blocks, so a block costs the same few vector instructions however
/// many of its lanes map.</para>
/// </remarks>
internal static class FormsTranslator
{
    // For an 8-bit pair mask over eight lanes: four byte shuffles of 16 bytes (the first letters into output lanes
    // 0-7 and 8-15, the second letters into output lanes 0-7 and 8-15) that spread the eight lanes over 8 + pairs
    // output lanes, each pair lane followed by its second letter.
    private static readonly byte[] s_expansion = BuildExpansion();

    /// <summary>Tells whether a block's kept marks leave it a chance on this path: no two marks in a row and no mark at
    /// the last lane, which <see cref="TryTranslate"/> and the AVX2 block path always refuse.</summary>
    /// <param name="marks">The block's kept combining mark lanes, in lane order.</param>
    /// <returns><see langword="false"/> when the block would be refused: the caller sends it to the general branch
    /// without trying (vocalized text, where nearly every block has a SHADDA before a vowel mark, was looked up twice
    /// per block otherwise).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool MayTakeMarks(uint marks) => (marks & ((marks << 1) | (1u << (PlainRunTranslator.BlockSize - 1)))) == 0;

    /// <summary>Translates blocks from <paramref name="i"/> while every candidate lane of a block is one this class takes
    /// (see <see cref="TryTranslate"/>) and the source and destination have a block's room.</summary>
    /// <typeparam name="TClassifier">The strategy's classifier: the AVX2 one gets the 256-bit lookup.</typeparam>
    /// <param name="classifierRef">The classifier, for the candidates of the blocks after the first.</param>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="table">The forms table (<see cref="PlainRunTables.Forms"/>).</param>
    /// <param name="source">The whole source of the call.</param>
    /// <param name="destination">The whole destination of the call.</param>
    /// <param name="i">The source position of the first block (a block's room from it).</param>
    /// <param name="o">The output position (a block's room from it).</param>
    /// <param name="touched">The first block's candidate lanes (<c>Candidates</c>).</param>
    /// <param name="state">The engine state, updated for what was translated.</param>
    /// <param name="outEnd">Receives the output position after what was written.</param>
    /// <returns>The source position after what was translated: <paramref name="i"/> when the first block needs the
    /// general branch.</returns>
    /// <remarks>The run also ends in front of a plain block, which the translator's copy loop takes faster.</remarks>
    // Full speed from the first call (no Tier-0 or OSR code), and kept out of the translator's loop, whose other
    // branches it would crowd.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    internal static int TranslateRun<TClassifier>(
        ref TClassifier classifierRef,
        NormalizationTables tables,
        in FormsTable table,
        ReadOnlySpan<char> source,
        Span<char> destination,
        int i,
        int o,
        uint touched,
        ref EngineState state,
        out int outEnd)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        TClassifier classifier = classifierRef; // in registers through the loop (see PlainRunTranslator.CopyPlain)
        const int Block = PlainRunTranslator.BlockSize;
        ref char src0 = ref MemoryMarshal.GetReference(source);
        ref char dst0 = ref MemoryMarshal.GetReference(destination);
        Span<ushort> stage = stackalloc ushort[2 * Block]; // a block's output, when deletions are compacted out of it
        bool hasMarks = tables.PlainRun.HasMarks;
        while (true)
        {
            ref char s = ref Unsafe.Add(ref src0, i);
            ref char d = ref Unsafe.Add(ref dst0, o);
            int written;
            if (typeof(TClassifier) == typeof(Avx2Strategy.Classifier) && Avx2.IsSupported)
            {
                // PDF text (and news text) in 256-bit registers; blocks with deletions take the general path below.
                written = TranslateBlock256(tables, in table, ref s, ref d, destination.Length - o, touched, i, o, ref state);
                if (written == OtherLanes
                    && !TryTranslate(classifier, tables, in table, ref s, ref d, destination.Length - o, touched, i, o, ref state, stage, out written))
                {
                    break;
                }
            }
            else if (!TryTranslate(classifier, tables, in table, ref s, ref d, destination.Length - o, touched, i, o, ref state, stage, out written))
            {
                break;
            }

            i += Block;
            o += written;
            if (source.Length - i < Block || destination.Length - o < Block)
            {
                break;
            }

            // The next block's candidates; the output before it (this run's) is not empty.
            ref char next = ref Unsafe.Add(ref src0, i);
            uint raw = classifier.TouchedRaw(ref next);
            if (raw == 0)
            {
                break;
            }

            if (hasMarks && !MayTakeMarks(classifier.InOrder(classifier.MarksRaw(ref next))))
            {
                break;
            }

            touched = PlainRunTranslator.Refine(classifier, ref next, raw, state.LastChar == ' ', out _);
        }

        outEnd = o;
        return i;
    }

    /// <summary>Tells whether a block has a lane from <see cref="PlainRunTables.FormsBStart"/> up (a Presentation
    /// Forms-B lane, or a code unit past them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool HasFormsB(ref char s)
    {
        ref ushort u = ref Unsafe.As<char, ushort>(ref s);
        Vector128<ushort> high = Vector128.Max(
            Vector128.Max(Vector128.LoadUnsafe(ref u), Vector128.LoadUnsafe(ref u, 8)),
            Vector128.Max(Vector128.LoadUnsafe(ref u, 16), Vector128.LoadUnsafe(ref u, 24)));
        return !Vector128.LessThanAll(high, Vector128.Create((ushort)PlainRunTables.FormsBStart));
    }

    /// <summary>Translates blocks without forms from <paramref name="i"/> while every candidate lane of a block is a
    /// one-to-one lane or a lone kept mark, the Arabic-page lanes among them in registers, and the source and
    /// destination have a block's room.</summary>
    /// <typeparam name="TClassifier">The strategy's classifier, which looks the page lanes up.</typeparam>
    /// <param name="classifierRef">The classifier.</param>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="pageTable">The Arabic page table (<see cref="PlainRunTables.Page"/>), with some entry.</param>
    /// <param name="source">The whole source of the call.</param>
    /// <param name="destination">The whole destination of the call.</param>
    /// <param name="i">The source position of the first block (a block's room from it).</param>
    /// <param name="o">The output position.</param>
    /// <param name="state">The engine state, updated for what was translated.</param>
    /// <param name="outEnd">Receives the output position after what was written.</param>
    /// <returns>The source position after what was translated: <paramref name="i"/> when the first block is not
    /// one of these.</returns>
    /// <remarks>
    /// <para>News text under <c>Search</c> or <c>Persian</c> has an alef with hamza, a TEH MARBUTA, a YEH or a KAF in
    /// nearly every block, two or three lanes of 32. Each block is looked up whole in the page table
    /// (<see cref="IBlockClassifier{TSelf}.TranslatePage"/>, which also gives its candidates), so those lanes cost no
    /// lane-by-lane work: the block is stored once, translated. Only the one-to-one lanes the page table does not have
    /// (quotation marks, Presentation Forms-A letters) are patched one by one, after the store.</para>
    /// <para>The run ends in front of a block with a Presentation Forms-B lane (<see cref="TryTranslate"/>'s), a
    /// plain block (the copy loop's), and a block with a deletion or with a candidate that is neither a one-to-one
    /// lane nor a kept mark alone after its base and before the block's last lane: each of those is left, unwritten,
    /// to <see cref="TranslateRun"/>. Every lane of a block it takes is an entry of one code unit, so the state after
    /// the block is its last lane's.</para>
    /// <para>Everything read from a block (the patched lanes' entries too) is read before its store, so the output may
    /// overlap the source (in-place normalization).</para>
    /// </remarks>
    // Its own compiled loop: inlined into TranslateRun, the page lookup's vector temporaries would crowd the forms
    // lookup's (and the JIT's inlining budget for that method).
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    internal static int TranslateMappedRun<TClassifier>(
        ref TClassifier classifierRef,
        NormalizationTables tables,
        PageTable pageTable,
        ReadOnlySpan<char> source,
        Span<char> destination,
        int i,
        int o,
        ref EngineState state,
        out int outEnd)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        TClassifier classifier = classifierRef; // in registers through the loop (see PlainRunTranslator.CopyPlain)
        const int Block = PlainRunTranslator.BlockSize;
        const int Last = Block - 1;
        ref char src0 = ref MemoryMarshal.GetReference(source);
        ref char dst0 = ref MemoryMarshal.GetReference(destination);
        ref char map = ref MemoryMarshal.GetReference(tables.Map); // 65,536 entries: every code unit is in range
        ref byte compaction = ref MemoryMarshal.GetArrayDataReference(PlainRunTranslator.s_compaction);
        Span<char> entries = stackalloc char[Block]; // the patched lanes' entries, read before the block's store
        ref char entry = ref MemoryMarshal.GetReference(entries);
        bool spaceIsPlain = classifier.SpaceIsPlain;
        bool plainBefore = false; // whether the run's last block was plain
        while (source.Length - i >= Block && destination.Length - o >= Block)
        {
            ref char s = ref Unsafe.Add(ref src0, i);
            if (HasFormsB(ref s))
            {
                break;
            }

            uint translated = classifier.TranslatePage(
                ref s, pageTable, out Vector128<ushort> g0, out Vector128<ushort> g1, out Vector128<ushort> g2, out Vector128<ushort> g3, out uint deleted, out uint touched, out uint spaces);

            // The candidates: a U+0020 that does not follow a space is plain even while spaces collapse. A plain block
            // between two mapped ones is taken here (news text under Search has one in five); two in a row end the
            // run, for the copy loop.
            bool spaceBefore = state.LastOut >= 0 && state.LastChar == ' ';
            touched &= ~(spaces & ~((spaces << 1) | (spaceBefore ? 1u : 0u)));
            if (touched == 0 && plainBefore)
            {
                break;
            }

            plainBefore = touched == 0;

            // The candidates the page table does not have: one-to-one mappings (patched below) and lone kept marks.
            uint others = touched & ~translated;
            uint marks = 0;
            bool special = false;
            for (uint rest = others; rest != 0; rest &= rest - 1)
            {
                int k = BitOperations.TrailingZeroCount(rest);
                char m = Unsafe.Add(ref map, Unsafe.Add(ref s, k));
                if (NormalizationTables.IsSpecial(m))
                {
                    if (m != NormalizationTables.CombiningMark)
                    {
                        special = true;
                        break;
                    }

                    marks |= 1u << k;
                }

                Unsafe.Add(ref entry, k) = m;
            }

            // As in TryTranslate: a kept mark follows a kept lane that is not a mark (or, in lane 0, output that does
            // not end with a combining sequence) and is not the block's last output; while spaces collapse, no U+0020
            // follows a deleted lane (it may follow a space in the output, which the candidates do not show).
            uint kept = ~deleted;
            int lastKept = 31 - BitOperations.LeadingZeroCount(kept);
            if (special
                || kept == 0
                || (marks != 0
                    && (((marks >> 1) & (marks | deleted)) != 0 || ((marks >> lastKept) & 1) != 0
                        || ((marks & 1) != 0 && (state.SeqEnd == o || state.LastOut < 0))))
                || (deleted != 0 && !spaceIsPlain && (spaces & (deleted << 1)) != 0))
            {
                break;
            }

            ref char d = ref Unsafe.Add(ref dst0, o);
            ref ushort dst = ref Unsafe.As<char, ushort>(ref d);
            uint patched = others & ~marks;
            int n;
            char lastChar;
            if (deleted == 0)
            {
                g0.StoreUnsafe(ref dst);
                g1.StoreUnsafe(ref dst, 8);
                g2.StoreUnsafe(ref dst, 16);
                g3.StoreUnsafe(ref dst, 24);
                for (uint rest = patched; rest != 0; rest &= rest - 1)
                {
                    int k = BitOperations.TrailingZeroCount(rest);
                    Unsafe.Add(ref d, k) = Unsafe.Add(ref entry, k);
                }

                n = Block;

                // Lane 31's output, from the register unless it was patched (no load of what was just stored).
                lastChar = (patched >> Last) != 0 ? Unsafe.Add(ref entry, Last) : (char)g3.GetElement(7);
            }
            else
            {
                // Deletions (a tanween under Search, a tatweel): the kept lanes squeezed together in registers, each
                // patched lane then written where its output went.
                n = CompactingTranslator.Compact(ref dst, ref compaction, g0, g1, g2, g3, kept);
                for (uint rest = patched; rest != 0; rest &= rest - 1)
                {
                    int k = BitOperations.TrailingZeroCount(rest);
                    Unsafe.Add(ref d, k - BitOperations.PopCount(deleted & ((1u << k) - 1))) = Unsafe.Add(ref entry, k);
                }

                lastChar = Unsafe.Add(ref d, n - 1);
            }

            state.LastOut = o + n - 1;
            state.LastChar = lastChar;
            state.LastX = Unsafe.Add(ref s, lastKept);
            state.EntryStart = i + lastKept;
            state.EntryOutStart = o + n - 1;
            i += Block;
            o += n;
        }

        outEnd = o;
        return i;
    }

    /// <summary>Translates one block into <paramref name="d"/> when every candidate lane is a form of the table, a
    /// two-letter ligature of the table, a one-to-one mapping, a deletion, or a kept mark right after a kept lane that
    /// is not a mark and before the block's last output.</summary>
    /// <typeparam name="TClassifier">The strategy's classifier: the AVX2 one gets the 256-bit lookup.</typeparam>
    /// <param name="classifier">The classifier, for the block's spaces when a deletion may join two.</param>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="table">The forms table (<see cref="PlainRunTables.Forms"/>).</param>
    /// <param name="s">The block's first source code unit.</param>
    /// <param name="d">Where its output goes.</param>
    /// <param name="room">How many code units the destination has from <paramref name="d"/> (at least a block).</param>
    /// <param name="touched">The block's candidate lanes (<c>Candidates</c>).</param>
    /// <param name="i">The block's source position.</param>
    /// <param name="o">The output position.</param>
    /// <param name="state">The engine state, updated for the block when it is translated.</param>
    /// <param name="stage">Room for a block's output (two blocks), where deletions are compacted out of it.</param>
    /// <param name="written">How many code units were written.</param>
    /// <returns><see langword="false"/> (nothing written, the state unchanged) when some lane needs more.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryTranslate<TClassifier>(
        TClassifier classifier,
        NormalizationTables tables,
        in FormsTable table,
        ref char s,
        ref char d,
        int room,
        uint touched,
        int i,
        int o,
        ref EngineState state,
        Span<ushort> stage,
        out int written)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        written = 0;

        Vector128<ushort> g0, g1, g2, g3, s0, s1, s2, s3;
        uint forms, pairs;
        ref ushort u = ref Unsafe.As<char, ushort>(ref s);
        Vector128<ushort> high = Vector128.Max(
            Vector128.Max(Vector128.LoadUnsafe(ref u), Vector128.LoadUnsafe(ref u, 8)),
            Vector128.Max(Vector128.LoadUnsafe(ref u, 16), Vector128.LoadUnsafe(ref u, 24)));
        if (Vector128.LessThanAll(high, Vector128.Create((ushort)PlainRunTables.FormsBStart)))
        {
            // No form in the block (news text with a mapped letter, say): no table lookup; the one-to-one lanes are
            // patched below, and any other candidate sends the block to the general branch.
            g0 = Vector128.LoadUnsafe(ref u);
            g1 = Vector128.LoadUnsafe(ref u, 8);
            g2 = Vector128.LoadUnsafe(ref u, 16);
            g3 = Vector128.LoadUnsafe(ref u, 24);
            s0 = s1 = s2 = s3 = default;
            forms = 0;
            pairs = 0;
        }
        else if (typeof(TClassifier) == typeof(Avx2Strategy.Classifier) && Avx2.IsSupported)
        {
            forms = Lookup256(ref s, in table, out g0, out g1, out g2, out g3, out s0, out s1, out s2, out s3, out pairs);
        }
        else
        {
            forms = Lookup128(ref s, in table, out g0, out g1, out s0, out s1, out uint pairsLow);
            forms |= Lookup128(ref Unsafe.Add(ref s, 16), in table, out g2, out g3, out s2, out s3, out uint pairsHigh) << 16;
            pairs = pairsLow | (pairsHigh << 16);
        }

        // The other candidates must be one-to-one mappings, deletions or lone kept marks; a pair needs room for two
        // blocks, as in the general branch.
        uint rest = touched & ~forms;
        uint deleted = 0;
        uint marks = 0;
        ReadOnlySpan<char> map = tables.Map;
        for (uint r = rest; r != 0; r &= r - 1)
        {
            int k = BitOperations.TrailingZeroCount(r);
            char m = map[Unsafe.Add(ref s, k)];
            if (NormalizationTables.IsSpecial(m))
            {
                if (m == NormalizationTables.Delete)
                {
                    deleted |= 1u << k;
                }
                else if (m == NormalizationTables.CombiningMark)
                {
                    marks |= 1u << k;
                }
                else
                {
                    return false;
                }
            }
        }

        if (pairs != 0 && room < 2 * PlainRunTranslator.BlockSize)
        {
            return false;
        }

        const int Last = PlainRunTranslator.BlockSize - 1;
        int lastKept = Last;
        if ((deleted | marks) != 0)
        {
            // A kept mark is its own output when it follows a kept lane that is not a mark (or, in lane 0, the output
            // before the block, when that does not end with a combining sequence), and it is not the block's last
            // output: then the scalar loop appends it to the sequence of that base and the state after the block is
            // the last lane's. Anything else (marks that may reorder, a sequence handed back) is the general branch's.
            uint kept = ~deleted;
            if (kept == 0)
            {
                return false;
            }

            lastKept = 31 - BitOperations.LeadingZeroCount(kept);
            if (((marks >> 1) & (marks | deleted)) != 0 || ((marks >> lastKept) & 1) != 0
                || ((marks & 1) != 0 && (state.SeqEnd == o || state.LastOut < 0)))
            {
                return false;
            }

            // While spaces collapse, a U+0020 after a deleted lane may follow a space in the output, which the
            // candidates (a space after a space lane) do not show.
            if (deleted != 0 && !classifier.SpaceIsPlain && (classifier.Spaces(ref s) & (deleted << 1)) != 0)
            {
                return false;
            }
        }

        uint oneToOne = rest & ~deleted & ~marks;
        ref ushort dst = ref Unsafe.As<char, ushort>(ref d);
        int n;
        if (deleted != 0)
        {
            // Deletions (diacritics under Search, tatweel): each group of eight lanes is compacted, then expanded, into
            // the staging buffer, and exactly the output is copied from it.
            ref ushort st = ref MemoryMarshal.GetReference(stage);
            n = ExpandKept(ref st, g0, s0, pairs & 0xFF, ~deleted & 0xFF, 0);
            n = ExpandKept(ref st, g1, s1, (pairs >> 8) & 0xFF, (~deleted >> 8) & 0xFF, n);
            n = ExpandKept(ref st, g2, s2, (pairs >> 16) & 0xFF, (~deleted >> 16) & 0xFF, n);
            n = ExpandKept(ref st, g3, s3, pairs >> 24, ~deleted >> 24, n);
            Patch(map, ref s, ref Unsafe.As<ushort, char>(ref st), oneToOne, pairs, deleted);
            Unsafe.CopyBlockUnaligned(ref Unsafe.As<ushort, byte>(ref dst), ref Unsafe.As<ushort, byte>(ref st), (uint)(2 * n));
        }
        else
        {
            if (pairs == 0)
            {
                g0.StoreUnsafe(ref dst);
                g1.StoreUnsafe(ref dst, 8);
                g2.StoreUnsafe(ref dst, 16);
                g3.StoreUnsafe(ref dst, 24);
                n = PlainRunTranslator.BlockSize;
            }
            else
            {
                n = Expand(ref dst, g0, s0, pairs & 0xFF, 0, last: false);
                n = Expand(ref dst, g1, s1, (pairs >> 8) & 0xFF, n, last: false);
                n = Expand(ref dst, g2, s2, (pairs >> 16) & 0xFF, n, last: false);
                n = Expand(ref dst, g3, s3, pairs >> 24, n, last: true);
            }

            // The one-to-one lanes that are not forms (digits, quotation marks, Presentation Forms-A letters): after
            // the pairs before them.
            Patch(map, ref s, ref d, oneToOne, pairs, 0);
        }

        state.LastOut = o + n - 1;
        state.EntryStart = i + lastKept;
        if (((pairs >> lastKept) & 1) != 0)
        {
            // The last entry is a pair: two output characters; the second letter's source is its folded letter.
            tables.TryGetPair(map[Unsafe.Add(ref s, lastKept)], out _, out char second, out char secondSource);
            state.LastChar = second;
            state.LastX = secondSource;
            state.EntryOutStart = o + n - 2;
        }
        else
        {
            state.LastChar = Unsafe.Add(ref d, n - 1);
            state.LastX = Unsafe.Add(ref s, lastKept);
            state.EntryOutStart = o + n - 1;
        }

        written = n;
        return true;
    }

    // What TranslateBlock256 returns for a block it leaves to TryTranslate.
    private const int OtherLanes = -1;

    /// <summary>Translates one block of forms, ligatures, one-to-one lanes and lone kept marks with AVX2, the whole block
    /// in two 256-bit registers from the loads to the stores; a block with a deletion or any other candidate lane is
    /// left to <see cref="TryTranslate"/>.</summary>
    /// <returns>How many code units were written, or <see cref="OtherLanes"/> (nothing written, the state
    /// unchanged).</returns>
    /// <remarks>The conditions on the marks are those of <see cref="TryTranslate"/> for a block without deletions.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TranslateBlock256(
        NormalizationTables tables, in FormsTable table, ref char s, ref char d, int room, uint touched, int i, int o, ref EngineState state)
    {
        ref ushort src = ref Unsafe.As<char, ushort>(ref s);
        Vector256<ushort> ga = Vector256.LoadUnsafe(ref src);
        Vector256<ushort> gb = Vector256.LoadUnsafe(ref src, 16);
        Vector256<ushort> start = Vector256.Create((ushort)PlainRunTables.FormsBStart);
        Vector256<ushort> max = Vector256.Create((ushort)0xFF);
        Vector256<byte> index = Avx2.PackUnsignedSaturate(Vector256.Min(ga - start, max).AsInt16(), Vector256.Min(gb - start, max).AsInt16());
        index |= Vector256.LessThan(index.AsSByte(), Vector256<sbyte>.Zero).AsByte(); // 0x80..0xFF: outside, 0xFF
        uint forms = 0;
        uint pairsRaw = 0;
        Vector256<byte> second = default;
        if (index.ExtractMostSignificantBits() != uint.MaxValue)
        {
            Vector256<byte> step = Vector256.Create((byte)0x10);
            Vector256<byte> letter = Avx2.Shuffle(table.T0, index);
            letter ^= Avx2.Shuffle(table.T1, index -= step);
            letter ^= Avx2.Shuffle(table.T2, index -= step);
            letter ^= Avx2.Shuffle(table.T3, index -= step);
            letter ^= Avx2.Shuffle(table.T4, index -= step);
            letter ^= Avx2.Shuffle(table.T5, index -= step);
            letter ^= Avx2.Shuffle(table.T6, index -= step);
            letter ^= Avx2.Shuffle(table.T7, index -= step);
            forms = ~InLaneOrder(Vector256.Equals(letter, Vector256<byte>.Zero));
            Vector256<ushort> page = Vector256.Create((ushort)0x0600);
            Vector256<ushort> la = Avx2.UnpackLow(letter, Vector256<byte>.Zero).AsUInt16();  // lanes 0-15
            Vector256<ushort> lb = Avx2.UnpackHigh(letter, Vector256<byte>.Zero).AsUInt16(); // lanes 16-31
            ga = Vector256.ConditionalSelect(Vector256.Equals(la, Vector256<ushort>.Zero), ga, la | page);
            gb = Vector256.ConditionalSelect(Vector256.Equals(lb, Vector256<ushort>.Zero), gb, lb | page);
            second = Avx2.Shuffle(table.Seconds, index); // the ligatures are U+FEF0..U+FEFF: the last piece
            pairsRaw = ~InLaneOrder(Vector256.Equals(second, Vector256<byte>.Zero));
        }

        // The other candidates: one-to-one mappings (patched after the stores) and kept marks after their base.
        uint rest = touched & ~forms;
        uint marks = 0;
        ReadOnlySpan<char> map = tables.Map;
        for (uint r = rest; r != 0; r &= r - 1)
        {
            int k = BitOperations.TrailingZeroCount(r);
            char m = map[Unsafe.Add(ref s, k)];
            if (NormalizationTables.IsSpecial(m))
            {
                if (m != NormalizationTables.CombiningMark)
                {
                    return OtherLanes;
                }

                marks |= 1u << k;
            }
        }

        const int Last = PlainRunTranslator.BlockSize - 1;
        if (marks != 0
            && (((marks >> 1) & marks) != 0 || (marks >> Last) != 0 || ((marks & 1) != 0 && (state.SeqEnd == o || state.LastOut < 0))))
        {
            return OtherLanes;
        }

        ref ushort dst = ref Unsafe.As<char, ushort>(ref d);
        int n;
        uint pairs = 0;
        if (pairsRaw == 0)
        {
            ga.StoreUnsafe(ref dst);
            gb.StoreUnsafe(ref dst, 16);
            n = PlainRunTranslator.BlockSize;
        }
        else
        {
            if (room < 2 * PlainRunTranslator.BlockSize)
            {
                return OtherLanes;
            }

            pairs = pairsRaw;
            Vector256<ushort> page = Vector256.Create((ushort)0x0600);
            Vector256<ushort> sa = Avx2.UnpackLow(second, Vector256<byte>.Zero).AsUInt16() | page;
            Vector256<ushort> sb = Avx2.UnpackHigh(second, Vector256<byte>.Zero).AsUInt16() | page;
            n = Expand(ref dst, ga.GetLower(), sa.GetLower(), pairs & 0xFF, 0, last: false);
            n = Expand(ref dst, ga.GetUpper(), sa.GetUpper(), (pairs >> 8) & 0xFF, n, last: false);
            n = Expand(ref dst, gb.GetLower(), sb.GetLower(), (pairs >> 16) & 0xFF, n, last: false);
            n = Expand(ref dst, gb.GetUpper(), sb.GetUpper(), pairs >> 24, n, last: true);
        }

        Patch(map, ref s, ref d, rest & ~marks, pairs, 0);
        state.LastOut = o + n - 1;
        state.EntryStart = i + Last;
        if ((pairs >> Last) != 0)
        {
            // The last entry is a pair: two output characters; the second letter's source is its folded letter.
            tables.TryGetPair(map[Unsafe.Add(ref s, Last)], out _, out char last, out char secondSource);
            state.LastChar = last;
            state.LastX = secondSource;
            state.EntryOutStart = o + n - 2;
        }
        else
        {
            // Lane 31's output, from the register unless it was patched (no load of what was just stored).
            state.LastChar = (rest >> Last) != 0 ? Unsafe.Add(ref d, n - 1) : (char)gb.GetElement(15);
            state.LastX = Unsafe.Add(ref s, Last);
            state.EntryOutStart = o + n - 1;
        }

        return n;
    }

    /// <summary>Takes one bit per byte of a register that <c>vpackuswb</c> packed from two registers of 16-bit lanes,
    /// in lane order: the quarters swap back first (<c>vpermq</c>), one instruction rather than the bit shuffling of
    /// <see cref="Avx2Strategy.Classifier.PackedLaneOrder"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint InLaneOrder(Vector256<byte> packed) =>
        Avx2.Permute4x64(packed.AsUInt64(), 0b11_01_10_00).AsByte().ExtractMostSignificantBits();

    /// <summary>Writes the one-to-one lanes that are not forms, each where its output goes: after the pairs' second
    /// letters before it, less the deleted lanes before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Patch(ReadOnlySpan<char> map, ref char s, ref char output, uint lanes, uint pairs, uint deleted)
    {
        for (uint r = lanes; r != 0; r &= r - 1)
        {
            int k = BitOperations.TrailingZeroCount(r);
            uint below = (1u << k) - 1;
            Unsafe.Add(ref output, k + BitOperations.PopCount(pairs & below) - BitOperations.PopCount(deleted & below)) = map[Unsafe.Add(ref s, k)];
        }
    }

    /// <summary>Writes the kept lanes of one group of eight at <paramref name="at"/>, each pair lane followed by its
    /// second letter, into a buffer with room for 16 code units from <paramref name="at"/>.</summary>
    /// <param name="dst">The staging buffer.</param>
    /// <param name="group">The eight lanes, translated.</param>
    /// <param name="seconds">The second letters, at the pair lanes.</param>
    /// <param name="pairs">The group's pair lanes.</param>
    /// <param name="kept">The group's lanes that are not deleted.</param>
    /// <param name="at">Where the group's output starts.</param>
    /// <returns>Where the group's output ends; what is written past it is the next group's to overwrite.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ExpandKept(ref ushort dst, Vector128<ushort> group, Vector128<ushort> seconds, uint pairs, uint kept, int at)
    {
        if (kept != 0xFF)
        {
            // The kept lanes to the front (the compaction shuffle of the general branch), and their pair bits with them.
            Vector128<byte> compact = Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(PlainRunTranslator.s_compaction), kept * 16);
            group = PlainRunTranslator.ShuffleBytes(group.AsByte(), compact).AsUInt16();
            seconds = PlainRunTranslator.ShuffleBytes(seconds.AsByte(), compact).AsUInt16();
            pairs = Compress(pairs, kept);
        }

        return Expand(ref dst, group, seconds, pairs, at, last: false) - 8 + BitOperations.PopCount(kept);
    }

    /// <summary>Packs the bits of <paramref name="value"/> where <paramref name="mask"/> is set to the bottom, in order
    /// (<c>pext</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Compress(uint value, uint mask)
    {
        if (Bmi2.IsSupported)
        {
            return Bmi2.ParallelBitExtract(value, mask);
        }

        uint result = 0;
        int bit = 0;
        for (uint m = mask; m != 0; m &= m - 1)
        {
            result |= ((value >> BitOperations.TrailingZeroCount(m)) & 1) << bit++;
        }

        return result;
    }

    /// <summary>Writes one group of eight lanes at <paramref name="at"/>, each pair lane followed by its second letter.</summary>
    /// <param name="dst">The block's output.</param>
    /// <param name="group">The eight lanes, translated.</param>
    /// <param name="seconds">The second letters, at the pair lanes.</param>
    /// <param name="pairs">The group's pair lanes.</param>
    /// <param name="at">Where the group's output starts.</param>
    /// <param name="last">Whether this is the block's last group: nothing past its output may change.</param>
    /// <returns>Where the group's output ends.</returns>
    /// <remarks>A group writes 8 or 16 code units; what a group writes past its output the next group overwrites. The
    /// last group's second half keeps the destination's own code units past the output.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Expand(ref ushort dst, Vector128<ushort> group, Vector128<ushort> seconds, uint pairs, int at, bool last)
    {
        if (pairs == 0)
        {
            group.StoreUnsafe(ref dst, (nuint)at);
            return at + 8;
        }

        ref byte t = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s_expansion), pairs * 64);
        Vector128<byte> firsts = group.AsByte();
        Vector128<byte> second = seconds.AsByte();
        Vector128<ushort> low = (PlainRunTranslator.ShuffleBytes(firsts, Vector128.LoadUnsafe(ref t))
            | PlainRunTranslator.ShuffleBytes(second, Vector128.LoadUnsafe(ref t, 32))).AsUInt16();
        Vector128<ushort> high = (PlainRunTranslator.ShuffleBytes(firsts, Vector128.LoadUnsafe(ref t, 16))
            | PlainRunTranslator.ShuffleBytes(second, Vector128.LoadUnsafe(ref t, 48))).AsUInt16();
        int count = BitOperations.PopCount(pairs);
        if (last)
        {
            // Lanes 8 + count and up are past the output: they keep what the destination holds (no earlier group of
            // the block wrote there).
            Vector128<ushort> keep = Vector128.GreaterThanOrEqual(Vector128.Create((ushort)0, 1, 2, 3, 4, 5, 6, 7), Vector128.Create((ushort)count));
            high = Vector128.ConditionalSelect(keep, Vector128.LoadUnsafe(ref dst, (nuint)(at + 8)), high);
        }

        low.StoreUnsafe(ref dst, (nuint)at);
        high.StoreUnsafe(ref dst, (nuint)(at + 8));
        return at + 8 + count;
    }

    /// <summary>Translates 16 lanes with 128-bit lookups.</summary>
    /// <returns>The lanes translated (pair lanes among them, as their first letter).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Lookup128(
        ref char s, in FormsTable table, out Vector128<ushort> g0, out Vector128<ushort> g1, out Vector128<ushort> s0, out Vector128<ushort> s1, out uint pairs)
    {
        ref ushort src = ref Unsafe.As<char, ushort>(ref s);
        Vector128<ushort> a = Vector128.LoadUnsafe(ref src);
        Vector128<ushort> b = Vector128.LoadUnsafe(ref src, 8);
        Vector128<ushort> start = Vector128.Create((ushort)PlainRunTables.FormsBStart);
        Vector128<ushort> max = Vector128.Create((ushort)0xFF);
        Vector128<byte> index = Vector128.Narrow(Vector128.Min(a - start, max), Vector128.Min(b - start, max));
        index |= Vector128.LessThan(index.AsSByte(), Vector128<sbyte>.Zero).AsByte(); // 0x80..0xFF: outside, 0xFF
        Vector128<byte> step = Vector128.Create((byte)0x10);
        Vector128<byte> letter = Nibble(table.T0.GetLower(), index);
        letter ^= Nibble(table.T1.GetLower(), index -= step);
        letter ^= Nibble(table.T2.GetLower(), index -= step);
        letter ^= Nibble(table.T3.GetLower(), index -= step);
        letter ^= Nibble(table.T4.GetLower(), index -= step);
        letter ^= Nibble(table.T5.GetLower(), index -= step);
        letter ^= Nibble(table.T6.GetLower(), index -= step);
        letter ^= Nibble(table.T7.GetLower(), index -= step);
        Vector128<byte> second = Nibble(table.Seconds.GetLower(), index); // the ligatures are U+FEF0..U+FEFF: the last piece

        uint forms = ~Vector128.Equals(letter, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF;
        pairs = ~Vector128.Equals(second, Vector128<byte>.Zero).ExtractMostSignificantBits() & 0xFFFF;
        Vector128<ushort> page = Vector128.Create((ushort)0x0600);
        (Vector128<ushort> la, Vector128<ushort> lb) = Vector128.Widen(letter);
        g0 = Vector128.ConditionalSelect(Vector128.Equals(la, Vector128<ushort>.Zero), a, la | page);
        g1 = Vector128.ConditionalSelect(Vector128.Equals(lb, Vector128<ushort>.Zero), b, lb | page);
        (Vector128<ushort> sa, Vector128<ushort> sb) = Vector128.Widen(second);
        s0 = sa | page;
        s1 = sb | page;
        return forms;
    }

    /// <summary>Translates 32 lanes with 256-bit lookups (AVX2): the packed bytes hold lanes 0-7, 16-23, 8-15 and
    /// 24-31, which unpacking puts back in order.</summary>
    /// <returns>The lanes translated (pair lanes among them, as their first letter).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Lookup256(
        ref char s,
        in FormsTable table,
        out Vector128<ushort> g0,
        out Vector128<ushort> g1,
        out Vector128<ushort> g2,
        out Vector128<ushort> g3,
        out Vector128<ushort> s0,
        out Vector128<ushort> s1,
        out Vector128<ushort> s2,
        out Vector128<ushort> s3,
        out uint pairs)
    {
        ref ushort src = ref Unsafe.As<char, ushort>(ref s);
        Vector256<ushort> a = Vector256.LoadUnsafe(ref src);
        Vector256<ushort> b = Vector256.LoadUnsafe(ref src, 16);
        Vector256<ushort> start = Vector256.Create((ushort)PlainRunTables.FormsBStart);
        Vector256<ushort> max = Vector256.Create((ushort)0xFF);
        Vector256<byte> index = Avx2.PackUnsignedSaturate(Vector256.Min(a - start, max).AsInt16(), Vector256.Min(b - start, max).AsInt16());
        index |= Vector256.LessThan(index.AsSByte(), Vector256<sbyte>.Zero).AsByte(); // 0x80..0xFF: outside, 0xFF
        Vector256<byte> step = Vector256.Create((byte)0x10);
        Vector256<byte> letter = Avx2.Shuffle(table.T0, index);
        letter ^= Avx2.Shuffle(table.T1, index -= step);
        letter ^= Avx2.Shuffle(table.T2, index -= step);
        letter ^= Avx2.Shuffle(table.T3, index -= step);
        letter ^= Avx2.Shuffle(table.T4, index -= step);
        letter ^= Avx2.Shuffle(table.T5, index -= step);
        letter ^= Avx2.Shuffle(table.T6, index -= step);
        letter ^= Avx2.Shuffle(table.T7, index -= step);
        Vector256<byte> second = Avx2.Shuffle(table.Seconds, index);

        uint forms = Avx2Strategy.Classifier.PackedLaneOrder(~Vector256.Equals(letter, Vector256<byte>.Zero).ExtractMostSignificantBits());
        pairs = Avx2Strategy.Classifier.PackedLaneOrder(~Vector256.Equals(second, Vector256<byte>.Zero).ExtractMostSignificantBits());
        Vector256<ushort> page = Vector256.Create((ushort)0x0600);
        Vector256<ushort> la = Avx2.UnpackLow(letter, Vector256<byte>.Zero).AsUInt16();  // lanes 0-15
        Vector256<ushort> lb = Avx2.UnpackHigh(letter, Vector256<byte>.Zero).AsUInt16(); // lanes 16-31
        Vector256<ushort> ga = Vector256.ConditionalSelect(Vector256.Equals(la, Vector256<ushort>.Zero), a, la | page);
        Vector256<ushort> gb = Vector256.ConditionalSelect(Vector256.Equals(lb, Vector256<ushort>.Zero), b, lb | page);
        Vector256<ushort> sa = Avx2.UnpackLow(second, Vector256<byte>.Zero).AsUInt16() | page;
        Vector256<ushort> sb = Avx2.UnpackHigh(second, Vector256<byte>.Zero).AsUInt16() | page;
        g0 = ga.GetLower();
        g1 = ga.GetUpper();
        g2 = gb.GetLower();
        g3 = gb.GetUpper();
        s0 = sa.GetLower();
        s1 = sa.GetUpper();
        s2 = sb.GetLower();
        s3 = sb.GetUpper();
        return forms;
    }

    /// <summary>Looks up bytes by their low four bits, giving zero where bit 7 is set (bits 4-6 are ignored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Nibble(Vector128<byte> table, Vector128<byte> index) =>
        Ssse3.IsSupported
            ? Ssse3.Shuffle(table, index) // pshufb reads only bits 0-3 and 7
            : PlainRunTranslator.ShuffleBytes(table, index & Vector128.Create((byte)0x8F));

    private static byte[] BuildExpansion()
    {
        byte[] table = new byte[256 * 64];
        for (int mask = 0; mask < 256; mask++)
        {
            Span<byte> entry = table.AsSpan(mask * 64, 64);
            entry.Fill(0x80); // zero
            int output = 0;
            for (int lane = 0; lane < 8; lane++)
            {
                // The first letter (the translated lane) from the group, then the second letter from the seconds.
                int at = ((output >> 3) * 16) + (2 * (output & 7));
                entry[at] = (byte)(2 * lane);
                entry[at + 1] = (byte)((2 * lane) + 1);
                output++;
                if ((mask & (1 << lane)) != 0)
                {
                    at = 32 + ((output >> 3) * 16) + (2 * (output & 7));
                    entry[at] = (byte)(2 * lane);
                    entry[at + 1] = (byte)((2 * lane) + 1);
                    output++;
                }
            }
        }

        return table;
    }
}

/// <summary>Holds the Presentation Forms-B table of <see cref="PlainRunTables.Forms"/>, ready for registers: the
/// first letter of each form in eight chained 16-byte pieces, and the second letter of the ligatures, each in both
/// halves of a 256-bit value (the 128-bit lookups read the lower half).</summary>
/// <remarks>For U+FE80 + <c>k</c>: <c>P[k]</c> is the low byte of the form's first output letter when the form's whole
/// result is one letter U+06xx, or two (LAM-ALEF: then <c>Seconds[k - 0x70]</c> is the second's low byte), and 0
/// otherwise (looked up one by one). Piece <c>j</c> holds <c>P[16 j ..] ^ P[16 (j - 1) ..]</c> (see
/// <see cref="FormsTranslator"/>).</remarks>
internal readonly struct FormsTable
{
    /// <summary>Initializes the table from the per-options map.</summary>
    /// <param name="map">The per-options map.</param>
    /// <param name="pairOf">For an expansion entry, its two output letters (low 16 bits the first), or 0.</param>
    internal FormsTable(ReadOnlySpan<char> map, Func<char, uint> pairOf)
    {
        Span<byte> first = stackalloc byte[PlainRunTables.FormsBLength];
        Span<byte> seconds = stackalloc byte[16];
        first.Clear();
        seconds.Clear();
        bool any = false;
        for (int k = 0; k < PlainRunTables.FormsBLength; k++)
        {
            char m = map[PlainRunTables.FormsBStart + k];
            if (!NormalizationTables.IsSpecial(m))
            {
                if (IsPageLetter(m))
                {
                    first[k] = (byte)m;
                    any = true;
                }
            }
            else if (m >= NormalizationTables.ExpansionBase && k >= PlainRunTables.FormsBLength - 16)
            {
                uint pair = pairOf(m);
                if (IsPageLetter((char)pair) && IsPageLetter((char)(pair >> 16)))
                {
                    first[k] = (byte)pair;
                    seconds[k - (PlainRunTables.FormsBLength - 16)] = (byte)(pair >> 16);
                    any = true;
                }
            }
        }

        Span<byte> chained = stackalloc byte[PlainRunTables.FormsBLength];
        for (int k = 0; k < chained.Length; k++)
        {
            chained[k] = (byte)(first[k] ^ (k >= 16 ? first[k - 16] : 0));
        }

        T0 = Broadcast(chained[..16]);
        T1 = Broadcast(chained[16..32]);
        T2 = Broadcast(chained[32..48]);
        T3 = Broadcast(chained[48..64]);
        T4 = Broadcast(chained[64..80]);
        T5 = Broadcast(chained[80..96]);
        T6 = Broadcast(chained[96..112]);
        T7 = Broadcast(chained[112..128]);
        Seconds = Broadcast(seconds);
        HasForms = any;
    }

    /// <summary>Gets whether some form of the table translates.</summary>
    public bool HasForms { get; }

    /// <summary>Gets chained piece 0.</summary>
    public Vector256<byte> T0 { get; }

    /// <summary>Gets chained piece 1.</summary>
    public Vector256<byte> T1 { get; }

    /// <summary>Gets chained piece 2.</summary>
    public Vector256<byte> T2 { get; }

    /// <summary>Gets chained piece 3.</summary>
    public Vector256<byte> T3 { get; }

    /// <summary>Gets chained piece 4.</summary>
    public Vector256<byte> T4 { get; }

    /// <summary>Gets chained piece 5.</summary>
    public Vector256<byte> T5 { get; }

    /// <summary>Gets chained piece 6.</summary>
    public Vector256<byte> T6 { get; }

    /// <summary>Gets chained piece 7.</summary>
    public Vector256<byte> T7 { get; }

    /// <summary>Gets the second letters of the ligatures U+FEF0..U+FEFF.</summary>
    public Vector256<byte> Seconds { get; }

    // The 16 bytes in both halves: vpshufb looks up within each half.
    private static Vector256<byte> Broadcast(ReadOnlySpan<byte> piece) => Vector256.Create(Vector128.Create(piece), Vector128.Create(piece));

    // A letter of the Arabic block other than U+0600 (byte 0 means "not translated").
    private static bool IsPageLetter(char c) => (c & 0xFF00) == 0x0600 && (c & 0xFF) != 0;
}
