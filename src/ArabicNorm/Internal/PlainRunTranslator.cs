using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ArabicNorm.Internal;

/// <summary>
/// Translates UTF-16 text 32 code units at a time: classifies a block in vector registers against a per-options page
/// map, copies it, patches the few one-to-one mappings, and squeezes out deletions with a shuffle. Anything that
/// needs context beyond "the previous output character" goes back to the scalar loop, which stays the specification.
/// </summary>
/// <remarks>
/// <para>A block is translated only when every code unit in it is one of: plain (its own entry, unchanged); a
/// one-to-one mapping; a deletion; or (while spaces collapse) a space whose previous output character is known inside
/// the block. A hamza mark, a contextual FARSI YEH, a surrogate, a compatibility expansion, or a space that would
/// collapse into output written before the block stops the run just before it. After a run the engine's state (last
/// output character, its pre-rule character, where the last entry starts) is exactly what the scalar loop leaves.</para>
/// <para>Output is written exactly: nothing past the returned output position is touched, so the engine's
/// "only whole results" guarantee holds with the vector path too.</para>
/// </remarks>
internal static class PlainRunTranslator
{
    /// <summary>The number of code units one step classifies and translates.</summary>
    internal const int BlockSize = 32;

    // For an 8-bit keep mask over eight UTF-16 lanes: the byte shuffle that packs the kept lanes to the front.
    private static readonly byte[] s_compaction = BuildCompaction();

    /// <summary>The engine state that a run reads and updates, as the scalar loop keeps it.</summary>
    internal struct State
    {
        /// <summary>The output position.</summary>
        public int Out;

        /// <summary>Where the last output character starts; -1 before the first.</summary>
        public int LastOut;

        /// <summary>The last output character.</summary>
        public char LastChar;

        /// <summary>The last output character's source character (before the letter and fold rules).</summary>
        public char LastX;

        /// <summary>Where the last entry starts in the source.</summary>
        public int EntryStart;

        /// <summary>Where the last entry starts in the output.</summary>
        public int EntryOutStart;
    }

