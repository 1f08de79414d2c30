using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArabicNorm.Internal;

/// <summary>
/// Drives the engine over a whole text to <see cref="OperationStatus.Done"/>: the one loop behind the facade's string,
/// length, offsets and report methods, the comparer and the stream pump, with one growth policy.
/// </summary>
/// <remarks>
/// <para>Every caller relies on the same two facts of the engine. Called with <c>isFinalBlock: true</c>, it stops early
/// only with <see cref="OperationStatus.DestinationTooSmall"/>, after whole results, so calling it again on the rest of
/// the source continues to the identical output. And its source indices count from the start of the slice it was
/// given, so a caller that keeps them adds what was consumed before.</para>
/// <para>The growth policy (<see cref="Grow"/>) is the only one: a buffer that filled up doubles, and grows at least by
/// <see cref="MinimumGrowth"/> code units, which holds any single result (U+FDFA gives 18 characters, 33 bytes).</para>
/// </remarks>
internal static class EngineDriver
{
    /// <summary>The least a buffer grows by, and the least room a call needs to make progress: every single result of
    /// the engine (and the entry it may reach back into) fits.</summary>
    internal const int MinimumGrowth = 64;

    /// <summary>The length, in code units, of the scratch buffers whose output is counted or reported and then dropped
    /// (2 KiB of stack for UTF-16): far more than one result needs, few enough calls per text.</summary>
    internal const int ScratchLength = 1024;

    /// <summary>Gets the length a buffer that filled up grows to: the one growth policy of the library.</summary>
    /// <param name="length">The buffer's length now.</param>
    /// <param name="used">How much of it holds output to keep.</param>
    /// <returns>Double the length, and at least <see cref="MinimumGrowth"/> more than is used.</returns>
    /// <exception cref="OverflowException">The length would pass <see cref="int.MaxValue"/>.</exception>
    internal static int Grow(int length, int used) => checked(Math.Max(length * 2, used + MinimumGrowth));

    /// <summary>Gets a first guess at the output length of a source: most rules keep the length, so a little room for
    /// compatibility expansions before <see cref="Grow"/> takes over.</summary>
    /// <param name="sourceLength">The source length.</param>
    /// <returns>The buffer length to start with.</returns>
    internal static int InitialLength(int sourceLength) => sourceLength + Math.Min(sourceLength, MinimumGrowth) + 16;

