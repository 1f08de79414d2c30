using System.Runtime.CompilerServices;
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
    /// are always set, so those lanes, and the page's own U+0600 and U+06FF, come out as candidates. The map is looked
    /// up with <c>vpshufb</c>: the byte <c>b &gt;&gt; 3</c> of 32, then its bit <c>b &amp; 7</c>.</para>
    /// <para><c>vpackuswb</c> and <c>vpshufb</c> work within each 128-bit half, so the packed bytes hold lanes 0-7,
    /// 16-23, 8-15 and 24-31, and the 16-byte maps sit in both halves.</para>
    /// </remarks>
    internal readonly struct Classifier : IBlockClassifier<Classifier>
    {
        private readonly Vector256<byte> _touchedLow;
        private readonly Vector256<byte> _touchedHigh;
        private readonly Vector256<byte> _marksLow;
        private readonly Vector256<byte> _marksHigh;
        private readonly bool _spaceIsPlain;

        private Classifier(PlainRunTables t)
        {
            _touchedLow = Vector256.Create(t.ArabicTouchedLow, t.ArabicTouchedLow);
            _touchedHigh = Vector256.Create(t.ArabicTouchedHigh, t.ArabicTouchedHigh);
            _marksLow = Vector256.Create(t.ArabicMarksLow, t.ArabicMarksLow);
            _marksHigh = Vector256.Create(t.ArabicMarksHigh, t.ArabicMarksHigh);
            _spaceIsPlain = t.SpaceIsPlain;
        }

        public static Classifier Create(PlainRunTables tables) => new(tables);

        public bool SpaceIsPlain => _spaceIsPlain;

        // Byte k holds bit k % 8.
        private static Vector256<byte> BitOfLane => Vector256.Create(0x8040201008040201UL).AsByte();

        /// <remarks>The code units are clamped to U+00FF (an unsigned minimum: <c>vpackuswb</c> alone would read
        /// U+8000 and up as negative and pack them to 0) and packed to bytes: bit 7 of the byte is set exactly when
        /// the code unit is not ASCII, and U+0020 stays 0x20.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint TouchedRaw(ref char p)
        {
            ref short q = ref Unsafe.As<char, short>(ref p);
            Vector256<short> a = Vector256.LoadUnsafe(ref q);
            Vector256<short> b = Vector256.LoadUnsafe(ref q, 16);
            Vector256<ushort> latin1 = Vector256.Create((ushort)0xFF);
            Vector256<byte> packed = Avx2.PackUnsignedSaturate(
                Vector256.Min(a.AsUInt16(), latin1).AsInt16(), Vector256.Min(b.AsUInt16(), latin1).AsInt16());
            Vector256<byte> touched = Vector256.AndNot(packed, Vector256.Equals(Lookup(a, b, _touchedLow, _touchedHigh), Vector256<byte>.Zero));
            if (!_spaceIsPlain)
            {
                touched |= Vector256.Equals(packed, Vector256.Create((byte)' '));
            }

            return touched.ExtractMostSignificantBits();
        }

        /// <remarks>Code units below the page pack to 0 and those above it to 255; neither bit is set in the mark map.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint MarksRaw(ref char p)
        {
            ref short q = ref Unsafe.As<char, short>(ref p);
            Vector256<byte> marks = Lookup(Vector256.LoadUnsafe(ref q), Vector256.LoadUnsafe(ref q, 16), _marksLow, _marksHigh);
            return ~Vector256.Equals(marks, Vector256<byte>.Zero).ExtractMostSignificantBits();
        }

        /// <remarks>The mask's bytes hold lanes 0-7, 16-23, 8-15 and 24-31.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint InOrder(uint raw) => (raw & 0xFF0000FFu) | ((raw & 0x0000FF00u) << 8) | ((raw >> 8) & 0x0000FF00u);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint Spaces(ref char p)
        {
            // Saturation sends every code unit above U+00FF to 255 or 0, never to 0x20.
            ref short q = ref Unsafe.As<char, short>(ref p);
            Vector256<byte> packed = Avx2.PackUnsignedSaturate(Vector256.LoadUnsafe(ref q), Vector256.LoadUnsafe(ref q, 16));
            return Ordered(Vector256.Equals(packed, Vector256.Create((byte)' ')));
        }

        /// <summary>Looks the lanes up in a 256-bit Arabic page map; non-zero where the bit is set.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<byte> Lookup(Vector256<short> a, Vector256<short> b, Vector256<byte> mapLow, Vector256<byte> mapHigh)
        {
            Vector256<short> page = Vector256.Create((short)0x0600);
            Vector256<byte> lane = Avx2.PackUnsignedSaturate(a - page, b - page);

            // vpshufb takes the low four index bits and zeroes a lane whose index has bit 7 set: adding 0x70 / 0xF0 to
            // the byte index (0..31) selects the first / second 16 bytes of the map.
            Vector256<byte> index = Vector256.ShiftRightLogical(lane.AsUInt16(), 3).AsByte() & Vector256.Create((byte)0x1F);
            Vector256<byte> bits = Avx2.Shuffle(mapLow, index + Vector256.Create((byte)0x70))
                | Avx2.Shuffle(mapHigh, index + Vector256.Create((byte)0xF0));
            Vector256<byte> bit = Avx2.Shuffle(BitOfLane, lane & Vector256.Create((byte)7));
            return bits & bit;
        }

        /// <summary>Puts the lanes that <c>vpackuswb</c> interleaved per 128-bit half back in order and takes one bit
        /// per lane.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Ordered(Vector256<byte> lanes) =>
            Avx2.Permute4x64(lanes.AsUInt64(), 0b11_01_10_00).AsByte().ExtractMostSignificantBits();
    }
}