    /// <summary>Translates whole blocks from <paramref name="start"/> while they need no more context than this
    /// class handles and the source and destination have a block's room.</summary>
    /// <param name="tables">The per-options tables; <see cref="NormalizationTables.PlainRun"/> must be enabled.</param>
    /// <param name="source">The whole source of the call.</param>
    /// <param name="start">Where to start; the engine has no pending contextual yeh here.</param>
    /// <param name="destination">The whole destination of the call.</param>
    /// <param name="state">The engine state, updated for what was translated.</param>
    /// <param name="stoppedAtCharacter"><see langword="true"/> when the run stopped in front of a character the scalar
    /// loop must take; <see langword="false"/> when it ran out of room.</param>
    /// <returns>The source position after the translated text.</returns>
    internal static int Translate(
        NormalizationTables tables,
        ReadOnlySpan<char> source,
        int start,
        Span<char> destination,
        ref State state,
        out bool stoppedAtCharacter)
    {
        PlainRunTables t = tables.PlainRun;
        ReadOnlySpan<char> map = tables.Map;
        var classifier = new Classifier(t);
        bool collapse = !t.SpaceIsPlain;
        bool useDeletionMask = t.UsesDeletionMask;
        Span<char> staged = stackalloc char[BlockSize];
        Span<char> packed = stackalloc char[BlockSize + 8];

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

            // Plain blocks are copied in a tight loop; the state is set once, when the run of them ends. A U+0020
            // that does not follow a space is plain there too: it stays as it is.
            bool spaceBefore = state.LastOut >= 0 && state.LastChar == ' ';
            int plain = classifier.CopyPlain(ref Unsafe.Add(ref src0, i), ref Unsafe.Add(ref dst0, o), blocks, spaceBefore, out uint touched);
            if (plain > 0)
            {
                i += plain * BlockSize;
                o += plain * BlockSize;
                SetLast(ref state, o - 1, source[i - 1], source[i - 1], i - 1);
                if (plain == blocks)
                {
                    break;
                }
            }

            ref char s = ref Unsafe.Add(ref src0, i);

            // Deletions in the Arabic page and U+0020 are known from the vector masks; the other lanes are looked up.
            uint deleted = useDeletionMask ? classifier.Deleted(ref s) : 0;
            uint spaces = collapse ? Classifier.Spaces(ref s) : 0;
            uint lookup = touched & ~deleted & ~spaces;
            int stop = BlockSize;
            for (uint rest = lookup; rest != 0; rest &= rest - 1)
            {
                int k = BitOperations.TrailingZeroCount(rest);
                char m = map[Unsafe.Add(ref s, k)];
                if (!NormalizationTables.IsSpecial(m))
                {
                    continue;
                }

                uint bit = 1u << k;
                if (m == NormalizationTables.Delete)
                {
                    deleted |= bit;
                }
                else if (m == NormalizationTables.CollapsibleSpace)
                {
                    spaces |= bit; // a space that is not U+0020: written as U+0020 when it stays
                }
                else
                {
                    stop = k; // context the scalar loop owns: stop in front of it
                    break;
                }

                lookup &= ~bit;
            }

            uint limit = stop == BlockSize ? uint.MaxValue : (1u << stop) - 1;
            deleted &= limit;
            spaces &= limit;
            lookup &= limit;
            uint collapsed = 0;
            if (spaces != 0)
            {
                // A space collapses when the output before it is a space: the lane before it is a space, or is
                // deleted and the output before that is a space. Lanes "after a space" are the lanes after a space
                // (or lane 0 after output ending in a space), extended over the runs of deleted lanes that start
                // there: adding a run's first bit to the run carries through it.
                spaceBefore = state.LastOut >= 0 && state.LastChar == ' ';
                uint seeds = (spaces << 1) | (spaceBefore ? 1u : 0u);
                uint runs = ((deleted + (seeds & deleted)) ^ deleted) & deleted;
                collapsed = spaces & (seeds | (runs << 1));
                if (spaceBefore && state.EntryOutStart != state.LastOut)
                {
                    // Collapsing into an earlier multi-unit entry keeps bookkeeping only the scalar loop does.
                    uint fromBefore = 1u | ((((deleted + (deleted & 1u)) ^ deleted) & deleted) << 1);
                    if ((collapsed & fromBefore) != 0)
                    {
                        stop = 0;
                        limit = 0;
                        collapsed = 0;
                    }
                }
            }

            uint removed = deleted | collapsed;
            if (removed == 0 && stop == BlockSize)
            {
                // The common case: copy, then patch the one-to-one mappings in place.
                ref char d = ref Unsafe.Add(ref dst0, o);
                Copy(ref s, ref d);
                Patch(ref s, ref d, lookup, spaces, map);
                SetLast(ref state, o + BlockSize - 1, Unsafe.Add(ref d, BlockSize - 1), Unsafe.Add(ref s, BlockSize - 1), i + BlockSize - 1);
                i += BlockSize;
                o += BlockSize;
                continue;
            }

            // Deletions, collapses or a stop: patch a staged copy, pack the kept lanes, write exactly those.
            ref char st = ref MemoryMarshal.GetReference(staged);
            Copy(ref s, ref st);
            Patch(ref s, ref st, lookup, spaces, map);
            uint kept = ~removed & limit;
            int n = Pack(staged, kept, packed);
            CopyExact(ref MemoryMarshal.GetReference(packed), ref Unsafe.Add(ref dst0, o), n);
            int lastCollapse = collapsed == 0 ? -1 : 31 - BitOperations.LeadingZeroCount(collapsed);
            if (kept != 0)
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

    /// <summary>Finds the first code unit from <paramref name="start"/> that the rules may change, in whole blocks.</summary>
    /// <param name="tables">The per-options tables; <see cref="NormalizationTables.PlainRun"/> must be enabled.</param>
    /// <param name="text">The text.</param>
    /// <param name="start">Where to start.</param>
    /// <returns>The index of a candidate (the caller decides with the scalar rules), or the start of the tail shorter
    /// than a block where no candidate was found.</returns>
    /// <remarks>A U+0020 that does not follow another is not a candidate even while spaces collapse: that is the
    /// common case the scan must not stop at.</remarks>
    internal static int IndexOfCandidate(NormalizationTables tables, ReadOnlySpan<char> text, int start)
    {
        var classifier = new Classifier(tables.PlainRun);
        ref char t0 = ref MemoryMarshal.GetReference(text);
        int i = start;
        while (text.Length - i >= BlockSize)
        {
            ref char s = ref Unsafe.Add(ref t0, i);
            uint touched = classifier.Candidates(ref s, i > 0 && Unsafe.Add(ref s, -1) == ' ');
            if (touched != 0)
            {
                return i + BitOperations.TrailingZeroCount(touched);
            }

            i += BlockSize;
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Patch(ref char s, ref char d, uint lookup, uint spaces, ReadOnlySpan<char> map)
    {
        for (uint rest = lookup; rest != 0; rest &= rest - 1)
        {
            int k = BitOperations.TrailingZeroCount(rest);
            Unsafe.Add(ref d, k) = map[Unsafe.Add(ref s, k)];
        }

        for (uint rest = spaces; rest != 0; rest &= rest - 1)
        {
            Unsafe.Add(ref d, BitOperations.TrailingZeroCount(rest)) = ' ';
        }
    }

    /// <summary>Copies <paramref name="n"/> (at most <see cref="BlockSize"/>) code units with overlapping vector
    /// moves, writing nothing past them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyExact(ref char from, ref char to, int n)
    {
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
    private static void SetLast(ref State state, int outIndex, char output, char source, int entryStart)
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
            Ssse3.Shuffle(lanes, shuffle).AsUInt16().StoreUnsafe(ref to, (nuint)n);
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

    /// <summary>Classifies 32 code units with the page maps held in registers.</summary>
    /// <remarks>
    /// <para>Each step packs two vectors of UTF-16 lanes into bytes with unsigned saturation: <c>c - 0x0600</c> packs
    /// to its low byte inside the Arabic page, to 0 below it and to 255 above it (code units from U+8600 up wrap to
    /// negative and pack to 0 as well). Bits 0 and 255 of the touched map are always set, so those lanes, and the
    /// page's own U+0600 and U+06FF, come out as candidates; ASCII is recognized separately (see <see cref="TouchedRaw"/>).
    /// The map is looked up with pshufb: the byte <c>b &gt;&gt; 3</c> of 32, then its bit <c>b &amp; 7</c>.</para>
    /// </remarks>
    private readonly ref struct Classifier
    {
        private readonly Vector256<byte> _touchedLow;
        private readonly Vector256<byte> _touchedHigh;
        private readonly Vector256<byte> _deletedLow;
        private readonly Vector256<byte> _deletedHigh;
        private readonly bool _spaceIsPlain;

        public Classifier(PlainRunTables t)
        {
            // pshufb looks up within each 128-bit half, so the 16-byte tables sit in both halves.
            _touchedLow = Vector256.Create(t.ArabicTouchedLow, t.ArabicTouchedLow);
            _touchedHigh = Vector256.Create(t.ArabicTouchedHigh, t.ArabicTouchedHigh);
            _deletedLow = Vector256.Create(t.ArabicDeletedLow, t.ArabicDeletedLow);
            _deletedHigh = Vector256.Create(t.ArabicDeletedHigh, t.ArabicDeletedHigh);
            _spaceIsPlain = t.SpaceIsPlain;
        }

        private static Vector128<byte> BitOfLane => Vector128.Create((byte)1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128);

        /// <summary>Copies blocks while they are plain, two at a time.</summary>
        /// <param name="s">The first source code unit.</param>
        /// <param name="d">Where the first goes.</param>
        /// <param name="blocks">How many whole blocks the source and destination have room for (at least 1).</param>
        /// <param name="spaceBefore">Whether the output before <paramref name="s"/> ends in U+0020.</param>
        /// <param name="touched">The <see cref="Candidates"/> mask of the first block that is not plain; 0 when every
        /// block was.</param>
        /// <returns>How many blocks were copied.</returns>
        /// <remarks>Inside a run of plain blocks the output is the source, so the code unit before a block tells
        /// whether a space at its first lane follows a space.</remarks>
        public int CopyPlain(ref char s, ref char d, int blocks, bool spaceBefore, out uint touched)
        {
            int k = 0;
            while (blocks - k >= 2)
            {
                ref char first = ref Unsafe.Add(ref s, k * BlockSize);
                ref char second = ref Unsafe.Add(ref first, BlockSize);

                // The raw masks are only tested for zero on the hot path; lanes are put in order once a block may stop
                // the run.
                uint r0 = TouchedRaw(ref first);
                uint r1 = TouchedRaw(ref second);
                if ((r0 | r1) != 0)
                {
                    uint t0 = Refine(ref first, r0, k == 0 ? spaceBefore : Unsafe.Add(ref first, -1) == ' ');
                    uint t1 = Refine(ref second, r1, Unsafe.Add(ref second, -1) == ' ');
                    if ((t0 | t1) != 0)
                    {
                        if (t0 == 0)
                        {
                            Copy(ref first, ref Unsafe.Add(ref d, k * BlockSize));
                            k++;
                            touched = t1;
                        }
                        else
                        {
                            touched = t0;
                        }

                        return k;
                    }
                }

                Copy(ref first, ref Unsafe.Add(ref d, k * BlockSize));
                Copy(ref second, ref Unsafe.Add(ref d, (k * BlockSize) + BlockSize));
                k += 2;
            }

            if (k < blocks)
            {
                ref char last = ref Unsafe.Add(ref s, k * BlockSize);
                touched = Candidates(ref last, k == 0 ? spaceBefore : Unsafe.Add(ref last, -1) == ' ');
                if (touched != 0)
                {
                    return k;
                }

                Copy(ref last, ref Unsafe.Add(ref d, k * BlockSize));
                k++;
            }

            touched = 0;
            return k;
        }

        /// <summary>Finds the lanes the rules may change: the <see cref="TouchedRaw"/> lanes, less the U+0020 lanes that
        /// do not follow a space (they stay as they are even while spaces collapse).</summary>
        /// <param name="p">The first code unit of the block.</param>
        /// <param name="spaceBefore">Whether the output before the block ends in U+0020.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint Candidates(ref char p, bool spaceBefore) => Refine(ref p, TouchedRaw(ref p), spaceBefore);

        /// <summary>Turns a <see cref="TouchedRaw"/> mask into the <see cref="Candidates"/> mask.</summary>
        /// <param name="p">The first code unit of the block.</param>
        /// <param name="raw">The block's <see cref="TouchedRaw"/> mask.</param>
        /// <param name="spaceBefore">Whether the output before the block ends in U+0020.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private uint Refine(ref char p, uint raw, bool spaceBefore)
        {
            if (raw == 0)
            {
                return 0;
            }

            uint touched = InOrder(raw);
            if (!_spaceIsPlain)
            {
                uint spaces = Spaces(ref p);
                uint afterSpace = (spaces << 1) | (spaceBefore ? 1u : 0u);
                touched &= ~(spaces & ~afterSpace);
            }

            return touched;
        }

        /// <summary>Finds the lanes that are not plain, one bit per lane, in the order <see cref="InOrder"/> undoes:
        /// the mask is zero exactly when no lane is touched.</summary>
        /// <remarks>A lane is touched when it is not ASCII and its bit in the Arabic page map is set (code units outside
        /// the page hit bit 0 or 255, which are set), or, while spaces collapse, when it is U+0020. The code units are
        /// clamped to U+00FF (an unsigned minimum: packuswb alone would read U+8000 and up as negative and pack them to
        /// 0) and packed to bytes: bit 7 of the byte is set exactly when the code unit is not ASCII, and U+0020 stays
        /// 0x20.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private uint TouchedRaw(ref char p)
        {
            ref short q = ref Unsafe.As<char, short>(ref p);
            if (Avx2.IsSupported)
            {
                Vector256<short> a = Vector256.LoadUnsafe(ref q);
                Vector256<short> b = Vector256.LoadUnsafe(ref q, 16);
                Vector256<ushort> latin1 = Vector256.Create((ushort)0xFF);
                Vector256<byte> packed = Avx2.PackUnsignedSaturate(
                    Vector256.Min(a.AsUInt16(), latin1).AsInt16(), Vector256.Min(b.AsUInt16(), latin1).AsInt16());
                Vector256<byte> touched = Vector256.AndNot(packed, Vector256.Equals(Lookup256(a, b, _touchedLow, _touchedHigh), Vector256<byte>.Zero));
                if (!_spaceIsPlain)
                {
                    touched |= Vector256.Equals(packed, Vector256.Create((byte)' '));
                }

                return touched.ExtractMostSignificantBits();
            }

            return Touched128(ref q) | (Touched128(ref Unsafe.Add(ref q, 16)) << 16);
        }

        /// <summary>Puts the bits of a <see cref="TouchedRaw"/> mask in lane order. With AVX2, packuswb interleaves the
        /// lanes per 128-bit half: the mask's bytes hold lanes 0-7, 16-23, 8-15 and 24-31.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint InOrder(uint raw) =>
            Avx2.IsSupported ? (raw & 0xFF0000FFu) | ((raw & 0x0000FF00u) << 8) | ((raw >> 8) & 0x0000FF00u) : raw;

        /// <summary>Finds the lanes in the Arabic page that the rules delete.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint Deleted(ref char p)
        {
            ref short q = ref Unsafe.As<char, short>(ref p);
            if (Avx2.IsSupported)
            {
                Vector256<byte> deleted = Lookup256(Vector256.LoadUnsafe(ref q), Vector256.LoadUnsafe(ref q, 16), _deletedLow, _deletedHigh);
                return Ordered(~Vector256.Equals(deleted, Vector256<byte>.Zero));
            }

            return Deleted128(ref q) | (Deleted128(ref Unsafe.Add(ref q, 16)) << 16);
        }

        /// <summary>Finds the lanes that hold U+0020.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Spaces(ref char p)
        {
            ref short q = ref Unsafe.As<char, short>(ref p);

            // Saturation sends every code unit above U+00FF to 255 or 0, never to 0x20.
            if (Avx2.IsSupported)
            {
                Vector256<byte> packed = Avx2.PackUnsignedSaturate(Vector256.LoadUnsafe(ref q), Vector256.LoadUnsafe(ref q, 16));
                return Ordered(Vector256.Equals(packed, Vector256.Create((byte)' ')));
            }

            uint low = Vector128.Equals(Sse2.PackUnsignedSaturate(Vector128.LoadUnsafe(ref q), Vector128.LoadUnsafe(ref q, 8)), Vector128.Create((byte)' '))
                .ExtractMostSignificantBits();
            uint high = Vector128.Equals(Sse2.PackUnsignedSaturate(Vector128.LoadUnsafe(ref q, 16), Vector128.LoadUnsafe(ref q, 24)), Vector128.Create((byte)' '))
                .ExtractMostSignificantBits();
            return low | (high << 16);
        }

        /// <summary>Looks the lanes up in a 256-bit Arabic page map; non-zero where the bit is set.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<byte> Lookup256(Vector256<short> a, Vector256<short> b, Vector256<byte> mapLow, Vector256<byte> mapHigh)
        {
            Vector256<short> page = Vector256.Create((short)0x0600);
            Vector256<byte> lane = Avx2.PackUnsignedSaturate(a - page, b - page);

            // pshufb takes the low four index bits and zeroes a lane whose index has bit 7 set: adding 0x70 / 0xF0 to
            // the byte index (0..31) selects the first / second 16 bytes of the map.
            Vector256<byte> index = Vector256.ShiftRightLogical(lane.AsUInt16(), 3).AsByte() & Vector256.Create((byte)0x1F);
            Vector256<byte> bits = Avx2.Shuffle(mapLow, index + Vector256.Create((byte)0x70))
                | Avx2.Shuffle(mapHigh, index + Vector256.Create((byte)0xF0));
            Vector256<byte> bit = Avx2.Shuffle(Vector256.Create(BitOfLane, BitOfLane), lane & Vector256.Create((byte)7));
            return bits & bit;
        }

        /// <summary>Puts the lanes that packuswb interleaved per 128-bit half (0-7, 16-23, 8-15, 24-31) back in order
        /// and takes one bit per lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Ordered(Vector256<byte> lanes) =>
            Avx2.Permute4x64(lanes.AsUInt64(), 0b11_01_10_00).AsByte().ExtractMostSignificantBits();

        private uint Touched128(ref short q)
        {
            Vector128<short> a = Vector128.LoadUnsafe(ref q);
            Vector128<short> b = Vector128.LoadUnsafe(ref q, 8);
            Vector128<ushort> latin1 = Vector128.Create((ushort)0xFF);
            Vector128<byte> packed = Sse2.PackUnsignedSaturate(
                Vector128.Min(a.AsUInt16(), latin1).AsInt16(), Vector128.Min(b.AsUInt16(), latin1).AsInt16());
            Vector128<byte> touched = Vector128.AndNot(packed, Vector128.Equals(Lookup128(a, b, _touchedLow.GetLower(), _touchedHigh.GetLower()), Vector128<byte>.Zero));
            if (!_spaceIsPlain)
            {
                touched |= Vector128.Equals(packed, Vector128.Create((byte)' '));
            }

            return touched.ExtractMostSignificantBits();
        }

        private uint Deleted128(ref short q)
        {
            Vector128<byte> deleted = Lookup128(Vector128.LoadUnsafe(ref q), Vector128.LoadUnsafe(ref q, 8), _deletedLow.GetLower(), _deletedHigh.GetLower());
            return (~Vector128.Equals(deleted, Vector128<byte>.Zero)).ExtractMostSignificantBits();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> Lookup128(Vector128<short> a, Vector128<short> b, Vector128<byte> mapLow, Vector128<byte> mapHigh)
        {
            Vector128<short> page = Vector128.Create((short)0x0600);
            Vector128<byte> lane = Sse2.PackUnsignedSaturate(a - page, b - page);
            Vector128<byte> index = Vector128.ShiftRightLogical(lane.AsUInt16(), 3).AsByte() & Vector128.Create((byte)0x1F);
            Vector128<byte> bits = Ssse3.Shuffle(mapLow, index + Vector128.Create((byte)0x70))
                | Ssse3.Shuffle(mapHigh, index + Vector128.Create((byte)0xF0));
            Vector128<byte> bit = Ssse3.Shuffle(BitOfLane, lane & Vector128.Create((byte)7));
            return bits & bit;
        }
    }
}
