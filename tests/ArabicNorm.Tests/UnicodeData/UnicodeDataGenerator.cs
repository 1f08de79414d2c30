using System.Globalization;
using System.Text;
using ICU4N;
using ICU4N.Globalization;
using ICU4N.Text;

namespace ArabicNorm.Tests.UnicodeData;

/// <summary>
/// Writes the library's generated Unicode data files from ICU4N and the .NET runtime: the NFKC mappings of the Arabic
/// compatibility blocks, the canonical combining classes of the Arabic marks and the word characters of the contextual
/// FARSI YEH rule.
/// </summary>
/// <remarks>
/// <para><see cref="GeneratedFileTests"/> compares each committed file with what this writes, byte for byte, or
/// rewrites the files when <c>ARABICNORM_REGENERATE=1</c> is set (<see cref="Command"/>).</para>
/// <para>ICU4N 60 knows Unicode 10. Where it does not assign a code point, the General_Category comes from the
/// runtime's <see cref="Rune.GetUnicodeCategory(Rune)"/> and the combining class from
/// <c>Data/combining-classes-after-unicode-10.txt</c> (<see cref="CanonicalClasses"/>); the NFKC mappings of the three
/// blocks did not change after Unicode 10, which <c>IcuOracleTests</c> checks against the runtime's tables too.</para>
/// </remarks>
internal static class UnicodeDataGenerator
{
    /// <summary>The command that rewrites the generated files, as the file headers name it.</summary>
    internal const string Command =
        "ARABICNORM_REGENERATE=1 dotnet test tests/ArabicNorm.Tests -c Release -f net10.0 --filter \"FullyQualifiedName~GeneratedFileTests\"";

    private const string GeneratorPath = "tests/ArabicNorm.Tests/UnicodeData/UnicodeDataGenerator.cs";

    /// <summary>Gets every generated file: its path from the repository root and its text.</summary>
    /// <returns>The files, in a fixed order.</returns>
    internal static IReadOnlyList<(string Path, string Text)> Files() =>
    [
        ("src/ArabicNorm/Internal/CompatibilityData.g.cs", CompatibilityData()),
        ("src/ArabicNorm/Internal/CombiningClassData.cs", CombiningClassData()),
        ("src/ArabicNorm/Internal/ArabicWordCharacterData.g.cs", ArabicWordCharacterData()),
    ];

    /// <summary>Writes the NFKC mappings of U+FB50..U+FDFF, U+FE70..U+FEFF and U+1EE00..U+1EEFF.</summary>
    /// <returns>The text of <c>CompatibilityData.g.cs</c>.</returns>
    internal static string CompatibilityData()
    {
        var codePoints = new List<int>();
        var offsets = new List<int> { 0 };
        var pool = new StringBuilder();
        Normalizer2 nfkc = Normalizer2.NFKCInstance;
        foreach (int cp in CompatibilityBlockCodePoints())
        {
            string s = char.ConvertFromUtf32(cp);
            string mapped = nfkc.Normalize(s);
            if (mapped != s)
            {
                codePoints.Add(cp);
                pool.Append(mapped);
                offsets.Add(pool.Length);
            }
        }

        var w = new StringBuilder();
        Header(w, "the NFKC mappings of ICU4N's Normalizer2.NFKCInstance (ICU4N " + IcuVersion() + ") for U+FB50..U+FDFF,",
            "U+FE70..U+FEFF and U+1EE00..U+1EEFF: every code point whose NFKC differs from itself.");
        w.Append("namespace ArabicNorm.Internal;\n\n");
        w.Append("/// <summary>Full NFKC mappings of every code point in the three Arabic compatibility blocks that has one.</summary>\n");
        w.Append("internal static partial class CompatibilityData\n{\n");
        w.Append("    /// <summary>Gets the number of mapped code points.</summary>\n");
        w.Append(CultureInfo.InvariantCulture, $"    internal const int Count = {codePoints.Count};\n\n");
        w.Append("    /// <summary>Gets the mapped code points, ascending.</summary>\n");
        w.Append("    internal static ReadOnlySpan<int> CodePoints =>\n");
        List(w, codePoints.Select(cp => $"0x{cp:X5}"), 12);
        w.Append('\n');
        w.Append("    /// <summary>Gets the start of each mapping in <see cref=\"Pool\"/>; entry i+1 ends entry i.</summary>\n");
        w.Append("    internal static ReadOnlySpan<ushort> Offsets =>\n");
        List(w, offsets.Select(o => o.ToString(CultureInfo.InvariantCulture)), 16);
        w.Append('\n');
        w.Append("    /// <summary>Gets the mappings, concatenated in code point order.</summary>\n");
        w.Append("    internal const string Pool =\n");
        string text = pool.ToString();
        for (int i = 0; i < text.Length; i += 16)
        {
            w.Append("        \"");
            foreach (char c in text.AsSpan(i, Math.Min(16, text.Length - i)))
            {
                w.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }

            w.Append(i + 16 < text.Length ? "\" +\n" : "\";\n");
        }

        w.Append("}\n");
        return w.ToString();
    }

