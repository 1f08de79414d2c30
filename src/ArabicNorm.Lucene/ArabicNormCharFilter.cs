using System.Buffers;
using System.Globalization;
using Lucene.Net.Analysis.CharFilters;

namespace ArabicNorm.Lucene;

/// <summary>
/// Normalizes the text a Lucene.Net tokenizer reads with an <see cref="ArabicNormalizer"/>, and maps every offset of
/// the normalized text back to the original exactly, so highlights and offsets point at what the user wrote.
/// </summary>
/// <remarks>
/// <para>The filter reads its input in bounded chunks and normalizes each through
/// <see cref="ArabicNormalizer.NormalizeWithOffsets(ReadOnlySpan{char}, Span{char}, Span{int}, out int, out int, bool)"/>,
/// so the text it produces is exactly what <see cref="ArabicNormalizer.Normalize(string)"/> gives for the whole input.
/// Memory is two pooled buffers of a few thousand characters, plus the offset corrections
/// <see cref="BaseCharFilter"/> keeps (one per place where the length changes). The one exception to bounded memory is
/// an entry the normalizer must hold back, such as a letter followed by a long run of tatweel that a hamza mark could
/// still reach: the input buffer grows for it up to <see cref="MaxHeldBackLength"/> characters, and past that the
/// text is cut there as if it ended.</para>
/// <para><c>CorrectOffset</c> is exact. A token starts at the source character its first
/// letter comes from, so tatweel, controls and other deleted characters in front of it stay outside. It ends where the
/// next source character that produced output begins, so the marks, tatweel and controls after its last letter, and
/// a hamza mark that composed into it, are inside (as
/// <see cref="NormalizedText.GetSourceRange(ReadOnlySpan{int}, int, Range)"/> defines it). A token cut from inside an
/// expansion (U+FDFA becomes four words, a lam-alef ligature two letters) gets the expansion's whole source character:
/// its range is never empty and never stops short of the source character of its last letter, also when a word is
/// glued to the expansion without a space.</para>
/// <para><see cref="Read(char[], int, int)"/> returns 0 at the end of the text (the <see cref="TextReader"/>
/// contract) and <see cref="Read()"/> returns -1; both work with any buffer size, one character included. An input
/// that signals its end with a negative count, as some Lucene.Net char filters do, is accepted too.</para>
/// <para>An instance reads one text once and is not thread-safe, like every <see cref="TextReader"/>. Disposing it
/// disposes the input and returns the buffers to the pool.</para>
/// </remarks>
public sealed class ArabicNormCharFilter : BaseCharFilter
{
    /// <summary>The number of characters read from the input at a time.</summary>
    private const int ChunkLength = 4096;

    /// <summary>Gets the most characters the input buffer grows to for a held-back entry before the text is cut there.</summary>
    public const int MaxHeldBackLength = 1024 * 1024;

    // The shortest run of one-to-one characters worth a call of the span API of its own.
    private const int MinFastRun = 16;

    // Kinds of code unit (see Kinds): the span API may take runs of Safe ones, with Space ones never two in a row.
    private const byte Unsafe = 0;
    private const byte Safe = 1;
    private const byte Space = 2;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ArabicNormalizer, byte[]> s_kinds = [];

    private readonly ArabicNormalizer _normalizer;
    private readonly ReadOnlyMemory<byte> _kinds;
    private char[] _source;
    private int _sourceLength;
    private long _sourceBase;

    private char[] _output;
    private int[] _indices;
    private int _outputPosition;
    private int _outputLength;
    private long _outputBase;

    private bool _endOfInput;
    private bool _finished;
    private bool _disposed;

    // The correction in force (source offset minus output offset) and the source character of the last output char.
    private int _lastDiff;
    private long _lastSourceIndex = -1;

