using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ArabicNorm.Internal;

/// <summary>
/// Translates dense blocks (vocalized text under <c>Search</c>, mapped letters under <c>Default</c>) in registers,
/// straight into the destination: the Arabic-page lanes are looked up in the per-options <see cref="PageTable"/>, the
/// deleted lanes (diacritics, tatweel, controls) and the collapsed spaces are squeezed out with one byte shuffle per
/// eight lanes, and the state is handed back once per run of such blocks.
/// </summary>
/// <remarks>
/// <para>This is the fast path of <see cref="PlainRunTranslator"/> for blocks with more candidate lanes than its
/// one-by-one lookup takes well. A block is taken when every candidate lane is a lane of the page table, a U+0020, or
/// a code unit whose table entry is a one-to-one mapping, a deletion or a collapsible space; and no space collapses
/// into an entry the output before the block ends with that is longer than one code unit. Anything else (a kept mark,
/// an expansion, context, a presentation form) ends the run in front of the block, which writes nothing of it: the
/// translator's general branch takes the block as before. What it writes and the state it leaves are what that branch (and so the scalar
/// loop) gives for such a block.</para>
/// <para>The instruction-set-specific part is the page lookup, which also classifies the block from the same loads
/// (<see cref="IBlockClassifier{TSelf}.TranslatePage"/>); the masks, the compaction and the state are written once,
/// here.</para>
/// <para>Output is written exactly: the eight-lane stores overlap, each one overwriting what the one before wrote past
/// its lanes, and the last one keeps the destination's own code units past the block's output, so nothing past the
/// returned output position changes.</para>
/// </remarks>
internal static class CompactingTranslator
{
    /// <summary>The code units from which the page test cannot rule a block in cheaply: the presentation forms, which
    /// <see cref="FormsTranslator"/> takes.</summary>
    private const ushort FormsStart = 0xFB50;

