using System.Text;
using ArabicNorm.Tests.Streaming;

namespace ArabicNorm.Fuzz;

/// <summary>Fuzzes the change report: <c>GetChangeReport</c> of a span and of a reader, and the reports of the
/// normalizing reader and UTF-8 stream methods.</summary>
/// <remarks>Laws: every form gives the same report on every strategy, whatever the read sizes; the report counts every
/// character (a lone surrogate once, a pair once); it reports no change exactly when the text is normalized; the
/// normalizing forms also give the text <c>Normalize(string)</c> gives.</remarks>
internal sealed class ReportTarget : IFuzzTarget
{
    private static readonly UTF8Encoding s_strict = new(false, true);

    public string Name => "report";

    public void Run(ReadOnlySpan<byte> data)
    {
        var input = new FuzzInput(data);
        string text = FuzzInput.DecodeUtf16(input.Payload);
        int scalars = 0;
        for (int i = 0; i < text.Length; i++)
        {
            scalars++;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        NormalizationReport? first = null;
        foreach (Strategy s in Normalizers.For(input.OptionsSelector))
        {
            ArabicNormalizer n = s.Normalizer;
            string expected = n.Normalize(text);
            NormalizationReport report = n.GetChangeReport(text);
            first ??= report;
            Law.Holds(report == first.Value, $"the report is the same on every strategy ({s.Name})", $"{report} vs {first}");
            Law.Holds(report.Characters == scalars, $"the report counts every character ({s.Name})", $"{report.Characters} vs {scalars}");
            Law.Holds((report.ChangedCharacters == 0) == string.Equals(expected, text, StringComparison.Ordinal),
                $"the report shows no change exactly when the text is normalized ({s.Name})", report.ToString());
            Law.Holds(report.ChangedCharacters <= report.Characters, $"no more changes than characters ({s.Name})");

            NormalizationReport fromReader = n.GetChangeReport(new ShortReadReader(text, input.NextReadSizes()));
            Law.Holds(fromReader == report, $"GetChangeReport(TextReader) equals GetChangeReport(span) ({s.Name})", $"{fromReader} vs {report}");

            var writer = new StringWriter();
            n.Normalize(new ShortReadReader(text, input.NextReadSizes()), writer, out NormalizationReport fromNormalize);
            Law.Holds(fromNormalize == report, $"Normalize(TextReader, out report) equals GetChangeReport ({s.Name})", $"{fromNormalize} vs {report}");
            Law.Equal(expected, writer.ToString(), $"Normalize(TextReader, out report) text equals Normalize(string) ({s.Name})");

            if (!FuzzInput.IsWellFormed(text))
            {
                continue;
            }

            byte[] bytes = s_strict.GetBytes(text);
            var destination = new MemoryStream();
            n.NormalizeUtf8(new ShortReadStream(bytes, input.NextReadSizes()), destination, out NormalizationReport fromUtf8);
            Law.Holds(fromUtf8 == report, $"NormalizeUtf8(Stream, out report) equals GetChangeReport ({s.Name})", $"{fromUtf8} vs {report}");
            Law.Equal(s_strict.GetBytes(expected), destination.ToArray(), $"NormalizeUtf8(Stream, out report) equals UTF-8 of Normalize ({s.Name})");
        }
    }
}