    /// <summary>Initializes a char filter that normalizes <paramref name="input"/> with <paramref name="normalizer"/>.</summary>
    /// <param name="input">The text to normalize; read in chunks, from its current position to its end.</param>
    /// <param name="normalizer">The rules to apply, for example <see cref="ArabicNormalizer.Search"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="normalizer"/> is <see langword="null"/>.</exception>
    /// <remarks>Nothing is read until the first call to a read method.</remarks>
    public ArabicNormCharFilter(TextReader input, ArabicNormalizer normalizer)
        : base(input ?? throw new ArgumentNullException(nameof(input)))
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        _normalizer = normalizer;
        _kinds = s_kinds.GetValue(normalizer, Kinds);
        _source = ArrayPool<char>.Shared.Rent(ChunkLength);
        _output = ArrayPool<char>.Shared.Rent(ChunkLength + 64);
        _indices = ArrayPool<int>.Shared.Rent(_output.Length);
    }

    /// <summary>Gets the normalizer this filter applies.</summary>
    public ArabicNormalizer Normalizer => _normalizer;

    /// <summary>Reads normalized characters into <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Receives the characters.</param>
    /// <param name="index">Where in <paramref name="buffer"/> to start writing.</param>
    /// <param name="count">The most characters to read.</param>
    /// <returns>The number of characters read: between 1 and <paramref name="count"/>, or 0 at the end of the text
    /// (or when <paramref name="count"/> is 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> or <paramref name="count"/> is negative,
    /// or they do not describe a range of <paramref name="buffer"/>.</exception>
    /// <exception cref="ObjectDisposedException">The filter is disposed.</exception>
    /// <remarks>Records the offset corrections of every character it returns before returning it.</remarks>
    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - index);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (count == 0)
        {
            return 0;
        }

        if (_outputPosition == _outputLength && !Fill())
        {
            return 0;
        }

        int n = Math.Min(count, _outputLength - _outputPosition);
        _output.AsSpan(_outputPosition, n).CopyTo(buffer.AsSpan(index, n));
        _outputPosition += n;
        return n;
    }

    /// <summary>Reads the next normalized character.</summary>
    /// <returns>The character, or -1 at the end of the text.</returns>
    /// <exception cref="ObjectDisposedException">The filter is disposed.</exception>
    /// <remarks>Records the offset corrections of the character before returning it.</remarks>
    public override int Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_outputPosition == _outputLength && !Fill())
        {
            return -1;
        }

        return _output[_outputPosition++];
    }

    /// <summary>Returns the next normalized character without consuming it.</summary>
    /// <returns>The character, or -1 at the end of the text.</returns>
    /// <exception cref="ObjectDisposedException">The filter is disposed.</exception>
    /// <remarks>May read and normalize the next chunk of the input.</remarks>
    public override int Peek()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_outputPosition == _outputLength && !Fill())
        {
            return -1;
        }

        return _output[_outputPosition];
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _finished = true;
            ArrayPool<char>.Shared.Return(_source);
            ArrayPool<char>.Shared.Return(_output);
            ArrayPool<int>.Shared.Return(_indices);
            _source = [];
            _output = [];
            _indices = [];
            _outputPosition = _outputLength = 0;
        }

        base.Dispose(disposing);
    }

    /// <summary>Normalizes the next piece of the input into the output buffer.</summary>
    /// <returns><see langword="false"/> at the end of the text.</returns>
    private bool Fill()
    {
        _outputBase += _outputLength;
        _outputPosition = _outputLength = 0;
        bool cut = false;
        while (!_finished)
        {
            if (!_endOfInput)
            {
                if (_sourceLength == _source.Length)
                {
                    // The normalizer gave the whole buffer back: it is one entry that is still open.
                    if (_source.Length < MaxHeldBackLength)
                    {
                        char[] larger = ArrayPool<char>.Shared.Rent(Math.Min(_source.Length * 2, MaxHeldBackLength));
                        _source.AsSpan(0, _sourceLength).CopyTo(larger);
                        ArrayPool<char>.Shared.Return(_source);
                        _source = larger;
                    }
                    else
                    {
                        cut = true;
                    }
                }

                if (!cut)
                {
                    int read = m_input.Read(_source, _sourceLength, _source.Length - _sourceLength);
                    if (read <= 0)
                    {
                        _endOfInput = true;
                    }
                    else
                    {
                        _sourceLength += read;
                    }
                }
            }

            bool final = _endOfInput || cut;
            OperationStatus status = Normalize(final, out int consumed, out int written);
            cut = false;
            _source.AsSpan(consumed, _sourceLength - consumed).CopyTo(_source);
            _sourceLength -= consumed;
            _sourceBase += consumed;
            _outputLength = written;

            if (status == OperationStatus.Done && _endOfInput && _sourceLength == 0)
            {
                // The end of the text maps to the end of the source, past any deleted characters there.
                _finished = true;
                AddCorrection(_outputBase + written, _sourceBase);
            }

            if (written > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Normalizes the buffered source into the output buffer: long runs of characters that map one to one
    /// go through the span API (vectorized, no offsets needed: output position k comes from source position k), the
    /// rest through the offsets API.</summary>
    /// <remarks>Each call starts where the previous one stopped, and a call that is not final gives back any entry the
    /// next characters could change, so the pieces give exactly the output of one call.</remarks>
    private OperationStatus Normalize(bool final, out int consumed, out int written)
    {
        ReadOnlySpan<byte> kinds = _kinds.Span;
        ReadOnlySpan<char> source = _source.AsSpan(0, _sourceLength);
        int position = 0;
        int outPosition = 0;
        OperationStatus status = OperationStatus.Done;
        while (position < source.Length)
        {
            int runEnd = SafeRunEnd(source, kinds, position);
            if (runEnd - position >= MinFastRun)
            {
                bool last = final && runEnd == source.Length;
                status = _normalizer.Normalize(
                    source[position..runEnd], _output.AsSpan(outPosition), out int c, out int w, last);
                if (c == w && c > 0)
                {
                    AddCorrection(_outputBase + outPosition, _sourceBase + position);
                    _lastSourceIndex = _sourceBase + position + c - 1;
                    position += c;
                    outPosition += w;
                    if (status == OperationStatus.DestinationTooSmall || (status == OperationStatus.NeedMoreData && last))
                    {
                        break;
                    }

                    continue;
                }

                // Not one to one after all (cannot happen with the kinds table; keeps the result exact): drop it.
            }

            // Up to the next long run of one-to-one characters, or the end.
            int regionEnd = NextFastRun(source, kinds, runEnd > position ? runEnd : position + 1);
            bool regionLast = final && regionEnd == source.Length;
            status = _normalizer.NormalizeWithOffsets(
                source[position..regionEnd], _output.AsSpan(outPosition), _indices.AsSpan(outPosition), out int consumedHere, out int writtenHere, regionLast);
            if (consumedHere == 0 && writtenHere == 0 && status == OperationStatus.NeedMoreData && regionEnd < source.Length)
            {
                // The whole region is one open entry that reaches into what follows: take the rest of the buffer.
                regionEnd = source.Length;
                regionLast = final;
                status = _normalizer.NormalizeWithOffsets(
                    source[position..regionEnd], _output.AsSpan(outPosition), _indices.AsSpan(outPosition), out consumedHere, out writtenHere, regionLast);
            }

            RecordCorrections(outPosition, position, writtenHere);
            position += consumedHere;
            outPosition += writtenHere;
            if (status == OperationStatus.DestinationTooSmall || (status == OperationStatus.NeedMoreData && regionEnd == source.Length))
            {
                break;
            }
        }

        consumed = position;
        written = outPosition;
        return position == source.Length ? OperationStatus.Done : status;
    }

    /// <summary>Finds where the run of one-to-one characters that starts at <paramref name="start"/> ends.</summary>
    private static int SafeRunEnd(ReadOnlySpan<char> source, ReadOnlySpan<byte> kinds, int start)
    {
        int k = start;
        bool previousSpace = false;
        for (; k < source.Length; k++)
        {
            byte kind = kinds[source[k]];
            if (kind == Unsafe || (kind == Space && previousSpace))
            {
                break;
            }

            previousSpace = kind == Space;
        }

        return k;
    }

    /// <summary>Finds the next position at or after <paramref name="from"/> where a long run of one-to-one characters begins.</summary>
    private static int NextFastRun(ReadOnlySpan<char> source, ReadOnlySpan<byte> kinds, int from)
    {
        int k = Math.Min(from, source.Length);
        while (k < source.Length)
        {
            if (kinds[source[k]] == Safe)
            {
                int end = SafeRunEnd(source, kinds, k);
                if (end - k >= MinFastRun)
                {
                    return k;
                }

                k = Math.Max(end, k + 1);
            }
            else
            {
                k++;
            }
        }

        return source.Length;
    }

    /// <summary>Adds the corrections of the <paramref name="written"/> characters the offsets API just wrote at
    /// <paramref name="outputStart"/> from the source at <paramref name="sourceStart"/>.</summary>
    private void RecordCorrections(int outputStart, int sourceStart, int written)
    {
        ReadOnlySpan<char> output = _output.AsSpan(outputStart, written);
        ReadOnlySpan<int> indices = _indices.AsSpan(outputStart, written);
        long outputBase = _outputBase + outputStart;
        long sourceBase = _sourceBase + sourceStart;
        for (int k = 0; k < indices.Length; k++)
        {
            long source = sourceBase + indices[k];
            if (source != _lastSourceIndex)
            {
                _lastSourceIndex = source;
                AddCorrection(outputBase + k, source);
                continue;
            }

            // A position inside the output of one source character (an expansion). A token starts here only at a
            // word character, and then takes the source character from its start; a token that ends here ends
            // before a non-word character, and then takes the whole source character.
            if (IsWordCharacter(output[k]))
            {
                AddCorrection(outputBase + k, source);
            }
            else
            {
                int at = sourceStart + indices[k];
                int sourceLength = at + 1 < _sourceLength && char.IsHighSurrogate(_source[at]) && char.IsLowSurrogate(_source[at + 1]) ? 2 : 1;
                AddCorrection(outputBase + k, source + sourceLength);
            }
        }
    }

    private void AddCorrection(long outputOffset, long sourceOffset)
    {
        int diff = checked((int)(sourceOffset - outputOffset));
        if (diff != _lastDiff)
        {
            AddOffCorrectMap(checked((int)outputOffset), diff);
            _lastDiff = diff;
        }
    }

    /// <summary>Classifies every UTF-16 code unit for <paramref name="normalizer"/>, once per normalizer.</summary>
    /// <remarks>A code unit is Safe when it always gives exactly one code unit of output, from itself, and never reaches
    /// into the output before it: its normalization alone is one character, and it is not a surrogate, a combining mark
    /// (a hamza mark composes with the letter before it; marks may be put in order), nor a character that becomes a
    /// space while spaces collapse (that is Space: safe unless the previous character is one too). A FARSI YEH whose
    /// form depends on the next character is still one character from itself. Everything else is Unsafe.</remarks>
    private static byte[] Kinds(ArabicNormalizer normalizer)
    {
        ArabicNormalizerOptions options = normalizer.GetOptions();
        var kinds = new byte[0x10000];
        Span<char> one = stackalloc char[1];
        Span<char> output = stackalloc char[32];
        for (int c = 0; c < kinds.Length; c++)
        {
            char ch = (char)c;
            if (char.IsSurrogate(ch) || (options.ComposeHamza && IsMark(ch)))
            {
                continue;
            }

            one[0] = ch;
            normalizer.Normalize(one, output, out _, out int written);
            if (written != 1 || char.IsSurrogate(output[0]) || IsMark(output[0]))
            {
                continue;
            }

            kinds[c] = options.CollapseSpaces && output[0] == ' ' ? Space : Safe;
        }

        return kinds;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsWordCharacter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };
}
