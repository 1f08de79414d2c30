using Microsoft.Win32.SafeHandles;

namespace ArabicNorm.Cli;

/// <summary>An output the tool could not write; the message is reported against <see cref="Name"/>.</summary>
internal sealed class OutputException(string name, string message, Exception? inner = null) : IOException(message, inner)
{
    public string Name { get; } = name;
}

/// <summary>An input the tool could not read; the message is reported against <see cref="Name"/>.</summary>
internal sealed class InputException(string name, string message, Exception? inner = null) : IOException(message, inner)
{
    public string Name { get; } = name;
}

/// <summary>
/// Where normalized text goes: standard output, a device or FIFO written in place, or a file replaced only once the
/// whole text is written.
/// </summary>
/// <remarks>
/// A file is written to a temporary file beside it (a random name, so a repeated PID never collides with what a killed
/// run left) that takes the target's mode and, when permitted, its owner, and is renamed over it. When the target has
/// other hard links, the finished text is copied into it instead, so every link keeps seeing the same file. A symbolic
/// link is followed: its final target is what gets replaced, and the link stays. Anything that is not a regular file
/// (<c>/dev/null</c>, a FIFO, a terminal, a socket) is opened and written as it is, never replaced.
/// </remarks>
internal sealed class OutputTarget
{
    private readonly string? _temporary;
    private readonly string? _target;
    private readonly Unix.FileStatus? _status;
    private readonly UnixFileMode? _mode;

    private OutputTarget(string name, Stream stream, string? temporary = null, string? target = null, Unix.FileStatus? status = null, UnixFileMode? mode = null)
    {
        Name = name;
        Stream = new NamedOutputStream(stream, name);
        _temporary = temporary;
        _target = target;
        _status = status;
        _mode = mode;
    }

    /// <summary>Gets the output's name as messages show it.</summary>
    public string Name { get; }

    /// <summary>Gets the stream to write; its write errors are <see cref="OutputException"/>s naming the output.</summary>
    public Stream Stream { get; }

    /// <summary>Gets whether the text goes to a temporary file first.</summary>
    public bool IsReplacement => _temporary is not null;

    /// <summary>Opens standard output, unbuffered, so that a closed pipe or a full disk is an error, not silence.</summary>
    public static OutputTarget StandardOutput()
    {
        const string name = "<stdout>";
        if (OperatingSystem.IsWindows())
        {
            return new OutputTarget(name, Console.OpenStandardOutput());
        }

        if (Unix.WasClosed(1))
        {
            throw new OutputException(name, "standard output is closed");
        }

        try
        {
            // Console.OpenStandardOutput ignores EPIPE; a FileStream over descriptor 1 reports it.
            return new OutputTarget(name, new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new OutputException(name, $"cannot write: {e.Message}", e);
        }
    }

    /// <summary>Opens <paramref name="path"/> for writing as the type's remarks describe.</summary>
    /// <exception cref="OutputException">The output cannot be created.</exception>
    public static OutputTarget Open(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
            if (new FileInfo(full).LinkTarget is not null)
            {
                full = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new OutputException(path, $"cannot create: {e.Message}", e);
        }

        Unix.FileStatus? status = Unix.Stat(full);
        if (status is { IsDirectory: true } || Directory.Exists(full))
        {
            throw new OutputException(path, "cannot create: is a directory");
        }

        try
        {
            if (status is { IsRegular: false })
            {
                // A device, FIFO or socket: written as it is, as a shell redirection would.
                return new OutputTarget(path, new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1));
            }

            UnixFileMode? mode = null;
            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                mode = File.GetUnixFileMode(full);
            }

            string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Path.GetRandomFileName()}.tmp");
            TemporaryFiles.Add(temporary);
            try
            {
                var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                return new OutputTarget(path, stream, temporary, full, status, mode);
            }
            catch
            {
                TemporaryFiles.Remove(temporary);
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, $"cannot create: {e.Message}", e);
        }
    }

    /// <summary>Flushes the output and, for a file, puts the finished text in place.</summary>
    /// <exception cref="OutputException">The text cannot be written or put in place.</exception>
    public void Commit()
    {
        Stream.Flush();
        Stream.Dispose();
        if (_temporary is null)
        {
            return;
        }

        try
        {
            TemporaryFiles.Commit(_temporary, () =>
            {
                if (_status is { Links: > 1 })
                {
                    // Other names share the inode: write the finished text into it rather than replace it.
                    using (var source = new FileStream(_temporary, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                    using (var target = new FileStream(_target!, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite, 1 << 16))
                    {
                        source.CopyTo(target);
                        target.Flush(flushToDisk: true);
                    }

                    File.Delete(_temporary);
                    return;
                }

                if (_mode is { } mode && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(_temporary, mode);
                }

                if (_status is { } status)
                {
                    Unix.TryChown(_temporary, status.Owner, status.Group);
                }

                File.Move(_temporary, _target!, overwrite: true);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TemporaryFiles.Delete(_temporary);
            throw new OutputException(Name, $"cannot replace: {e.Message}", e);
        }
    }

    /// <summary>Closes the output and, for a file, deletes the temporary file: the target keeps what it had.</summary>
    public void Abort()
    {
        try
        {
            Stream.Dispose();
        }
        catch (IOException)
        {
            // Closing flushes: a write error here changes nothing, the text is thrown away.
        }

        if (_temporary is not null)
        {
            TemporaryFiles.Delete(_temporary);
        }
    }

    /// <summary>Turns write errors into <see cref="OutputException"/>s naming the output.</summary>
    private sealed class NamedOutputStream(Stream inner, string name) : OneWayStream
    {
        public override bool CanRead => false;

        public override bool CanWrite => true;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try
            {
                inner.Write(buffer);
            }
            catch (IOException e) when (e is not OutputException)
            {
                throw new OutputException(name, e.Message, e);
            }
        }

        public override void Flush() => Guard(inner.Flush);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Guard(inner.Dispose);
            }

            base.Dispose(disposing);
        }

        private void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (IOException e) when (e is not OutputException)
            {
                throw new OutputException(name, e.Message, e);
            }
        }
    }
}

/// <summary>
/// The temporary files not yet in place, so that a signal deletes them: SIGINT, SIGTERM, SIGHUP and SIGQUIT never
/// leave half a file behind.
/// </summary>
internal static class TemporaryFiles
{
    private static readonly object s_lock = new();
    private static readonly HashSet<string> s_pending = new(StringComparer.Ordinal);
    private static bool s_aborted;

    public static void Add(string path)
    {
        lock (s_lock)
        {
            s_pending.Add(path);
        }
    }

    public static void Remove(string path)
    {
        lock (s_lock)
        {
            s_pending.Remove(path);
        }
    }

    /// <summary>Puts a temporary file in place, unless a signal came first; a signal waits for it to finish.</summary>
    public static void Commit(string path, Action commit)
    {
        lock (s_lock)
        {
            if (s_aborted)
            {
                throw new OperationCanceledException("interrupted");
            }

            commit();
            s_pending.Remove(path);
        }
    }

    public static void Delete(string path)
    {
        lock (s_lock)
        {
            TryDelete(path);
            s_pending.Remove(path);
        }
    }

    /// <summary>Deletes every temporary file and refuses any later commit: the process is being stopped.</summary>
    public static void AbortAll()
    {
        lock (s_lock)
        {
            s_aborted = true;
            foreach (string path in s_pending)
            {
                TryDelete(path);
            }

            s_pending.Clear();
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the name starts with a dot and ends with .tmp.
        }
    }
}
