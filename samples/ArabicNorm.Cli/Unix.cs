using System.Runtime.InteropServices;

namespace ArabicNorm.Cli;

/// <summary>The few POSIX calls .NET does not expose: file type, owner and link count (statx), and descriptor flags.</summary>
internal static partial class Unix
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7FF;
    private const int FGetFd = 1;
    private const int FdCloexec = 1;

    /// <summary>What statx says about a path (following symbolic links).</summary>
    public readonly record struct FileStatus(uint Type, uint Mode, uint Links, uint Owner, uint Group)
    {
        public bool IsRegular => Type == 0x8000;

        public bool IsDirectory => Type == 0x4000;
    }

    /// <summary>Returns the status of <paramref name="path"/>, or <see langword="null"/> when it does not exist or the
    /// system cannot tell (not Linux).</summary>
    public static unsafe FileStatus? Stat(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct statx is 256 bytes with the same layout on every Linux architecture.
        byte* buffer = stackalloc byte[256];
        if (StatX(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
        {
            return null;
        }

        uint links = *(uint*)(buffer + 16);
        uint owner = *(uint*)(buffer + 20);
        uint group = *(uint*)(buffer + 24);
        uint mode = *(ushort*)(buffer + 28);
        return new FileStatus(mode & 0xF000, mode & 0xFFF, links, owner, group);
    }

    /// <summary>Gives <paramref name="path"/> the owner and group given; returns whether it worked (only root may).</summary>
    public static bool TryChown(string path, uint owner, uint group) => OperatingSystem.IsLinux() && Chown(path, owner, group) == 0;

    /// <summary>Returns whether standard input (0), output (1) or error (2) was closed when the process started.</summary>
    /// <remarks>The runtime then opens its own pipes first, and they take the lowest free descriptors: reading
    /// descriptor 0 would wait forever, and writing 1 or 2 would feed the runtime's own signal pipe and abort it
    /// (exit 134). Those pipes are close-on-exec, and an inherited standard descriptor never is.</remarks>
    public static bool WasClosed(int descriptor)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }

        int flags = Fcntl(descriptor, FGetFd);
        return flags == -1 || (flags & FdCloexec) != 0;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int StatX(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Chown(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command);
}