    /// <summary>Translates blocks from <paramref name="i"/> while each one is dense and every candidate lane is one this
    /// class takes, and the source and destination have a block's room.</summary>
    /// <typeparam name="TClassifier">The strategy's classifier, which looks the page lanes up.</typeparam>
    /// <param name="classifierRef">The classifier.</param>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="source">The whole source of the call.</param>
    /// <param name="destination">The whole destination of the call.</param>
    /// <param name="i">The source position of the first block (a block's room from it).</param>
    /// <param name="o">The output position (a block's room from it).</param>
    /// <param name="state">The engine state, updated for what was translated.</param>
    /// <param name="outEnd">Receives the output position after what was written.</param>
    /// <returns>The source position after what was translated: <paramref name="i"/> when the first block needs the
    /// general branch.</returns>
    /// <remarks>The run ends in front of a block that is plain (the translator's copy loop takes it faster) or sparse
    /// (its one-by-one lookup does), and in front of one that has a lane this class does not take. Each block is read
    /// in full before its first store, so the destination may be the source itself, behind it (in-place
    /// normalization).</remarks>
    // Full speed from the first call (no Tier-0 or OSR code), and kept out of the translator's loop, whose other
    // branches its vector temporaries would crowd.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    internal static int TranslateRun<TClassifier>(
        ref TClassifier classifierRef,
        NormalizationTables tables,
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
        ref char src0 = ref MemoryMarshal.GetReference(source);
        ref char dst0 = ref MemoryMarshal.GetReference(destination);
        PageTable page = tables.PlainRun.Page;
        ref ushort u = ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref src0, i));
        Vector128<ushort> high = Vector128.Max(
            Vector128.Max(Vector128.LoadUnsafe(ref u), Vector128.LoadUnsafe(ref u, 8)),
            Vector128.Max(Vector128.LoadUnsafe(ref u, 16), Vector128.LoadUnsafe(ref u, 24)));
        if (!Vector128.LessThanAll(high, Vector128.Create(FormsStart)))
        {
            // PDF text: the forms path's, before any lookup here. Inside a run, a block of forms stops it once it is
            // looked up (its candidates are not the table's).
            outEnd = o;
            return i;
        }

        Span<ushort> lanes = stackalloc ushort[Block]; // a block's lanes, for the few patched one by one
        ref ushort patch = ref MemoryMarshal.GetReference(lanes);
        ReadOnlySpan<char> map = tables.Map;
        ref byte compaction = ref MemoryMarshal.GetArrayDataReference(PlainRunTranslator.s_compaction);

        // The state of the output before each block lives in locals through the run, and is handed back once, at its
        // end: a block's masks then depend on the block before only through one bit (whether its output ends in
        // U+0020), never through a store and a load of the state. Every entry of the run is one code unit, so once
        // the run has written something, the output before a block never ends in a longer entry.
        bool spaceBefore = state.LastOut >= 0 && state.LastChar == ' ';
        bool longEntryBefore = spaceBefore && state.EntryOutStart != state.LastOut;
        int entryStart = state.EntryStart;
        int lastOut = -1; // the run's last output position, once it has written something
        char lastX = '\0';
        int start = i;
        while (true)
        {
            ref char s = ref Unsafe.Add(ref src0, i);
            uint translated = classifier.TranslatePage(
                ref s, page, out Vector128<ushort> g0, out Vector128<ushort> g1, out Vector128<ushort> g2, out Vector128<ushort> g3, out uint deleted, out uint touched, out uint spaces);

            // The candidates: a U+0020 that does not follow a space is plain even while spaces collapse. A plain block
            // is the copy loop's and a sparse one the one-by-one lookup's (the caller sends only dense blocks here).
            touched &= ~(spaces & ~((spaces << 1) | (spaceBefore ? 1u : 0u)));
            if (BitOperations.PopCount(touched) <= PlainRunTranslator.SparseLanes)
            {
                break;
            }

            // The candidates the table does not have (controls, other spaces, quotation marks, U+0600): one by one. Any
            // entry but a one-to-one mapping, a deletion or a collapsible space is the general branch's.
            uint others = touched & ~translated & ~spaces;
            if (BitOperations.PopCount(others) > PlainRunTranslator.SparseLanes)
            {
                break; // not the page's text (presentation forms, other scripts): the general branch's
            }

            uint patched = 0;
            uint spaceOut = spaces; // the lanes that write U+0020 if kept
            bool special = false;
            for (uint rest = others; rest != 0; rest &= rest - 1)
            {
                int k = BitOperations.TrailingZeroCount(rest);
                char m = map[Unsafe.Add(ref s, k)];
                if (!NormalizationTables.IsSpecial(m))
                {
                    patched |= 1u << k;
                    spaceOut |= m == ' ' ? 1u << k : 0;
                }
                else if (m == NormalizationTables.Delete)
                {
                    deleted |= 1u << k;
                }
                else if (m == NormalizationTables.CollapsibleSpace)
                {
                    spaces |= 1u << k; // a space that is not U+0020: written as U+0020 when it stays
                    spaceOut |= 1u << k;
                    patched |= 1u << k;
                }
                else
                {
                    special = true;
                    break;
                }
            }

            if (special)
            {
                break;
            }

            uint collapsed = 0;
            if (spaces != 0)
            {
                collapsed = PlainRunTranslator.CollapsedSpaces(spaces, deleted, spaceBefore, longEntryBefore && lastOut < 0, out bool intoEarlierEntry);
                if (intoEarlierEntry)
                {
                    break;
                }
            }

            uint kept = ~(deleted | collapsed);

            // Everything read from the block is read before anything is written: in place (NormalizeInPlace) the
            // output overwrites the block it comes from. The lanes the table did not have go into the lanes first.
            if ((patched & kept) != 0)
            {
                g0.StoreUnsafe(ref patch);
                g1.StoreUnsafe(ref patch, 8);
                g2.StoreUnsafe(ref patch, 16);
                g3.StoreUnsafe(ref patch, 24);
                for (uint rest = patched & kept; rest != 0; rest &= rest - 1)
                {
                    int k = BitOperations.TrailingZeroCount(rest);
                    Unsafe.Add(ref patch, k) = ((spaces >> k) & 1) != 0 ? ' ' : map[Unsafe.Add(ref s, k)];
                }

                g0 = Vector128.LoadUnsafe(ref patch);
                g1 = Vector128.LoadUnsafe(ref patch, 8);
                g2 = Vector128.LoadUnsafe(ref patch, 16);
                g3 = Vector128.LoadUnsafe(ref patch, 24);
            }

            int last = 31 - BitOperations.LeadingZeroCount(kept);
            char lastSource = kept != 0 ? Unsafe.Add(ref s, last) : '\0';
            ref ushort dst = ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref dst0, o));
            int n;
            if (kept == uint.MaxValue)
            {
                // Mapped letters and no deletion (Default on news text): the block's 32 lanes are its output.
                g0.StoreUnsafe(ref dst);
                g1.StoreUnsafe(ref dst, 8);
                g2.StoreUnsafe(ref dst, 16);
                g3.StoreUnsafe(ref dst, 24);
                n = Block;
            }
            else
            {
                n = Compact(ref dst, ref compaction, g0, g1, g2, g3, kept);
            }

            // The state as the scalar loop leaves it. A space that collapsed into the last entry (a space this block
            // wrote) moves the entry's source start to itself.
            int lastCollapse = collapsed == 0 ? -1 : 31 - BitOperations.LeadingZeroCount(collapsed);
            if (n != 0)
            {
                lastOut = o + n - 1;
                lastX = lastSource;
                entryStart = i + Math.Max(last, lastCollapse);
                spaceBefore = ((spaceOut >> last) & 1) != 0;
            }
            else if (lastCollapse >= 0)
            {
                entryStart = i + lastCollapse;
            }

            i += Block;
            o += n;
            if (source.Length - i < Block || destination.Length - o < Block)
            {
                break;
            }
        }

        if (i != start)
        {
            if (lastOut >= 0)
            {
                // The output at lastOut stays as written: every later store of the run is past it.
                state.LastOut = lastOut;
                state.LastChar = Unsafe.Add(ref dst0, lastOut);
                state.LastX = lastX;
                state.EntryOutStart = lastOut;
            }

            state.EntryStart = entryStart;
        }

        outEnd = o;
        return i;
    }

    /// <summary>Writes the kept lanes of a block, in order, at <paramref name="dst"/>, and nothing past them.</summary>
    /// <param name="dst">Where the output goes; a block's room from it.</param>
    /// <param name="table">The compaction shuffles (<see cref="PlainRunTranslator.s_compaction"/>), read once per run.</param>
    /// <param name="g0">Lanes 0-7.</param>
    /// <param name="g1">Lanes 8-15.</param>
    /// <param name="g2">Lanes 16-23.</param>
    /// <param name="g3">Lanes 24-31.</param>
    /// <param name="kept">The lanes to write.</param>
    /// <returns>The number of lanes written.</returns>
    /// <remarks>Each group of eight lanes is packed with one byte shuffle and stored whole where the kept lanes before
    /// it end, so each store overwrites what the one before wrote past its kept lanes. Every store lies inside the
    /// last one's eight lanes or before them, so blending the last one with what the destination held there before
    /// (read before any store) leaves the destination past the output as it was.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Compact(ref ushort dst, ref byte table, Vector128<ushort> g0, Vector128<ushort> g1, Vector128<ushort> g2, Vector128<ushort> g3, uint kept)
    {
        int p1 = BitOperations.PopCount(kept & 0xFFu);
        int p2 = BitOperations.PopCount(kept & 0xFFFFu);
        int p3 = BitOperations.PopCount(kept & 0xFFFFFFu);
        int c3 = BitOperations.PopCount(kept) - p3;
        Vector128<ushort> before = Vector128.LoadUnsafe(ref dst, (nuint)p3);
        PlainRunTranslator.ShuffleBytes(g0.AsByte(), Vector128.LoadUnsafe(ref table, (kept & 0xFF) * 16)).AsUInt16().StoreUnsafe(ref dst);
        PlainRunTranslator.ShuffleBytes(g1.AsByte(), Vector128.LoadUnsafe(ref table, ((kept >> 8) & 0xFF) * 16)).AsUInt16().StoreUnsafe(ref dst, (nuint)p1);
        PlainRunTranslator.ShuffleBytes(g2.AsByte(), Vector128.LoadUnsafe(ref table, ((kept >> 16) & 0xFF) * 16)).AsUInt16().StoreUnsafe(ref dst, (nuint)p2);
        Vector128<ushort> last = PlainRunTranslator.ShuffleBytes(g3.AsByte(), Vector128.LoadUnsafe(ref table, (kept >> 24) * 16)).AsUInt16();
        Vector128<ushort> isOutput = Vector128.LessThan(Vector128.Create((ushort)0, 1, 2, 3, 4, 5, 6, 7), Vector128.Create((ushort)c3));
        Vector128.ConditionalSelect(isOutput, last, before).StoreUnsafe(ref dst, (nuint)p3);
        return p3 + c3;
    }
}
