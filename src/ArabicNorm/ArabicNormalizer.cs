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
/// <para>No text makes a method throw: unpaired surrogates, U+FFFF and unassigned code points pass through the
/// rules that do not name them unchanged. Results never depend on culture, OS or globalization mode. The exceptions
/// each method documents are about its arguments, never about the characters of the text: <see langword="null"/>,
/// overlapping buffers, streams that cannot read or write, bytes that are not UTF-8 given to a stream method, a result
/// longer than a string (or a count longer than an <see cref="int"/>) can hold, and cancellation.</para>
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
    /// <exception cref="ArgumentException">The normalized text would be longer than a string can hold (1,073,741,791
    /// characters; it takes a text of over 59 million characters, most of them expanding ligatures such as U+FDFA). The
    /// length is counted first, so this is thrown before the result is allocated; normalize such a text in parts with
    /// the span or stream methods.</exception>
    /// <remarks>Allocates nothing when the text is already normalized, and then returns the same instance. Otherwise
    /// it allocates the result only (and, when the text changes length, one string of the text's length before it):
    /// the clean start of the text is copied once, and the engine writes the rest straight into the result.</remarks>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        int start = RestartScan.Find(_tables, text);
        if (start < 0)
        {
            return text;
        }

        // Fails fast, before allocating, on a result too long for a string; gives the exact length of a long one.
        int exactLength = CheckResultFitsString(text.AsSpan(start), start, nameof(text));
        return EngineDriver.NormalizeToString(_tables, text, start, exactLength);
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
    /// <exception cref="ArgumentException"><paramref name="destination"/> overlaps <paramref name="source"/> (the
    /// exception names <paramref name="destination"/>).</exception>
    /// <remarks>Allocates nothing. Splitting a text into blocks at any points gives the same output as one call.
    /// The output is the first <paramref name="charsWritten"/> characters of <paramref name="destination"/>; the
    /// characters after them may have been overwritten (a held-back tail is written, then given back).</remarks>
    [System.Runtime.CompilerServices.SkipLocalsInit] // the engine it runs writes every field of its own before reading it
    public OperationStatus Normalize(
        ReadOnlySpan<char> source,
        Span<char> destination,
        out int charsConsumed,
        out int charsWritten,
        bool isFinalBlock = true)
    {
        ThrowHelper.ThrowIfOverlapping(source, destination, nameof(destination));
        return Utf16Engine.Run(_tables, source, destination, default, out charsConsumed, out charsWritten, isFinalBlock);
    }

    /// <summary>Tells whether <paramref name="text"/> is already normalized, that is, whether normalizing it would give it back unchanged.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns><see langword="true"/> when <see cref="Normalize(string)"/> would return the same text.</returns>
    /// <remarks>Allocates nothing and writes nothing.</remarks>
    public bool IsNormalized(ReadOnlySpan<char> text) => RestartScan.Find(_tables, text) < 0;

    /// <summary>Computes how many characters normalizing <paramref name="source"/> as a whole text produces.</summary>
    /// <param name="source">The text to measure.</param>
    /// <returns>The exact length of the normalized text.</returns>
    /// <exception cref="OverflowException">The normalized length exceeds <see cref="int.MaxValue"/>.</exception>
    /// <remarks>Allocates nothing: use it to size a destination buffer for
    /// <see cref="Normalize(ReadOnlySpan{char}, Span{char}, out int, out int, bool)"/>.</remarks>
    public int GetNormalizedLength(ReadOnlySpan<char> source) => checked((int)EngineDriver.Count<char, Utf16Codec>(_tables, source));

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
}
