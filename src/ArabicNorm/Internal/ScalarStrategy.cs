namespace ArabicNorm.Internal;

/// <summary>
/// Runs every call on the scalar loop, the specification: the strategy of a machine without vector hardware (and
/// under <c>DOTNET_EnableHWIntrinsic=0</c>), and the tests' oracle.
/// </summary>
/// <remarks>With this strategy <see cref="PlainRunTables.IsEnabled"/> is <see langword="false"/>, so the engine never
/// calls <see cref="Translate"/> or <see cref="IndexOfCandidate"/>; should it, they take nothing.</remarks>
internal sealed class ScalarStrategy : VectorStrategy
{
    private ScalarStrategy()
    {
    }

    /// <summary>Gets the one instance.</summary>
    internal static ScalarStrategy Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "Scalar";

    /// <inheritdoc/>
    public override bool IsSupported => true;

    /// <inheritdoc/>
    public override bool IsVectorized => false;

    /// <inheritdoc/>
    internal override int Translate(
        NormalizationTables tables, ReadOnlySpan<char> source, int start, Span<char> destination, ref EngineState state, out bool stoppedAtCharacter)
    {
        stoppedAtCharacter = false;
        return start;
    }

    /// <inheritdoc/>
    internal override int IndexOfCandidate(NormalizationTables tables, ReadOnlySpan<char> text, int start) => start;
}
