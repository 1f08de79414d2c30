namespace ArabicNorm.Fuzz;

/// <summary>Fuzzes <c>NormalizeWithOffsets</c>, the string form and the span form chunk by chunk.</summary>
/// <remarks>Laws: L3 the text equals <c>Normalize(string)</c> on every strategy; the indices, one per output code unit,
/// never decrease, lie inside the source and start a character (never the low half of a pair); <c>GetSourceRange</c> stays inside the source and covers the indices of its range; chunked, the
/// indices are those of one call except inside a collapsed run of spaces (documented), where both point into the run.</remarks>
internal sealed class OffsetsTarget : IFuzzTarget
{
    public string Name => "offsets";

    public void Run(ReadOnlySpan<byte> data)
    {
        var input = new FuzzInput(data);
        string text = FuzzInput.DecodeUtf16(input.Payload);
        foreach (Strategy s in Normalizers.For(input.OptionsSelector))
        {
            ArabicNormalizer n = s.Normalizer;
            string expected = n.Normalize(text);
            NormalizedText result = n.NormalizeWithOffsets(text);
            Law.Equal(expected, result.Text, $"L3 NormalizeWithOffsets(string).Text equals Normalize ({s.Name})");
            Law.Holds(ReferenceEquals(result.Source, text), $"NormalizedText.Source is the source ({s.Name})");
            ReadOnlySpan<int> indices = result.SourceIndices;
            Law.Holds(indices.Length == expected.Length, $"one index per output code unit ({s.Name})");
            CheckIndices(text, indices, s.Name);
            for (int i = 0; i < indices.Length; i++)
            {
            }

            if (expected.Length > 0)
            {
                int a = (int)(input.Next() % (uint)(expected.Length + 1));
                int b = (int)(input.Next() % (uint)(expected.Length + 1));
                (a, b) = a <= b ? (a, b) : (b, a);
                (int start, int length) = result.GetSourceRange(a..b).GetOffsetAndLength(text.Length);
                Law.Holds(start >= 0 && start + length <= text.Length, $"GetSourceRange inside the source ({s.Name})");
                for (int i = a; i < b; i++)
                {
                    Law.Holds(indices[i] >= start && indices[i] < start + length, $"GetSourceRange covers its indices ({s.Name})", $"{a}..{b} -> {start}+{length}, index {indices[i]}");
                }
            }

            var chunkedIndices = new List<int>(expected.Length);
            string chunked = Drivers.Utf16Chunked(n, text, ref input, chunkedIndices);
            Law.Equal(expected, chunked, $"L3 chunked NormalizeWithOffsets equals Normalize ({s.Name})");
            CheckIndices(text, chunkedIndices.ToArray(), s.Name + ", chunked");
            for (int i = 0; i < chunkedIndices.Count; i++)
            {
                if (chunkedIndices[i] != indices[i])
                {
                    int lo = Math.Min(chunkedIndices[i], indices[i]);
                    int hi = Math.Max(chunkedIndices[i], indices[i]);
                    string run = n.Normalize(text[lo..(hi + 1)]);
                    Law.Holds(expected[i] == ' ' && run.Length > 0 && run.AsSpan().IndexOfAnyExcept(' ') < 0,
                        $"chunked indices equal one call's except inside a collapsed run of spaces ({s.Name})",
                        $"output {i}: {chunkedIndices[i]} vs {indices[i]}");
                }
            }
        }
    }

    private static void CheckIndices(string source, ReadOnlySpan<int> indices, string name)
    {
        int previous = 0;
        foreach (int index in indices)
        {
            Law.Holds(index >= previous, $"offsets never decrease ({name})", $"{index} after {previous}");
            Law.Holds(index < source.Length, $"offsets inside the source ({name})", $"{index} of {source.Length}");
            Law.Holds(!(index > 0 && char.IsLowSurrogate(source[index]) && char.IsHighSurrogate(source[index - 1])),
                $"offsets start a character ({name})", $"{index} is the low half of a pair");
            previous = index;
        }
    }
}
