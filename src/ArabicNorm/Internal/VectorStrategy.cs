using System.Runtime.CompilerServices;

namespace ArabicNorm.Internal;

/// <summary>
/// Runs the vector path with one instruction set: classifies blocks of UTF-16 code units and hands them to the
/// instruction-set-neutral bookkeeping of <see cref="PlainRunTranslator"/>. One strategy is chosen per process, once,
/// widest first.
/// </summary>
/// <remarks>
/// <para>The strategies, widest first: <see cref="Avx2Strategy"/> (x64 with AVX2), <see cref="Vector128Strategy"/>
/// (SSSE3 on x64, AdvSimd on ARM64) and <see cref="ScalarStrategy"/> (every machine; the scalar loop alone).</para>
/// <para>The environment variable <c>ARABICNORM_VECTOR</c> (<c>Avx2</c>, <c>Vector128</c> or <c>Scalar</c>, any case)
/// forces a strategy, for tests and measurements. A forced strategy this machine lacks gives the widest supported one
/// below it; an unknown name is ignored. <see cref="ArabicNormalizer.ActiveImplementation"/> names the outcome.</para>
/// <para>Whatever the strategy, the output is the scalar loop's: the tests run every supported strategy against it.</para>
/// </remarks>
internal abstract class VectorStrategy
{
    /// <summary>The name of the environment variable that forces a strategy.</summary>
    internal const string EnvironmentVariable = "ARABICNORM_VECTOR";

    /// <summary>Gets the scalar strategy.</summary>
    internal static VectorStrategy Scalar => ScalarStrategy.Instance;

    /// <summary>Gets every strategy, widest first; the last (<see cref="Scalar"/>) runs everywhere.</summary>
    internal static IReadOnlyList<VectorStrategy> All { get; } = [Avx2Strategy.Instance, Vector128Strategy.Instance, ScalarStrategy.Instance];

    /// <summary>Gets the strategy of this process: the widest supported one, or the one the environment forces.</summary>
    internal static VectorStrategy Active { get; } = Select(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>Gets the strategy's name, as <see cref="ArabicNormalizer.ActiveImplementation"/> reports it.</summary>
    public abstract string Name { get; }

    /// <summary>Gets whether this machine (and the runtime's configuration) has the instructions the strategy uses.</summary>
    public abstract bool IsSupported { get; }

    /// <summary>Gets whether the strategy runs a vector path at all (<see langword="false"/> for <see cref="Scalar"/>).</summary>
    public abstract bool IsVectorized { get; }

    /// <summary>Chooses the strategy for a forced name: the named one when it is supported, otherwise the widest
    /// supported one after it in <see cref="All"/>; with no known name, the widest supported one.</summary>
    /// <param name="forced">A strategy name, or <see langword="null"/>.</param>
    /// <returns>A supported strategy.</returns>
    internal static VectorStrategy Select(string? forced)
    {
        int first = 0;
        for (int k = 0; k < All.Count; k++)
        {
            if (string.Equals(All[k].Name, forced?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                first = k;
            }
        }

        for (int k = first; k < All.Count; k++)
        {
            if (All[k].IsSupported)
            {
                return All[k];
            }
        }

        return Scalar;
    }

    /// <summary>Translates whole blocks from <paramref name="start"/> while they need no more context than the vector
    /// path handles and the source and destination have a block's room (see <see cref="PlainRunTranslator"/>).</summary>
    /// <param name="tables">The per-options tables; <see cref="PlainRunTables.IsEnabled"/> must be set.</param>
    /// <param name="source">The whole source of the call.</param>
    /// <param name="start">Where to start; the engine has no pending contextual yeh here.</param>
    /// <param name="destination">The whole destination of the call.</param>
    /// <param name="state">The engine state, updated for what was translated.</param>
    /// <param name="stoppedAtCharacter"><see langword="true"/> when the run stopped in front of a character the scalar
    /// loop must take; <see langword="false"/> when it ran out of room.</param>
    /// <returns>The source position after the translated text.</returns>
    internal abstract int Translate(
        NormalizationTables tables,
        ReadOnlySpan<char> source,
        int start,
        Span<char> destination,
        ref EngineState state,
        out bool stoppedAtCharacter);

    /// <summary>Finds the first code unit from <paramref name="start"/> that the rules may change, in whole blocks.</summary>
    /// <param name="tables">The per-options tables; <see cref="PlainRunTables.IsEnabled"/> must be set.</param>
    /// <param name="text">The text.</param>
    /// <param name="start">Where to start.</param>
    /// <returns>The index of a candidate (the caller decides with the scalar rules), or the start of the tail shorter
    /// than a block where no candidate was found.</returns>
    internal abstract int IndexOfCandidate(NormalizationTables tables, ReadOnlySpan<char> text, int start);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>
/// Runs the vector path of one instruction set through <see cref="PlainRunTranslator"/>, with the classifier
/// <typeparamref name="TClassifier"/>: what every vectorized strategy shares, written once.
/// </summary>
/// <typeparam name="TClassifier">The strategy's block classifier, a struct, so that the translator's loops are compiled
/// once per strategy with the classifier inlined.</typeparam>
/// <remarks>A strategy class adds only its name, its support check and its classifier.</remarks>
internal abstract class VectorStrategy<TClassifier> : VectorStrategy
    where TClassifier : struct, IBlockClassifier<TClassifier>
{
    /// <inheritdoc/>
    public sealed override bool IsVectorized => true;

    /// <inheritdoc/>
    [SkipLocalsInit]
    internal sealed override int Translate(
        NormalizationTables tables, ReadOnlySpan<char> source, int start, Span<char> destination, ref EngineState state, out bool stoppedAtCharacter)
    {
        // Built here and passed by reference: the classifier's vectors (hundreds of bytes) are not copied per call.
        TClassifier classifier = TClassifier.Create(tables.PlainRun);
        return PlainRunTranslator.Translate(ref classifier, tables, source, start, destination, ref state, out stoppedAtCharacter);
    }

    /// <inheritdoc/>
    internal sealed override int IndexOfCandidate(NormalizationTables tables, ReadOnlySpan<char> text, int start) =>
        PlainRunTranslator.IndexOfCandidate(TClassifier.Create(tables.PlainRun), text, start);
}
