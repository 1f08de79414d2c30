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
}
