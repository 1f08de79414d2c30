using System.Text.RegularExpressions;
using Microsoft.Win32.SafeHandles;

namespace ArabicNorm.Cli;

/// <summary>An input, opened before anything is written.</summary>
internal sealed class InputFile(string argument, Stream stream, long length) : IDisposable
{
    /// <summary>Gets the name as messages show it: the path as given, or <c>&lt;stdin&gt;</c>.</summary>
    public string Name { get; } = argument == "-" ? "<stdin>" : argument;

    /// <summary>Gets the argument as given (<c>-</c> for standard input).</summary>
    public string Argument { get; } = argument;

    /// <summary>Gets the open stream; read errors are <see cref="InputException"/>s naming the input.</summary>
    public Stream Stream { get; } = new NamedInputStream(stream, argument == "-" ? "<stdin>" : argument);

    /// <summary>Gets the length in bytes, 0 when it cannot be known (a pipe).</summary>
    public long Length { get; } = length;

    /// <summary>Opens every input, so a missing, unreadable or closed one stops the run before any output.</summary>
    /// <exception cref="InputException">An input cannot be opened.</exception>
    public static List<InputFile> OpenAll(IReadOnlyList<string> arguments)
    {
        var opened = new List<InputFile>(arguments.Count);
        try
        {
            foreach (string argument in arguments)
            {
                opened.Add(Open(argument));
            }

            return opened;
        }
        catch
        {
            foreach (InputFile input in opened)
            {
                input.Dispose();
            }

            throw;
        }
    }

    public void Dispose() => Stream.Dispose();

    private static InputFile Open(string argument)
    {
        if (argument == "-")
        {
            if (Unix.WasClosed(0))
            {
                throw new InputException("<stdin>", "standard input is closed");
            }

            Stream stdin = OperatingSystem.IsWindows()
                ? Console.OpenStandardInput()
                : new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, 1);
            return new InputFile(argument, stdin, 0);
        }

        if (Directory.Exists(argument))
        {
            throw new InputException(argument, "is a directory");
        }

        if (!File.Exists(argument))
        {
            throw new InputException(argument, "no such file");
        }

        try
        {
            var stream = new FileStream(argument, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return new InputFile(argument, stream, stream.CanSeek ? stream.Length : 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(argument, $"cannot open: {e.Message}", e);
        }
    }

    /// <summary>Turns read errors into <see cref="InputException"/>s naming the input.</summary>
    private sealed class NamedInputStream(Stream inner, string name) : OneWayStream
    {
        public override bool CanRead => true;

        public override bool CanWrite => false;

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return inner.Read(buffer);
            }
            catch (IOException e) when (e is not InputException)
            {
                throw new InputException(name, e.Message, e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new InputException(name, e.Message, e);
            }
        }

        public override void Flush()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>
/// Reads several inputs one after the other as one stream, so they are normalized as one text (as
/// <c>cat FILE... | arabicnorm</c> would be), and maps an offset of the whole back to its input.
/// </summary>
internal sealed partial class ConcatenatedStream(IReadOnlyList<InputFile> inputs) : Stream
{
    private readonly long[] _starts = new long[inputs.Count];
    private int _current;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Gets the input being read.</summary>
    public InputFile Current => inputs[Math.Min(_current, inputs.Count - 1)];

    public override int Read(Span<byte> buffer)
    {
        while (_current < inputs.Count)
        {
            int n = inputs[_current].Stream.Read(buffer);
            if (n > 0 || buffer.IsEmpty)
            {
                _position += n;
                return n;
            }

            _current++;
            if (_current < inputs.Count)
            {
                _starts[_current] = _position;
            }
        }

        return 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Rewrites the engine's invalid-UTF-8 message, whose offset counts from the start of the whole, with the
    /// input that holds the byte and the offset inside it.</summary>
    public (string Name, string Message) Locate(InvalidUtf8Exception e)
    {
        long offset = e.ByteOffset;
        Match match = OffsetPattern().Match(e.Message);
        if (!match.Success || offset < 0)
        {
            return (Current.Name, e.Message);
        }

        int index = Math.Min(_current, inputs.Count - 1);
        while (index > 0 && _starts[index] > offset)
        {
            index--;
        }

        string message = e.Message[..match.Groups[1].Index] + (offset - _starts[index]) + e.Message[(match.Groups[1].Index + match.Groups[1].Length)..];
        return (inputs[index].Name, message);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    [GeneratedRegex(@"byte offset (\d+)")]
    private static partial Regex OffsetPattern();
}

/// <summary>Compares what is written with what a second reader of the source holds, without keeping either.</summary>
internal sealed class ComparingStream(Stream original) : Stream
{
    private readonly byte[] _buffer = new byte[1 << 16];

    /// <summary>Gets whether the written bytes differ from the original's so far.</summary>
    public bool Differs { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Returns whether the original had exactly the bytes written, no more.</summary>
    public bool SameAsOriginal() => !Differs && original.Read(_buffer, 0, 1) == 0;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!Differs && !buffer.IsEmpty)
        {
            int n = original.Read(_buffer, 0, Math.Min(buffer.Length, _buffer.Length));
            if (n == 0 || !buffer[..n].SequenceEqual(_buffer.AsSpan(0, n)))
            {
                Differs = true;
                return;
            }

            buffer = buffer[n..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
