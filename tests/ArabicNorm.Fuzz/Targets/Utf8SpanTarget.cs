using System.Buffers;
using System.Text;

namespace ArabicNorm.Fuzz;

/// <summary>Fuzzes <c>NormalizeUtf8</c> on raw bytes, invalid UTF-8 included.</summary>
/// <remarks>Laws: L5 invalid UTF-8 is reported as InvalidData at the exact offset (the one
/// <see cref="System.Text.Unicode.Utf8.ToUtf16(ReadOnlySpan{byte}, Span{char}, out int, out int, bool, bool)"/> reports,
/// without replacement), with the text before it normalized as if it ended there; L3 the output is the UTF-8 encoding
/// of the UTF-16 result, the same in one call, chunked, and on every strategy; L4 exact and one-short destinations;
/// L1 idempotence.</remarks>
internal sealed class Utf8SpanTarget : IFuzzTarget
{
    private static readonly UTF8Encoding s_strict = new(false, true);

    public string Name => "utf8";

    public void Run(ReadOnlySpan<byte> data)
    {
        var input = new FuzzInput(data);
        ReadOnlySpan<byte> bytes = input.Payload;
        int invalidAt = FirstInvalid(bytes);
        ReadOnlySpan<byte> valid = invalidAt < 0 ? bytes : bytes[..invalidAt];
        string text = s_strict.GetString(valid);
        foreach (Strategy s in Normalizers.For(input.OptionsSelector))
        {
            ArabicNormalizer n = s.Normalizer;
            byte[] expected = s_strict.GetBytes(n.Normalize(text));

            OperationStatus status = Drivers.Utf8Once(n, bytes, expected.Length, input.NextBool(), out int consumed, out byte[] once);
            if (invalidAt < 0)
            {
                Law.Holds(status == OperationStatus.Done && consumed == bytes.Length, $"L3 NormalizeUtf8 with an exact destination is Done ({s.Name})", status.ToString());
            }
            else
            {
                Law.Holds(status == OperationStatus.InvalidData, $"L5 invalid UTF-8 is InvalidData ({s.Name})", status.ToString());
                Law.Holds(consumed == invalidAt, $"L5 InvalidData at the exact offset ({s.Name})", $"{consumed}, expected {invalidAt}");
            }

            Law.Equal(expected, once, $"L3 NormalizeUtf8 equals UTF-8 of Normalize(string) ({s.Name})");

            if (expected.Length > 0)
            {
                status = Drivers.Utf8Once(n, bytes, expected.Length - 1, input.NextBool(), out consumed, out byte[] shortOutput);
                Law.Holds(status == OperationStatus.DestinationTooSmall, $"L4 one short is DestinationTooSmall ({s.Name})", status.ToString());
                Law.Holds(expected.AsSpan().StartsWith(shortOutput), $"L4 a one-short destination holds a prefix ({s.Name})");
                Law.Holds(consumed <= valid.Length, $"L4 whole results only ({s.Name})");
                byte[] rest = s_strict.GetBytes(n.Normalize(s_strict.GetString(valid[consumed..])));
                Law.Equal(expected, [.. shortOutput, .. rest], $"L4 resuming after DestinationTooSmall gives the identical output ({s.Name})");
            }

            byte[] chunked = Drivers.Utf8Chunked(n, bytes, ref input, out int chunkedInvalidAt);
            Law.Holds(chunkedInvalidAt == invalidAt, $"L5 chunked: InvalidData at the exact offset ({s.Name})", $"{chunkedInvalidAt}, expected {invalidAt}");
            Law.Equal(expected, chunked, $"L3 chunked NormalizeUtf8 equals one call ({s.Name})");

            Span<byte> again = new byte[(expected.Length * 2) + 64];
            status = n.NormalizeUtf8(expected, again, out _, out int againWritten);
            Law.Holds(status == OperationStatus.Done, $"L1 NormalizeUtf8 of its output is Done ({s.Name})");
            Law.Equal(expected, again[..againWritten], $"L1 NormalizeUtf8 is idempotent ({s.Name})");
        }
    }

    /// <summary>Returns the offset of the first byte that is not well-formed UTF-8 (a truncated sequence at the end
    /// included), or -1.</summary>
    internal static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        char[] scratch = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            OperationStatus status = System.Text.Unicode.Utf8.ToUtf16(bytes, scratch, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            return status == OperationStatus.Done ? -1 : read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
    }
}
