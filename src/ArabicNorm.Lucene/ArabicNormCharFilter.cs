using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
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
/// Memory is pooled buffers of a few thousand characters, plus the offset corrections (one per place where the length
/// changes), kept in pooled arrays too, so analyzing a field allocates only the filter itself. The one exception to bounded memory is
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
/// disposes the input and returns the buffers and corrections to the pool; <c>CorrectOffset</c> then throws, as the
/// read methods do (a tokenizer asks for its last offset in <c>End</c>, before it disposes its input).</para>
/// </remarks>
public sealed class ArabicNormCharFilter : BaseCharFilter
{
    /// <summary>The number of characters read from the input at a time.</summary>
    private const int ChunkLength = 4096;

    /// <summary>Gets the most characters the input buffer grows to for a held-back entry before the text is cut there.</summary>
    public const int MaxHeldBackLength = 1024 * 1024;

    // The corrections the pooled map starts with (it doubles from there).
    private const int InitialCorrections = 256;

    // The shortest run of one-to-one characters worth a call of the span API of its own.
    private const int MinFastRun = 16;

    // Kinds of code unit (see Kinds): the span API may take runs of Safe and expanding ones, with Space ones never two
    // in a row. A kind of FirstExpanding or more is a code unit that becomes (kind - 1) word characters.
    private const byte Unsafe = 0;
    private const byte Safe = 1;
    private const byte Space = 2;
    private const byte FirstExpanding = 3;

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