    /// <summary>Writes the nonzero canonical combining classes of U+0600..U+06FF, U+0750..U+077F and U+08A0..U+08FF.</summary>
    /// <returns>The text of <c>CombiningClassData.cs</c>.</returns>
    internal static string CombiningClassData()
    {
        var w = new StringBuilder();
        Header(w, "ICU4N's UChar.GetCombiningClass (ICU4N " + IcuVersion() + "), and for the marks Unicode added after 10.0",
            "tests/ArabicNorm.Tests/Data/combining-classes-after-unicode-10.txt, over U+0600..U+06FF, U+0750..U+077F and U+08A0..U+08FF.");
        w.Append("namespace ArabicNorm.Internal;\n\n");
        w.Append("/// <summary>Holds the canonical combining classes of the Arabic marks that canonical ordering sorts.</summary>\n");
        w.Append("/// <remarks>Only the three Arabic ranges are here: U+0600..U+06FF, U+0750..U+077F and U+08A0..U+08FF. Every\n");
        w.Append("/// other character has class 0 for ArabicNorm (it is a starter); other scripts' marks pass through unsorted.</remarks>\n");
        w.Append("internal static class CombiningClassData\n{\n");
        w.Append("    /// <summary>Gets the nonzero classes as triples: first code point, last code point, class.</summary>\n");
        w.Append("    internal static ReadOnlySpan<ushort> Ranges =>\n    [\n");
        int[] ranges = [0x0600, 0x06FF, 0x0750, 0x077F, 0x08A0, 0x08FF];
        for (int r = 0; r < ranges.Length; r += 2)
        {
            for (int c = ranges[r]; c <= ranges[r + 1]; c++)
            {
                int ccc = CanonicalClasses.Of(c);
                if (ccc == 0)
                {
                    continue;
                }

                int last = c;
                while (last < ranges[r + 1] && CanonicalClasses.Of(last + 1) == ccc)
                {
                    last++;
                }

                string names = last == c ? CanonicalClasses.Name(c) : $"{CanonicalClasses.Name(c)} .. {CanonicalClasses.Name(last)}";
                w.Append(CultureInfo.InvariantCulture, $"        0x{c:X4}, 0x{last:X4}, {ccc}, // {names}\n");
                c = last;
            }
        }

        w.Append("    ];\n}\n");
        return w.ToString();
    }

