using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ArabicNorm.Internal;

/// <summary>
/// Translates UTF-16 text 32 code units at a time: a <see cref="VectorStrategy"/>'s classifier finds the lanes of a
/// block that are not plain; this class copies the block, patches the one-to-one mappings, and squeezes out deletions
/// with a shuffle. Anything that needs context beyond "the previous output character" goes back to the scalar loop,
/// which stays the specification.
/// </summary>
/// <remarks>
/// <para>A block is translated only when every code unit in it is one of: plain (its own entry, unchanged); a
/// one-to-one mapping; a deletion; a two-letter expansion; a kept combining mark whose sequence needs no more than an
/// append or one swap (see <c>OrderMarks</c>); or (while spaces collapse) a space whose previous output character is
/// known inside the block. A hamza mark, a mark that needs the scalar loop's sorting or the Stream-Safe split, a
/// contextual FARSI YEH, a surrogate, a longer compatibility expansion, or a space that would collapse into output
/// written before the block stops the run just before it. After a run the shared <see cref="EngineState"/> (last output
/// character, its pre-rule character, where the last entry starts, the combining sequence the output ends with) is
/// exactly what the scalar loop leaves.</para>
/// <para>This is the instruction-set-neutral part of the vector path, written once: masks, compaction and the
/// state handed back. Its loops are generic over the classifier struct, so each strategy gets its own compiled copy.</para>
/// <para>Output is written exactly: nothing past the returned output position is touched, so the engine's
/// "only whole results" guarantee holds with the vector path too.</para>
/// </remarks>
internal static class PlainRunTranslator
{
    /// <summary>The number of code units one step classifies and translates.</summary>
    internal const int BlockSize = 32;

    // A block with more candidate lanes than this is looked up whole (see Gather) rather than lane by lane.
    internal const int SparseLanes = 3;

    // The most one-to-one lanes the copy loop patches in a block it keeps (see TryTakeSparse).
    internal const int MaxPatchedLanes = 6;

    /// <summary>For an 8-bit keep mask over eight UTF-16 lanes: the byte shuffle that packs the kept lanes to the
    /// front (16 bytes per mask; bytes past the kept lanes give zero).</summary>
    internal static readonly byte[] s_compaction = BuildCompaction();

    /// <summary>Translates whole blocks from <paramref name="start"/> while they need no more context than this
    /// class handles and the source and destination have a block's room.</summary>
    /// <param name="classifier">The strategy's classifier, holding the per-options page maps (by reference: its
    /// vectors are not copied per call; it is not changed).</param>
    /// <param name="tables">The per-options tables; <see cref="NormalizationTables.PlainRun"/> must be enabled.</param>
    /// <param name="source">The whole source of the call.</param>
    /// <param name="start">Where to start; the engine has no pending contextual yeh here.</param>
    /// <param name="destination">The whole destination of the call.</param>
    /// <param name="state">The engine state, updated for what was translated.</param>
    /// <param name="stoppedAtCharacter"><see langword="true"/> when the run stopped in front of a character the scalar
    /// loop must take; <see langword="false"/> when it ran out of room.</param>
    /// <returns>The source position after the translated text.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // full speed from the first call: no Tier-0 or OSR code
    [SkipLocalsInit]
    internal static int Translate<TClassifier>(
        ref TClassifier classifier,
        NormalizationTables tables,
        ReadOnlySpan<char> source,
        int start,
        Span<char> destination,
        ref EngineState state,
        out bool stoppedAtCharacter)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        PlainRunTables t = tables.PlainRun;
        ReadOnlySpan<char> map = tables.Map;
        bool collapse = !t.SpaceIsPlain;
        bool hasFormsB = t.HasFormsB;
        bool hasMarks = t.HasMarks;
        Span<char> staged = stackalloc char[BlockSize];
        Span<char> seconds = stackalloc char[BlockSize]; // the second output character of each pair lane
        Span<char> packed = stackalloc char[(2 * BlockSize) + 8]; // room for one whole-block copy from any lane
        Span<char> expanded = stackalloc char[(3 * BlockSize) + 8];

