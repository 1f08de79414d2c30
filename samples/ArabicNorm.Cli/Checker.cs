using System.Globalization;
using System.Text;

namespace ArabicNorm.Cli;

/// <summary>One character the normalizer would change: where (1-based line and column in characters), under which
/// rule, and what it becomes.</summary>
internal sealed record Change(long Line, long Column, string Category, string From, string To);

/// <summary>What --check found in one input.</summary>
internal sealed record CheckResult(InputFile Input, bool Normalized, List<Change> Changes, NormalizationReport Report);

/// <summary>Checks inputs the way <c>gofmt -l</c> and <c>prettier --check</c> do, and lists each change.</summary>
internal static class Checker
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decides exactly whether <paramref name="input"/> is normalized (its normalized bytes equal its bytes),
    /// then, if not, lists the changes line by line.</summary>
    /// <remarks>A regular file is read twice, in constant memory. Standard input is read once into memory.</remarks>
    public static CheckResult Check(ArabicNormalizer normalizer, InputFile input)
    {
        Func<Stream> reopen;
        Stream source;
        if (input.Argument == "-")
        {
            var copy = new MemoryStream();
            input.Stream.CopyTo(copy);
            byte[] bytes = copy.ToArray();
            source = new MemoryStream(bytes, writable: false);
            reopen = () => new MemoryStream(bytes, writable: false);
        }
        else
        {
            source = input.Stream;
            reopen = () => new FileStream(input.Argument, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }

        NormalizationReport report;
        bool normalized;
        using (Stream original = reopen())
        {
            var comparer = new ComparingStream(original);
            normalizer.NormalizeUtf8(source, comparer, out report);
            normalized = comparer.SameAsOriginal();
        }

        var changes = new List<Change>();
        if (!normalized)
        {
            using Stream again = reopen();
            ListChanges(normalizer, again, changes);
        }

        return new CheckResult(input, normalized, changes, report);
    }

    // No rule looks across a line feed (spaces collapse only among U+0020, a word ends at a line break, hamza composes
    // with the letter right before it), so each line is normalized on its own and the changes are found by source index.
    private static void ListChanges(ArabicNormalizer normalizer, Stream stream, List<Change> changes)
    {
        using var reader = new StreamReader(stream, s_strict, detectEncodingFromByteOrderMarks: false, 1 << 16);
        var line = new StringBuilder();
        long number = 1;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            line.Append((char)c);
            if (c == '\n')
            {
                ListChanges(normalizer, line.ToString(), number++, changes);
                line.Clear();
            }
        }

        if (line.Length > 0)
        {
            ListChanges(normalizer, line.ToString(), number, changes);
        }
    }

    private static void ListChanges(ArabicNormalizer normalizer, string source, long line, List<Change> changes)
    {
        if (normalizer.IsNormalized(source))
        {
            return;
        }

        NormalizedText normalized = normalizer.NormalizeWithOffsets(source);
        ReadOnlySpan<int> indices = normalized.SourceIndices;
        string text = normalized.Text;
        int o = 0;
        long column = 1;
        for (int s = 0; s < source.Length; column++)
        {
            int length = char.IsHighSurrogate(source[s]) && s + 1 < source.Length && char.IsLowSurrogate(source[s + 1]) ? 2 : 1;
            int start = o;
            while (o < text.Length && indices[o] < s + length)
            {
                o++;
            }

            string from = source.Substring(s, length);
            string to = text[start..o];
            if (from != to)
            {
                changes.Add(new Change(line, column, Category(normalizer, source, s, length), Describe(from), Describe(to)));
            }

            s += length;
        }
    }

    // The rule of a change: the category the character changes under on its own, else (a rule that needs its
    // neighbour: hamza composition, collapsed spaces, a word-final FARSI YEH) with the characters around it.
    private static string Category(ArabicNormalizer normalizer, string source, int index, int length)
    {
        foreach ((int from, int to) in new[] { (index, index + length), (Math.Max(0, index - 1), Math.Min(source.Length, index + length + 1)) })
        {
            NormalizationReport report = normalizer.GetChangeReport(source.AsSpan(from, to - from));
            foreach ((NormalizationCategory category, long count) in report)
            {
                if (count > 0)
                {
                    return category.ToString();
                }
            }
        }

        return "Context";
    }

    private static string Describe(string text)
    {
        if (text.Length == 0)
        {
            return "nothing";
        }

        var b = new StringBuilder();
        foreach (Rune rune in text.EnumerateRunes())
        {
            b.Append(b.Length == 0 ? string.Empty : " ").Append("U+").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture));
        }

        return b.ToString();
    }
}
