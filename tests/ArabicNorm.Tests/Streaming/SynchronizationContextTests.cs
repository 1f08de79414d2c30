namespace ArabicNorm.Tests.Streaming;

// A library never resumes on its caller's SynchronizationContext: every await of the async APIs is
// ConfigureAwait(false), so a UI thread that blocks on the returned task cannot deadlock and the work never queues
// behind the caller's messages. An await captures the context only if the method is still on the caller's thread
// when it reaches an operation that does not complete at once, so each test makes one operation (the read, the write
// or the flush) the first one that does not, and checks that the caller's context received nothing.
public class SynchronizationContextTests
{
    // KEHEH, FARSI YEH, space, ARABIC-INDIC DIGIT ONE: something to change under every preset.
    private const string Text = "\u06A9\u06CC \u0661";

    public static TheoryData<Slow> Operations => new() { Slow.Read, Slow.Write, Slow.Flush };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task NormalizeAsync_CallerSynchronizationContext_NeverPostsToIt(Slow slow)
    {
        var writer = new SlowTextWriter(slow);
        int posts = await PostsWhileStarting(() => ArabicNormalizer.Default.NormalizeAsync(new SlowTextReader(Text, slow), writer));
        Assert.Equal(0, posts);
        Assert.Equal(ArabicNormalizer.Default.Normalize(Text), writer.ToString());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task NormalizeWithReportAsync_CallerSynchronizationContext_NeverPostsToIt(Slow slow)
    {
        var writer = new SlowTextWriter(slow);
        int posts = await PostsWhileStarting(() => ArabicNormalizer.Default.NormalizeWithReportAsync(new SlowTextReader(Text, slow), writer));
        Assert.Equal(0, posts);
        Assert.Equal(ArabicNormalizer.Default.Normalize(Text), writer.ToString());
    }

    [Fact]
    public async Task GetChangeReportAsync_CallerSynchronizationContext_NeverPostsToIt()
    {
        Task<NormalizationReport>? task = null;
        int posts = await PostsWhileStarting(() => task = ArabicNormalizer.Default.GetChangeReportAsync(new SlowTextReader(Text, Slow.Read)));
        Assert.Equal(0, posts);
        Assert.Equal(ArabicNormalizer.Default.GetChangeReport(Text), await task!);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task NormalizeUtf8Async_CallerSynchronizationContext_NeverPostsToIt(Slow slow)
    {
        var destination = new SlowStream([], slow);
        int posts = await PostsWhileStarting(() => ArabicNormalizer.Default.NormalizeUtf8Async(new SlowStream(Utf8(Text), slow), destination));
        Assert.Equal(0, posts);
        Assert.Equal(Utf8(ArabicNormalizer.Default.Normalize(Text)), destination.ToArray());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task NormalizeUtf8WithReportAsync_CallerSynchronizationContext_NeverPostsToIt(Slow slow)
    {
        var destination = new SlowStream([], slow);
        int posts = await PostsWhileStarting(() => ArabicNormalizer.Default.NormalizeUtf8WithReportAsync(new SlowStream(Utf8(Text), slow), destination));
        Assert.Equal(0, posts);
        Assert.Equal(Utf8(ArabicNormalizer.Default.Normalize(Text)), destination.ToArray());
    }

    [Fact]
    public async Task NormalizingTextReaderReadAsync_CallerSynchronizationContext_NeverPostsToIt()
    {
        using var reader = new NormalizingTextReader(new SlowTextReader(Text, Slow.Read), ArabicNormalizer.Default);
        var text = new System.Text.StringBuilder();
        char[] buffer = new char[2];
        int read;
        do
        {
            Task<int>? task = null;
            int posts = await PostsWhileStarting(() => task = reader.ReadAsync(buffer.AsMemory()).AsTask());
            Assert.Equal(0, posts);
            read = await task!;
            text.Append(buffer, 0, read);
        }
        while (read > 0);

        Assert.Equal(ArabicNormalizer.Default.Normalize(Text), text.ToString());
    }

    [Fact]
    public async Task NormalizingStreamReadAsync_CallerSynchronizationContext_NeverPostsToIt()
    {
        await using var stream = new NormalizingStream(new SlowStream(Utf8(Text), Slow.Read), ArabicNormalizer.Default);
        var bytes = new MemoryStream();
        byte[] buffer = new byte[3];
        int read;
        do
        {
            Task<int>? task = null;
            int posts = await PostsWhileStarting(() => task = stream.ReadAsync(buffer.AsMemory()).AsTask());
            Assert.Equal(0, posts);
            read = await task!;
            bytes.Write(buffer, 0, read);
        }
        while (read > 0);

        Assert.Equal(Utf8(ArabicNormalizer.Default.Normalize(Text)), bytes.ToArray());
    }

    [Fact]
    public async Task NormalizingStreamDisposeAsync_CallerSynchronizationContext_NeverPostsToIt()
    {
        var source = new SlowStream(Utf8(Text), Slow.Dispose);
        var stream = new NormalizingStream(source, ArabicNormalizer.Default);
        int posts = await PostsWhileStarting(() => stream.DisposeAsync().AsTask());
        Assert.Equal(0, posts);
        Assert.True(source.DisposedAsync);
    }

    /// <summary>Which operation of the reader, writer or stream completes later rather than at once.</summary>
    public enum Slow
    {
        Read,
        Write,
        Flush,
        Dispose,
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    // Starts the call on a thread whose context counts what is posted to it, then waits for it elsewhere.
    private static async Task<int> PostsWhileStarting(Func<Task> start)
    {
        var context = new CountingContext();
        SynchronizationContext? previous = SynchronizationContext.Current;
        Task task;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            task = start();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        await task.ConfigureAwait(false);
        return context.Posts;
    }

    private sealed class CountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ =>
            {
                SetSynchronizationContext(this);
                try
                {
                    d(state);
                }
                finally
                {
                    SetSynchronizationContext(null);
                }
            });
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            d(state);
        }
    }

    private sealed class SlowTextReader(string text, Slow slow) : TextReader
    {
        private readonly StringReader _inner = new(text);

        public override int Read() => _inner.Read();

        public override int Read(Span<char> buffer) => _inner.Read(buffer);

        public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            if (slow == Slow.Read)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }

            return _inner.Read(buffer.Span);
        }
    }

    private sealed class SlowTextWriter(Slow slow) : StringWriter
    {
        public override async Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            if (slow == Slow.Write)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }

            Write(buffer.Span);
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (slow == Slow.Flush)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private sealed class SlowStream(byte[] content, Slow slow) : MemoryStream
    {
        private readonly MemoryStream _content = new(content);

        public bool DisposedAsync { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (slow == Slow.Read)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }

            return _content.Read(buffer.Span);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (slow == Slow.Write)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }

            Write(buffer.Span);
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (slow == Slow.Flush)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (slow == Slow.Dispose)
            {
                await Task.Delay(1).ConfigureAwait(false);
            }

            DisposedAsync = true;
            await base.DisposeAsync().ConfigureAwait(false);
        }
    }
}
