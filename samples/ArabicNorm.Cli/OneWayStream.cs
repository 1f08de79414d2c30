namespace ArabicNorm.Cli;

/// <summary>
/// A stream that only reads or only writes, and never seeks: the members such a stream does not support, written once
/// for the tool's wrappers around its inputs and outputs.
/// </summary>
internal abstract class OneWayStream : Stream
{
    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) =>
        CanRead ? Read(buffer.AsSpan(offset, count)) : throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (!CanWrite)
        {
            throw new NotSupportedException();
        }

        Write(buffer.AsSpan(offset, count));
    }
}
