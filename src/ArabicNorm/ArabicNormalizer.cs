using System.Buffers;
using ArabicNorm.Internal;
using Utf16Engine = ArabicNorm.Internal.NormalizationEngine<char, ArabicNorm.Internal.Utf16Codec>;

namespace ArabicNorm;

/// <summary>
/// Normalizes Arabic text: one spelling per word for search, deduplication, NLP and analytics.
/// </summary>
/// <remarks>
/// <para>An instance is immutable and thread-safe. It copies its <see cref="ArabicNormalizerOptions"/> and builds its
/// lookup tables once, at construction; build one per configuration and reuse it. The <see cref="Default"/>,
/// <see cref="Search"/> and <see cref="Persian"/> presets are ready-made instances.</para>
/// <para>The span method is the core: it allocates nothing and reports its progress the way
/// <see cref="System.Text.Unicode.Utf8"/> does. The string method is a thin layer over it that returns the caller's
/// own instance when nothing changes. Output can be longer than input: a compatibility ligature such as U+FDFA
/// becomes 18 characters.</para>
/// <para>No input makes a method throw: unpaired surrogates, U+FFFF and unassigned code points pass through the
/// rules that do not name them unchanged. Results never depend on culture, OS or globalization mode.</para>
/// </remarks>
public sealed partial class ArabicNormalizer
{
    private static readonly Lazy<ArabicNormalizer> s_default = new(() => new ArabicNormalizer(new ArabicNormalizerOptions()));
    private static readonly Lazy<ArabicNormalizer> s_search = new(() => new ArabicNormalizer(CreateSearchOptions()));
    private static readonly Lazy<ArabicNormalizer> s_persian = new(() => new ArabicNormalizer(CreatePersianOptions()));

    private readonly NormalizationTables _tables;

    /// <summary>Initializes a normalizer that applies <paramref name="options"/>.</summary>
    /// <param name="options">The rules to apply. They are copied: later changes to the instance have no effect here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum option of <paramref name="options"/> holds a value its enum
    /// does not define; the message names the option and the defined values.</exception>
    public ArabicNormalizer(ArabicNormalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The copy is checked, so a caller changing its instance meanwhile cannot slip an undefined value past the check.
        var copy = new ArabicNormalizerOptions(options);
        copy.ThrowIfInvalid(nameof(options));
        _tables = new NormalizationTables(copy);
    }

    /// <summary>Gets the news-safe preset: the lossless folds (compatibility forms, hamza composition, Persian letters to
    /// Arabic, digits to ASCII, quotes to ASCII, tatweel, invisible controls, ZWNJ, odd spaces), which keep every word
    /// as its writer meant it.</summary>
    public static ArabicNormalizer Default => s_default.Value;

    /// <summary>Gets the index and query folding preset: <see cref="Default"/> plus collapsed spaces, ZWNJ as a space,
    /// no diacritics, and ALEF, ALEF MAKSURA, TEH MARBUTA and punctuation folds.</summary>
    /// <remarks>For text made of the alphabet Lucene's Arabic and Persian normalizers know, the result (with
    /// <see cref="ArabicNormalizerOptions.CollapseSpaces"/> off) equals theirs, applied in that order.</remarks>
    public static ArabicNormalizer Search => s_search.Value;

    /// <summary>Gets the Persian-target preset: compatibility forms, hamza composition, Arabic letters to Persian
    /// (YEH and ALEF MAKSURA to FARSI YEH, KAF to KEHEH), digits to Persian, tatweel, controls and odd spaces; ZWNJ and
    /// quotation marks are kept.</summary>
    public static ArabicNormalizer Persian => s_persian.Value;

    /// <summary>Returns a copy of the options this normalizer applies.</summary>
    /// <returns>A new instance; changing it does not change this normalizer.</returns>
    public ArabicNormalizerOptions GetOptions() => new(_tables.Options);

