using System.Text;
using ArabicNorm.Tests.Streaming;

namespace ArabicNorm.Tests.Api;

/// <summary>What <see cref="NormalizingStream"/> and <see cref="NormalizingTextReader"/> promise outside the text
/// itself: the exceptions after disposal name the wrapper, whatever the buffer; a pre-canceled token wins over output
/// that is ready; an empty read never touches the source.</summary>
public class WrapperLifecycleTests
{
    [Fact]
    public void NormalizingStream_Disposed_EveryReadThrowsNamingTheStream_EvenIntoAnEmptyBuffer()
    {
        var stream = new NormalizingStream(new MemoryStream("abc"u8.ToArray()), ArabicNormalizer.Default, leaveOpen: true);
        stream.Dispose();
        string name = typeof(NormalizingStream).FullName!;
        Assert.Equal(name, Assert.Throws<ObjectDisposedException>(() => stream.Read([])).ObjectName);
        Assert.Equal(name, Assert.Throws<ObjectDisposedException>(() => stream.Read(new byte[4])).ObjectName);
        Assert.Equal(name, Assert.Throws<ObjectDisposedException>(() => stream.ReadAsync(Memory<byte>.Empty, TestContext.Current.CancellationToken)).ObjectName);
        Assert.Equal(name, Assert.Throws<ObjectDisposedException>(() => stream.ReadAsync(new byte[4], TestContext.Current.CancellationToken)).ObjectName);
        Assert.Equal(name, Assert.Throws<ObjectDisposedException>(() => stream.Flush()).ObjectName);
    }

    [Fact]
    public async Task NormalizingStream_DisposeAsync_LeftOpen_StillStopsTheStream()
    {
        var source = new MemoryStream("abc"u8.ToArray());
        var stream = new NormalizingStream(source, ArabicNormalizer.Default, leaveOpen: true);
        await stream.DisposeAsync();
        Assert.True(source.CanRead); // left open
        Assert.False(stream.CanRead);
        Assert.Throws<ObjectDisposedException>(() => stream.Read(new byte[4]));
        await stream.DisposeAsync(); // twice is harmless
    }

    [Fact]
    public async Task NormalizingStream_DisposeAsync_DisposesTheSourceOnceAndAsynchronously()
    {
        var source = new DisposalCountingStream();
        var stream = new NormalizingStream(source, ArabicNormalizer.Default);
        await stream.DisposeAsync();
        Assert.Equal(1, source.AsyncDisposals);
        Assert.Equal(0, source.SyncDisposals); // not a second time through Dispose
        await stream.DisposeAsync();
        stream.Dispose();
        Assert.Equal(1, source.AsyncDisposals);
        Assert.Equal(0, source.SyncDisposals);
    }

    [Fact]
    public async Task NormalizingStream_ReadAsync_PreCanceledToken_IsCanceledEvenWithBytesReady()
    {
        await using var stream = new NormalizingStream(new MemoryStream("abcdef"u8.ToArray()), ArabicNormalizer.Default);
        byte[] one = new byte[1];
        Assert.Equal(1, await stream.ReadAsync(one, TestContext.Current.CancellationToken)); // the rest is now ready
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        ValueTask<int> read = stream.ReadAsync(one, canceled.Token);
        Assert.True(read.IsCanceled);
        Assert.Equal((byte)'a', one[0]); // nothing was copied
        Assert.Equal(1, await stream.ReadAsync(one, TestContext.Current.CancellationToken));
        Assert.Equal((byte)'b', one[0]);
    }

    [Fact]
    public async Task NormalizingStream_ReadAsync_EmptyBuffer_CompletesAtOnceWithoutReadingTheSource()
    {
        var source = new CountingStream();
        using var stream = new NormalizingStream(source, ArabicNormalizer.Default);
        ValueTask<int> read = stream.ReadAsync(Memory<byte>.Empty, TestContext.Current.CancellationToken);
        Assert.True(read.IsCompletedSuccessfully);
        Assert.Equal(0, await read);
        Assert.Equal(0, stream.Read([]));
        Assert.Equal(0, source.Reads);
    }