        int i = start;
        int o = state.Out;
        stoppedAtCharacter = false;
        ref char src0 = ref MemoryMarshal.GetReference(source);
        ref char dst0 = ref MemoryMarshal.GetReference(destination);
        while (true)
        {
            int blocks = Math.Min(source.Length - i, destination.Length - o) / BlockSize;
            if (blocks == 0)
            {
                break;
            }

            // A U+0020 that does not follow a space is plain even while spaces collapse: it stays as it is.
            bool spaceBefore = state.LastOut >= 0 && state.LastChar == ' ';
            ref char s = ref Unsafe.Add(ref src0, i);
            uint touched = Candidates(classifier, ref s, spaceBefore, out uint spaces);
            if (touched == 0)
            {
                // Plain blocks are copied in a tight loop; the state is set once, when the run of them ends.
                Copy(ref s, ref Unsafe.Add(ref dst0, o));
                int plain = 1;
                if (blocks > 1)
                {
                    plain += CopyPlain(in classifier, map, ref Unsafe.Add(ref s, BlockSize), ref Unsafe.Add(ref dst0, o + BlockSize), blocks - 1, hasMarks, out touched);
                }

                i += plain * BlockSize;
                o += plain * BlockSize;
                SetLast(ref state, o - 1, destination[o - 1], source[i - 1], i - 1); // the last lane may be patched
                if (plain == blocks)
                {
                    break;
                }

                s = ref Unsafe.Add(ref src0, i);
                spaces = collapse ? classifier.Spaces(ref s) : 0;
            }

            uint blockMarks = 0;
            if (hasMarks)
            {
                // Vocalized text: a block whose only candidates are kept marks that follow their base (or the one mark
                // after it) is its own output, with two marks swapped where canonical ordering swaps them.
                blockMarks = classifier.InOrder(classifier.MarksRaw(ref s));
                uint secondMarks = blockMarks & (blockMarks << 1);
                if ((touched & ~blockMarks) == 0 && (secondMarks & (secondMarks << 1)) == 0
                    && ((blockMarks & 1) == 0 || (state.SeqEnd != o && state.LastOut >= 0)))
                {
                    ref char d = ref Unsafe.Add(ref dst0, o);
                    Copy(ref s, ref d);
                    SwapOutOfOrder(ref s, ref d, secondMarks);
                    if ((blockMarks >> (BlockSize - 1)) != 0)
                    {
                        Sequence last = LastSequence(tables, ref s, ref d, blockMarks, secondMarks, 0, in state);
                        HandBackSequence(ref state, in last, i, o, BlockSize, uint.MaxValue, 0, 0, Unsafe.Add(ref d, BlockSize - 1));
                    }
                    else
                    {
                        SetLast(ref state, o + BlockSize - 1, Unsafe.Add(ref d, BlockSize - 1), Unsafe.Add(ref s, BlockSize - 1), i + BlockSize - 1);
                    }

                    i += BlockSize;
                    o += BlockSize;
                    continue;
                }
            }

            if (BitOperations.PopCount(touched) > SparseLanes && (touched & blockMarks) == 0)
            {
                // Dense blocks (vocalized Search, mapped letters): looked up, compacted and written in registers, with
                // no staging; a block with a lane that needs more goes on below.
                int denseEnd = CompactingTranslator.TranslateRun(ref classifier, tables, source, destination, i, o, ref state, out int denseOut);
                if (denseEnd != i)
                {
                    i = denseEnd;
                    o = denseOut;
                    continue;
                }
            }

            // The block is translated into a staged copy, then written whole or packed.
            ref char st = ref MemoryMarshal.GetReference(staged);
            ref char sec = ref MemoryMarshal.GetReference(seconds);
            uint deleted;
            uint marks = 0; // kept combining marks: in canonical order here, or sorted below
            int stop = BlockSize;
            uint pairs = 0;
            // Presentation forms that are letters are translated in registers (PDF text is all of them); the other
            // lanes go one of two ways.
            uint formsB = 0;
            if (hasFormsB)
            {
                // PDF text: a block of forms, ligatures and one-to-one lanes is translated in registers, straight into
                // the destination; anything else is staged below. A block with marks the forms path refuses (vocalized
                // text) goes straight there.
                if (FormsTranslator.MayTakeMarks(blockMarks))
                {
                    // News text (Search, Persian): a block without kept marks whose first candidate is not a form
                    // starts a mapped-lane run, its page lanes translated in registers; the forms path takes what that
                    // run refuses (a block with forms among them too).
                    int formsEnd = i;
                    int formsOut = o;
                    if (blockMarks == 0 && touched != 0 && t.Page.HasEntries
                        && Unsafe.Add(ref s, BitOperations.TrailingZeroCount(touched)) < PlainRunTables.FormsBStart)
                    {
                        formsEnd = FormsTranslator.TranslateMappedRun(ref classifier, tables, t.Page, source, destination, i, o, ref state, out formsOut);
                    }

                    if (formsEnd == i)
                    {
                        formsEnd = FormsTranslator.TranslateRun(ref classifier, tables, in t.Forms, source, destination, i, o, touched, ref state, out formsOut);
                    }

                    if (formsEnd != i)
                    {
                        i = formsEnd;
                        o = formsOut;
                        continue;
                    }
                }

                formsB = TranslateFormsB(ref s, ref st, in t.FormsB);
            }
            else
            {
                Copy(ref s, ref st);
            }

            if (BitOperations.PopCount(touched & ~formsB) > SparseLanes)
            {
                // Many lanes change (presentation forms, mapped letters, diacritics): look every lane up without a
                // branch and classify the entries in registers. Spaces (collapsible entries) are staged as U+0020.
                // Kept combining marks are staged as themselves. The other special lanes are two-letter expansions,
                // written here, or context: stop in front of it.
                uint special = Gather(ref s, map, ref st, out deleted, out spaces, out marks);
                for (uint rest = special & ~deleted & ~spaces & ~marks; rest != 0; rest &= rest - 1)
                {
                    int k = BitOperations.TrailingZeroCount(rest);
                    char e = Unsafe.Add(ref st, k);
                    if (e < NormalizationTables.ExpansionBase || !tables.TryGetPair(e, out Unsafe.Add(ref st, k), out Unsafe.Add(ref sec, k), out _))
                    {
                        stop = k;
                        break;
                    }

                    pairs |= 1u << k;
                }
            }
            else
            {
                // A few lanes change: copy, then look those up one by one. The U+0020 lanes are known from the
                // classifier (and already U+0020 in the copy).
                deleted = 0;
                for (uint rest = touched & ~spaces & ~formsB; rest != 0; rest &= rest - 1)
                {
                    int k = BitOperations.TrailingZeroCount(rest);
                    char m = map[Unsafe.Add(ref s, k)];
                    if (!NormalizationTables.IsSpecial(m))
                    {
                        Unsafe.Add(ref st, k) = m;
                    }
                    else if (m == NormalizationTables.Delete)
                    {
                        deleted |= 1u << k;
                    }
                    else if (m == NormalizationTables.CollapsibleSpace)
                    {
                        spaces |= 1u << k; // a space that is not U+0020: written as U+0020 when it stays
                        Unsafe.Add(ref st, k) = ' ';
                    }
                    else if (m == NormalizationTables.CombiningMark)
                    {
                        marks |= 1u << k; // kept as it is (the copy holds it), in the order worked out below
                    }
                    else if (m >= NormalizationTables.ExpansionBase && tables.TryGetPair(m, out Unsafe.Add(ref st, k), out Unsafe.Add(ref sec, k), out _))
                    {
                        pairs |= 1u << k;
                    }
                    else
                    {
                        stop = k; // context the scalar loop owns: stop in front of it
                        break;
                    }
                }
            }

            if (pairs != 0 && destination.Length - o < 2 * BlockSize)
            {
                // The output may outgrow the block's room: the scalar loop takes the first pair and what follows.
                stop = Math.Min(stop, BitOperations.TrailingZeroCount(pairs));
                pairs = 0;
            }

            uint limit = stop == BlockSize ? uint.MaxValue : (1u << stop) - 1;
            deleted &= limit;
            spaces &= limit;
            pairs &= limit;
            uint collapsed = 0;
            if (spaces != 0)
            {
                collapsed = CollapsedSpaces(spaces, deleted, in state, out bool intoEarlierEntry);
                if (intoEarlierEntry)
                {
                    stop = 0;
                    limit = 0;
                    collapsed = 0;
                }
            }

            uint removed = deleted | collapsed;
            Sequence sequence = default;
            marks &= limit;
            if (marks != 0)
            {
                // Kept marks join the combining sequence of the output before them. The vector path takes those that
                // need no more than a look at that sequence; it stops in front of the others.
                int markStop = OrderMarks(tables, ref s, ref st, marks, removed, ~removed & limit, pairs, in state, o, ref sequence);
                if (markStop < stop)
                {
                    stop = markStop;
                    limit = (1u << stop) - 1;
                    deleted &= limit;
                    collapsed &= limit;
                    pairs &= limit;
                    marks &= limit;
                    removed = deleted | collapsed;
                }
            }

            if ((removed | pairs) == 0 && stop == BlockSize)
            {
                // The common case: the staged block is the output.
                ref char d = ref Unsafe.Add(ref dst0, o);
                Copy(ref st, ref d);
                if ((marks >> (BlockSize - 1)) != 0)
                {
                    HandBackSequence(ref state, in sequence, i, o, BlockSize, uint.MaxValue, 0, 0, Unsafe.Add(ref d, BlockSize - 1));
                }
                else
                {
                    SetLast(ref state, o + BlockSize - 1, Unsafe.Add(ref d, BlockSize - 1), Unsafe.Add(ref s, BlockSize - 1), i + BlockSize - 1);
                }

                i += BlockSize;
                o += BlockSize;
                continue;
            }

            // Deletions, collapses, pairs or a stop: pack the kept lanes, put in the pairs' second letters, write
            // exactly those.
            uint kept = ~removed & limit;
            int n = Pack(staged, kept, packed);
            ref char output = ref MemoryMarshal.GetReference(packed);
            if (pairs != 0)
            {
                // Expand copies whole blocks from the packed lanes, reading past the n written ones (what it reads
                // there is overwritten or left past the output): those lanes are cleared first, since the buffer is
                // not zeroed on entry ([SkipLocalsInit]).
                packed[n..].Clear();
                n = Expand(ref output, n, kept, pairs, ref sec, ref MemoryMarshal.GetReference(expanded));
                output = ref MemoryMarshal.GetReference(expanded);
            }

            CopyExact(ref output, ref Unsafe.Add(ref dst0, o), n);
            int lastCollapse = collapsed == 0 ? -1 : 31 - BitOperations.LeadingZeroCount(collapsed);
            int lastKept = 31 - BitOperations.LeadingZeroCount(kept);
            if (kept != 0 && ((marks >> lastKept) & 1) != 0)
            {
                // The output ends with a combining sequence: hand it back as the scalar loop keeps it, so that a mark
                // after it (in the next block, or the scalar loop's) sorts and composes the same. The entry is the
                // base's: the marks joined it.
                HandBackSequence(ref state, in sequence, i, o, n, kept, pairs, collapsed, staged[lastKept]);
            }
            else if (kept != 0 && ((pairs >> lastKept) & 1) != 0)
            {
                // The last entry is a pair: two output characters. No space can collapse into it.
                tables.TryGetPair(map[Unsafe.Add(ref s, lastKept)], out _, out char second, out char secondSource);
                state.LastOut = o + n - 1;
                state.LastChar = second;
                state.LastX = secondSource;
                state.EntryStart = i + lastKept;
                state.EntryOutStart = o + n - 2;
            }
            else if (kept != 0)
            {
                // A space that collapsed into the last entry (a space this block wrote) moves the entry's source
                // start to itself, as the scalar loop's bookkeeping does.
                int last = 31 - BitOperations.LeadingZeroCount(kept);
                SetLast(ref state, o + n - 1, staged[last], Unsafe.Add(ref s, last), i + Math.Max(last, lastCollapse));
            }
            else if (lastCollapse >= 0)
            {
                state.EntryStart = i + lastCollapse;
            }

            o += n;
            i += stop;
            if (stop < BlockSize)
            {
                stoppedAtCharacter = true;
                break;
            }
        }

