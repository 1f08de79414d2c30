using Lucene.Net.Analysis;

namespace ArabicNorm.Lucene;

/// <summary>
/// Puts <see cref="ArabicNormCharFilter"/> in front of an analyzer you already have, so its tokenizer and filters see
/// normalized text while offsets still point at the original.
/// </summary>
/// <remarks>
/// <para>The wrapped analyzer's own char filters, tokenizer and token filters run unchanged on the normalized text;
/// its offset corrections and ours compose, so offsets are those of the original text. Use it to keep a
/// <c>StandardAnalyzer</c>, an <c>ArabicAnalyzer</c> with its stemmer, or a custom chain, and add ArabicNorm's folding.</para>
/// <para>The wrapper reuses token streams per field, as the wrapped analyzer does. It is thread-safe when the wrapped
/// analyzer is.</para>
/// </remarks>
public sealed class ArabicNormAnalyzerWrapper : AnalyzerWrapper
{
    private readonly Analyzer _analyzer;

    /// <summary>Initializes a wrapper that normalizes with <paramref name="normalizer"/> before <paramref name="analyzer"/> runs.</summary>
    /// <param name="analyzer">The analyzer to wrap.</param>
    /// <param name="normalizer">The rules to apply, for example <see cref="ArabicNormalizer.Search"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="analyzer"/> or <paramref name="normalizer"/> is <see langword="null"/>.</exception>
    public ArabicNormAnalyzerWrapper(Analyzer analyzer, ArabicNormalizer normalizer)
        : base((analyzer ?? throw new ArgumentNullException(nameof(analyzer))).Strategy)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        _analyzer = analyzer;
        Normalizer = normalizer;
    }

    /// <summary>Gets the normalizer this wrapper applies.</summary>
    public ArabicNormalizer Normalizer { get; }

    /// <summary>Returns the wrapped analyzer, for every field.</summary>
    /// <param name="fieldName">The field being analyzed.</param>
    /// <returns>The analyzer given to the constructor.</returns>
    protected override Analyzer GetWrappedAnalyzer(string fieldName) => _analyzer;

    /// <summary>Puts <see cref="ArabicNormCharFilter"/> in front of the field's text, before the wrapped analyzer's own char filters.</summary>
    /// <param name="fieldName">The field being analyzed.</param>
    /// <param name="reader">The field's text.</param>
    /// <returns>The char filter reading <paramref name="reader"/>.</returns>
    protected override TextReader WrapReader(string fieldName, TextReader reader) => new ArabicNormCharFilter(reader, Normalizer);
}