    /// <summary>Writes the bits of the Arabic word characters (General_Category Lo, Lm or Mn in the three ranges).</summary>
    /// <returns>The text of <c>ArabicWordCharacterData.g.cs</c>.</returns>
    internal static string ArabicWordCharacterData()
    {
        ulong[] bits = new ulong[0x300 / 64];
        for (int c = 0x0600; c <= 0x08FF; c++)
        {
            if (IsArabicWordCharacter(c))
            {
                bits[(c - 0x0600) >> 6] |= 1UL << ((c - 0x0600) & 63);
            }
        }

        var w = new StringBuilder();
        Header(w, "ICU4N's UChar.GetUnicodeCategory (ICU4N " + IcuVersion() + ") where ICU4N assigns the code point, and the",
            ".NET runtime's Rune.GetUnicodeCategory for the code points Unicode added after 10.0.");
        w.Append("namespace ArabicNorm.Internal;\n\n");
        w.Append("/// <summary>Holds the Arabic word characters of the contextual FARSI YEH rule.</summary>\n");
        w.Append("internal static class ArabicWordCharacterData\n{\n");
        w.Append("    /// <summary>Gets one bit per code point of U+0600..U+08FF, 64 to an element, lowest bit first: set where\n");
        w.Append("    /// General_Category is Lo, Lm or Mn and the code point lies in U+0600..U+06FF, U+0750..U+077F or U+08A0..U+08FF.</summary>\n");
        w.Append("    internal static ReadOnlySpan<ulong> Bits =>\n");
        List(w, bits.Select(b => $"0x{b:X16}"), 4);
        w.Append("}\n");
        return w.ToString();
    }

    /// <summary>Tells whether a code point is an Arabic word character, from ICU4N or, where it does not assign the
    /// code point, the runtime.</summary>
    /// <param name="c">A code point.</param>
    /// <returns><see langword="true"/> for General_Category Lo, Lm or Mn in the three Arabic ranges.</returns>
    internal static bool IsArabicWordCharacter(int c)
    {
        if (c is not ((>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF)))
        {
            return false;
        }

        UUnicodeCategory icu = UChar.GetUnicodeCategory(c);
        if (icu != UUnicodeCategory.OtherNotAssigned)
        {
            return icu is UUnicodeCategory.OtherLetter or UUnicodeCategory.ModifierLetter or UUnicodeCategory.NonSpacingMark;
        }

        return Rune.GetUnicodeCategory(new Rune(c))
            is UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark;
    }

    /// <summary>Enumerates U+FB50..U+FDFF, U+FE70..U+FEFF and U+1EE00..U+1EEFF.</summary>
    /// <returns>The code points, ascending.</returns>
    internal static IEnumerable<int> CompatibilityBlockCodePoints()
    {
        for (int cp = 0xFB50; cp <= 0xFDFF; cp++)
        {
            yield return cp;
        }

        for (int cp = 0xFE70; cp <= 0xFEFF; cp++)
        {
            yield return cp;
        }

        for (int cp = 0x1EE00; cp <= 0x1EEFF; cp++)
        {
            yield return cp;
        }
    }

    private static string IcuVersion() =>
        $"{typeof(UChar).Assembly.GetName().Version?.ToString(2)}, Unicode {UChar.UnicodeVersion.Major}.{UChar.UnicodeVersion.Minor}";

    private static void Header(StringBuilder w, string line1, string line2)
    {
        w.Append("// <auto-generated>\n");
        w.Append("// Generated by ").Append(GeneratorPath).Append(" from\n");
        w.Append("// ").Append(line1).Append('\n');
        w.Append("// ").Append(line2).Append('\n');
        w.Append("// Do not edit by hand: a test fails when this file differs from what the generator writes. To rewrite it:\n");
        w.Append("//   ").Append(Command).Append('\n');
        w.Append("// </auto-generated>\n\n");
    }

    private static void List(StringBuilder w, IEnumerable<string> items, int perLine)
    {
        w.Append("    [\n");
        string[] all = [.. items];
        for (int i = 0; i < all.Length; i += perLine)
        {
            w.Append("        ").Append(string.Join(", ", all.Skip(i).Take(perLine))).Append(",\n");
        }

        w.Append("    ];\n");
    }
}
