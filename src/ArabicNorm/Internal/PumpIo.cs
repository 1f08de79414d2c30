namespace ArabicNorm.Internal;

/// <summary>
/// Reads the source and writes the output of a <see cref="BlockPump{TUnit, TCodec}"/>, sync and async: the only part of
/// a stream method that depends on the kind of stream.
/// </summary>
/// <typeparam name="TUnit">The code unit: <see cref="char"/> for a <see cref="TextReader"/>, <see cref="byte"/> for a
/// <see cref="Stream"/>.</typeparam>
/// <remarks>An implementation is a struct, so that the pump's loops are compiled once per kind with its calls
/// inlined. The sync methods take the token too, so that the two loops read the same.</remarks>
internal interface IPumpIo<TUnit>
{
    /// <summary>Reads into <paramref name="buffer"/>.</summary>
    /// <param name="buffer">The room to fill; never empty.</param>
    /// <param name="cancellationToken">Not observed by the sync calls of the underlying objects.</param>
    /// <returns>How many code units were read; 0 at the end of the source.</returns>
    int Read(Memory<TUnit> buffer, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="output"/>.</summary>
    /// <param name="output">The output; never empty.</param>
    /// <param name="cancellationToken">Not observed by the sync calls of the underlying objects.</param>
    void Write(ReadOnlyMemory<TUnit> output, CancellationToken cancellationToken);

    /// <summary>Flushes the output.</summary>
    /// <param name="cancellationToken">Not observed by the sync calls of the underlying objects.</param>
    void Flush(CancellationToken cancellationToken);

    /// <summary>Reads into <paramref name="buffer"/>, asynchronously.</summary>
    /// <param name="buffer">The room to fill; never empty.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>How many code units were read; 0 at the end of the source.</returns>
    ValueTask<int> ReadAsync(Memory<TUnit> buffer, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="output"/>, asynchronously.</summary>
    /// <param name="output">The output; never empty.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the output is written.</returns>
    ValueTask WriteAsync(ReadOnlyMemory<TUnit> output, CancellationToken cancellationToken);

    /// <summary>Flushes the output, asynchronously.</summary>
    /// <param name="cancellationToken">Stops the flush.</param>
    /// <returns>A task that completes when the output is flushed.</returns>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}

/// <summary>Reads a <see cref="TextReader"/> and writes a <see cref="TextWriter"/> for the pump.</summary>
/// <param name="reader">The source.</param>
/// <param name="writer">The destination.</param>
internal readonly struct TextPumpIo(TextReader reader, TextWriter writer) : IPumpIo<char>
{
    /// <inheritdoc/>
    public int Read(Memory<char> buffer, CancellationToken cancellationToken) => reader.Read(buffer.Span);

    /// <inheritdoc/>
    public void Write(ReadOnlyMemory<char> output, CancellationToken cancellationToken) => writer.Write(output.Span);

    /// <inheritdoc/>
    public void Flush(CancellationToken cancellationToken) => writer.Flush();

    /// <inheritdoc/>
    public ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken) => reader.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc/>
    public ValueTask WriteAsync(ReadOnlyMemory<char> output, CancellationToken cancellationToken) =>
        new(writer.WriteAsync(output, cancellationToken));

    /// <inheritdoc/>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => new(writer.FlushAsync(cancellationToken));
}

/// <summary>Reads and writes UTF-8 <see cref="Stream"/>s for the pump.</summary>
/// <param name="source">The source.</param>
/// <param name="destination">The destination.</param>
internal readonly struct StreamPumpIo(Stream source, Stream destination) : IPumpIo<byte>
{
    /// <inheritdoc/>
    public int Read(Memory<byte> buffer, CancellationToken cancellationToken) => source.Read(buffer.Span);

    /// <inheritdoc/>
    public void Write(ReadOnlyMemory<byte> output, CancellationToken cancellationToken) => destination.Write(output.Span);

    /// <inheritdoc/>
    public void Flush(CancellationToken cancellationToken) => destination.Flush();

    /// <inheritdoc/>
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => source.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc/>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> output, CancellationToken cancellationToken) =>
        destination.WriteAsync(output, cancellationToken);

    /// <inheritdoc/>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => new(destination.FlushAsync(cancellationToken));
}
