using ArabicNorm.Internal;

namespace ArabicNorm;

public sealed partial class ArabicNormalizer
{
    /// <summary>Initializes a normalizer that applies <paramref name="options"/>, with or without the vector path.</summary>
    /// <param name="options">The rules to apply; copied.</param>
    /// <param name="vectorize"><see langword="false"/> to run every call on the scalar loop: the tests' oracle for
    /// the vector strategies.</param>
    internal ArabicNormalizer(ArabicNormalizerOptions options, bool vectorize)
        : this(options, vectorize ? VectorStrategy.Active : VectorStrategy.Scalar)
    {
    }

    /// <summary>Initializes a normalizer that applies <paramref name="options"/> with one vector strategy.</summary>
    /// <param name="options">The rules to apply; copied.</param>
    /// <param name="strategy">The strategy; one this machine lacks runs the scalar loop.</param>
    internal ArabicNormalizer(ArabicNormalizerOptions options, VectorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tables = new NormalizationTables(new ArabicNormalizerOptions(options), strategy);
    }

    /// <summary>Gets the name of the vector implementation this process runs: <c>"Avx2"</c>, <c>"Vector128"</c> or
    /// <c>"Scalar"</c>.</summary>
    /// <remarks>
    /// <para>Chosen once per process, widest first: <c>"Avx2"</c> on x64 with AVX2; <c>"Vector128"</c> (the portable
    /// strategy) on x64 with SSSE3 but not AVX2 and on ARM64 with AdvSimd; <c>"Scalar"</c> elsewhere and under
    /// <c>DOTNET_EnableHWIntrinsic=0</c>. The environment variable <c>ARABICNORM_VECTOR</c> (one of those names)
    /// forces a narrower strategy; a name this machine lacks gives the widest supported one below it.</para>
    /// <para>Every implementation produces exactly the same output: only speed differs.</para>
    /// </remarks>
    public static string ActiveImplementation => VectorStrategy.Active.Name;
}