    /// <summary>Normalizes <paramref name="text"/>.</summary>
    /// <param name="text">The text to normalize.</param>
    /// <returns>The normalized text; <paramref name="text"/> itself when it is already normalized.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>Allocates nothing when the text is already normalized (law L6).</remarks>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        int start = FindRestartPoint(text);
        if (start < 0)
        {
            return text;
        }

        return NormalizeFrom(text, start);
    }

    /// <summary>Normalizes <paramref name="source"/> into <paramref name="destination"/>.</summary>
    /// <param name="source">The text (or the next block of it) to normalize.</param>
    /// <param name="destination">Receives the normalized text. It must not overlap <paramref name="source"/>.</param>
    /// <param name="charsConsumed">When this method returns, how many characters of <paramref name="source"/> the
    /// written output stands for. Call again with the source from this point on.</param>
    /// <param name="charsWritten">When this method returns, how many characters were written to <paramref name="destination"/>.</param>
    /// <param name="isFinalBlock"><see langword="true"/> (the default) when <paramref name="source"/> ends the text;
    /// <see langword="false"/> when more text follows in a later call.</param>
    /// <returns>
    /// <see cref="OperationStatus.Done"/> when the whole source was normalized.
    /// <see cref="OperationStatus.DestinationTooSmall"/> when the destination filled up: only whole results were
    /// written, so calling again with the rest of the source (and more room) continues to the identical output.
    /// <see cref="OperationStatus.NeedMoreData"/> when <paramref name="isFinalBlock"/> is <see langword="false"/> and
    /// the source ends with characters the next block could change (a letter a following hamza mark would compose
    /// with, a contextual FARSI YEH, a run of spaces being collapsed, a high surrogate): they are not consumed; pass them
    /// again at the start of the next block.
    /// <see cref="OperationStatus.InvalidData"/> is never returned: all UTF-16 input is valid here.
    /// </returns>
    /// <exception cref="InvalidOperationException"><paramref name="source"/> and <paramref name="destination"/> overlap.</exception>
    /// <remarks>Allocates nothing. Splitting a text into blocks at any points gives the same output as one call (law L3).</remarks>
    public OperationStatus Normalize(
        ReadOnlySpan<char> source,
        Span<char> destination,
        out int charsConsumed,
        out int charsWritten,
        bool isFinalBlock = true)
    {
        ThrowIfOverlapping(source, destination);
        return Utf16Engine.Run(_tables, source, destination, default, out charsConsumed, out charsWritten, isFinalBlock);
    }

    /// <summary>Tells whether <paramref name="text"/> is already normalized, that is, whether normalizing it would give it back unchanged.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns><see langword="true"/> when <see cref="Normalize(string)"/> would return the same text.</returns>
    /// <remarks>Allocates nothing and writes nothing.</remarks>
    public bool IsNormalized(ReadOnlySpan<char> text) => FindRestartPoint(text) < 0;

    /// <summary>Computes how many characters normalizing <paramref name="source"/> as a whole text produces.</summary>
    /// <param name="source">The text to measure.</param>
    /// <returns>The exact length of the normalized text.</returns>
    /// <exception cref="OverflowException">The normalized length exceeds <see cref="int.MaxValue"/>.</exception>
    /// <remarks>Allocates nothing: use it to size a destination buffer for
    /// <see cref="Normalize(ReadOnlySpan{char}, Span{char}, out int, out int, bool)"/>.</remarks>
    public int GetNormalizedLength(ReadOnlySpan<char> source)
    {
        Span<char> scratch = stackalloc char[512];
        int total = 0;
        while (true)
        {
            OperationStatus status = Utf16Engine.Run(_tables, source, scratch, default, out int consumed, out int written, isFinalBlock: true);
            total = checked(total + written);
            if (status == OperationStatus.Done)
            {
                return total;
            }

            source = source[consumed..];
        }
    }

    /// <summary>Returns a description of the options this normalizer applies.</summary>
    /// <returns>The options as <c>Name=Value</c> pairs.</returns>
    public override string ToString() => $"{nameof(ArabicNormalizer)} {{ {_tables.Options} }}";

    internal static ArabicNormalizerOptions CreateSearchOptions() => new()
    {
        Zwnj = ZwnjHandling.Space,
        CollapseSpaces = true,
        RemoveDiacritics = true,
        FoldAlef = true,
        FoldAlefMaksura = true,
        FoldTehMarbuta = true,
        AsciiPunctuation = true,
    };

    internal static ArabicNormalizerOptions CreatePersianOptions() => new()
    {
        Letters = LetterTarget.Persian,
        Digits = DigitTarget.Persian,
        Quotes = QuoteTarget.Keep,
        Zwnj = ZwnjHandling.Keep,
    };

    private static void ThrowIfOverlapping(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.Overlaps(destination))
        {
            throw new InvalidOperationException(
                "The source and destination buffers overlap. Normalize into a separate buffer: output can be longer than input.");
        }
    }

    /// <summary>Finds where normalization must start for the output to differ from the input.</summary>
    /// <returns>-1 when the text is already normalized; otherwise an index from which the engine, started without
    /// context, produces the rest of the output (everything before it is output unchanged).</returns>
    private int FindRestartPoint(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> map = _tables.Map;
        bool vectorize = _tables.PlainRun.IsEnabled;
        for (int i = 0; i < text.Length; i++)
        {
            if (vectorize && text.Length - i >= PlainRunTranslator.BlockSize)
            {
                // Skip whole blocks that hold no candidate; the candidate found is decided by the rules below.
                i = PlainRunTranslator.IndexOfCandidate(_tables, text, i);
                if (i >= text.Length)
                {
                    break;
                }
            }

            char c = text[i];
            char m = map[c];
            if (m == c)
            {
                continue;
            }

            switch (m)
            {
                case NormalizationTables.HamzaMark:
                    // Kept as is unless it composes with the character before it or diacritics are removed.
                    if (!_tables.RemoveDiacritics && (i == 0 || NormalizationTables.Compose(text[i - 1], c) == '\0'))
                    {
                        continue;
                    }

                    break;
                case NormalizationTables.CollapsibleSpace when c == ' ':
                    if (i == 0 || text[i - 1] != ' ')
                    {
                        continue;
                    }

                    break;
                case NormalizationTables.HighSurrogate:
                    if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        if (_tables.TryGetSupplementaryExpansion(char.ConvertToUtf32(c, text[i + 1]), out _))
                        {
                            return i;
                        }

                        i++;
                    }

                    continue;
                case NormalizationTables.LowSurrogate:
                    continue;
            }

            // Start one character early, so that a composition or a space collapse with it is seen. That character
            // is itself unchanged by the rules, so the engine gives it back as it is.
            if (i == 0)
            {
                return 0;
            }

            return i >= 2 && char.IsLowSurrogate(text[i - 1]) && char.IsHighSurrogate(text[i - 2]) ? i - 2 : i - 1;
        }

        return -1;
    }

    private string NormalizeFrom(string text, int start)
    {
        ReadOnlySpan<char> rest = text.AsSpan(start);

        // Most rules keep the length; leave a little room for compatibility expansions before growing.
        int capacity = start + rest.Length + Math.Min(rest.Length, 64) + 16;
        char[] buffer = ArrayPool<char>.Shared.Rent(capacity);
        try
        {
            text.AsSpan(0, start).CopyTo(buffer);
            int length = start;
            while (true)
            {
                OperationStatus status = Utf16Engine.Run(
                    _tables, rest, buffer.AsSpan(length), default, out int consumed, out int written, isFinalBlock: true);
                length += written;
                rest = rest[consumed..];
                if (status == OperationStatus.Done)
                {
                    return new string(buffer, 0, length);
                }

                // DestinationTooSmall: whole results only were written (law L4), so grow and go on.
                char[] larger = ArrayPool<char>.Shared.Rent(checked(Math.Max(buffer.Length * 2, length + 64)));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(buffer);
                buffer = larger;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
