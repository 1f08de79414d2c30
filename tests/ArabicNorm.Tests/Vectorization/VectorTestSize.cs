using ArabicNorm.Internal;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>
/// The size of the vector-against-scalar loops: full by default, sampled for mutation runs.
/// </summary>
/// <remarks>
/// <para>With Stryker's mutants compiled in, the vector path runs about 38 times slower, and each mutant of a
/// vector-path file runs these tests (<c>tests/mutation/2026-12-02.md</c>). <c>ARABICNORM_VECTOR_TESTS=reduced</c>
/// samples the loops that repeat the same check many times: alignments, lanes per code unit, random rounds. It keeps
/// every code unit, every lane (each code unit visits two of them, and every lane is visited by 4,096 code units),
/// every option set and every strategy.</para>
/// <para>A reduced test says so: it adds a warning to its result, so a reduced run is never mistaken for a full one.
/// <c>dotnet test</c> and <c>.ci/run</c> never set the variable.</para>
/// </remarks>
internal static class VectorTestSize
{
    /// <summary>The environment variable that selects the reduced size.</summary>
    public const string EnvironmentVariable = "ARABICNORM_VECTOR_TESTS";

    private const int Block = PlainRunTranslator.BlockSize;

    /// <summary>Gets whether the loops are sampled (<c>ARABICNORM_VECTOR_TESTS=reduced</c>).</summary>
    public static bool IsReduced { get; } = Environment.GetEnvironmentVariable(EnvironmentVariable) == "reduced";

    /// <summary>Gets the offsets <c>0..count - 1</c> to try: all of them, or the first two, the middle two and the
    /// last when reduced.</summary>
    /// <param name="count">The number of offsets (an alignment range, usually a block).</param>
    /// <returns>The offsets, ascending.</returns>
    public static int[] Offsets(int count)
    {
        if (!IsReduced)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        Announce($"offsets sampled: 0, 1, {(count / 2) - 1}, {count / 2}, {count - 1} of 0..{count - 1}");
        return new[] { 0, 1, (count / 2) - 1, count / 2, count - 1 }.Where(k => k >= 0 && k < count).Distinct().Order().ToArray();
    }

    /// <summary>Gets the number of random rounds to run: <paramref name="full"/>, or a sixteenth of it (at least 2)
    /// when reduced.</summary>
    /// <param name="full">The rounds of a full run.</param>
    /// <returns>The rounds.</returns>
    public static int Rounds(int full)
    {
        if (!IsReduced)
        {
            return full;
        }

        int rounds = Math.Max(2, full / 16);
        Announce($"{rounds} random rounds of {full}");
        return rounds;
    }

    /// <summary>Gets the step between the lanes a code unit is tried in: 1 (every lane), or half a block when reduced.
    /// Start at <see cref="FirstLane"/>. Like the other samplings, ask once per test, before the loop.</summary>
    /// <returns>The step.</returns>
    public static int LaneStep()
    {
        if (!IsReduced)
        {
            return 1;
        }

        Announce($"each code unit in lanes c % {Block / 2} and c % {Block / 2} + {Block / 2}, not in all {Block}");
        return Block / 2;
    }

    /// <summary>Gets the first lane a code unit is tried in: 0, or <c>c % (Block / 2)</c> when reduced, so that every
    /// lane still meets many code units.</summary>
    /// <param name="c">The code unit.</param>
    /// <returns>The lane.</returns>
    public static int FirstLane(int c) => IsReduced ? c % (Block / 2) : 0;

    // Each test asks once per sampling, before its loops: one warning each.
    private static void Announce(string what) =>
        TestContext.Current.AddWarning($"{EnvironmentVariable}=reduced: {what}. A full run (the default) tries them all.");
}
