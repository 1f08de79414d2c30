using System.Runtime.Intrinsics;

namespace ArabicNorm.Internal;

/// <summary>
/// Classifies one block of <see cref="PlainRunTranslator.BlockSize"/> UTF-16 code units with one instruction set:
/// the only part of the vector path that differs between strategies.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
/// <remarks>
/// <para>An implementation is a struct, so that <see cref="PlainRunTranslator"/>'s generic loops are compiled once per
/// instruction set with the classifier inlined; it holds the per-options page maps of <see cref="PlainRunTables"/> in
/// registers for the duration of one call.</para>
/// <para>Every mask has one bit per lane. Except for <see cref="TouchedRaw"/>, bit <c>k</c> stands for lane <c>k</c>.
/// A classifier only reports what the maps say; the bookkeeping that decides what to write is written once, in
/// <see cref="PlainRunTranslator"/>.</para>
/// </remarks>
internal interface IBlockClassifier<TSelf>
    where TSelf : struct, IBlockClassifier<TSelf>
{
    /// <summary>Creates the classifier for one options instance, loading its page maps.</summary>
    /// <param name="tables">The per-options classifier data.</param>
    /// <returns>The classifier.</returns>
    static abstract TSelf Create(PlainRunTables tables);

    /// <summary>Gets whether U+0020 maps to itself (it is a special entry while spaces collapse).</summary>
    bool SpaceIsPlain { get; }

    /// <summary>Finds the lanes that are not plain, in an order of the classifier's choosing.</summary>
    /// <param name="p">The first code unit of the block.</param>
    /// <returns>A mask that is zero exactly when no lane is touched; <see cref="InOrder"/> puts its bits in lane
    /// order. A lane is touched when it is not ASCII (a classifier may count U+007F as not ASCII: a candidate too many
    /// is allowed, one too few never) and its bit in the Arabic page map is set (code units outside
    /// the page always are), or, while spaces collapse, when it is U+0020.</returns>
    uint TouchedRaw(ref char p);

    /// <summary>Tests two consecutive blocks for touched lanes with one branch.</summary>
    /// <param name="p">The first code unit of the first block; <c>2 * BlockSize</c> code units are read.</param>
    /// <returns>Whether <see cref="TouchedRaw"/> is zero for both blocks.</returns>
    /// <remarks>The touched vectors of the two blocks are combined before one test (<c>vptest</c> on x64), so that
    /// clean text branches once per 64 code units rather than twice.</remarks>
    bool IsPlainPair(ref char p);

    /// <summary>Copies two consecutive blocks when both are plain, from the loads that classify them.</summary>
    /// <param name="s">The first code unit of the first block; <c>2 * BlockSize</c> code units are read.</param>
    /// <param name="d">Where the first goes; the destination may be the source or lie before it (every load comes
    /// before the first store).</param>
    /// <param name="first">Receives the first block's <see cref="TouchedRaw"/> mask when the pair is not plain, from
    /// the same loads; 0 otherwise.</param>
    /// <param name="second">Receives the second block's <see cref="TouchedRaw"/> mask when the pair is not plain;
    /// 0 otherwise.</param>
    /// <returns>Whether both blocks were plain (<see cref="IsPlainPair"/>) and were copied; nothing is written
    /// otherwise.</returns>
    bool TryCopyPair(ref char s, ref char d, out uint first, out uint second);

    /// <summary>Puts the bits of a <see cref="TouchedRaw"/> mask in lane order.</summary>
    /// <param name="raw">A <see cref="TouchedRaw"/> mask.</param>
    /// <returns>The same lanes, bit <c>k</c> for lane <c>k</c>.</returns>
    uint InOrder(uint raw);

    /// <summary>Finds the lanes that hold a kept combining mark of the Arabic page
    /// (<see cref="PlainRunTables.ArabicMarkRowsLow"/>), in the order of <see cref="TouchedRaw"/>.</summary>
    /// <param name="p">The first code unit of the block.</param>
    /// <returns>A mask that <see cref="InOrder"/> puts in lane order; a subset of the touched lanes.</returns>
    uint MarksRaw(ref char p);

    /// <summary>Finds the lanes that hold U+0020.</summary>
    /// <param name="p">The first code unit of the block.</param>
    /// <returns>The U+0020 lanes.</returns>
    uint Spaces(ref char p);

    /// <summary>Translates the lanes of a block that the Arabic page table knows (one-to-one mappings and deletions of
    /// U+0601..U+06FE), in registers, and classifies the block from the same loads.</summary>
    /// <param name="p">The first code unit of the block.</param>
    /// <param name="table">The per-options page table (<see cref="PlainRunTables.Page"/>).</param>
    /// <param name="lanes0">Receives lanes 0-7: the table's target where the table has the lane, the source code unit
    /// everywhere else (a deleted lane holds something meaningless).</param>
    /// <param name="lanes1">Receives lanes 8-15, as <paramref name="lanes0"/>.</param>
    /// <param name="lanes2">Receives lanes 16-23.</param>
    /// <param name="lanes3">Receives lanes 24-31.</param>
    /// <param name="deleted">Receives the lanes whose entry is <see cref="NormalizationTables.Delete"/>, in lane
    /// order.</param>
    /// <param name="touched">Receives the <see cref="TouchedRaw"/> lanes, in lane order.</param>
    /// <param name="spaces">Receives the <see cref="Spaces"/> lanes while spaces collapse (U+0020 is not plain),
    /// otherwise 0.</param>
    /// <returns>The lanes the table has (deleted ones included), in lane order; every other lane is as in the source
    /// and still to be looked up.</returns>
    uint TranslatePage(
        ref char p,
        PageTable table,
        out Vector128<ushort> lanes0,
        out Vector128<ushort> lanes1,
        out Vector128<ushort> lanes2,
        out Vector128<ushort> lanes3,
        out uint deleted,
        out uint touched,
        out uint spaces);
}
