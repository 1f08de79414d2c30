using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ArabicNorm.Internal;

/// <summary>
/// Throws the misuse exceptions of the public methods: one place for their types and messages, and methods that never
/// return, so that the checks in the hot paths compile to a compare and a call.
/// </summary>
/// <remarks>As the runtime's <c>ThrowHelper</c>: each method is <see cref="DoesNotReturnAttribute"/> and never inlined,
/// and the parameter name passed in is the caller's own, so the exception names what the user wrote.</remarks>
internal static class ThrowHelper
{
    /// <summary>Throws when two buffers overlap in memory.</summary>
    /// <typeparam name="TIn">The element type of <paramref name="input"/>.</typeparam>
    /// <typeparam name="TOut">The element type of <paramref name="output"/>.</typeparam>
    /// <param name="input">The buffer that is read.</param>
    /// <param name="output">The buffer that is written.</param>
    /// <param name="outputName">The name of the caller's parameter for <paramref name="output"/>.</param>
    /// <exception cref="ArgumentException">The buffers share memory.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ThrowIfOverlapping<TIn, TOut>(ReadOnlySpan<TIn> input, Span<TOut> output, string outputName)
        where TIn : struct
        where TOut : struct
    {
        // Overlaps compares addresses only; the element types may differ (chars and their source indices).
        if (!input.IsEmpty && !output.IsEmpty
            && System.Runtime.InteropServices.MemoryMarshal.AsBytes(input).Overlaps(
                System.Runtime.InteropServices.MemoryMarshal.AsBytes((ReadOnlySpan<TOut>)output)))
        {
            ThrowOverlapping(outputName);
        }
    }

    /// <summary>Throws the exception for an output buffer that overlaps an input buffer.</summary>
    /// <param name="paramName">The output parameter's name.</param>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowOverlapping(string paramName) => throw new ArgumentException(
        "The buffer overlaps another buffer of the call. Normalize into a separate buffer: output can be longer than input, " +
        "so normalization cannot run in place.",
        paramName);

    /// <summary>Throws the exception for a source index buffer shorter than the destination.</summary>
    /// <param name="paramName">The index buffer's parameter name.</param>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowIndexBufferTooShort(string paramName) => throw new ArgumentException(
        "The source index buffer must be at least as long as the destination.", paramName);

    /// <summary>Throws the exception for a source index outside the source, or before the index before it.</summary>
    /// <param name="paramName">The index buffer's parameter name.</param>
    /// <param name="position">Where in the buffer the bad index is.</param>
    /// <param name="value">The bad index.</param>
    /// <param name="sourceLength">The length of the source the indices point into.</param>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowBadSourceIndex(string paramName, int position, int value, int sourceLength) => throw new ArgumentException(
        $"The source index {value} at position {position} is not a source index of a text of {sourceLength} characters " +
        "(indices lie in [0, sourceLength) and never decrease, as NormalizeWithOffsets writes them).",
        paramName);

    /// <summary>Throws the exception for a range that does not lie within a buffer.</summary>
    /// <param name="paramName">The range's parameter name.</param>
    /// <param name="range">The range.</param>
    /// <param name="length">The length of the buffer.</param>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowRangeOutOfBounds(string paramName, Range range, int length) => throw new ArgumentOutOfRangeException(
        paramName, range, $"The range {range} does not lie within a normalized text of {length} code units.");

    /// <summary>Throws the exception for a stream that cannot read or write, or is disposed.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="paramName">Its parameter name.</param>
    /// <param name="write"><see langword="true"/> when the stream must write; <see langword="false"/> when it must read.</param>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowUnusableStream(Stream stream, string paramName, bool write)
    {
        // As Stream.CopyTo decides: a stream that can neither read nor write is a disposed one.
        if (!stream.CanRead && !stream.CanWrite)
        {
            throw new ObjectDisposedException(stream.GetType().Name, $"The {paramName} stream is closed.");
        }

        throw new ArgumentException(
            write ? "The destination stream does not support writing." : "The source stream does not support reading.", paramName);
    }

    /// <summary>Throws the exception for a pump used after it was disposed.</summary>
    /// <param name="owner">The disposed object.</param>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowObjectDisposed(object owner) => throw new ObjectDisposedException(owner.GetType().Name);

    /// <summary>Throws the exception for invalid UTF-8 in a stream.</summary>
    /// <param name="byteOffset">The offset of the first invalid byte from the start of the stream's text.</param>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowInvalidUtf8(long byteOffset) => throw new InvalidUtf8Exception(
        $"The input is not valid UTF-8: invalid byte sequence at byte offset {byteOffset}.", byteOffset);

    /// <summary>Throws the exception for an engine that made no progress where one result always fits.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowNoProgress() => throw new InvalidOperationException(
        "Internal error: the normalization engine made no progress with room for any one result.");
}
