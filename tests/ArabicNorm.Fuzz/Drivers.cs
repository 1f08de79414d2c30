using System.Buffers;
using System.Text;

namespace ArabicNorm.Fuzz;

/// <summary>
/// Runs the span APIs the way a careful caller does (one call into an exact-size buffer, or chunk by chunk into
/// destinations of any size) with every source and destination in guarded memory, checking the L3/L4 contract at each
/// call.
/// </summary>
/// <remarks>
/// <para>At each call: the counts stay inside the buffers; the destination is
/// filled with a sentinel first, so output that came from the destination's old contents would show);
/// <see cref="OperationStatus.NeedMoreData"/> only when more input was announced;
/// <see cref="OperationStatus.InvalidData"/> never for UTF-16; and a call that makes no progress only because the
/// destination is too small makes progress once it has room for the longest single result.</para>
/// </remarks>
internal static class Drivers
{
    private const char Sentinel16 = '\uFDD0'; // a noncharacter no rule produces
    private const byte Sentinel8 = 0xFF; // never in UTF-8
    private const int SentinelIndex = int.MinValue;

    /// <summary>Room for the longest output any single call must be able to make progress with: a combining sequence of
    /// 31 entries (the stream-safe limit), each up to 18 characters, plus a pending space or yeh.</summary>
    private const int ProgressRoom = 31 * 18 * 3 + 64;

    private static readonly GuardedMemory s_source = new();
    private static readonly GuardedMemory s_destination = new();
    private static readonly GuardedMemory s_indices = new();

    /// <summary>Normalizes <paramref name="text"/> in one span call into a guarded destination of exactly
    /// <paramref name="length"/> characters.</summary>
    public static OperationStatus NormalizeOnce(
        ArabicNormalizer normalizer, string text, int length, bool back, out int consumed, out string output)
    {
        ReadOnlySpan<char> source = s_source.PlaceReadOnly(text.AsSpan(), back);
        Span<char> destination = s_destination.Place<char>(length, !back);
        destination.Fill(Sentinel16);
        OperationStatus status = normalizer.Normalize(source, destination, out consumed, out int written);
        CheckCounts(consumed, source.Length, written, destination, "Normalize(span)");
        output = destination[..written].ToString();
        return status;
    }

    /// <summary>Normalizes <paramref name="text"/> chunk by chunk through the span API (with offsets when
    /// <paramref name="indices"/> is given), split points and destination sizes from <paramref name="input"/>.</summary>
    /// <param name="indices">When not null, receives the source index of each output character, counted from the start of the whole text.</param>
    public static string Utf16Chunked(ArabicNormalizer normalizer, string text, ref FuzzInput input, List<int>? indices)
    {
        string api = indices is null ? "Normalize(span, chunked)" : "NormalizeWithOffsets(span, chunked)";
        var output = new StringBuilder(text.Length + 16);
        int position = 0;
        int offered = 0; // how far the last call's source reached
        int boost = 1;
        while (true)
        {
            int end = position + input.NextChunkLength(text.Length - position);
            if (end <= offered && offered > position)
            {
                end = offered + 1; // after NeedMoreData, offer more than before
            }

            end = Math.Min(end, text.Length);
            bool final = end == text.Length;
            bool back = input.NextBool();
            ReadOnlySpan<char> source = s_source.PlaceReadOnly(text.AsSpan(position, end - position), back);
            int length = Math.Max(input.NextDestinationLength(source.Length), 0) * boost;
            Span<char> destination = s_destination.Place<char>(length, !back);
            destination.Fill(Sentinel16);
            OperationStatus status;
            int consumed, written;
            if (indices is null)
            {
                status = normalizer.Normalize(source, destination, out consumed, out written, final);
            }
            else
            {
                Span<int> sourceIndices = s_indices.Place<int>(length + (int)(input.Next() % 3), input.NextBool());
                sourceIndices.Fill(SentinelIndex);
                status = normalizer.NormalizeWithOffsets(source, destination, sourceIndices, out consumed, out written, final);
                for (int i = 0; i < written; i++)
                {
                    Law.Holds(sourceIndices[i] >= 0 && sourceIndices[i] < consumed,
                        "offsets inside the consumed source", $"index {sourceIndices[i]} of {consumed} consumed ({source.Length} offered)");
                    indices.Add(sourceIndices[i] + position);
                }

            }

            CheckCounts(consumed, source.Length, written, destination, api);
            output.Append(destination[..written]);
            offered = end;
            position += consumed;
            switch (status)
            {
                case OperationStatus.Done:
                    Law.Holds(consumed == source.Length, $"{api}: Done consumes the whole source");
                    if (final)
                    {
                        return output.ToString();
                    }

                    boost = 1;
                    break;
                case OperationStatus.DestinationTooSmall:
                    Law.Holds(consumed < source.Length, $"{api}: DestinationTooSmall leaves source");
                    Law.Holds(consumed > 0 || written > 0 || length < ProgressRoom, $"{api}: progress once the destination has room",
                        $"no progress with {length} chars of room");
                    boost = consumed == 0 && written == 0 ? boost * 2 : 1;
                    offered = position; // the same text may be offered again
                    break;
                case OperationStatus.NeedMoreData:
                    Law.Holds(!final, $"{api}: NeedMoreData only when more input was announced");
                    boost = 1;
                    break;
                default:
                    throw new LawViolationException($"{api}: status {status} for UTF-16 input");
            }
        }
    }

