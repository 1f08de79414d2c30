namespace ArabicNorm.Internal;

/// <summary>Names how a <see cref="RuleStage"/> acts.</summary>
internal enum RuleStageKind
{
    /// <summary>Context-free: each source character becomes its target, or is deleted; folded into the map.</summary>
    Map,

    /// <summary>Each source code point that has an NFKC mapping becomes that mapping (<see cref="CompatibilityData"/>),
    /// which may be longer or shorter than one character.</summary>
    Compatibility,

    /// <summary>Decided by the neighbouring characters, in the engine's code; the sources are the characters it looks at.</summary>
    Contextual,
}
