using System.Buffers;

namespace ArabicNorm.Fuzz;

/// <summary>
/// Fuzzes the UTF-16 APIs: <c>Normalize(string)</c>, the span method (one call into an exact and a one-short
/// destination, and chunked), <c>GetNormalizedLength</c> and <c>IsNormalized</c>.
/// </summary>
/// <remarks>Laws: L1 idempotence; L3 one answer for string, span, chunked span and every strategy; L4 a one-short
/// destination gives DestinationTooSmall with a prefix made of whole results and resumes to the identical output; L5
/// nothing throws; L6 a normalized text comes back as the same instance.</remarks>
internal sealed class Utf16SpanTarget : IFuzzTarget
{
    public string Name => "utf16";

    public void Run(ReadOnlySpan<byte> data)
    {
        var input = new FuzzInput(data);
        string text = FuzzInput.DecodeUtf16(input.Payload);
        string? reference = null;
        foreach (Strategy s in Normalizers.For(input.OptionsSelector))
        {
            ArabicNormalizer n = s.Normalizer;
            string result = n.Normalize(text);
            reference ??= result;
            Law.Equal(reference, result, $"L3 Normalize(string) on {s.Name} equals scalar");

            bool normalized = n.IsNormalized(text);
            Law.Holds(normalized == string.Equals(result, text, StringComparison.Ordinal), $"IsNormalized agrees with Normalize ({s.Name})");
            Law.Holds(!normalized || ReferenceEquals(result, text), $"L6 a normalized text is returned as the same instance ({s.Name})");
            Law.Equal(result, n.Normalize(result), $"L1 idempotent ({s.Name})");
            Law.Holds(n.IsNormalized(result), $"L1 the result is normalized ({s.Name})");

            int length = n.GetNormalizedLength(text);
            Law.Holds(length == result.Length, $"GetNormalizedLength equals the result's length ({s.Name})", $"{length} vs {result.Length}");

            // Exactly the right size: Done. One short: DestinationTooSmall, whole results only, and it resumes.
            bool back = input.NextBool();
            OperationStatus status = Drivers.NormalizeOnce(n, text, length, back, out int consumed, out string exact);
            Law.Holds(status == OperationStatus.Done && consumed == text.Length, $"L3 span call with an exact destination is Done ({s.Name})");
            Law.Equal(result, exact, $"L3 span equals string ({s.Name})");
            if (length > 0)
            {
                status = Drivers.NormalizeOnce(n, text, length - 1, !back, out consumed, out string shortOutput);
                Law.Holds(status == OperationStatus.DestinationTooSmall, $"L4 one short is DestinationTooSmall ({s.Name})", status.ToString());
                Law.Holds(result.StartsWith(shortOutput, StringComparison.Ordinal), $"L4 a one-short destination holds a prefix ({s.Name})");
                Law.Equal(result, shortOutput + n.Normalize(text[consumed..]), $"L4 resuming after DestinationTooSmall gives the identical output ({s.Name})");
            }

            Law.Equal(result, Drivers.Utf16Chunked(n, text, ref input, null), $"L3 chunked span equals one call ({s.Name})");
        }
    }
}
