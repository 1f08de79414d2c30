using System.Buffers;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ArabicNorm.Lucene;

/// <summary>
/// Normalizes the text of each token with an <see cref="ArabicNormalizer"/>, in the token's own term buffer.
/// </summary>
/// <remarks>
/// <para>Use it where the text reaches the chain already cut into tokens (a keyword field, a synonym or n-gram
/// stage, a tokenizer you cannot put a char filter in front of). Where you can, prefer
/// <see cref="ArabicNormCharFilter"/> in front of the tokenizer: the tokenizer then sees the normalized text, so a
/// lam-alef ligature or U+FDFA splits into the words it stands for.</para>
/// <para>Each term is normalized as a whole text, so a term that is already normalized costs one scan and no copy.
/// Otherwise the term is copied once into a scratch buffer the filter keeps, and normalized back into the term buffer,
/// which grows through <see cref="ICharTermAttribute.ResizeBuffer(int)"/> only when the term becomes longer than the
/// buffer. Nothing is allocated per term. Offsets, positions and every other attribute are left as they are, so they
/// keep pointing at the token's source.</para>
/// </remarks>
public sealed class ArabicNormTokenFilter : TokenFilter
{
    private readonly ArabicNormalizer _normalizer;
    private readonly ICharTermAttribute _termAttribute;
    private char[] _scratch = new char[64];

    /// <summary>Initializes a filter that normalizes the terms of <paramref name="input"/> with <paramref name="normalizer"/>.</summary>
    /// <param name="input">The token stream to normalize.</param>
    /// <param name="normalizer">The rules to apply, for example <see cref="ArabicNormalizer.Search"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="normalizer"/> is <see langword="null"/>.</exception>
    public ArabicNormTokenFilter(TokenStream input, ArabicNormalizer normalizer)
        : base(input ?? throw new ArgumentNullException(nameof(input)))
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        _normalizer = normalizer;
        _termAttribute = AddAttribute<ICharTermAttribute>();
    }

    /// <summary>Advances to the next token and normalizes its term.</summary>
    /// <returns><see langword="false"/> at the end of the stream.</returns>
    /// <remarks>A term may become empty (a token made only of tatweel or diacritics under
    /// <see cref="ArabicNormalizer.Search"/>); it is passed on as it is.</remarks>
    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        int length = _termAttribute.Length;
        if (_normalizer.IsNormalized(_termAttribute.Buffer.AsSpan(0, length)))
        {
            return true;
        }

        if (_scratch.Length < length)
        {
            _scratch = new char[Math.Max(length, _scratch.Length * 2)];
        }

        _termAttribute.Buffer.AsSpan(0, length).CopyTo(_scratch);
        ReadOnlySpan<char> rest = _scratch.AsSpan(0, length);
        int written = 0;
        while (true)
        {
            char[] buffer = _termAttribute.Buffer;
            OperationStatus status = _normalizer.Normalize(rest, buffer.AsSpan(written), out int consumed, out int n);
            written += n;
            rest = rest[consumed..];
            if (status == OperationStatus.Done)
            {
                break;
            }

            // DestinationTooSmall: only whole results were written (law L4); grow the term buffer and go on.
            _termAttribute.ResizeBuffer(Math.Max(buffer.Length * 2, written + 32));
        }

        _termAttribute.Length = written;
        return true;
    }
}
