using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ArabicNorm.Tests;

/// <summary>Small helpers for the example tests: readable escapes and the normalizer a spec string names.</summary>
internal static class TestText
{
    /// <summary>Gets a seed for <see cref="Random"/> from a test case's name that is the same in every process, unlike
    /// <see cref="string.GetHashCode()"/> and <see cref="HashCode"/>, which the runtime randomizes per process: a seeded
    /// failure then repeats on the next run.</summary>
    /// <param name="name">The case's name (an option set, say).</param>
    /// <returns>The seed (FNV-1a over the UTF-16 code units).</returns>
    public static int Seed(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    /// <summary>Writes <paramref name="s"/> as C# <c>\uXXXX</c> escapes (printable ASCII stays as is), so that a failure
    /// message shows exactly which code points differ.</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length * 6 + 2);
        sb.Append('"');
        foreach (char c in s)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return sb.Append('"').ToString();
    }

    private static readonly ConcurrentDictionary<string, ArabicNormalizer> s_normalizers = new(StringComparer.Ordinal);

    /// <summary>Returns the preset instance for a preset name, or a normalizer built (once) for any other spec.</summary>
    public static ArabicNormalizer NormalizerFor(string spec) => spec switch
    {
        "Default" => ArabicNormalizer.Default,
        "Search" => ArabicNormalizer.Search,
        "Persian" => ArabicNormalizer.Persian,
        _ => s_normalizers.GetOrAdd(spec, s => new ArabicNormalizer(SpecModel.Parse(s))),
    };

    /// <summary>Normalizes through the span API in one call with ample room, asserting it finishes.</summary>
    public static string NormalizeSpan(ArabicNormalizer normalizer, string text)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(text.Length * 18 + 16);
        try
        {
            OperationStatus status = normalizer.Normalize(text, buffer, out int consumed, out int written);
            Assert.Equal(OperationStatus.Done, status);
            Assert.Equal(text.Length, consumed);
            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the seed article that the test project links into its output folder.</summary>
    public static string ReadSeed() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"), new UTF8Encoding(false, true));
}
