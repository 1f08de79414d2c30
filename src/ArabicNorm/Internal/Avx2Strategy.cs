using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ArabicNorm.Internal;

/// <summary>
/// Runs the vector path with AVX2: one block of 32 code units is two 256-bit registers, packed to one register of
/// bytes and classified with <c>vpshufb</c> against the Arabic page map.
/// </summary>
/// <remarks>The widest strategy on x64; chosen when <see cref="Avx2.IsSupported"/>.</remarks>
internal sealed class Avx2Strategy : VectorStrategy<Avx2Strategy.Classifier>
{
    private Avx2Strategy()
    {
    }

    /// <summary>Gets the one instance.</summary>
    internal static Avx2Strategy Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "Avx2";

    /// <inheritdoc/>
    public override bool IsSupported => Avx2.IsSupported;

    /// <summary>Classifies 32 code units with the page maps in two 256-bit registers each.</summary>
    /// <remarks>
    /// <para>Each step packs two vectors of UTF-16 lanes into bytes with signed-to-unsigned saturation
    /// (<c>vpackuswb</c>): <c>c - 0x0600</c> packs to its low byte inside the Arabic page, to 0 below it and to 255
    /// above it (code units from U+8600 up wrap to negative and pack to 0 as well). Bits 0 and 255 of the touched map
    /// are always set, so those lanes, and the page's own U+0600 and U+06FF, come out as candidates.</para>
    /// <para>The map is laid out by low nibble (<see cref="PlainRunTables.ArabicTouchedRowsLow"/>): <c>vpshufb</c>
    /// reads only the low nibble and bit 7 of an index, so the packed byte itself indexes the row of the first half of
    /// the map, and the byte with bit 7 flipped the row of the second half; the bit within the row is
    /// <c>1 &lt;&lt; ((b &gt;&gt; 4) &amp; 7)</c>, a third lookup. That is three shuffles and one pack per 32 lanes
    /// for the page, and one pack for the ASCII test.</para>
    /// <para><c>vpackuswb</c> and <c>vpshufb</c> work within each 128-bit half, so the packed bytes hold lanes 0-7,
    /// 16-23, 8-15 and 24-31, and the 16-byte maps sit in both halves.</para>
    /// </remarks>
    internal readonly struct Classifier : IBlockClassifier<Classifier>
    {
        private readonly Vector256<byte> _touchedLow;
        private readonly Vector256<byte> _touchedHigh;
        private readonly Vector256<byte> _marksLow;
        private readonly Vector256<byte> _marksHigh;
        private readonly Vector256<short> _page;
        private readonly Vector256<byte> _bitOfRow;
        private readonly Vector256<byte> _one;
        private readonly Vector256<byte> _flip;
        private readonly Vector256<byte> _nibble;
        private readonly bool _spaceIsPlain;

        // The constants are fields too: the classifier lives in registers through a loop, where the JIT would otherwise
        // broadcast them again in every iteration.
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // built once per vector-path call: no call, no Tier-0 copy
        private Classifier(PlainRunTables t)
        {
            _page = Vector256.Create((short)0x0600);
            _bitOfRow = Vector256.Create(0x8040201008040201UL).AsByte(); // byte k holds bit k % 8
            _one = Vector256.Create((byte)1);
            _flip = Vector256.Create((byte)0x80);
            _nibble = Vector256.Create((byte)0x0F);
            _touchedLow = Vector256.Create(t.ArabicTouchedRowsLow, t.ArabicTouchedRowsLow);
            _touchedHigh = Vector256.Create(t.ArabicTouchedRowsHigh, t.ArabicTouchedRowsHigh);
            _marksLow = Vector256.Create(t.ArabicMarkRowsLow, t.ArabicMarkRowsLow);
            _marksHigh = Vector256.Create(t.ArabicMarkRowsHigh, t.ArabicMarkRowsHigh);
            _spaceIsPlain = t.SpaceIsPlain;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Classifier Create(PlainRunTables tables) => new(tables);

        public bool SpaceIsPlain => _spaceIsPlain;

        /// <remarks>The ASCII test is one pack with signed saturation (<c>vpacksswb</c>), which keeps U+0000..U+007F,
        /// sends U+0080..U+7FFF to 0x7F and the code units from U+8000 up to 0x80..0xFF, then one unsigned saturating
        /// add of 1: bit 7 of the byte is then set exactly from U+007F up. U+007F is therefore looked up in the page
        /// map too, where it packs to 0 and is a candidate (a superset is allowed), and U+0020 packs to 0x20 and
        /// nothing else does.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint TouchedRaw(ref char p)
        {
            ref short q = ref Unsafe.As<char, short>(ref p);
            return TouchedBytes(Vector256.LoadUnsafe(ref q), Vector256.LoadUnsafe(ref q, 16)).ExtractMostSignificantBits();
        }

        /// <remarks>Bit 7 of each byte of the two blocks' touched vectors, ORed, tested with one <c>vptest</c>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool IsPlainPair(ref char p)
        {
            ref short q = ref Unsafe.As<char, short>(ref p);
            Vector256<byte> touched = TouchedBytes(Vector256.LoadUnsafe(ref q), Vector256.LoadUnsafe(ref q, 16))
                | TouchedBytes(Vector256.LoadUnsafe(ref q, 32), Vector256.LoadUnsafe(ref q, 48));
            return Avx.TestZ(touched, _flip);
        }

        /// <remarks>As <see cref="IsPlainPair"/>, storing the four loaded registers when the test passes.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryCopyPair(ref char s, ref char d, out uint first, out uint second)
        {
            ref short q = ref Unsafe.As<char, short>(ref s);
            Vector256<short> a0 = Vector256.LoadUnsafe(ref q);
            Vector256<short> b0 = Vector256.LoadUnsafe(ref q, 16);
            Vector256<short> a1 = Vector256.LoadUnsafe(ref q, 32);
            Vector256<short> b1 = Vector256.LoadUnsafe(ref q, 48);
            Vector256<byte> touched0 = TouchedBytes(a0, b0);
            Vector256<byte> touched1 = TouchedBytes(a1, b1);
            if (!Avx.TestZ(touched0 | touched1, _flip))
            {
                first = touched0.ExtractMostSignificantBits();
                second = touched1.ExtractMostSignificantBits();
                return false;
            }

            first = 0;
            second = 0;

            ref short o = ref Unsafe.As<char, short>(ref d);
            a0.StoreUnsafe(ref o);
            b0.StoreUnsafe(ref o, 16);
            a1.StoreUnsafe(ref o, 32);
            b1.StoreUnsafe(ref o, 48);
            return true;
        }

        /// <summary>The touched lanes of one block in bit 7 of their packed byte (the other bits mean nothing).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector256<byte> TouchedBytes(Vector256<short> a, Vector256<short> b)
        {
            Vector256<byte> ascii = Avx2.PackSignedSaturate(a, b).AsByte();
            Vector256<byte> nonAscii = Avx2.AddSaturate(ascii, _one);
            Vector256<byte> touched = Vector256.AndNot(nonAscii, Vector256.Equals(Lookup(a, b, _touchedLow, _touchedHigh), Vector256<byte>.Zero));
            if (!_spaceIsPlain)
            {
                touched |= Vector256.Equals(ascii, Vector256.Create((byte)' '));
            }

            return touched;
        }

        /// <remarks>Code units below the page pack to 0 and those above it to 255; neither bit is set in the mark map.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint MarksRaw(ref char p)
        {
            ref short q = ref Unsafe.As<char, short>(ref p);
            Vector256<byte> marks = Lookup(Vector256.LoadUnsafe(ref q), Vector256.LoadUnsafe(ref q, 16), _marksLow, _marksHigh);
            return ~Vector256.Equals(marks, Vector256<byte>.Zero).ExtractMostSignificantBits();
        }

        /// <remarks>The mask's bytes hold lanes 0-7, 16-23, 8-15 and 24-31 (see <see cref="PackedLaneOrder"/>).</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint InOrder(uint raw) => PackedLaneOrder(raw);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint Spaces(ref char p)
        {
            // Saturation sends every code unit above U+00FF to 255 or 0, never to 0x20.
            ref short q = ref Unsafe.As<char, short>(ref p);
            Vector256<byte> packed = Avx2.PackUnsignedSaturate(Vector256.LoadUnsafe(ref q), Vector256.LoadUnsafe(ref q, 16));
            return Ordered(Vector256.Equals(packed, Vector256.Create((byte)' ')));
        }

        /// <summary>Looks the lanes up in a 256-bit Arabic page map laid out by low nibble; non-zero where the bit is
        /// set.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector256<byte> Lookup(Vector256<short> a, Vector256<short> b, Vector256<byte> rowsLow, Vector256<byte> rowsHigh)
        {
            Vector256<byte> lane = Avx2.PackUnsignedSaturate(a - _page, b - _page);

            // A lane below 0x80 selects its row in the first half (and zero in the second: bit 7 of the flipped index
            // is set); a lane from 0x80 up the other way round.
            Vector256<byte> row = Avx2.Shuffle(rowsLow, lane) | Avx2.Shuffle(rowsHigh, lane ^ _flip);
            Vector256<byte> high = Vector256.ShiftRightLogical(lane.AsUInt16(), 4).AsByte() & _nibble;
            return row & Avx2.Shuffle(_bitOfRow, high);
        }

        /// <summary>Puts the lanes that <c>vpackuswb</c> interleaved per 128-bit half back in order and takes one bit
        /// per lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Ordered(Vector256<byte> lanes) =>
            Avx2.Permute4x64(lanes.AsUInt64(), 0b11_01_10_00).AsByte().ExtractMostSignificantBits();

        /// <summary>Puts the bits of a mask taken from bytes that <c>vpackuswb</c> or <c>vpacksswb</c> packed from two
        /// 256-bit registers of 16-bit lanes in lane order.</summary>
        /// <param name="raw">The mask: its bytes hold lanes 0-7, 16-23, 8-15 and 24-31.</param>
        /// <returns>Bit <c>k</c> for lane <c>k</c>.</returns>
        /// <remarks>The one lane order of the AVX2 packs, for this classifier's masks and for
        /// <see cref="FormsTranslator"/>'s lookups.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static uint PackedLaneOrder(uint raw) => (raw & 0xFF0000FFu) | ((raw & 0x0000FF00u) << 8) | ((raw >> 8) & 0x0000FF00u);

        /// <remarks>
        /// <para>The whole block is one register of bytes, packed as in <see cref="Lookup"/>: inside the page the byte is
        /// the code unit's low byte, outside it 0 or 255, whose table bytes are 0. The candidates and the U+0020 lanes
        /// come from the same two loads and packs as in <see cref="TouchedRaw"/> and <see cref="Spaces"/>.</para>
        /// <para>Each row of the table is one <c>vpshufb</c> on the low nibble, with bit 7 kept so that the lanes of the
        /// upper half of the page (and those above it) give zero in rows 0-7 and only they give anything in rows 8-15;
        /// a tree of <c>vpblendvb</c> on bits 4 to 6 of the byte (each shifted to bit 7 of its byte) keeps the lane's
        /// row. Arabic text, vocalized or not, is nearly all in U+0600..U+067F: rows 8-15 are looked up only for a block
        /// that has a lane in U+0680..U+06FE.</para>
        /// <para>Unlike the other members, the block is first split with two <c>vperm2i128</c> into lanes 0-7 and 16-23
        /// and lanes 8-15 and 24-31, so that the packs give the bytes in lane order and no mask needs
        /// <see cref="InOrder"/>; <c>vpunpcklbw</c> and <c>vpunpckhbw</c> with the targets' high bytes give the lanes
        /// back in the same split.</para>
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
            // Lanes 0-7 and 16-23 in one register, 8-15 and 24-31 in the other: the packs then give the bytes in lane
            // order, so every mask below is in lane order as it is taken.
            ref short q = ref Unsafe.As<char, short>(ref p);
            Vector256<short> loaded0 = Vector256.LoadUnsafe(ref q);
            Vector256<short> loaded1 = Vector256.LoadUnsafe(ref q, 16);
            Vector256<short> a = Avx2.Permute2x128(loaded0, loaded1, 0x20);
            Vector256<short> b = Avx2.Permute2x128(loaded0, loaded1, 0x31);
            Vector256<byte> index = Avx2.PackUnsignedSaturate(a - _page, b - _page);

            // The candidates, as TouchedRaw finds them from the same lanes.
            Vector256<byte> ascii = Avx2.PackSignedSaturate(a, b).AsByte();
            Vector256<byte> row = Avx2.Shuffle(_touchedLow, index) | Avx2.Shuffle(_touchedHigh, index ^ _flip);
            Vector256<byte> bitOfRow = Avx2.Shuffle(_bitOfRow, Vector256.ShiftRightLogical(index.AsUInt16(), 4).AsByte() & _nibble);
            Vector256<byte> candidates = Vector256.AndNot(Avx2.AddSaturate(ascii, _one), Vector256.Equals(row & bitOfRow, Vector256<byte>.Zero));
            uint spaceLanes = 0;
            if (!_spaceIsPlain)
            {
                Vector256<byte> space = Vector256.Equals(ascii, Vector256.Create((byte)' '));
                candidates |= space;
                spaceLanes = space.ExtractMostSignificantBits();
            }

            Vector256<byte> lowHalf = index & Vector256.Create((byte)0x8F);
            ref Vector256<byte> rows = ref MemoryMarshal.GetArrayDataReference(table.WideRows);
            Vector256<byte> bit4 = Vector256.ShiftLeft(index.AsUInt16(), 3).AsByte();
            Vector256<byte> bit5 = Vector256.ShiftLeft(index.AsUInt16(), 2).AsByte();
            Vector256<byte> bit6 = Vector256.ShiftLeft(index.AsUInt16(), 1).AsByte();
            Vector256<byte> entry = RowOctet(ref rows, 0, lowHalf, bit4, bit5, bit6);

            // Bytes 0x80..0xFE (signed -128..-2) are lanes of the upper half of the page; 0xFF is above the page.
            if (Avx2.CompareGreaterThan(Vector256.Create((sbyte)-1), index.AsSByte()).AsByte().ExtractMostSignificantBits() != 0)
            {
                entry |= RowOctet(ref rows, 8, lowHalf ^ _flip, bit4, bit5, bit6);
            }

            // The target's high byte: 0x00 where the byte is below 0x40 and its bit in the ASCII map is set, else 0x06.
            Vector256<byte> noEntry = Vector256.Equals(entry, Vector256<byte>.Zero);
            Vector256<byte> byteOfMap = Vector256.ShiftRightLogical(Vector256.Min(entry, Vector256.Create((byte)0x40)).AsUInt16(), 3).AsByte() & _nibble;
            Vector256<byte> bitOfByte = Avx2.Shuffle(_bitOfRow, entry & Vector256.Create((byte)7));
            Vector256<byte> inPage = Vector256.Equals(Avx2.Shuffle(table.WideAsciiTargets, byteOfMap) & bitOfByte, Vector256<byte>.Zero);
            Vector256<byte> highByte = inPage & Vector256.Create((byte)0x06);

            // The source lane where the table has no entry, the target elsewhere: one vpblendvb each.
            Vector256<ushort> first = Avx2.BlendVariable(Avx2.UnpackLow(entry, highByte), a.AsByte(), Avx2.UnpackLow(noEntry, noEntry)).AsUInt16();
            Vector256<ushort> second = Avx2.BlendVariable(Avx2.UnpackHigh(entry, highByte), b.AsByte(), Avx2.UnpackHigh(noEntry, noEntry)).AsUInt16();
            lanes0 = first.GetLower();
            lanes1 = second.GetLower();
            lanes2 = first.GetUpper();
            lanes3 = second.GetUpper();
            deleted = Vector256.Equals(entry, Vector256.Create(PageTable.DeleteByte)).ExtractMostSignificantBits();
            touched = candidates.ExtractMostSignificantBits();
            spaces = spaceLanes;
            return ~noEntry.ExtractMostSignificantBits();
        }

        // Rows h..h + 7 of the page table, looked up on the low nibble (an index with bit 7 set gives zero) and blended
        // on bits 4, 5 and 6 of the byte (in bit 7 of bit4, bit5 and bit6).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<byte> RowOctet(ref Vector256<byte> rows, int h, Vector256<byte> low, Vector256<byte> bit4, Vector256<byte> bit5, Vector256<byte> bit6) =>
            Avx2.BlendVariable(
                Avx2.BlendVariable(RowPair(ref rows, h, low, bit4), RowPair(ref rows, h + 2, low, bit4), bit5),
                Avx2.BlendVariable(RowPair(ref rows, h + 4, low, bit4), RowPair(ref rows, h + 6, low, bit4), bit5),
                bit6);

        // Rows h and h + 1 of the page table, looked up and blended on bit 4 of the byte (in bit 7 of bit4).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<byte> RowPair(ref Vector256<byte> rows, int h, Vector256<byte> low, Vector256<byte> bit4) =>
            Avx2.BlendVariable(Avx2.Shuffle(Unsafe.Add(ref rows, h), low), Avx2.Shuffle(Unsafe.Add(ref rows, h + 1), low), bit4);
    }
}
