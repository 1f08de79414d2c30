using System.Runtime.InteropServices;

namespace ArabicNorm.Fuzz;

/// <summary>
/// Hands out spans that sit right next to an inaccessible page, so that a read or write one element outside the span
/// faults (SIGSEGV) instead of passing silently.
/// </summary>
/// <remarks>
/// <para>The region is mapped once with <c>mmap</c> as <c>[guard page][usable pages][guard page]</c>, both guard pages
/// <c>PROT_NONE</c>, and reused for every input (it grows when an input needs more). <see cref="Front{T}"/> places a span
/// at the first usable byte, so the page before it is the guard; <see cref="Back{T}"/> places it so that it ends at the
/// last usable byte, so the page after it is the guard. The fuzz targets choose the placement from the input, so both
/// sides of every buffer are probed. <see cref="Seal"/> makes the usable pages read-only, so that a write into a source
/// buffer faults too.</para>
/// <para>The same idea as dotnet/runtime's BoundedMemory, written for Linux (libc) only.</para>
/// </remarks>
internal sealed unsafe partial class GuardedMemory : IDisposable
{
    private const int ProtNone = 0;
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;

    private static readonly nuint s_pageSize = (nuint)Environment.SystemPageSize;

    private byte* _base;
    private nuint _usable;

    /// <summary>Gets whether the usable pages are read-only now.</summary>
    public bool IsSealed { get; private set; }

    /// <summary>Returns a span of <paramref name="length"/> elements whose first element follows the front guard page.</summary>
    public Span<T> Front<T>(int length)
        where T : unmanaged
    {
        Prepare(length * sizeof(T));
        return new Span<T>(_base + s_pageSize, length);
    }

    /// <summary>Returns a span of <paramref name="length"/> elements whose last element precedes the back guard page.</summary>
    public Span<T> Back<T>(int length)
        where T : unmanaged
    {
        Prepare(length * sizeof(T));
        return new Span<T>(_base + s_pageSize + _usable - ((nuint)length * (nuint)sizeof(T)), length);
    }

    /// <summary>Returns a span at the front or the back, as <paramref name="back"/> says.</summary>
    public Span<T> Place<T>(int length, bool back)
        where T : unmanaged => back ? Back<T>(length) : Front<T>(length);

    /// <summary>Copies <paramref name="data"/> into a span placed as <paramref name="back"/> says, then makes it read-only.</summary>
    public ReadOnlySpan<T> PlaceReadOnly<T>(ReadOnlySpan<T> data, bool back)
        where T : unmanaged
    {
        Span<T> span = Place<T>(data.Length, back);
        data.CopyTo(span);
        Seal();
        return span;
    }

    /// <summary>Makes the usable pages read-only until the next <see cref="Front{T}"/> or <see cref="Back{T}"/>.</summary>
    public void Seal()
    {
        if (_base != null && !IsSealed)
        {
            Protect(_base + s_pageSize, _usable, ProtRead);
            IsSealed = true;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_base != null)
        {
            _ = Munmap(_base, _usable + (2 * s_pageSize));
            _base = null;
        }
    }

    private void Prepare(int bytes)
    {
        nuint needed = ((nuint)Math.Max(bytes, 1) + s_pageSize - 1) & ~(s_pageSize - 1);
        if (_base == null || needed > _usable)
        {
            Dispose();
            nuint usable = Math.Max(needed, 16 * s_pageSize);
            void* mapped = Mmap(null, usable + (2 * s_pageSize), ProtNone, MapPrivate | MapAnonymous, -1, 0);
            if (mapped == (void*)-1)
            {
                throw new OutOfMemoryException($"mmap of {usable} bytes failed: errno {Marshal.GetLastPInvokeError()}.");
            }

            _base = (byte*)mapped;
            _usable = usable;
            IsSealed = true; // PROT_NONE now; made writable below.
        }

        if (IsSealed)
        {
            Protect(_base + s_pageSize, _usable, ProtRead | ProtWrite);
            IsSealed = false;
        }
    }

    private static void Protect(void* address, nuint length, int protection)
    {
        if (Mprotect(address, length, protection) != 0)
        {
            throw new InvalidOperationException($"mprotect failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    private static partial int Mprotect(void* address, nuint length, int protection);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Munmap(void* address, nuint length);
}