    /// <summary>Normalizes <paramref name="bytes"/> in one call into a guarded destination of exactly <paramref name="length"/> bytes.</summary>
    public static OperationStatus Utf8Once(
        ArabicNormalizer normalizer, ReadOnlySpan<byte> bytes, int length, bool back, out int consumed, out byte[] output)
    {
        ReadOnlySpan<byte> source = s_source.PlaceReadOnly(bytes, back);
        Span<byte> destination = s_destination.Place<byte>(length, !back);
        destination.Fill(Sentinel8);
        OperationStatus status = normalizer.NormalizeUtf8(source, destination, out consumed, out int written);
        CheckCounts(consumed, source.Length, written, destination, "NormalizeUtf8(span)");
        output = destination[..written].ToArray();
        return status;
    }

    /// <summary>Normalizes <paramref name="bytes"/> chunk by chunk through the UTF-8 span API.</summary>
    /// <param name="invalidAt">When this method returns, the offset of the first invalid byte, or -1.</param>
    public static byte[] Utf8Chunked(ArabicNormalizer normalizer, ReadOnlySpan<byte> bytes, ref FuzzInput input, out int invalidAt)
    {
        const string Api = "NormalizeUtf8(span, chunked)";
        var output = new ArrayBufferWriter<byte>(bytes.Length + 16);
        int position = 0;
        int offered = 0;
        int boost = 1;
        while (true)
        {
            int end = position + input.NextChunkLength(bytes.Length - position);
            if (end <= offered && offered > position)
            {
                end = offered + 1;
            }

            end = Math.Min(end, bytes.Length);
            bool final = end == bytes.Length;
            bool back = input.NextBool();
            ReadOnlySpan<byte> source = s_source.PlaceReadOnly(bytes[position..end], back);
            int length = input.NextDestinationLength(source.Length) * 2 * boost;
            Span<byte> destination = s_destination.Place<byte>(length, !back);
            destination.Fill(Sentinel8);
            OperationStatus status = normalizer.NormalizeUtf8(source, destination, out int consumed, out int written, final);
            CheckCounts(consumed, source.Length, written, destination, Api);
            output.Write(destination[..written]);
            offered = end;
            position += consumed;
            switch (status)
            {
                case OperationStatus.Done:
                    Law.Holds(consumed == source.Length, $"{Api}: Done consumes the whole source");
                    if (final)
                    {
                        invalidAt = -1;
                        return output.WrittenSpan.ToArray();
                    }

                    boost = 1;
                    break;
                case OperationStatus.DestinationTooSmall:
                    Law.Holds(consumed < source.Length, $"{Api}: DestinationTooSmall leaves source");
                    Law.Holds(consumed > 0 || written > 0 || length < ProgressRoom * 4, $"{Api}: progress once the destination has room");
                    boost = consumed == 0 && written == 0 ? boost * 2 : 1;
                    offered = position;
                    break;
                case OperationStatus.NeedMoreData:
                    Law.Holds(!final, $"{Api}: NeedMoreData only when more input was announced");
                    boost = 1;
                    break;
                case OperationStatus.InvalidData:
                    invalidAt = position;
                    return output.WrittenSpan.ToArray();
            }
        }
    }

    private static void CheckCounts<T>(int consumed, int sourceLength, int written, Span<T> destination, string api)
        where T : unmanaged
    {
        Law.Holds(consumed >= 0 && consumed <= sourceLength, $"{api}: consumed inside the source", $"{consumed} of {sourceLength}");
        Law.Holds(written >= 0 && written <= destination.Length, $"{api}: written inside the destination", $"{written} of {destination.Length}");
    }
}
