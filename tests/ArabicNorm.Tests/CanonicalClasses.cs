using System.Globalization;
using ICU4N;
using ICU4N.Globalization;

namespace ArabicNorm.Tests;

/// <summary>
/// Gives the tests' canonical combining classes: ICU4N's (the oracle, Unicode 10), plus the few marks of the Arabic
/// ranges that Unicode assigned after 10.0, read from <c>Data/combining-classes-after-unicode-10.txt</c>. Nothing here
/// reads the library's table.
/// </summary>
internal static class CanonicalClasses
{
    private static readonly Dictionary<int, string> s_namesAfterIcu = [];
    private static readonly Dictionary<int, int> s_afterIcu = Load();
    private static readonly byte[] s_bmp = BuildBmp();

    /// <summary>Gets the canonical combining class of <paramref name="cp"/>.</summary>
    public static int Of(int cp) => cp <= 0xFFFF ? s_bmp[cp] : UChar.GetCombiningClass(cp);

    /// <summary>Tells whether <paramref name="cp"/> lies in the ranges spec 3.2 orders: U+0600..U+06FF,
    /// U+0750..U+077F and U+08A0..U+08FF.</summary>
    /// <summary>Gets the Unicode name of a code point: ICU4N's, or the data file's for a mark added after Unicode 10.</summary>
    public static string Name(int cp) => s_namesAfterIcu.TryGetValue(cp, out string? name) ? name : UChar.GetName(cp) ?? $"U+{cp:X4}";

    public static bool InArabicRanges(int cp) => cp is (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF);

    /// <summary>Tells whether <paramref name="cp"/> is one of the Arabic marks canonical ordering sorts (a non-starter
    /// in those ranges). Other scripts' marks are starters for the library.</summary>
    public static bool IsArabicMark(int cp) => InArabicRanges(cp) && Of(cp) != 0;

    /// <summary>Counts the Arabic marks at the end of the canonical decomposition (ICU4N's NFD) of the starter
    /// <paramref name="c"/>: UAX #15's count of trailing non-starters, for the marks the library orders. The eight
    /// precomposed hamza letters end with one.</summary>
    public static int TrailingArabicMarks(char c)
    {
        if (char.IsSurrogate(c))
        {
            return 0;
        }

        string nfd = ICU4N.Text.Normalizer2.NFDInstance.Normalize(c.ToString());
        int count = 0;
        for (int i = nfd.Length - 1; i > 0 && IsArabicMark(nfd[i]); i--)
        {
            count++;
        }

        return count;
    }

    private static byte[] BuildBmp()
    {
        byte[] classes = new byte[0x10000];
        for (int c = 0; c < classes.Length; c++)
        {
            classes[c] = (byte)(s_afterIcu.TryGetValue(c, out int ccc) ? ccc : UChar.GetCombiningClass(c));
        }

        return classes;
    }

    private static Dictionary<int, int> Load()
    {
        var map = new Dictionary<int, int>();
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "combining-classes-after-unicode-10.txt");
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split(';');
            int cp = int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (UChar.IsDefined(cp))
            {
                throw new InvalidOperationException($"ICU4N knows U+{cp:X4}: take its class from ICU4N.");
            }

            map[cp] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            s_namesAfterIcu[cp] = fields[2].Trim();
        }

        return map;
    }
}