        state.Out = o;
        return i;
    }

    /// <summary>Works out the combining sequences of a block's kept marks as the scalar loop's
    /// <c>ProcessMark</c> would, and finds the first mark the vector path must leave to it.</summary>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="s">The first source code unit of the block.</param>
    /// <param name="staged">The staged block; two marks that canonical ordering swaps are swapped here.</param>
    /// <param name="marks">The kept mark lanes, below the block's stop.</param>
    /// <param name="removed">The lanes that write nothing (deleted, collapsed).</param>
    /// <param name="kept">The lanes that write something, below the block's stop.</param>
    /// <param name="pairs">The lanes that write two letters.</param>
    /// <param name="state">The state before the block.</param>
    /// <param name="o">The output position before the block.</param>
    /// <param name="sequence">Receives the sequence of the last mark taken, when the block's output ends with it.</param>
    /// <returns>The first lane the vector path does not take (<see cref="BlockSize"/> when it takes every mark).</returns>
    /// <remarks>
    /// <para>A mark needs the scalar loop only when the sequence it joins needs more than appending it: it sorts in
    /// front of a mark that is not the only one before it (or one from an earlier block), the sequence has reached the
    /// Stream-Safe limit of <see cref="NormalizationTables.MaxNonStarters"/> non-starters (a joiner goes in), or there
    /// is no base (the call's first output). A lone mark after its base, and marks already in non-decreasing
    /// combining class, are appended; a second mark of a lower class than the first (SHADDA then FATHA) is put in front
    /// of it. Hamza marks are never here: they are context entries and stop the block before this.</para>
    /// <para>Deleted and collapsed lanes write nothing and keep the sequence open, as in the scalar loop.</para>
    /// </remarks>
    private static int OrderMarks(
        NormalizationTables tables, ref char s, ref char staged, uint marks, uint removed, uint kept, uint pairs, in EngineState state, int o, ref Sequence sequence)
    {
        uint seconds = marks & (marks << 1);
        if (((marks >> 1) & removed) == 0 && (seconds & (seconds << 1)) == 0
            && ((marks & 1) == 0 || (state.SeqEnd != o && state.LastOut >= 0)))
        {
            // Vocalized text: every mark follows its base, or the one mark after its base (a mark in lane 0 opens a
            // sequence on the output before the block). No sequence nears the Stream-Safe limit, and only a second
            // mark of a lower class than the first (SHADDA then FATHA) moves: the two swap.
            SwapOutOfOrder(ref s, ref staged, seconds);
            if (31 - BitOperations.LeadingZeroCount(marks) == 31 - BitOperations.LeadingZeroCount(kept))
            {
                sequence = LastSequence(tables, ref s, ref staged, marks, seconds, pairs, in state); // the hand-back needs it
            }

            return BlockSize;
        }

        int marksInSequence = 0;
        for (uint rest = marks; rest != 0; rest &= rest - 1)
        {
            int k = BitOperations.TrailingZeroCount(rest);
            uint keptBelow = ~removed & ((1u << k) - 1);
            int previous = 31 - BitOperations.LeadingZeroCount(keptBelow); // -1 when nothing before it in the block is kept
            if (keptBelow == 0)
            {
                if (state.SeqEnd == o)
                {
                    // The output before the block ends with a sequence (marks, or a base since the last split): the
                    // mark continues it. Its earlier marks are in the output already, so only an append is taken.
                    sequence = new Sequence
                    {
                        BaseLane = -1,
                        FirstMark = k,
                        Continued = true,
                        Count = state.SeqCount,
                        LastClass = state.SeqLastClass,
                        Classes = state.SeqClasses,
                    };
                    marksInSequence = 2; // never swapped
                }
                else if (state.LastOut >= 0)
                {
                    sequence = OpenOnState(tables, in state, k); // the last character before the block is the base
                    marksInSequence = 0;
                }
                else
                {
                    return k; // no base: the scalar loop's sequence without one
                }
            }
            else if (((marks >> previous) & 1) == 0)
            {
                sequence = OpenOnLane(tables, ref s, ref staged, pairs, previous, k);
                marksInSequence = 0;
            }

            if (sequence.Count >= NormalizationTables.MaxNonStarters)
            {
                return k; // the Stream-Safe split
            }

            char mark = Unsafe.Add(ref s, k);
            byte ccc = NormalizationTables.CombiningClass(mark);
            if (ccc < sequence.LastClass)
            {
                if (marksInSequence != 1)
                {
                    return k; // sorts in front of more than one mark, or of marks already written
                }

                // One mark before it, at the previous kept lane: canonical ordering puts this one first.
                Unsafe.Add(ref staged, k) = Unsafe.Add(ref staged, previous);
                Unsafe.Add(ref staged, previous) = mark;
            }

            AddMark(ref sequence, ccc);
            marksInSequence++;
        }

        return BlockSize;
    }

    // Swaps the two marks of each pair (second mark at a bit of seconds) whose second sorts in front of the first.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SwapOutOfOrder(ref char s, ref char staged, uint seconds)
    {
        for (uint rest = seconds; rest != 0; rest &= rest - 1)
        {
            // Without a branch: about one vocalized letter in six has two marks, in either order.
            int k = BitOperations.TrailingZeroCount(rest);
            int swap = (NormalizationTables.CombiningClass(Unsafe.Add(ref s, k)) - NormalizationTables.CombiningClass(Unsafe.Add(ref s, k - 1))) >> 31;
            char first = Unsafe.Add(ref staged, k - 1);
            char second = Unsafe.Add(ref staged, k);
            char flip = (char)((first ^ second) & swap);
            Unsafe.Add(ref staged, k - 1) = (char)(first ^ flip);
            Unsafe.Add(ref staged, k) = (char)(second ^ flip);
        }
    }

    // The sequence of a block's last mark when every mark follows its base or the one mark after it.
    private static Sequence LastSequence(NormalizationTables tables, ref char s, ref char staged, uint marks, uint seconds, uint pairs, in EngineState state)
    {
        int last = 31 - BitOperations.LeadingZeroCount(marks);
        int first = ((seconds >> last) & 1) != 0 ? last - 1 : last;
        Sequence sequence = first == 0 ? OpenOnState(tables, in state, 0) : OpenOnLane(tables, ref s, ref staged, pairs, first - 1, first);
        for (int k = first; k <= last; k++)
        {
            AddMark(ref sequence, NormalizationTables.CombiningClass(Unsafe.Add(ref s, k)));
        }

        return sequence;
    }

    // Opens a sequence on the last output character before the block (the output does not end with a sequence).
    private static Sequence OpenOnState(NormalizationTables tables, in EngineState state, int firstMark)
    {
        char baseX = tables.Unfold(state.LastX);
        return new Sequence
        {
            BaseLane = -1,
            FirstMark = firstMark,
            BaseChar = state.LastChar,
            BaseX = baseX,
            Count = NormalizationTables.TrailingNonStarters(baseX),
        };
    }

    // Opens the sequence whose base is the kept starter lane b: its output (a pair's second letter) is the base.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Sequence OpenOnLane(NormalizationTables tables, ref char s, ref char staged, uint pairs, int b, int firstMark)
    {
        char baseChar = Unsafe.Add(ref staged, b);
        char baseX = Unsafe.Add(ref s, b);
        if (((pairs >> b) & 1) != 0)
        {
            tables.TryGetPair(tables.Map[baseX], out _, out baseChar, out baseX);
        }

        baseX = tables.Unfold(baseX);
        return new Sequence
        {
            BaseLane = b,
            FirstMark = firstMark,
            BaseChar = baseChar,
            BaseX = baseX,
            Count = NormalizationTables.TrailingNonStarters(baseX),
        };
    }

    // Appends a mark of class ccc to the sequence, as the scalar loop counts it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddMark(ref Sequence sequence, byte ccc)
    {
        sequence.LastClass = Math.Max(sequence.LastClass, ccc);
        sequence.Classes |= (byte)(ccc == 220 ? 1 : ccc == 230 ? 2 : 0);
        sequence.Count++;
    }

    /// <summary>Sets the state after a block whose output ends with a combining sequence, as the scalar loop leaves
    /// it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void HandBackSequence(
        ref EngineState state, in Sequence sequence, int i, int o, int n, uint kept, uint pairs, uint collapsed, char last)
    {
        uint beforeMarks = (1u << sequence.FirstMark) - 1;
        if (sequence.BaseLane >= 0)
        {
            // The base is in this block. A space that collapsed into it moved its entry's source start to itself.
            int b = sequence.BaseLane;
            uint below = (1u << b) - 1;
            int baseOut = o + BitOperations.PopCount(kept & below) + BitOperations.PopCount(pairs & below);
            uint collapsedAfter = collapsed & beforeMarks & ~below & ~(1u << b);
            state.EntryStart = i + (collapsedAfter == 0 ? b : 31 - BitOperations.LeadingZeroCount(collapsedAfter));
            state.EntryOutStart = baseOut;
            state.SeqBase = baseOut + (int)((pairs >> b) & 1);
            state.SeqBaseChar = sequence.BaseChar;
            state.SeqBaseX = sequence.BaseX;
            state.SeqMarks = o + BitOperations.PopCount(kept & beforeMarks) + BitOperations.PopCount(pairs & beforeMarks);
        }
        else
        {
            // The base is the output before the block, whose entry the marks joined; a space of this block that
            // collapsed into it moved the entry's source start, as above.
            uint collapsedBefore = collapsed & beforeMarks;
            if (collapsedBefore != 0)
            {
                state.EntryStart = i + 31 - BitOperations.LeadingZeroCount(collapsedBefore);
            }

            if (!sequence.Continued)
            {
                state.SeqBase = state.LastOut;
                state.SeqBaseChar = sequence.BaseChar;
                state.SeqBaseX = sequence.BaseX;
                state.SeqMarks = o;
            }
        }

        state.SeqCount = sequence.Count;
        state.SeqLastClass = sequence.LastClass;
        state.SeqClasses = sequence.Classes;
        state.SeqEnd = o + n;
        state.LastOut = o + n - 1;
        state.LastChar = last;
        state.LastX = last; // a kept mark is its own source
    }

    // The combining sequence of the last mark a block takes, as OrderMarks works it out.
    private struct Sequence
    {
        public int BaseLane;      // the base's lane; -1 when the base is the output before the block
        public int FirstMark;     // the lane of the sequence's first mark in this block
        public bool Continued;    // the sequence began before the block, marks and all
        public char BaseChar;
        public char BaseX;        // through NormalizationTables.Unfold
        public int Count;
        public byte LastClass;
        public byte Classes;
    }

    /// <summary>Copies a block to <paramref name="staged"/>, translating the Presentation Forms-B lanes whose table entry
    /// is a letter.</summary>
    /// <param name="s">The first source code unit.</param>
    /// <param name="staged">Receives the 32 lanes.</param>
    /// <param name="table">The per-options <see cref="PlainRunTables.FormsB"/> table.</param>
    /// <returns>The lanes translated.</returns>
    /// <remarks>Written once with the cross-platform API: the lookup of 128 entries is eight 16-byte lookups
    /// (<see cref="ShuffleBytes"/>) on the low four bits of <c>c - U+FE80</c>, each kept where the high bits pick its
    /// piece. Not inlined: the JIT would otherwise load the table's eight vectors on entry to
    /// <see cref="Translate"/> and keep them on its stack, a cost every call paid, PDF text or not.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint TranslateFormsB(ref char s, ref char staged, in FormsBTable table)
    {
        ref ushort src = ref Unsafe.As<char, ushort>(ref s);
        ref ushort dst = ref Unsafe.As<char, ushort>(ref staged);
        uint translated = 0;
        for (int k = 0; k < BlockSize; k += 16)
        {
            Vector128<ushort> a = Vector128.LoadUnsafe(ref src, (nuint)k);
            Vector128<ushort> b = Vector128.LoadUnsafe(ref src, (nuint)(k + 8));
            Vector128<ushort> start = Vector128.Create((ushort)PlainRunTables.FormsBStart);
            Vector128<ushort> max = Vector128.Create((ushort)0xFF);

            // The index in the table, or 255 outside it (code units below U+FE70 wrap to large values).
            Vector128<byte> index = Vector128.Narrow(Vector128.Min(a - start, max), Vector128.Min(b - start, max));
            if (Vector128.GreaterThanOrEqualAll(index, Vector128.Create((byte)PlainRunTables.FormsBLength)))
            {
                a.StoreUnsafe(ref dst, (nuint)k);
                b.StoreUnsafe(ref dst, (nuint)(k + 8));
                continue; // no form in these 16 lanes
            }

            Vector128<byte> low = index & Vector128.Create((byte)0x0F);
            Vector128<byte> piece = Vector128.ShiftRightLogical(index.AsUInt16(), 4).AsByte() & Vector128.Create((byte)0x0F);
            Vector128<byte> letter = (ShuffleBytes(table.P0, low) & Vector128.Equals(piece, Vector128<byte>.Zero))
                | (ShuffleBytes(table.P1, low) & Vector128.Equals(piece, Vector128.Create((byte)1)))
                | (ShuffleBytes(table.P2, low) & Vector128.Equals(piece, Vector128.Create((byte)2)))
                | (ShuffleBytes(table.P3, low) & Vector128.Equals(piece, Vector128.Create((byte)3)))
                | (ShuffleBytes(table.P4, low) & Vector128.Equals(piece, Vector128.Create((byte)4)))
                | (ShuffleBytes(table.P5, low) & Vector128.Equals(piece, Vector128.Create((byte)5)))
                | (ShuffleBytes(table.P6, low) & Vector128.Equals(piece, Vector128.Create((byte)6)))
                | (ShuffleBytes(table.P7, low) & Vector128.Equals(piece, Vector128.Create((byte)7)));

            // Letters (non-zero bytes) become U+06xx; every other lane stays as it is.
            Vector128<byte> isLetter = ~Vector128.Equals(letter, Vector128<byte>.Zero);
            translated |= isLetter.ExtractMostSignificantBits() << k;
            (Vector128<ushort> letterA, Vector128<ushort> letterB) = Vector128.Widen(letter);
            (Vector128<ushort> maskA, Vector128<ushort> maskB) = Vector128.Widen(isLetter);
            Vector128<ushort> page = Vector128.Create((ushort)0x0600);
            Vector128.ConditionalSelect(maskA.AsUInt16() | (maskA << 8), letterA | page, a).StoreUnsafe(ref dst, (nuint)k);
            Vector128.ConditionalSelect(maskB.AsUInt16() | (maskB << 8), letterB | page, b).StoreUnsafe(ref dst, (nuint)(k + 8));
        }

        return translated;
    }

    /// <summary>Puts the second letter of each pair lane after its first, in a packed block.</summary>
    /// <param name="packed">The kept lanes, packed; readable for a whole block from each of them.</param>
    /// <param name="n">How many lanes were kept.</param>
    /// <param name="kept">The kept lanes.</param>
    /// <param name="pairs">The pair lanes (all kept).</param>
    /// <param name="seconds">The second letter of each pair lane, by lane.</param>
    /// <param name="expanded">Receives the output: <paramref name="n"/> plus one unit per pair.</param>
    /// <returns>The output length.</returns>
    private static int Expand(ref char packed, int n, uint kept, uint pairs, ref char seconds, ref char expanded)
    {
        // Each run of packed lanes up to a pair's first letter is moved with one whole-block copy (the next run's
        // copy overwrites what it copied too many), then the second letter goes in.
        int from = 0;
        int to = 0;
        for (uint rest = pairs; rest != 0; rest &= rest - 1)
        {
            int k = BitOperations.TrailingZeroCount(rest);
            int length = BitOperations.PopCount(kept & ((1u << k) - 1)) + 1 - from;
            Copy(ref Unsafe.Add(ref packed, from), ref Unsafe.Add(ref expanded, to));
            Unsafe.Add(ref expanded, to + length) = Unsafe.Add(ref seconds, k);
            from += length;
            to += length + 1;
        }

        Copy(ref Unsafe.Add(ref packed, from), ref Unsafe.Add(ref expanded, to));
        return to + n - from;
    }

    /// <summary>Looks every lane of a block up in the table, and classifies the entries.</summary>
    /// <param name="s">The first source code unit.</param>
    /// <param name="map">The per-options table.</param>
    /// <param name="staged">Receives the block's 32 table entries, with U+0020 for each collapsible space.</param>
    /// <param name="deleted">The lanes whose entry is <see cref="NormalizationTables.Delete"/>.</param>
    /// <param name="spaces">The lanes whose entry is <see cref="NormalizationTables.CollapsibleSpace"/>.</param>
    /// <param name="marks">The lanes whose entry is <see cref="NormalizationTables.CombiningMark"/>: staged as the
    /// source code unit, the mark itself.</param>
    /// <returns>The lanes whose entry is special (those three kinds included).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Gather(ref char s, ReadOnlySpan<char> map, ref char staged, out uint deleted, out uint spaces, out uint marks)
    {
        ref char m = ref MemoryMarshal.GetReference(map); // 65,536 entries: every code unit is in range
        for (int k = 0; k < BlockSize; k += 4)
        {
            Unsafe.Add(ref staged, k) = Unsafe.Add(ref m, Unsafe.Add(ref s, k));
            Unsafe.Add(ref staged, k + 1) = Unsafe.Add(ref m, Unsafe.Add(ref s, k + 1));
            Unsafe.Add(ref staged, k + 2) = Unsafe.Add(ref m, Unsafe.Add(ref s, k + 2));
            Unsafe.Add(ref staged, k + 3) = Unsafe.Add(ref m, Unsafe.Add(ref s, k + 3));
        }

        ref ushort e = ref Unsafe.As<char, ushort>(ref staged);
        ref ushort source = ref Unsafe.As<char, ushort>(ref s);
        uint special = 0;
        deleted = 0;
        spaces = 0;
        marks = 0;
        for (int k = 0; k < BlockSize; k += 16)
        {
            Vector128<ushort> a = Vector128.LoadUnsafe(ref e, (nuint)k);
            Vector128<ushort> b = Vector128.LoadUnsafe(ref e, (nuint)(k + 8));

            // Special entries are U+D800..U+DFFF: the high byte is 0xD8..0xDF.
            Vector128<ushort> range = Vector128.Create((ushort)0xF800);
            Vector128<ushort> surrogate = Vector128.Create((ushort)0xD800);
            special |= PackedBits(Vector128.Equals(a & range, surrogate), Vector128.Equals(b & range, surrogate)) << k;
            Vector128<ushort> delete = Vector128.Create((ushort)NormalizationTables.Delete);
            deleted |= PackedBits(Vector128.Equals(a, delete), Vector128.Equals(b, delete)) << k;
            Vector128<ushort> space = Vector128.Create((ushort)NormalizationTables.CollapsibleSpace);
            Vector128<ushort> spaceA = Vector128.Equals(a, space);
            Vector128<ushort> spaceB = Vector128.Equals(b, space);
            spaces |= PackedBits(spaceA, spaceB) << k;
            Vector128<ushort> mark = Vector128.Create((ushort)NormalizationTables.CombiningMark);
            Vector128<ushort> markA = Vector128.Equals(a, mark);
            Vector128<ushort> markB = Vector128.Equals(b, mark);
            marks |= PackedBits(markA, markB) << k;
            a = Vector128.ConditionalSelect(spaceA, Vector128.Create((ushort)' '), a);
            b = Vector128.ConditionalSelect(spaceB, Vector128.Create((ushort)' '), b);
            Vector128.ConditionalSelect(markA, Vector128.LoadUnsafe(ref source, (nuint)k), a).StoreUnsafe(ref e, (nuint)k);
            Vector128.ConditionalSelect(markB, Vector128.LoadUnsafe(ref source, (nuint)(k + 8)), b).StoreUnsafe(ref e, (nuint)(k + 8));
        }

        return special;
    }

    /// <summary>Takes one bit per lane of two 8-lane comparison masks: 16 bits, lane order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint PackedBits(Vector128<ushort> low, Vector128<ushort> high) =>
        Vector128.Narrow(low, high).ExtractMostSignificantBits();

    /// <summary>Finds the first code unit from <paramref name="start"/> that the rules may change, in whole blocks.</summary>
    /// <param name="classifier">The classifier, holding the per-options page maps.</param>
    /// <param name="text">The text.</param>
    /// <param name="start">Where to start.</param>
    /// <returns>The index of a candidate (the caller decides with the scalar rules), or the start of the tail shorter
    /// than a block where no candidate was found.</returns>
    /// <remarks>A U+0020 that does not follow another is not a candidate even while spaces collapse: that is the
    /// common case the scan must not stop at.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // full speed from the first call: no Tier-0 or OSR code
    internal static int IndexOfCandidate<TClassifier>(TClassifier classifier, ReadOnlySpan<char> text, int start)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        ref char t0 = ref MemoryMarshal.GetReference(text);
        int i = start;

        // Two blocks a step, tested with one branch: clean text is the case to make fast. Whether a block follows a
        // space is only looked at once a block may hold a candidate.
        while (text.Length - i >= 2 * BlockSize)
        {
            ref char s = ref Unsafe.Add(ref t0, i);
            if (!classifier.IsPlainPair(ref s))
            {
                uint r0 = classifier.TouchedRaw(ref s);
                uint r1 = classifier.TouchedRaw(ref Unsafe.Add(ref s, BlockSize));
                uint touched = Refine(classifier, ref s, r0, i > 0 && Unsafe.Add(ref s, -1) == ' ', out _);
                if (touched != 0)
                {
                    return i + BitOperations.TrailingZeroCount(touched);
                }

                touched = Refine(classifier, ref Unsafe.Add(ref s, BlockSize), r1, Unsafe.Add(ref s, BlockSize - 1) == ' ', out _);
                if (touched != 0)
                {
                    return i + BlockSize + BitOperations.TrailingZeroCount(touched);
                }
            }

            i += 2 * BlockSize;
        }

        if (text.Length - i >= BlockSize)
        {
            ref char s = ref Unsafe.Add(ref t0, i);
            uint touched = Candidates(classifier, ref s, i > 0 && Unsafe.Add(ref s, -1) == ' ', out _);
            if (touched != 0)
            {
                return i + BitOperations.TrailingZeroCount(touched);
            }

            i += BlockSize;
        }

        return i;
    }

    /// <summary>Copies <paramref name="n"/> (at most two blocks) code units with overlapping vector
    /// moves, writing nothing past them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyExact(ref char from, ref char to, int n)
    {
        if (n > BlockSize)
        {
            // Up to two blocks, after two-letter expansions.
            Copy(ref from, ref to);
            from = ref Unsafe.Add(ref from, BlockSize);
            to = ref Unsafe.Add(ref to, BlockSize);
            n -= BlockSize;
        }

        ref ushort f = ref Unsafe.As<char, ushort>(ref from);
        ref ushort d = ref Unsafe.As<char, ushort>(ref to);
        if (n >= 16)
        {
            Vector128<ushort> a = Vector128.LoadUnsafe(ref f);
            Vector128<ushort> b = Vector128.LoadUnsafe(ref f, 8);
            Vector128<ushort> c = Vector128.LoadUnsafe(ref f, (nuint)(n - 16));
            Vector128<ushort> e = Vector128.LoadUnsafe(ref f, (nuint)(n - 8));
            a.StoreUnsafe(ref d);
            b.StoreUnsafe(ref d, 8);
            c.StoreUnsafe(ref d, (nuint)(n - 16));
            e.StoreUnsafe(ref d, (nuint)(n - 8));
        }
        else if (n >= 8)
        {
            Vector128<ushort> a = Vector128.LoadUnsafe(ref f);
            Vector128<ushort> e = Vector128.LoadUnsafe(ref f, (nuint)(n - 8));
            a.StoreUnsafe(ref d);
            e.StoreUnsafe(ref d, (nuint)(n - 8));
        }
        else
        {
            for (int k = 0; k < n; k++)
            {
                Unsafe.Add(ref d, k) = Unsafe.Add(ref f, k);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetLast(ref EngineState state, int outIndex, char output, char source, int entryStart)
    {
        state.LastOut = outIndex;
        state.LastChar = output;
        state.LastX = source;
        state.EntryStart = entryStart;
        state.EntryOutStart = outIndex;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(ref char from, ref char to)
    {
        ref ushort f = ref Unsafe.As<char, ushort>(ref from);
        ref ushort d = ref Unsafe.As<char, ushort>(ref to);
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256.LoadUnsafe(ref f).StoreUnsafe(ref d);
            Vector256.LoadUnsafe(ref f, 16).StoreUnsafe(ref d, 16);
        }
        else
        {
            Vector128.LoadUnsafe(ref f).StoreUnsafe(ref d);
            Vector128.LoadUnsafe(ref f, 8).StoreUnsafe(ref d, 8);
            Vector128.LoadUnsafe(ref f, 16).StoreUnsafe(ref d, 16);
            Vector128.LoadUnsafe(ref f, 24).StoreUnsafe(ref d, 24);
        }
    }

    /// <summary>Packs the kept lanes of <paramref name="staged"/> to the front of <paramref name="packed"/>.</summary>
    /// <returns>The number of lanes kept.</returns>
    private static int Pack(Span<char> staged, uint kept, Span<char> packed)
    {
        ref ushort from = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(staged));
        ref ushort to = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(packed));
        ref byte table = ref MemoryMarshal.GetArrayDataReference(s_compaction);
        int n = 0;
        for (int group = 0; group < BlockSize; group += 8)
        {
            uint mask = (kept >> group) & 0xFF;
            Vector128<byte> lanes = Vector128.LoadUnsafe(ref from, (nuint)group).AsByte();
            Vector128<byte> shuffle = Vector128.LoadUnsafe(ref table, mask * 16);
            ShuffleBytes(lanes, shuffle).AsUInt16().StoreUnsafe(ref to, (nuint)n);
            n += BitOperations.PopCount(mask);
        }

        return n;
    }

    private static byte[] BuildCompaction()
    {
        byte[] table = new byte[256 * 16];
        for (int mask = 0; mask < 256; mask++)
        {
            int n = 0;
            for (int lane = 0; lane < 8; lane++)
            {
                if ((mask & (1 << lane)) != 0)
                {
                    table[(mask * 16) + (2 * n)] = (byte)(2 * lane);
                    table[(mask * 16) + (2 * n) + 1] = (byte)((2 * lane) + 1);
                    n++;
                }
            }

            for (int b = 2 * n; b < 16; b++)
            {
                table[(mask * 16) + b] = 0x80; // zero: never read, since only n lanes count
            }
        }

        return table;
    }

    /// <summary>Looks bytes up in a 16-byte table: the one instruction-set-specific operation of the vector path.</summary>
    /// <param name="table">The table.</param>
    /// <param name="indexes">One index per lane: below 16 selects that byte; bit 7 set gives zero. Other indexes are
    /// never used, because <c>pshufb</c> (x64) and <c>tbl</c> (ARM64) disagree on them.</param>
    /// <returns>The looked-up bytes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<byte> ShuffleBytes(Vector128<byte> table, Vector128<byte> indexes)
    {
        if (Ssse3.IsSupported)
        {
            return Ssse3.Shuffle(table, indexes);
        }

        if (AdvSimd.Arm64.IsSupported)
        {
            return AdvSimd.Arm64.VectorTableLookup(table, indexes);
        }

        return Vector128.Shuffle(table, indexes); // software: gives zero for every index from 16 up
    }

    /// <summary>Copies blocks that follow a plain block while their output is their source or needs no more than a few
    /// one-to-one lanes patched, two at a time.</summary>
    /// <param name="classifierRef">The classifier (not changed).</param>
    /// <param name="map">The per-options table (<see cref="NormalizationTables.Map"/>).</param>
    /// <param name="s">The first source code unit; the code unit before it is plain output.</param>
    /// <param name="d">Where the first goes.</param>
    /// <param name="blocks">How many whole blocks the source and destination have room for (at least 1).</param>
    /// <param name="hasMarks">Whether the options keep combining marks (<see cref="PlainRunTables.HasMarks"/>).</param>
    /// <param name="touched">The <see cref="Candidates"/> mask of the first block that is not copied; 0 when every
    /// block was.</param>
    /// <returns>How many blocks were copied.</returns>
    /// <remarks>
    /// <para>Inside a run of copied blocks every lane is an entry of its own, so the code unit before a block tells
    /// whether a space at its first lane follows a space (no lane of such a run writes U+0020 but a U+0020: while spaces
    /// collapse, every other space is a special entry).</para>
    /// <para>The hot loop tests two blocks with one branch (<see cref="IBlockClassifier{TSelf}.TryCopyPair"/>, which
    /// also stores them); a block with candidates goes to
    /// <see cref="TryTakeSparse"/>, which copies it when its candidates are a few one-to-one lanes and lone kept marks
    /// (news text: a digit, a FARSI YEH, a quotation mark, a tanween in one block in five) and otherwise ends the
    /// run in front of it.</para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // full speed from the first call: no Tier-0 or OSR code
    private static int CopyPlain<TClassifier>(
        ref readonly TClassifier classifierRef, ReadOnlySpan<char> map, ref char s, ref char d, int blocks, bool hasMarks, out uint touched)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        // A local copy, which the JIT keeps in registers through the loop (a parameter by value costs a block copy per
        // call; reading through the reference reloads the maps in every step).
        TClassifier classifier = classifierRef;

        // In place after a deletion the output of a block overlaps its own source: its patched lanes are then left to
        // the translator's staged branches, which read the whole block before they write.
        nint gap = Unsafe.ByteOffset(ref d, ref s);
        bool canPatch = gap == 0 || gap >= 2 * BlockSize || gap <= -2 * BlockSize;
        ref char m = ref MemoryMarshal.GetReference(map); // 65,536 entries: every code unit is in range
        int k = 0;
        while (true)
        {
            // The hot loop: two blocks a step, tested together with one branch. It leaves with block k's raw
            // mask not zero, or ends the run when every block was copied.
            uint raw;
            while (true)
            {
                ref char first = ref Unsafe.Add(ref s, k * BlockSize);
                ref char out0 = ref Unsafe.Add(ref d, k * BlockSize);
                if (blocks - k < 2)
                {
                    if (k == blocks)
                    {
                        touched = 0;
                        return k;
                    }

                    raw = classifier.TouchedRaw(ref first);
                    if (raw == 0)
                    {
                        Copy(ref first, ref out0);
                        touched = 0;
                        return k + 1;
                    }

                    break;
                }

                // One test for both blocks, which are stored from the registers that classified them.
                if (classifier.TryCopyPair(ref first, ref out0, out raw, out uint r1))
                {
                    k += 2;
                    continue;
                }

                // Off the hot path: the pair's masks say which of the two has candidates.
                if (raw == 0)
                {
                    Copy(ref first, ref out0);
                    k++;
                    raw = r1;
                }

                break;
            }

            // The one place a block with candidates is looked at: copied and patched, or the end of the run.
            if (!TryTakeSparse(in classifier, ref m, ref Unsafe.Add(ref s, k * BlockSize), ref Unsafe.Add(ref d, k * BlockSize), raw, hasMarks, canPatch, out touched))
            {
                return k;
            }

            k++;
        }
    }

    /// <summary>Writes a block of <see cref="CopyPlain"/> whose raw mask is not zero, when each of its candidates is a
    /// one-to-one mapping (at most <see cref="MaxPatchedLanes"/> of them) or a lone kept mark, and writes nothing
    /// otherwise.</summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="map">The first entry of the per-options table.</param>
    /// <param name="s">The block's first source code unit; the code unit before it is an entry of its own.</param>
    /// <param name="d">Where its output goes.</param>
    /// <param name="raw">The block's <see cref="IBlockClassifier{TSelf}.TouchedRaw"/> mask.</param>
    /// <param name="hasMarks">Whether the options keep combining marks.</param>
    /// <param name="canPatch">Whether the output does not overlap the block's source unless it is the source itself.</param>
    /// <param name="touched">The block's <see cref="Candidates"/> mask.</param>
    /// <returns>Whether the block was written: its output is the source with the one-to-one lanes replaced by their
    /// entries, and every lane is an entry of its own, as a plain block's.</returns>
    /// <remarks>
    /// <para>A one-to-one lane is what the scalar loop's common case writes: its entry, with no context read and none
    /// given beyond being the last output character.</para>
    /// <para>A kept mark is lone when the lane before it is not a candidate (for lane 0: the code unit before the block
    /// is plain) and it is not the block's last lane: the scalar loop appends it to the combining sequence of the
    /// plain character before it and changes nothing. Such a mark is the first mark of its sequence, so nothing sorts,
    /// nothing composes (kept marks are not hamza marks) and the sequence stays far below the Stream-Safe limit. A mark
    /// at the last lane would leave an open sequence to hand back, and two marks in a row may swap: both go to the
    /// translator's general branches.</para>
    /// <para>A block with more candidates than <see cref="MaxPatchedLanes"/> is left to
    /// <see cref="CompactingTranslator"/>, which looks a whole block up in registers.</para>
    /// </remarks>
    // Inlined at its one call site: a call would make the copy loop keep the classifier's maps in memory rather than
    // in registers (every vector register is the caller's to save).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryTakeSparse<TClassifier>(
        in TClassifier classifier, ref char map, ref char s, ref char d, uint raw, bool hasMarks, bool canPatch, out uint touched)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        char before = Unsafe.Add(ref s, -1);
        touched = Refine(classifier, ref s, raw, before == ' ', out _);
        uint patched = touched;
        if (touched != 0)
        {
            if (BitOperations.PopCount(touched) > MaxPatchedLanes)
            {
                return false;
            }

            if (hasMarks)
            {
                uint marks = classifier.InOrder(classifier.MarksRaw(ref s)) & touched;
                if ((marks & ((touched << 1) | (1u << (BlockSize - 1)))) != 0
                    || ((marks & 1) != 0 && Unsafe.Add(ref map, before) != before))
                {
                    return false;
                }

                patched &= ~marks;
            }

            if (patched != 0)
            {
                if (!canPatch)
                {
                    return false;
                }

                for (uint rest = patched; rest != 0; rest &= rest - 1)
                {
                    if (NormalizationTables.IsSpecial(Unsafe.Add(ref map, Unsafe.Add(ref s, BitOperations.TrailingZeroCount(rest)))))
                    {
                        return false;
                    }
                }
            }
        }

        Copy(ref s, ref d);
        for (uint rest = patched; rest != 0; rest &= rest - 1)
        {
            int k = BitOperations.TrailingZeroCount(rest);
            Unsafe.Add(ref d, k) = Unsafe.Add(ref map, Unsafe.Add(ref s, k));
        }

        return true;
    }

    /// <summary>Finds the lanes the rules may change: the <see cref="IBlockClassifier{TSelf}.TouchedRaw"/> lanes, less the
    /// U+0020 lanes that do not follow a space (they stay as they are even while spaces collapse).</summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="p">The first code unit of the block.</param>
    /// <param name="spaceBefore">Whether the output before the block ends in U+0020.</param>
    /// <param name="spaces">The U+0020 lanes while spaces collapse and some lane is touched; otherwise 0.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Candidates<TClassifier>(TClassifier classifier, ref char p, bool spaceBefore, out uint spaces)
        where TClassifier : struct, IBlockClassifier<TClassifier> =>
        Refine(classifier, ref p, classifier.TouchedRaw(ref p), spaceBefore, out spaces);

    /// <summary>Finds the space lanes of a block that collapse into the output before them.</summary>
    /// <param name="spaces">The block's collapsible space lanes.</param>
    /// <param name="deleted">The block's deleted lanes.</param>
    /// <param name="state">The state before the block.</param>
    /// <param name="intoEarlierEntry">Set when a lane collapses into a multi-unit entry written before the block,
    /// whose bookkeeping only the scalar loop keeps: the caller must then leave the block to it.</param>
    /// <returns>The collapsed lanes.</returns>
    /// <remarks>A space collapses when the output before it is a space: the lane before it is a space, or is deleted
    /// and the output before that is a space. Lanes "after a space" are the lanes after a space (or lane 0 after output
    /// ending in a space), extended over the runs of deleted lanes that start there: adding a run's first bit to the
    /// run carries through it.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint CollapsedSpaces(uint spaces, uint deleted, in EngineState state, out bool intoEarlierEntry)
    {
        bool spaceBefore = state.LastOut >= 0 && state.LastChar == ' ';
        return CollapsedSpaces(spaces, deleted, spaceBefore, spaceBefore && state.EntryOutStart != state.LastOut, out intoEarlierEntry);
    }

    /// <summary>Finds the space lanes of a block that collapse into the output before them, from what the state
    /// says of that output (<see cref="CompactingTranslator"/> keeps it in locals through a run).</summary>
    /// <param name="spaces">The block's collapsible space lanes.</param>
    /// <param name="deleted">The block's deleted lanes.</param>
    /// <param name="spaceBefore">Whether the output before the block ends in U+0020.</param>
    /// <param name="longEntryBefore">Whether that U+0020 ends an entry of more than one output unit.</param>
    /// <param name="intoEarlierEntry">As in the other overload.</param>
    /// <returns>The collapsed lanes.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint CollapsedSpaces(uint spaces, uint deleted, bool spaceBefore, bool longEntryBefore, out bool intoEarlierEntry)
    {
        uint seeds = (spaces << 1) | (spaceBefore ? 1u : 0u);
        uint runs = ((deleted + (seeds & deleted)) ^ deleted) & deleted;
        uint collapsed = spaces & (seeds | (runs << 1));
        intoEarlierEntry = false;
        if (longEntryBefore)
        {
            uint fromBefore = 1u | ((((deleted + (deleted & 1u)) ^ deleted) & deleted) << 1);
            intoEarlierEntry = (collapsed & fromBefore) != 0;
        }

        return collapsed;
    }

    /// <summary>Turns a <see cref="IBlockClassifier{TSelf}.TouchedRaw"/> mask into the <see cref="Candidates"/> mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Refine<TClassifier>(TClassifier classifier, ref char p, uint raw, bool spaceBefore, out uint spaces)
        where TClassifier : struct, IBlockClassifier<TClassifier>
    {
        spaces = 0;
        if (raw == 0)
        {
            return 0;
        }

        uint touched = classifier.InOrder(raw);
        if (!classifier.SpaceIsPlain)
        {
            spaces = classifier.Spaces(ref p);
            uint afterSpace = (spaces << 1) | (spaceBefore ? 1u : 0u);
            touched &= ~(spaces & ~afterSpace);
        }

        return touched;
    }
}
