namespace ArabicNorm.Internal;

/// <summary>Holds one stage of <see cref="RuleStages"/>.</summary>
/// <param name="category">The category a change by this stage is counted under.</param>
/// <param name="option">The name of the <see cref="ArabicNormalizerOptions"/> property that enables the stage.</param>
/// <param name="value">The enum value of <paramref name="option"/> the stage belongs to, or <see langword="null"/> for a
/// <see cref="bool"/> option.</param>
/// <param name="kind">How the stage acts.</param>
/// <param name="isEnabled">Tells whether an options instance enables the stage.</param>
/// <param name="sources">The source characters and, for a <see cref="RuleStageKind.Map"/> stage, their targets.</param>
/// <param name="contextTargets">For a <see cref="RuleStageKind.Contextual"/> stage, the characters it can give other
/// than its sources (empty when it only deletes or reorders).</param>
internal sealed class RuleStage(
    NormalizationCategory category,
    string option,
    string? value,
    RuleStageKind kind,
    Func<ArabicNormalizerOptions, bool> isEnabled,
    RuleRange[] sources,
    string contextTargets = "")
{
    /// <summary>Gets the category a change by this stage is counted under.</summary>
    internal NormalizationCategory Category { get; } = category;

    /// <summary>Gets the name of the option that enables the stage.</summary>
    internal string Option { get; } = option;

    /// <summary>Gets the enum value of <see cref="Option"/> the stage belongs to, or <see langword="null"/>.</summary>
    internal string? Value { get; } = value;

    /// <summary>Gets the stage's name as the options documentation writes it: <c>Option</c> or <c>Option = Value</c>.</summary>
    internal string Name => Value is null ? Option : $"{Option} = {Value}";

    /// <summary>Gets how the stage acts.</summary>
    internal RuleStageKind Kind { get; } = kind;

    /// <summary>Gets whether the stage is decided by context (code in the engine) rather than by its table.</summary>
    internal bool IsContextual => Kind == RuleStageKind.Contextual;

    /// <summary>Gets the predicate that tells whether an options instance enables the stage.</summary>
    internal Func<ArabicNormalizerOptions, bool> IsEnabled { get; } = isEnabled;

    /// <summary>Gets the source ranges, in ascending order.</summary>
    internal ReadOnlySpan<RuleRange> Sources => sources;

    /// <summary>Gets, for a contextual stage, the characters it can give besides its sources.</summary>
    internal string ContextTargets { get; } = contextTargets;

    /// <summary>Finds the target of <paramref name="c"/> in a <see cref="RuleStageKind.Map"/> stage.</summary>
    /// <param name="c">A character.</param>
    /// <param name="target">Its target, or <see cref="NormalizationTables.Delete"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="c"/> is a source of the stage.</returns>
    internal bool TryMap(char c, out char target)
    {
        foreach (RuleRange range in sources)
        {
            if (range.Contains(c))
            {
                target = range.TargetOf(c);
                return true;
            }
        }

        target = c;
        return false;
    }

    /// <summary>Tells whether <paramref name="codePoint"/> is one of the stage's sources.</summary>
    /// <param name="codePoint">A code point.</param>
    /// <returns><see langword="true"/> when a source range holds it.</returns>
    internal bool IsSource(int codePoint)
    {
        foreach (RuleRange range in sources)
        {
            if (range.Contains(codePoint))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Category}, {Kind})";
}