    [Fact]
    public async Task NormalizingStream_CancelDuringARead_TheNextReadOfTheSourceIsNotMade()
    {
        // The source cancels the token while it reads, and returns only the first byte of a two-byte sequence, so
        // the pump needs input again: the token is checked before that second read, which is never made.
        using var cts = new CancellationTokenSource();
        var source = new CancelingStream(cts, [0xD9, 0x8A]); // YEH in UTF-8
        await using var stream = new NormalizingStream(source, ArabicNormalizer.Default);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => _ = await stream.ReadAsync(new byte[8], cts.Token));
        Assert.Equal(1, source.Reads);
    }

    [Fact]
    public void NormalizingStream_InvalidFirstByte_ThrowsAtOffsetZero()
    {
        using var stream = new NormalizingStream(new MemoryStream([0xFF, (byte)'a']), ArabicNormalizer.Default);
        Assert.Equal(0, Assert.Throws<InvalidUtf8Exception>(() => stream.Read(new byte[8])).ByteOffset);
        Assert.Equal(0, Assert.Throws<InvalidUtf8Exception>(() => stream.ReadByte()).ByteOffset); // and again
    }

    [Fact]
    public async Task NormalizingStream_InvalidFirstByte_ReadAsyncThrowsAtOffsetZero()
    {
        await using var stream = new NormalizingStream(new MemoryStream([0xFF, (byte)'a']), ArabicNormalizer.Default);
        InvalidUtf8Exception e = await Assert.ThrowsAsync<InvalidUtf8Exception>(async () => _ = await stream.ReadAsync(new byte[8], TestContext.Current.CancellationToken));
        Assert.Equal(0, e.ByteOffset);
    }

    [Fact]
    public void NormalizingTextReader_Disposed_EveryReadThrowsNamingTheReader_EvenLeftOpenAndIntoAnEmptyBuffer()
    {
        var inner = new StringReader("abc");
        var reader = new NormalizingTextReader(inner, ArabicNormalizer.Default, leaveOpen: true);
        reader.Dispose();
        string name = typeof(NormalizingTextReader).FullName!;
        Assert.Equal(name, Assert.Throws<ObjectDisposedException>(() => reader.Read(Span<char>.Empty)).ObjectName);
        Assert.Equal(name, Assert.Throws<ObjectDisposedException>(() => reader.Read()).ObjectName);
        Assert.Equal(name, Assert.Throws<ObjectDisposedException>(() => reader.Peek()).ObjectName);
        Assert.Equal(name, Assert.Throws<ObjectDisposedException>(() => reader.ReadAsync(Memory<char>.Empty, TestContext.Current.CancellationToken)).ObjectName);
        Assert.Equal(name, Assert.Throws<ObjectDisposedException>(() => reader.ReadAsync(new char[4].AsMemory(), TestContext.Current.CancellationToken)).ObjectName);
        Assert.Equal('a', inner.Read()); // left open, and not read
        reader.Dispose();
    }

    [Fact]
    public async Task NormalizingTextReader_ReadAsync_PreCanceledToken_IsCanceledEvenWithTextReady()
    {
        using var reader = new NormalizingTextReader(new StringReader("abcdef"), ArabicNormalizer.Default);
        char[] one = new char[1];
        Assert.Equal(1, await reader.ReadAsync(one.AsMemory(), TestContext.Current.CancellationToken));
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        ValueTask<int> read = reader.ReadAsync(one.AsMemory(), canceled.Token);
        Assert.True(read.IsCanceled);
        Assert.Equal('a', one[0]);
        Assert.Equal('b', (char)reader.Read());
    }

    [Fact]
    public async Task NormalizingTextReader_ReadAsync_EmptyBuffer_CompletesAtOnceWithoutReadingTheInnerReader()
    {
        var inner = new CountingReader();
        using var reader = new NormalizingTextReader(inner, ArabicNormalizer.Default);
        ValueTask<int> read = reader.ReadAsync(Memory<char>.Empty, TestContext.Current.CancellationToken);
        Assert.True(read.IsCompletedSuccessfully);
        Assert.Equal(0, await read);
        Assert.Equal(0, reader.Read(Span<char>.Empty));
        Assert.Equal(0, inner.Reads);
    }

    [Fact]
    public async Task NormalizingTextReader_CancelDuringARead_TheNextReadIsNotMade()
    {
        // The inner reader cancels the token and returns a space, which a later space could still collapse with: the
        // pump needs input again, and the token is checked before that read.
        using var cts = new CancellationTokenSource();
        var inner = new CancelingReader(cts, " ");
        using var reader = new NormalizingTextReader(inner, new ArabicNormalizer(new ArabicNormalizerOptions { CollapseSpaces = true }));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => _ = await reader.ReadAsync(new char[8].AsMemory(), cts.Token));
        Assert.Equal(1, inner.Reads);
    }

    [Fact]
    public async Task NormalizingTextReader_DisposedWhileAReadWaits_ThatReadThrowsNamingTheReader()
    {
        var inner = new GatedReader("abc");
        var reader = new NormalizingTextReader(inner, ArabicNormalizer.Default, leaveOpen: true);
        ValueTask<int> pending = reader.ReadAsync(new char[8].AsMemory(), TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        reader.Dispose();
        inner.Open();
        ObjectDisposedException e = await Assert.ThrowsAsync<ObjectDisposedException>(async () => await pending);
        Assert.Equal(typeof(NormalizingTextReader).FullName, e.ObjectName);
    }

    [Fact]
    public async Task NormalizingStream_DisposedWhileAReadWaits_ThatReadThrowsNamingTheStream()
    {
        var source = new GatedStream("abc"u8.ToArray());
        var stream = new NormalizingStream(source, ArabicNormalizer.Default, leaveOpen: true);
        ValueTask<int> pending = stream.ReadAsync(new byte[8], TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        await stream.DisposeAsync();
        source.Open();
        ObjectDisposedException e = await Assert.ThrowsAsync<ObjectDisposedException>(async () => await pending);
        Assert.Equal(typeof(NormalizingStream).FullName, e.ObjectName);
    }

    /// <summary>Counts how it is disposed; its DisposeAsync does not go through Dispose.</summary>
    private sealed class DisposalCountingStream : ReadOnlyTestStream
    {
        public int AsyncDisposals { get; private set; }

        public int SyncDisposals { get; private set; }

        public override int Read(Span<byte> buffer) => 0;

        public override ValueTask DisposeAsync()
        {
            AsyncDisposals++;
            return ValueTask.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            SyncDisposals++;
            base.Dispose(disposing);
        }
    }

    /// <summary>Counts its reads; has nothing to give.</summary>
    private sealed class CountingStream : ReadOnlyTestStream
    {
        public int Reads { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            return 0;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return new ValueTask<int>(0);
        }
    }

    /// <summary>Cancels the token at its first read, which returns the first byte; later reads return the rest.</summary>
    private sealed class CancelingStream(CancellationTokenSource cts, byte[] bytes) : ReadOnlyTestStream
    {
        private int _position;

        public int Reads { get; private set; }

        public override int Read(Span<byte> buffer) => throw new NotSupportedException();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            int n = Math.Min(Reads == 1 ? 1 : buffer.Length, bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer.Span);
            _position += n;
            if (Reads == 1)
            {
                cts.Cancel();
            }

            return new ValueTask<int>(n);
        }
    }

    /// <summary>Its first asynchronous read completes only once <see cref="Open"/> is called.</summary>
    private sealed class GatedStream(byte[] bytes) : ReadOnlyTestStream
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _gate.SetResult();

        public override int Read(Span<byte> buffer) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await _gate.Task.ConfigureAwait(false);
            bytes.CopyTo(buffer.Span);
            int n = bytes.Length;
            bytes = [];
            return n;
        }
    }

    private sealed class CountingReader : TextReader
    {
        public int Reads { get; private set; }

        public override int Read(Span<char> buffer)
        {
            Reads++;
            return 0;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return new ValueTask<int>(0);
        }
    }

    private sealed class CancelingReader(CancellationTokenSource cts, string first) : TextReader
    {
        public int Reads { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            if (Reads == 1)
            {
                cts.Cancel();
                first.AsSpan().CopyTo(buffer.Span);
                return new ValueTask<int>(first.Length);
            }

            return new ValueTask<int>(0);
        }
    }

    private sealed class GatedReader(string text) : TextReader
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly StringBuilder _text = new(text);

        public void Open() => _gate.SetResult();

        public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            await _gate.Task.ConfigureAwait(false);
            int n = Math.Min(buffer.Length, _text.Length);
            _text.CopyTo(0, buffer.Span, n);
            _text.Remove(0, n);
            return n;
        }
    }
}
