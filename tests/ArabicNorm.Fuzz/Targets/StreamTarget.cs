using System.Text;
using ArabicNorm.Tests.Streaming;

namespace ArabicNorm.Fuzz;

/// <summary>Fuzzes the stream and reader APIs, synchronous and asynchronous, with read sizes taken from the input.</summary>
/// <remarks>Laws: L3 the UTF-8 stream output equals the span result and the reader output equals
/// <c>Normalize(string)</c>, whatever the read sizes, on every strategy; L5 invalid UTF-8 raises
/// <see cref="InvalidUtf8Exception"/> naming the exact offset, after writing exactly the normalized text before it.</remarks>
internal sealed class StreamTarget : IFuzzTarget
{
    private static readonly UTF8Encoding s_strict = new(false, true);

    public string Name => "stream";

    public void Run(ReadOnlySpan<byte> data)
    {
        var input = new FuzzInput(data);
        byte[] bytes = input.Payload.ToArray();
        int invalidAt = Utf8SpanTarget.FirstInvalid(bytes);
        string validText = s_strict.GetString(bytes, 0, invalidAt < 0 ? bytes.Length : invalidAt);
        string text = FuzzInput.DecodeUtf16(bytes);
        foreach (Strategy s in Normalizers.For(input.OptionsSelector))
        {
            ArabicNormalizer n = s.Normalizer;
            byte[] expected = s_strict.GetBytes(n.Normalize(validText));
            for (int pass = 0; pass < 2; pass++)
            {
                bool async = pass == 1;
                var source = new ShortReadStream(bytes, input.NextReadSizes());
                var destination = new MemoryStream();
                string api = async ? "NormalizeUtf8Async(Stream)" : "NormalizeUtf8(Stream)";
                try
                {
                    if (async)
                    {
                        n.NormalizeUtf8Async(source, destination).GetAwaiter().GetResult();
                    }
                    else
                    {
                        n.NormalizeUtf8(source, destination);
                    }

                    Law.Holds(invalidAt < 0, $"L5 {api} reports invalid UTF-8 ({s.Name})", $"offset {invalidAt} passed");
                }
                catch (InvalidUtf8Exception e) when (invalidAt >= 0)
                {
                    Law.Holds(e.ByteOffset == invalidAt, $"L5 {api} names the exact offset ({s.Name})", $"{e.ByteOffset}: {e.Message}");
                }

                Law.Equal(expected, destination.ToArray(), $"L3 {api} equals the span result ({s.Name})");

                string expectedText = n.Normalize(text);
                var reader = new ShortReadReader(text, input.NextReadSizes());
                var writer = new StringWriter();
                if (async)
                {
                    n.NormalizeAsync(reader, writer).GetAwaiter().GetResult();
                }
                else
                {
                    n.Normalize(reader, writer);
                }

                Law.Equal(expectedText, writer.ToString(), $"L3 Normalize{(async ? "Async" : string.Empty)}(TextReader) equals Normalize(string) ({s.Name})");
            }
        }
    }
}