    /// <summary>Runs the engine once and moves <paramref name="source"/> past what it consumed.</summary>
    /// <typeparam name="TUnit">The code unit.</typeparam>
    /// <typeparam name="TCodec">The codec of the code unit.</typeparam>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="source">The rest of the source; on return, what is left after this call.</param>
    /// <param name="destination">Receives the output; must not overlap the source.</param>
    /// <param name="sourceIndexes">Empty, or as long as <paramref name="destination"/>: receives the source indices,
    /// counted from the start of <paramref name="source"/> as it was.</param>
    /// <param name="consumed">How much of the source the output stands for.</param>
    /// <param name="written">How much was written.</param>
    /// <param name="isFinalBlock">Whether the source ends the text.</param>
    /// <returns>The engine's status.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static OperationStatus Step<TUnit, TCodec>(
        NormalizationTables tables,
        scoped ref ReadOnlySpan<TUnit> source,
        scoped Span<TUnit> destination,
        scoped Span<int> sourceIndexes,
        out int consumed,
        out int written,
        bool isFinalBlock = true)
        where TUnit : unmanaged
        where TCodec : struct, ICodeUnitCodec<TUnit>
    {
        OperationStatus status = NormalizationEngine<TUnit, TCodec>.Run(
            tables, source, destination, sourceIndexes, out consumed, out written, isFinalBlock);
        source = source[consumed..];
        return status;
    }

    /// <summary>Runs <see cref="Step"/> into a fixed buffer whose output the caller takes before the next call.</summary>
    /// <exception cref="InvalidOperationException">The engine made no progress: the buffer is shorter than one result,
    /// which the callers' buffer sizes rule out.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static OperationStatus StepInto<TUnit, TCodec>(
        NormalizationTables tables,
        scoped ref ReadOnlySpan<TUnit> source,
        scoped Span<TUnit> destination,
        scoped Span<int> sourceIndexes,
        out int consumed,
        out int written)
        where TUnit : unmanaged
        where TCodec : struct, ICodeUnitCodec<TUnit>
    {
        OperationStatus status = Step<TUnit, TCodec>(tables, ref source, destination, sourceIndexes, out consumed, out written);
        if (status == OperationStatus.DestinationTooSmall && consumed == 0 && written == 0)
        {
            ThrowHelper.ThrowNoProgress();
        }

        return status;
    }

    /// <summary>Counts the output length of <paramref name="source"/> as a whole text, without allocating.</summary>
    /// <typeparam name="TUnit">The code unit.</typeparam>
    /// <typeparam name="TCodec">The codec of the code unit.</typeparam>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="source">The text; it must be valid in its encoding (UTF-16 always is).</param>
    /// <returns>The number of output code units.</returns>
    internal static long Count<TUnit, TCodec>(NormalizationTables tables, ReadOnlySpan<TUnit> source)
        where TUnit : unmanaged
        where TCodec : struct, ICodeUnitCodec<TUnit>
    {
        Span<TUnit> scratch = stackalloc TUnit[ScratchLength];
        long total = 0;
        OperationStatus status;
        do
        {
            status = StepInto<TUnit, TCodec>(tables, ref source, scratch, default, out _, out int written);
            total += written;
        }
        while (status == OperationStatus.DestinationTooSmall);

        return total;
    }

    /// <summary>Adds the change report of <paramref name="text"/>, normalized as a whole text, to <paramref name="report"/>.</summary>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="text">The text.</param>
    /// <param name="report">The report being collected.</param>
    internal static void Report(NormalizationTables tables, ReadOnlySpan<char> text, ReportAccumulator report)
    {
        char[] output = ArrayPool<char>.Shared.Rent(ScratchLength);
        int[] indexes = ArrayPool<int>.Shared.Rent(output.Length);
        try
        {
            OperationStatus status;
            do
            {
                ReadOnlySpan<char> before = text;
                status = StepInto<char, Utf16Codec>(tables, ref text, output, indexes.AsSpan(0, output.Length), out int consumed, out int written);
                report.Add<char, Utf16Codec>(before[..consumed], output.AsSpan(0, written), indexes.AsSpan(0, written));
            }
            while (status == OperationStatus.DestinationTooSmall);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(output);
            ArrayPool<int>.Shared.Return(indexes);
        }
    }

    /// <summary>Normalizes <paramref name="text"/> as a whole text into pooled buffers that grow as needed, recording
    /// the source index of every output unit, counted from the start of <paramref name="text"/>.</summary>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="text">The text.</param>
    /// <param name="capacity">The output length to start with (the exact length when known).</param>
    /// <returns>The output and its source indices, as new arrays of their exact lengths.</returns>
    internal static (string Text, int[] SourceIndices) NormalizeWithIndexes(NormalizationTables tables, ReadOnlySpan<char> text, int capacity)
    {
        char[] output = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 1));
        int[] indexes = ArrayPool<int>.Shared.Rent(output.Length);
        try
        {
            int length = 0;
            int offset = 0;
            while (true)
            {
                OperationStatus status = Step<char, Utf16Codec>(
                    tables, ref text, output.AsSpan(length), indexes.AsSpan(length, output.Length - length), out int consumed, out int written);
                if (offset != 0)
                {
                    foreach (ref int index in indexes.AsSpan(length, written))
                    {
                        index += offset;
                    }
                }

                length += written;
                offset += consumed;
                if (status != OperationStatus.DestinationTooSmall)
                {
                    return (new string(output, 0, length), indexes.AsSpan(0, length).ToArray());
                }

                int larger = Grow(output.Length, length);
                char[] newOutput = ArrayPool<char>.Shared.Rent(larger);
                int[] newIndexes = ArrayPool<int>.Shared.Rent(newOutput.Length);
                output.AsSpan(0, length).CopyTo(newOutput);
                indexes.AsSpan(0, length).CopyTo(newIndexes);
                ArrayPool<char>.Shared.Return(output);
                ArrayPool<int>.Shared.Return(indexes);
                output = newOutput;
                indexes = newIndexes;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(output);
            ArrayPool<int>.Shared.Return(indexes);
        }
    }

    /// <summary>Normalizes <paramref name="text"/> into a new string: the text before <paramref name="restart"/> is
    /// copied once, and when the rules keep the length, the engine writes the rest straight into the result.</summary>
    /// <param name="tables">The per-options tables.</param>
    /// <param name="text">The text.</param>
    /// <param name="restart">Where normalization starts (<see cref="RestartScan.Find"/>); -1 copies the text as it is.</param>
    /// <param name="exactLength">The result's length when it is already known, or -1.</param>
    /// <returns>The normalized text.</returns>
    /// <remarks>
    /// <para>A string's length is fixed when it is allocated, and only the engine knows the result's length. Counting
    /// it first would run the engine twice, so a probe decides.</para>
    /// <para>A rest of at most <see cref="ProbeLength"/> characters (a query, a title, a word) is normalized whole into
    /// a buffer on the stack and copied once into a string of the exact length: no pooled buffer, no guess.</para>
    /// <para>A longer rest is probed in a pooled buffer sized for the whole rest: up to <see cref="WholeProbeLength"/>
    /// characters the whole rest (so its result is allocated once, at its exact length), beyond that its first
    /// sixteenth (at least <see cref="ProbeLength"/> characters). The probe's output decides:</para>
    /// <list type="bullet">
    /// <item>It kept the probe's length (letters, digits, quotation marks, one-to-one compatibility forms: the common
    /// case of the <c>Default</c> and <c>Persian</c> presets): the result is allocated at the text's length, the prefix
    /// and the probe's output are copied into it, and the engine writes the rest straight into it. Should the rest
    /// change the length after all, the output so far is copied once into a string of the right length (counted first
    /// when the text grew).</item>
    /// <item>It changed the length (deleted diacritics, collapsed spaces, expanded ligatures: the common case of
    /// <c>Search</c>): the rest goes on into the same pooled buffer, which grows by <see cref="Grow"/>, and the result
    /// is copied from it once, as the runtime does for results of unknown length. No guess is allocated and thrown
    /// away.</item>
    /// </list>
    /// <para>With <paramref name="exactLength"/> known (the string-length check counted it), the result is allocated
    /// at that length and written in place.</para>
    /// <para>The strings are written through a span over their characters before anyone else can see them, as
    /// <see cref="string.Create{TState}(int, TState, System.Buffers.SpanAction{char, TState})"/> does.</para>
    /// </remarks>
    internal static string NormalizeToString(NormalizationTables tables, ReadOnlySpan<char> text, int restart, int exactLength)
    {
        if (restart < 0)
        {
            return new string(text);
        }

        ReadOnlySpan<char> prefix = text[..restart];
        ReadOnlySpan<char> rest = text[restart..];
        if (exactLength >= 0)
        {
            return WriteInPlace(tables, prefix, default, rest, exactLength);
        }

        if (rest.Length <= ProbeLength)
        {
            return NormalizeShortToString(tables, prefix, rest);
        }

        // The buffer is sized for the whole rest, so that the buffer path goes on in it without a copy. A short rest is
        // probed whole: writing in place would only save copying a few KiB, while a wrong guess allocates a string of
        // the text's length for nothing, which costs about as much as normalizing it (the allocator zeroes fresh memory).
        bool whole = rest.Length <= WholeProbeLength;
        int window = whole ? rest.Length : Math.Max(ProbeLength, rest.Length / 16);
        char[] buffer = ArrayPool<char>.Shared.Rent(InitialLength(rest.Length));
        try
        {
            NormalizationEngine<char, Utf16Codec>.Run(
                tables, rest[..window], buffer, default, out int consumed, out int written, isFinalBlock: whole);
            rest = rest[consumed..];
            return written == consumed
                ? WriteInPlace(tables, prefix, buffer.AsSpan(0, written), rest, text.Length)
                : WriteThroughBuffer(tables, prefix, ref buffer, written, rest);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // A rest of at most ProbeLength characters (a query, a title, a word): normalized whole on the stack, then copied
    // once into a string of the exact length, with no pooled buffer. An expansion that does not fit the stack goes on
    // in a pooled buffer.
    private static string NormalizeShortToString(NormalizationTables tables, ReadOnlySpan<char> prefix, ReadOnlySpan<char> rest)
    {
        Span<char> probe = stackalloc char[ProbeLength + MinimumGrowth];
        OperationStatus status = NormalizationEngine<char, Utf16Codec>.Run(
            tables, rest, probe, default, out int consumed, out int written, isFinalBlock: true);
        if (status == OperationStatus.Done)
        {
            return Concat(prefix, probe[..written]);
        }

        rest = rest[consumed..];
        char[] buffer = ArrayPool<char>.Shared.Rent(written + InitialLength(rest.Length));
        try
        {
            probe[..written].CopyTo(buffer);
            return WriteThroughBuffer(tables, prefix, ref buffer, written, rest);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The longest rest <see cref="NormalizeToString"/> normalizes on the stack, and the fewest characters from
    /// the restart point it probes for a change of length.</summary>
    internal const int ProbeLength = 256;

    /// <summary>The longest rest <see cref="NormalizeToString"/> probes whole, so that its result is allocated once, at
    /// its exact length.</summary>
    internal const int WholeProbeLength = 16 * 1024;

    // Allocates the result at `length` (exact, or the text's own length), copies the prefix and what the probe wrote,
    // and lets the engine write the rest in place; a length that turns out wrong costs one copy.
    private static string WriteInPlace(
        NormalizationTables tables, ReadOnlySpan<char> prefix, ReadOnlySpan<char> written, ReadOnlySpan<char> rest, int length)
    {
        string result = new('\0', length);
        Span<char> output = Writable(result);
        prefix.CopyTo(output);
        written.CopyTo(output[prefix.Length..]);
        int end = prefix.Length + written.Length;
        if (rest.IsEmpty)
        {
            return end == length ? result : new string(output[..end]);
        }

        OperationStatus status = Step<char, Utf16Codec>(tables, ref rest, output[end..], default, out _, out int more);
        end += more;
        if (status == OperationStatus.Done)
        {
            return end == length ? result : new string(output[..end]);
        }

        // The text grew: the output so far is final (whole results), and the rest, counted on its own, gives the length.
        string larger = new('\0', checked((int)(end + Count<char, Utf16Codec>(tables, rest))));
        Span<char> largerOutput = Writable(larger);
        output[..end].CopyTo(largerOutput);
        status = Step<char, Utf16Codec>(tables, ref rest, largerOutput[end..], default, out _, out more);
        if (status != OperationStatus.Done || end + more != larger.Length)
        {
            ThrowHelper.ThrowNoProgress();
        }

        return larger;
    }

    // Goes on normalizing the rest into the pooled buffer (which holds `length` characters of output), growing it by
    // the one policy, then copies prefix and output into the result once. The caller returns the buffer to the pool.
    private static string WriteThroughBuffer(
        NormalizationTables tables, ReadOnlySpan<char> prefix, ref char[] buffer, int length, ReadOnlySpan<char> rest)
    {
        int room = InitialLength(rest.Length);
        bool grow = buffer.Length - length < room;
        while (!rest.IsEmpty)
        {
            if (grow)
            {
                char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(Grow(buffer.Length, length), checked(length + room)));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(buffer);
                buffer = larger;
            }

            OperationStatus status = Step<char, Utf16Codec>(tables, ref rest, buffer.AsSpan(length), default, out _, out int more);
            length += more;
            if (status != OperationStatus.DestinationTooSmall)
            {
                break;
            }

            // Filled up: grow by the policy alone.
            grow = true;
            room = 0;
        }

        return Concat(prefix, buffer.AsSpan(0, length));
    }

    // The prefix and the output after it, in one new string of their joint length.
    private static string Concat(ReadOnlySpan<char> prefix, ReadOnlySpan<char> output)
    {
        int length = checked(prefix.Length + output.Length);
        if (length == 0)
        {
            return string.Empty;
        }

        string result = new('\0', length);
        Span<char> destination = Writable(result);
        prefix.CopyTo(destination);
        output.CopyTo(destination[prefix.Length..]);
        return result;
    }

    // A fresh string of length > 0 is a new object no one else holds yet: filling it is what string.Create does.
    private static Span<char> Writable(string fresh) =>
        MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(fresh.AsSpan()), fresh.Length);
}
