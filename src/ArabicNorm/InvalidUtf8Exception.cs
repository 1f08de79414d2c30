namespace ArabicNorm;

/// <summary>
/// Represents the error thrown when a UTF-8 stream given to a normalizer holds bytes that are not well-formed UTF-8.
/// </summary>
/// <remarks>
/// <para>The stream methods (<see cref="ArabicNormalizer.NormalizeUtf8(Stream, Stream)"/> and its overloads) check the
/// bytes as they normalize them and never replace or skip any: at the first invalid byte they stop and throw this
/// exception. <see cref="ByteOffset"/> is that byte's offset, counted from the first byte the method read; the
/// normalized text before it has been written, nothing after it.</para>
/// <para>It is a <see cref="FormatException"/>, as the runtime's decoders of a wrongly encoded input are
/// (<see cref="Convert.FromBase64String(string)"/>): the data is malformed, not the call. The span method
/// <see cref="ArabicNormalizer.NormalizeUtf8(ReadOnlySpan{byte}, Span{byte}, out int, out int, bool)"/> reports the
/// same case as <see cref="System.Buffers.OperationStatus.InvalidData"/> instead.</para>
/// </remarks>
public sealed class InvalidUtf8Exception : FormatException
{
    /// <summary>Initializes an exception with a default message and an unknown offset.</summary>
    /// <remarks><see cref="ByteOffset"/> is -1.</remarks>
    public InvalidUtf8Exception()
        : this("The input is not valid UTF-8.", -1)
    {
    }

    /// <summary>Initializes an exception with <paramref name="message"/> and an unknown offset.</summary>
    /// <param name="message">The message.</param>
    /// <remarks><see cref="ByteOffset"/> is -1.</remarks>
    public InvalidUtf8Exception(string? message)
        : this(message, -1)
    {
    }

    /// <summary>Initializes an exception with <paramref name="message"/>, the exception that caused it, and an unknown
    /// offset.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    /// <remarks><see cref="ByteOffset"/> is -1.</remarks>
    public InvalidUtf8Exception(string? message, Exception? innerException)
        : base(message, innerException)
    {
        ByteOffset = -1;
    }

    /// <summary>Initializes an exception with <paramref name="message"/> and the offset of the invalid byte.</summary>
    /// <param name="message">The message.</param>
    /// <param name="byteOffset">The offset of the first invalid byte, or -1 when it is unknown.</param>
    /// <remarks>The offset is not checked: it is stored as given.</remarks>
    public InvalidUtf8Exception(string? message, long byteOffset)
        : base(message)
    {
        ByteOffset = byteOffset;
    }

    /// <summary>Gets the offset of the first invalid byte, counted from the first byte the method read.</summary>
    /// <remarks>-1 when the exception was created without one. A caller that concatenated several inputs into one
    /// stream finds the input and the offset inside it from this value.</remarks>
    public long ByteOffset { get; }
}
