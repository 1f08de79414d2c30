using System.Runtime.InteropServices;

namespace ArabicNorm.Benchmarks;

/// <summary>Describes where a benchmark's buffers sit relative to cache lines, so that a run's log tells which
/// alignment each process measured.</summary>
public static class BufferAlignment
{
    /// <summary>Gets the byte offset of the first char of <paramref name="text"/> within its 64-byte cache line.</summary>
    public static int OffsetInLine(string text) => Offset(text);

    /// <summary>Gets the byte offset of the first element of <paramref name="array"/> within its 64-byte cache line.</summary>
    public static int OffsetInLine(char[] array) => Offset(array);

    /// <summary>Gets a line for the log: the offsets of the source and the destination in their cache lines, and the
    /// distance between them modulo 4 KiB (loads that follow stores 4 KiB apart wait on them).</summary>
    public static string Describe(string source, char[] destination) =>
        $"source at +{OffsetInLine(source)} in its cache line, destination at +{OffsetInLine(destination)}, " +
        $"destination - source = {(Address(destination) - Address(source)) & 4095} mod 4096";

    private static int Offset(object pinned) => (int)(Address(pinned) & 63);

    private static long Address(object pinned)
    {
        // Both buffers live on the large object heap, which does not move them; the handle only reads the address.
        GCHandle handle = GCHandle.Alloc(pinned, GCHandleType.Pinned);
        try
        {
            return handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }
}