    // The offset corrections, in output order: from _correctionOffsets[k] on, add _correctionDiffs[k].
    private int[] _correctionOffsets = [];
    private int[] _correctionDiffs = [];
    private int _corrections;
    private int _lastCorrection;

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
        return Read(buffer.AsSpan(index, count));
    }

    /// <summary>Reads normalized characters into <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Receives the characters.</param>
    /// <returns>The number of characters read: between 1 and the length of <paramref name="buffer"/>, or 0 at the end
    /// of the text (or when <paramref name="buffer"/> is empty).</returns>
    /// <exception cref="ObjectDisposedException">The filter is disposed.</exception>
    /// <remarks>Writes only the characters it returns, straight from the filter's buffer (no array is rented), and
    /// records the offset corrections of every character it returns before returning it.</remarks>
    public override int Read(Span<char> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_outputPosition == _outputLength && !Fill())
        {
            return 0;
        }

        int n = Math.Min(buffer.Length, _outputLength - _outputPosition);
        _output.AsSpan(_outputPosition, n).CopyTo(buffer);
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
            if (_correctionOffsets.Length > 0)
            {
                ArrayPool<int>.Shared.Return(_correctionOffsets);
                ArrayPool<int>.Shared.Return(_correctionDiffs);
            }

            _source = [];
            _output = [];
            _indices = [];
            _correctionOffsets = [];
            _correctionDiffs = [];
            _corrections = _lastCorrection = 0;
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
            int runEnd = SafeRunEnd(source, kinds, position, out int firstExpansion, out int extra);
            if (runEnd - position >= MinFastRun)
            {
                bool last = final && runEnd == source.Length;
                status = _normalizer.Normalize(
                    source[position..runEnd], _output.AsSpan(outPosition), out int c, out int w, last);
                bool expands = firstExpansion < position + c;
                if (!expands)
                {
                    extra = 0;
                }
                else if (c < runEnd - position)
                {
                    extra = ExtraLength(source[firstExpansion..(position + c)], kinds);
                }

                if (c > 0 && w == c + extra)
                {
                    AddCorrection(_outputBase + outPosition, _sourceBase + position);
                    if (expands)
                    {
                        int before = firstExpansion - position;
                        RecordExpansions(source[firstExpansion..(position + c)], kinds, outPosition + before, firstExpansion);
                    }

                    _lastSourceIndex = _sourceBase + position + c - 1;
                    position += c;
                    outPosition += w;
                    if (status == OperationStatus.DestinationTooSmall || (status == OperationStatus.NeedMoreData && last))
                    {
                        break;
                    }

                    continue;
                }

                // Not the length the kinds give after all (cannot happen with the kinds table; keeps the result
                // exact): drop it and take the offsets API.
            }

            // Up to the next long run of one-to-one characters, or the end.
            int regionEnd = NextFastRun(source, kinds, runEnd > position ? runEnd : position + 1);
            bool regionLast = final && regionEnd == source.Length;
            status = _normalizer.NormalizeWithOffsets(
                source[position..regionEnd], _output.AsSpan(outPosition), _indices.AsSpan(outPosition), out int consumedHere, out int writtenHere, regionLast);
            while (consumedHere == 0 && writtenHere == 0 && status == OperationStatus.NeedMoreData && regionEnd < source.Length)
            {
                // The whole region is one open entry that reaches into what follows (a letter whose marks continue):
                // widen it step by step, doubling, rather than send the rest of the buffer through the offsets API,
                // which costs many times the span API per character.
                regionEnd = Math.Min(source.Length, regionEnd + Math.Max(MinFastRun, regionEnd - position));
                regionLast = final && regionEnd == source.Length;
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

    /// <summary>Finds where the run of characters whose output the kinds determine, starting at <paramref name="start"/>, ends.</summary>
    /// <param name="source">The buffered source.</param>
    /// <param name="kinds">The kinds of the normalizer (one per UTF-16 code unit).</param>
    /// <param name="start">Where the run starts.</param>
    /// <param name="firstExpansion">Set to the position of the run's first character that becomes several, or to the
    /// run's end when it has none.</param>
    /// <param name="extra">Set to how many characters longer than the run its output is.</param>
    /// <remarks>The hot loop of the filter on text that needs no offsets API: one table load and one compare per
    /// character. The kinds table has an entry for every code unit, so the loads need no bounds check.</remarks>
    private static int SafeRunEnd(ReadOnlySpan<char> source, ReadOnlySpan<byte> kinds, int start, out int firstExpansion, out int extra)
    {
        System.Diagnostics.Debug.Assert(kinds.Length == 0x10000, "One kind per UTF-16 code unit.");
        ref byte kind0 = ref MemoryMarshal.GetReference(kinds);
        firstExpansion = -1;
        extra = 0;
        int k = start;
        bool previousSpace = false;
        for (; k < source.Length; k++)
        {
            byte kind = System.Runtime.CompilerServices.Unsafe.Add(ref kind0, source[k]);
            if (kind == Safe)
            {
                previousSpace = false;
                continue;
            }

            if (kind == Unsafe || (kind == Space && previousSpace))
            {
                break;
            }

            previousSpace = kind == Space;
            if (kind >= FirstExpanding)
            {
                extra += kind - 2;
                if (firstExpansion < 0)
                {
                    firstExpansion = k;
                }
            }
        }

        if (firstExpansion < 0)
        {
            firstExpansion = k;
        }

        return k;
    }

    /// <summary>Computes how many characters longer than itself the output of a run of characters whose output the
    /// kinds determine is.</summary>
    private static int ExtraLength(ReadOnlySpan<char> run, ReadOnlySpan<byte> kinds)
    {
        int extra = 0;
        foreach (char c in run)
        {
            byte kind = kinds[c];
            extra += kind >= FirstExpanding ? kind - 2 : 0;
        }

        return extra;
    }

    /// <summary>Adds the corrections of a run the span API normalized at <paramref name="outputStart"/> from the
    /// source at <paramref name="sourceStart"/>, where some characters became several word characters.</summary>
    /// <remarks>The run starts at its first expansion; the correction in force where it starts (the caller's, at the start
    /// of the whole run) already holds for it.</remarks>
    /// <remarks>The same corrections <see cref="RecordCorrections(int, int, int)"/> makes from the offsets API: every
    /// character of an expansion maps to the start of its source character (a token that starts or ends inside it
    /// gets the whole character), and the next character to its own source.</remarks>
    private void RecordExpansions(ReadOnlySpan<char> run, ReadOnlySpan<byte> kinds, int outputStart, int sourceStart)
    {
        long output = _outputBase + outputStart;
        long source = _sourceBase + sourceStart;
        for (int k = 0; k < run.Length; k++)
        {
            byte kind = kinds[run[k]];
            if (kind < FirstExpanding)
            {
                output++;
                continue;
            }

            for (int j = 1; j < kind - 1; j++)
            {
                AddCorrection(output + j, source + k);
            }

            output += kind - 1;
            AddCorrection(output, source + k + 1);
        }
    }

    /// <summary>Finds the next position at or after <paramref name="from"/> where a long run of one-to-one characters begins.</summary>
    private static int NextFastRun(ReadOnlySpan<char> source, ReadOnlySpan<byte> kinds, int from)
    {
        int k = Math.Min(from, source.Length);
        while (k < source.Length)
        {
            if (kinds[source[k]] is not (Unsafe or Space))
            {
                int end = SafeRunEnd(source, kinds, k, out _, out _);
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

    /// <summary>Records that from output offset <paramref name="off"/> on, the source offset is the output offset plus
    /// <paramref name="cumulativeDiff"/>, until the next correction.</summary>
    /// <param name="off">The output offset; not below the previous one (an equal one replaces it).</param>
    /// <param name="cumulativeDiff">The source offset minus the output offset from <paramref name="off"/> on.</param>
    /// <remarks>The corrections live in two pooled arrays that double when full and go back to the pool on dispose,
    /// instead of <see cref="BaseCharFilter"/>'s own map, which grows by an eighth at a time (allocating about eight
    /// times its final size over a field) and answers every lookup with a binary search.</remarks>
    protected override void AddOffCorrectMap(int off, int cumulativeDiff)
    {
        if (_corrections > 0 && _correctionOffsets[_corrections - 1] >= off)
        {
            // Offsets only grow; a second correction at the same offset replaces the first, as in BaseCharFilter.
            System.Diagnostics.Debug.Assert(_correctionOffsets[_corrections - 1] == off, "Corrections come in output order.");
            _correctionDiffs[_corrections - 1] = cumulativeDiff;
            return;
        }

        if (_corrections == _correctionOffsets.Length)
        {
            _correctionOffsets = Grow(_correctionOffsets, _corrections);
            _correctionDiffs = Grow(_correctionDiffs, _corrections);
        }

        _correctionOffsets[_corrections] = off;
        _correctionDiffs[_corrections] = cumulativeDiff;
        _corrections++;
    }

    /// <summary>Maps an offset of the normalized text to the original text.</summary>
    /// <param name="currentOff">An offset of the text this filter returned.</param>
    /// <returns>The offset in this filter's input.</returns>
    /// <exception cref="ObjectDisposedException">The filter is disposed (its corrections went back to the pool).</exception>
    /// <remarks>Exact, as described on the class. A tokenizer asks for offsets in increasing order, so the lookup
    /// starts from the correction of the previous answer and steps forward; any other order falls back to a binary
    /// search. Either way the answer is the one <see cref="BaseCharFilter"/> would give for the same corrections.</remarks>
    protected override int Correct(int currentOff)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int count = _corrections;
        int[] offsets = _correctionOffsets;
        if (count == 0 || currentOff < offsets[0])
        {
            return currentOff;
        }

        // The last correction at or before currentOff.
        int k = _lastCorrection;
        if (offsets[k] <= currentOff)
        {
            int steps = 0;
            while (k + 1 < count && offsets[k + 1] <= currentOff && steps++ < 8)
            {
                k++;
            }

            if (k + 1 < count && offsets[k + 1] <= currentOff)
            {
                k = LastAtOrBefore(offsets.AsSpan(k + 1, count - k - 1), currentOff) + k + 1;
            }
        }
        else
        {
            k = LastAtOrBefore(offsets.AsSpan(0, k), currentOff);
        }

        _lastCorrection = k;
        return currentOff + _correctionDiffs[k];
    }

    /// <summary>Finds the index of the last of the increasing <paramref name="offsets"/> at or before <paramref name="value"/>,
    /// which the caller knows is at least the first.</summary>
    private static int LastAtOrBefore(ReadOnlySpan<int> offsets, int value)
    {
        int found = offsets.BinarySearch(value);
        return found >= 0 ? found : ~found - 1;
    }

    private static int[] Grow(int[] array, int length)
    {
        int[] larger = ArrayPool<int>.Shared.Rent(Math.Max(InitialCorrections, length * 2));
        array.AsSpan(0, length).CopyTo(larger);
        if (array.Length > 0)
        {
            ArrayPool<int>.Shared.Return(array);
        }

        return larger;
    }

    /// <summary>Classifies every UTF-16 code unit for <paramref name="normalizer"/>, once per normalizer.</summary>
    /// <remarks>A code unit is Safe when it always gives exactly one code unit of output, from itself, and never reaches
    /// into the output before it: its normalization alone is one character, and it is not a surrogate, a combining mark
    /// (a hamza mark composes with the letter before it; marks may be put in order), nor a character that becomes a
    /// space while spaces collapse (that is Space: safe unless the previous character is one too). A FARSI YEH whose
    /// form depends on the next character is still one character from itself. A code unit that becomes two or more word
    /// characters (at most the 32 the classification leaves room for), none of them a mark or a surrogate (a lam-alef ligature: LAM and an ALEF), is expanding, of
    /// kind one more than its length: nothing before or after it reaches into those letters except a mark, which is
    /// Unsafe. Everything else is Unsafe.</remarks>
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
            if (written >= 2 && AreLetters(output[..written]))
            {
                kinds[c] = (byte)(written + 1);
                continue;
            }

            if (written != 1 || char.IsSurrogate(output[0]) || IsMark(output[0]))
            {
                continue;
            }

            kinds[c] = options.CollapseSpaces && output[0] == ' ' ? Space : Safe;
        }

        return kinds;
    }

    private static bool AreLetters(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsSurrogate(c) || IsMark(c) || !IsWordCharacter(c))
            {
                return false;
            }
        }

        return true;
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
