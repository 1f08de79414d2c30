namespace ArabicNorm.Fuzz;

/// <summary>A read-only stream over bytes whose reads return as few bytes as the fuzz input says (at least one).</summary>
internal sealed class ShortReadStream(byte[] data, Func<int> nextSize) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, nextSize()), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A reader over a string whose reads return as few characters as the fuzz input says (at least one).</summary>
internal sealed class ShortReadReader(string text, Func<int> nextSize) : TextReader
{
    private int _position;

    public override int Peek() => _position < text.Length ? text[_position] : -1;

    public override int Read() => _position < text.Length ? text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, nextSize()), text.Length - _position);
        text.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));
}

/// <summary>Read sizes from the fuzz input: mostly 1..16, sometimes up to 4 KiB, now and then all that fits.</summary>
internal sealed class ReadSizes(uint seed)
{
    private uint _state = seed | 1;

    public int Next()
    {
        uint x = _state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _state = x;
        return (x % 100) switch
        {
            < 60 => 1 + (int)((x >> 8) % 16),
            < 90 => 1 + (int)((x >> 8) % 4096),
            _ => int.MaxValue,
        };
    }
}
