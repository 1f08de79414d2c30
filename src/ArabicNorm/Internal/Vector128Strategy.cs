using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ArabicNorm.Internal;

/// <summary>
/// Runs the vector path with the cross-platform <see cref="Vector128"/> API: SSSE3 on x64, AdvSimd on ARM64. A block
/// of 32 code units is four 128-bit registers, narrowed to two registers of bytes and classified with a byte table
/// lookup (<c>pshufb</c> on x64, <c>tbl</c> on ARM64) against the Arabic page map.
/// </summary>
/// <remarks>
/// <para>The portable strategy: on x64 without AVX2 and on ARM64 it is the widest one. The only instruction-set
/// specific operation is the byte table lookup (<see cref="PlainRunTranslator.ShuffleBytes"/>); every index it is given
/// is either below 16 or has bit 7 set, where <c>pshufb</c> and <c>tbl</c> agree.</para>
/// </remarks>
internal sealed class Vector128Strategy : VectorStrategy<Vector128Strategy.Classifier>
{
    private Vector128Strategy()
    {
    }

    /// <summary>Gets the one instance.</summary>
    internal static Vector128Strategy Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "Vector128";

    /// <inheritdoc/>
    public override bool IsSupported => Vector128.IsHardwareAccelerated && (Ssse3.IsSupported || AdvSimd.Arm64.IsSupported);

