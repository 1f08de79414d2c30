using ArabicNorm.Internal;

namespace ArabicNorm;

public sealed partial class ArabicNormalizer
{
    /// <summary>Initializes a normalizer that applies <paramref name="options"/>, with or without the vector path.</summary>
    /// <param name="options">The rules to apply; copied.</param>
    /// <param name="vectorize"><see langword="false"/> to run every call on the scalar loop: the tests' oracle for
    /// <see cref="PlainRunTranslator"/>.</param>
    internal ArabicNormalizer(ArabicNormalizerOptions options, bool vectorize)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tables = new NormalizationTables(new ArabicNormalizerOptions(options), vectorize);
    }
}
