using System.Diagnostics;

namespace ArabicNorm.Cli;

/// <summary>Draws a one-line progress bar on a terminal, at most ten times a second.</summary>
/// <remarks>Sizes are in MiB (2^20 bytes). <see cref="Clear"/> may come from a signal handler while a read draws, so
/// both take one lock.</remarks>
internal sealed class ProgressBar(long total, TextWriter terminal) : IDisposable
{
    private const int Width = 30;
    private readonly object _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;
    private long _lastDraw = -1000;
    private bool _drawn;
    private bool _cleared;

    public void Add(int bytes)
    {
        _done += bytes;
        long now = _clock.ElapsedMilliseconds;
        if (now - _lastDraw >= 100)
        {
            _lastDraw = now;
            lock (_lock)
            {
                if (!_cleared)
                {
                    Draw();
                }
            }
        }
    }

    /// <summary>Erases the bar for good (later reads draw nothing).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _cleared = true;
            if (_drawn)
            {
                try
                {
                    terminal.Write("\r" + new string(' ', Width + 40) + "\r");
                    terminal.Flush();
                }
                catch (IOException)
                {
                    // The terminal is gone.
                }

                _drawn = false;
            }
        }
    }

    public void Dispose() => Clear();

    private void Draw()
    {
        if (_cleared)
        {
            return;
        }

        double fraction = total == 0 ? 1 : Math.Min(1, (double)_done / total);
        int filled = (int)(fraction * Width);
        terminal.Write(FormattableString.Invariant(
            $"\r[{new string('#', filled)}{new string(' ', Width - filled)}] {fraction * 100,3:0}% {_done / 1048576.0:0.0}/{total / 1048576.0:0.0} MiB"));
        terminal.Flush();
        _drawn = true;
    }
}

/// <summary>Passes reads through and reports how many bytes each returned.</summary>
internal sealed class CountingStream(Stream inner, Action<int> onRead) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        onRead(n);
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
