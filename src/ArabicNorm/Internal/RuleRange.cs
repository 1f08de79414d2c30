namespace ArabicNorm.Internal;

/// <summary>Holds an inclusive range of source code points and what they become.</summary>
internal readonly struct RuleRange
{
    private RuleRange(int first, int last, char target, bool consecutive)
    {
        First = first;
        Last = last;
        Target = target;
        IsConsecutive = consecutive;
    }

    /// <summary>Gets the first source code point.</summary>
    internal int First { get; }

    /// <summary>Gets the last source code point.</summary>
    internal int Last { get; }

    /// <summary>Gets the target of <see cref="First"/>: <see cref="NormalizationTables.Delete"/> for a deletion, U+0000
    /// for a contextual or compatibility source.</summary>
    internal char Target { get; }

    /// <summary>Gets whether the targets are consecutive (a digit range), rather than all <see cref="Target"/>.</summary>
    internal bool IsConsecutive { get; }

    /// <summary>Creates a range whose every source becomes <paramref name="target"/>.</summary>
    /// <param name="first">The first source.</param>
    /// <param name="last">The last source.</param>
    /// <param name="target">The target.</param>
    /// <returns>The range.</returns>
    internal static RuleRange Map(int first, int last, char target) => new(first, last, target, false);

    /// <summary>Creates a one-character range that becomes <paramref name="target"/>.</summary>
    /// <param name="source">The source.</param>
    /// <param name="target">The target.</param>
    /// <returns>The range.</returns>
    internal static RuleRange Map(int source, char target) => new(source, source, target, false);

    /// <summary>Creates a range whose sources become consecutive targets from <paramref name="firstTarget"/>.</summary>
    /// <param name="first">The first source.</param>
    /// <param name="last">The last source.</param>
    /// <param name="firstTarget">The target of <paramref name="first"/>.</param>
    /// <returns>The range.</returns>
    internal static RuleRange Shift(int first, int last, char firstTarget) => new(first, last, firstTarget, true);

    /// <summary>Creates a range whose sources are deleted.</summary>
    /// <param name="first">The first source.</param>
    /// <param name="last">The last source (<paramref name="first"/> when omitted).</param>
    /// <returns>The range.</returns>
    internal static RuleRange Delete(int first, int last = -1) =>
        new(first, last < 0 ? first : last, NormalizationTables.Delete, false);

    /// <summary>Creates a range of sources whose targets come from context or from <see cref="CompatibilityData"/>.</summary>
    /// <param name="first">The first source.</param>
    /// <param name="last">The last source (<paramref name="first"/> when omitted).</param>
    /// <returns>The range.</returns>
    internal static RuleRange Context(int first, int last = -1) => new(first, last < 0 ? first : last, '\0', false);

    /// <summary>Tells whether <paramref name="codePoint"/> lies in the range.</summary>
    /// <param name="codePoint">A code point.</param>
    /// <returns><see langword="true"/> inside.</returns>
    internal bool Contains(int codePoint) => (uint)(codePoint - First) <= (uint)(Last - First);

    /// <summary>Gets the target of a source inside the range.</summary>
    /// <param name="c">A source.</param>
    /// <returns>The target.</returns>
    internal char TargetOf(int c) => IsConsecutive ? (char)(Target + (c - First)) : Target;
}