    /// <summary>Classifies 32 code units, 16 at a time, with the page maps in registers.</summary>
    /// <remarks>
    /// <para>Two vectors of UTF-16 lanes are narrowed to one vector of bytes after an unsigned minimum: the code unit
    /// clamped to U+00FF (bit 7 set exactly when it is not ASCII; U+0020 stays 0x20), and <c>c - 0x0600</c> (wrapping)
    /// clamped to 255, which is the low byte inside the Arabic page and 255 everywhere else. Bit 255 of the touched map
    /// is always set, so every code unit outside the page is a candidate. The map is laid out by low nibble: the row
    /// of byte <c>b</c> comes from two 16-byte lookups, then its bit <c>(b &gt;&gt; 4) &amp; 7</c> from a third.</para>
    /// <para>Lanes stay in order, so <see cref="InOrder"/> has nothing to do.</para>
    /// </remarks>
    internal readonly struct Classifier : IBlockClassifier<Classifier>
    {
        private readonly Vector128<byte> _touchedLow;
        private readonly Vector128<byte> _touchedHigh;
        private readonly Vector128<byte> _marksLow;
        private readonly Vector128<byte> _marksHigh;
        private readonly bool _spaceIsPlain;

        [MethodImpl(MethodImplOptions.AggressiveInlining)] // built once per vector-path call: no call, no Tier-0 copy
        private Classifier(PlainRunTables t)
        {
            _touchedLow = t.ArabicTouchedRowsLow;
            _touchedHigh = t.ArabicTouchedRowsHigh;
            _marksLow = t.ArabicMarkRowsLow;
            _marksHigh = t.ArabicMarkRowsHigh;
            _spaceIsPlain = t.SpaceIsPlain;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Classifier Create(PlainRunTables tables) => new(tables);

        public bool SpaceIsPlain => _spaceIsPlain;

        // Byte k holds bit k % 8.
        private static Vector128<byte> BitOfLane => Vector128.Create(0x8040201008040201UL).AsByte();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint TouchedRaw(ref char p)
        {
            ref ushort q = ref Unsafe.As<char, ushort>(ref p);
            return Touched16(ref q) | (Touched16(ref Unsafe.Add(ref q, 16)) << 16);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint InOrder(uint raw) => raw;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint MarksRaw(ref char p)
        {
            ref ushort q = ref Unsafe.As<char, ushort>(ref p);
            return Marks16(ref q) | (Marks16(ref Unsafe.Add(ref q, 16)) << 16);
        }

        // Code units outside the page clamp to 255, whose bit is never set in the mark map.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private uint Marks16(ref ushort q) =>
            ~Vector128.Equals(Lookup(Vector128.LoadUnsafe(ref q), Vector128.LoadUnsafe(ref q, 8), _marksLow, _marksHigh), Vector128<byte>.Zero)
                .ExtractMostSignificantBits() & 0xFFFFu;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint Spaces(ref char p)
        {
            ref ushort q = ref Unsafe.As<char, ushort>(ref p);
            return Spaces16(ref q) | (Spaces16(ref Unsafe.Add(ref q, 16)) << 16);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> Latin1(Vector128<ushort> a, Vector128<ushort> b)
        {
            Vector128<ushort> max = Vector128.Create((ushort)0xFF);
            return NarrowBytes(Vector128.Min(a, max), Vector128.Min(b, max));
        }

        /// <summary>Narrows lanes that are at most 0xFF to bytes.</summary>
        /// <remarks>On x64 one <c>packuswb</c>, which is exact for such lanes; the portable narrowing would mask both
        /// inputs first.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> NarrowBytes(Vector128<ushort> a, Vector128<ushort> b) =>
            Sse2.IsSupported ? Sse2.PackUnsignedSaturate(a.AsInt16(), b.AsInt16()) : Vector128.Narrow(a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private uint Touched16(ref ushort q) =>
            TouchedBytes(Vector128.LoadUnsafe(ref q), Vector128.LoadUnsafe(ref q, 8)).ExtractMostSignificantBits();

        /// <summary>The touched lanes of 16 code units in bit 7 of their narrowed byte (the other bits mean
        /// nothing).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector128<byte> TouchedBytes(Vector128<ushort> a, Vector128<ushort> b)
        {
            Vector128<byte> latin1 = Latin1(a, b);
            Vector128<byte> touched = Vector128.AndNot(latin1, Vector128.Equals(Lookup(a, b, _touchedLow, _touchedHigh), Vector128<byte>.Zero));
            if (!_spaceIsPlain)
            {
                touched |= Vector128.Equals(latin1, Vector128.Create((byte)' '));
            }

            return touched;
        }

        /// <summary>Whether bit 7 is clear in every byte: <c>ptest</c> with SSE4.1, a maximum across the vector on
        /// ARM64, portable otherwise.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool NoHighBit(Vector128<byte> v) =>
            (v & Vector128.Create((byte)0x80)) == Vector128<byte>.Zero;

        /// <remarks>The four touched vectors of the two blocks are ORed and tested once.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool IsPlainPair(ref char p)
        {
            ref ushort q = ref Unsafe.As<char, ushort>(ref p);
            Vector128<byte> touched = TouchedBytes(Vector128.LoadUnsafe(ref q), Vector128.LoadUnsafe(ref q, 8))
                | TouchedBytes(Vector128.LoadUnsafe(ref q, 16), Vector128.LoadUnsafe(ref q, 24))
                | TouchedBytes(Vector128.LoadUnsafe(ref q, 32), Vector128.LoadUnsafe(ref q, 40))
                | TouchedBytes(Vector128.LoadUnsafe(ref q, 48), Vector128.LoadUnsafe(ref q, 56));
            return NoHighBit(touched);
        }

        /// <remarks>As <see cref="IsPlainPair"/>, storing the eight loaded registers when the test passes.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryCopyPair(ref char s, ref char d, out uint first, out uint second)
        {
            ref ushort q = ref Unsafe.As<char, ushort>(ref s);
            Vector128<ushort> v0 = Vector128.LoadUnsafe(ref q);
            Vector128<ushort> v1 = Vector128.LoadUnsafe(ref q, 8);
            Vector128<ushort> v2 = Vector128.LoadUnsafe(ref q, 16);
            Vector128<ushort> v3 = Vector128.LoadUnsafe(ref q, 24);
            Vector128<ushort> v4 = Vector128.LoadUnsafe(ref q, 32);
            Vector128<ushort> v5 = Vector128.LoadUnsafe(ref q, 40);
            Vector128<ushort> v6 = Vector128.LoadUnsafe(ref q, 48);
            Vector128<ushort> v7 = Vector128.LoadUnsafe(ref q, 56);
            Vector128<byte> t0 = TouchedBytes(v0, v1);
            Vector128<byte> t1 = TouchedBytes(v2, v3);
            Vector128<byte> t2 = TouchedBytes(v4, v5);
            Vector128<byte> t3 = TouchedBytes(v6, v7);
            if (!NoHighBit(t0 | t1 | t2 | t3))
            {
                first = t0.ExtractMostSignificantBits() | (t1.ExtractMostSignificantBits() << 16);
                second = t2.ExtractMostSignificantBits() | (t3.ExtractMostSignificantBits() << 16);
                return false;
            }

            first = 0;
            second = 0;

            ref ushort o = ref Unsafe.As<char, ushort>(ref d);
            v0.StoreUnsafe(ref o);
            v1.StoreUnsafe(ref o, 8);
            v2.StoreUnsafe(ref o, 16);
            v3.StoreUnsafe(ref o, 24);
            v4.StoreUnsafe(ref o, 32);
            v5.StoreUnsafe(ref o, 40);
            v6.StoreUnsafe(ref o, 48);
            v7.StoreUnsafe(ref o, 56);
            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Spaces16(ref ushort q) =>
            Vector128.Equals(Latin1(Vector128.LoadUnsafe(ref q), Vector128.LoadUnsafe(ref q, 8)), Vector128.Create((byte)' ')).ExtractMostSignificantBits();

        /// <summary>Looks 16 lanes up in a 256-bit Arabic page map laid out by low nibble
        /// (<see cref="PlainRunTables.ArabicTouchedRowsLow"/>); non-zero where the bit is set.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> Lookup(Vector128<ushort> a, Vector128<ushort> b, Vector128<byte> rowsLow, Vector128<byte> rowsHigh)
        {
            Vector128<ushort> page = Vector128.Create((ushort)0x0600);
            Vector128<ushort> max = Vector128.Create((ushort)0xFF);
            Vector128<byte> lane = NarrowBytes(Vector128.Min(a - page, max), Vector128.Min(b - page, max));

            // The row of lane b is byte b & 15 of the first half of the map (b below 0x80) or of the second. Keeping
            // bit 7 and the low nibble gives an index below 16 for one half and one with bit 7 set (zero) for the
            // other, on every instruction set. The bit within the row is 1 << ((b >> 4) & 7).
            Vector128<byte> index = lane & Vector128.Create((byte)0x8F);
            Vector128<byte> row = PlainRunTranslator.ShuffleBytes(rowsLow, index)
                | PlainRunTranslator.ShuffleBytes(rowsHigh, index ^ Vector128.Create((byte)0x80));
            Vector128<byte> high = Vector128.ShiftRightLogical(lane.AsUInt16(), 4).AsByte() & Vector128.Create((byte)0x0F);
            return row & PlainRunTranslator.ShuffleBytes(BitOfLane, high);
        }

        /// <remarks>
        /// <para>Each 16 lanes are narrowed to their index in the page (255 outside it, and U+0600 is 0: the table has
        /// neither), looked up in the table's rows on the low nibble, the lane's row kept by a tree of blends on the
        /// bits of the high nibble, and interleaved with the targets' high bytes. The lookups keep bit 7 of the index,
        /// so that the upper half of the page (and 255) gives zero in rows 0-7 and only it gives anything in rows 8-15:
        /// Arabic text, vocalized or not, is nearly all in U+0600..U+067F, and rows 8-15 are looked up only for 16
        /// lanes with one in U+0680..U+06FE. The candidates and the U+0020 lanes come from the same loads, as in
        /// <see cref="TouchedRaw"/> and <see cref="Spaces"/>.</para>
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint TranslatePage(
            ref char p,
            PageTable table,
            out Vector128<ushort> lanes0,
            out Vector128<ushort> lanes1,
            out Vector128<ushort> lanes2,
            out Vector128<ushort> lanes3,
            out uint deleted,
            out uint touched,
            out uint spaces)
        {
            ref ushort q = ref Unsafe.As<char, ushort>(ref p);
            uint translated = TranslatePage16(ref q, table, out lanes0, out lanes1, out uint deletedLow, out uint touchedLow, out uint spacesLow);
            translated |= TranslatePage16(ref Unsafe.Add(ref q, 16), table, out lanes2, out lanes3, out uint deletedHigh, out uint touchedHigh, out uint spacesHigh) << 16;
            deleted = deletedLow | (deletedHigh << 16);
            touched = touchedLow | (touchedHigh << 16);
            spaces = spacesLow | (spacesHigh << 16);
            return translated;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private uint TranslatePage16(
            ref ushort q, PageTable table, out Vector128<ushort> lanesA, out Vector128<ushort> lanesB, out uint deleted, out uint touched, out uint spaces)
        {
            Vector128<ushort> a = Vector128.LoadUnsafe(ref q);
            Vector128<ushort> b = Vector128.LoadUnsafe(ref q, 8);
            Vector128<ushort> page = Vector128.Create((ushort)0x0600);
            Vector128<ushort> max = Vector128.Create((ushort)0xFF);
            Vector128<byte> nibble = Vector128.Create((byte)0x0F);
            Vector128<byte> flip = Vector128.Create((byte)0x80);
            Vector128<byte> index = NarrowBytes(Vector128.Min(a - page, max), Vector128.Min(b - page, max));
            Vector128<byte> high = Vector128.ShiftRightLogical(index.AsUInt16(), 4).AsByte() & nibble;
            Vector128<byte> lowHalf = index & Vector128.Create((byte)0x8F);

            // The candidates, as Touched16 finds them from the same lanes.
            Vector128<byte> latin1 = Latin1(a, b);
            Vector128<byte> row = PlainRunTranslator.ShuffleBytes(_touchedLow, lowHalf) | PlainRunTranslator.ShuffleBytes(_touchedHigh, lowHalf ^ flip);
            Vector128<byte> candidates = Vector128.AndNot(latin1, Vector128.Equals(row & PlainRunTranslator.ShuffleBytes(BitOfLane, high), Vector128<byte>.Zero));
            spaces = 0;
            if (!_spaceIsPlain)
            {
                Vector128<byte> space = Vector128.Equals(latin1, Vector128.Create((byte)' '));
                candidates |= space;
                spaces = space.ExtractMostSignificantBits();
            }

            touched = candidates.ExtractMostSignificantBits();
            ref Vector128<byte> rows = ref MemoryMarshal.GetArrayDataReference(table.Rows);
            Vector128<byte> bit4 = Vector128.ShiftLeft(index.AsUInt16(), 3).AsByte();
            Vector128<byte> bit5 = Vector128.ShiftLeft(index.AsUInt16(), 2).AsByte();
            Vector128<byte> bit6 = Vector128.ShiftLeft(index.AsUInt16(), 1).AsByte();
            Vector128<byte> entry = RowOctet(ref rows, 0, lowHalf, bit4, bit5, bit6);

            // Bytes 0x80..0xFE (signed -128..-2) are lanes of the upper half of the page; 0xFF is outside it.
            if (Vector128.LessThanAny(index.AsSByte(), Vector128.Create((sbyte)-1)))
            {
                entry |= RowOctet(ref rows, 8, lowHalf ^ flip, bit4, bit5, bit6);
            }

            // The target's high byte: 0x00 where the byte is below 0x40 and its bit in the ASCII map is set, else 0x06.
            Vector128<byte> isEntry = ~Vector128.Equals(entry, Vector128<byte>.Zero);
            Vector128<byte> byteOfMap = Vector128.ShiftRightLogical(Vector128.Min(entry, Vector128.Create((byte)0x40)).AsUInt16(), 3).AsByte() & nibble;
            Vector128<byte> bitOfByte = PlainRunTranslator.ShuffleBytes(BitOfLane, entry & Vector128.Create((byte)7));
            Vector128<byte> inPage = Vector128.Equals(PlainRunTranslator.ShuffleBytes(table.AsciiTargets, byteOfMap) & bitOfByte, Vector128<byte>.Zero);
            Vector128<byte> highByte = inPage & Vector128.Create((byte)0x06);

            (Vector128<ushort> targetA, Vector128<ushort> targetB) = Interleave(entry, highByte);
            (Vector128<ushort> maskA, Vector128<ushort> maskB) = Interleave(isEntry, isEntry);
            lanesA = Vector128.ConditionalSelect(maskA, targetA, a);
            lanesB = Vector128.ConditionalSelect(maskB, targetB, b);
            deleted = Vector128.Equals(entry, Vector128.Create(PageTable.DeleteByte)).ExtractMostSignificantBits();
            return isEntry.ExtractMostSignificantBits();
        }

        // Rows h..h + 7 of the page table, looked up on the low nibble (an index with bit 7 set gives zero) and blended
        // on bits 4, 5 and 6 of the byte (in bit 7 of bit4, bit5 and bit6).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> RowOctet(ref Vector128<byte> rows, int h, Vector128<byte> low, Vector128<byte> bit4, Vector128<byte> bit5, Vector128<byte> bit6) =>
            BlendOnHighBit(
                BlendOnHighBit(RowPair(ref rows, h, low, bit4), RowPair(ref rows, h + 2, low, bit4), bit5),
                BlendOnHighBit(RowPair(ref rows, h + 4, low, bit4), RowPair(ref rows, h + 6, low, bit4), bit5),
                bit6);

        // Rows h and h + 1 of the page table, looked up and blended on bit 4 of the byte (in bit 7 of bit4).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> RowPair(ref Vector128<byte> rows, int h, Vector128<byte> low, Vector128<byte> bit4) =>
            BlendOnHighBit(PlainRunTranslator.ShuffleBytes(Unsafe.Add(ref rows, h), low), PlainRunTranslator.ShuffleBytes(Unsafe.Add(ref rows, h + 1), low), bit4);

        /// <summary>Takes each byte of <paramref name="right"/> where bit 7 of the byte of <paramref name="mask"/> is set,
        /// and of <paramref name="left"/> elsewhere.</summary>
        /// <remarks>One <c>pblendvb</c> with SSE4.1; a comparison and a bitwise select otherwise (<c>bsl</c> on
        /// ARM64).</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<byte> BlendOnHighBit(Vector128<byte> left, Vector128<byte> right, Vector128<byte> mask)
        {
            if (Sse41.IsSupported)
            {
                return Sse41.BlendVariable(left, right, mask);
            }

            return Vector128.ConditionalSelect(Vector128.LessThan(mask.AsSByte(), Vector128<sbyte>.Zero).AsByte(), right, left);
        }

        /// <summary>Interleaves the bytes of two vectors into 16 UTF-16 lanes: lane <c>k</c> is
        /// <paramref name="low"/>[k] | <paramref name="high"/>[k] &lt;&lt; 8.</summary>
        /// <remarks>One instruction each on x64 (<c>punpcklbw</c>) and ARM64 (<c>zip1</c>); the portable widening
        /// otherwise.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector128<ushort> Lower, Vector128<ushort> Upper) Interleave(Vector128<byte> low, Vector128<byte> high)
        {
            if (Sse2.IsSupported)
            {
                return (Sse2.UnpackLow(low, high).AsUInt16(), Sse2.UnpackHigh(low, high).AsUInt16());
            }

            if (AdvSimd.Arm64.IsSupported)
            {
                return (AdvSimd.Arm64.ZipLow(low, high).AsUInt16(), AdvSimd.Arm64.ZipHigh(low, high).AsUInt16());
            }

            (Vector128<ushort> lowA, Vector128<ushort> lowB) = Vector128.Widen(low);
            (Vector128<ushort> highA, Vector128<ushort> highB) = Vector128.Widen(high);
            return (lowA | (highA << 8), lowB | (highB << 8));
        }
    }
}
