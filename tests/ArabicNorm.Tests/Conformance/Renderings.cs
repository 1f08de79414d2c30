using System.Text;
using ArabicNorm.Internal;

namespace ArabicNorm.Testing;

/// <summary>
/// Derives the other renderings of a text that news pipelines meet: the presentation forms a PDF extractor gives, and a
/// fully vocalized form. Shared (as a linked file) by the core tests and the fuzz corpus.
/// </summary>
/// <remarks>
/// <para>The presentation forms come from the library's own NFKC table inverted (<see cref="CompatibilityData"/>,
/// itself checked against ICU4N by the tests): in U+FE80..U+FEFC the forms of one letter are consecutive, isolated and
/// final for a letter that joins only to the right, then initial and medial for one that joins both ways; U+FEF5..U+FEFC
/// are the LAM-ALEF ligatures. Letters are shaped by their neighbours, marks are transparent, as a shaping engine does.
/// The folds of <see cref="ArabicNormalizerOptions.FoldCompatibilityForms"/> undo exactly this.</para>
/// <para>The mathematical form swaps letters for their U+1EE00 block symbols (surrogate pairs).</para>
/// <para>The vocalized form puts a short vowel (or a sukun, or a shadda and a fatha) after every Arabic letter that has
/// no mark yet, in a fixed cycle; <see cref="ArabicNormalizerOptions.RemoveDiacritics"/> undoes exactly this.</para>
/// </remarks>
internal static class Renderings
{
    private const char Lam = '\u0644'; // ARABIC LETTER LAM

    private static readonly Dictionary<char, char[]> s_forms = BuildForms(out s_lamAlef);
    private static readonly Dictionary<char, char[]> s_lamAlef;
    private static readonly Dictionary<char, int> s_mathematical = BuildMathematical();

    // FATHA, DAMMA, KASRA, SUKUN, SHADDA + FATHA
    private static readonly string[] s_vowels = ["\u064E", "\u064F", "\u0650", "\u0652", "\u0651\u064E"];

    /// <summary>Returns <paramref name="text"/> as presentation forms, the way a PDF extractor gives Arabic.</summary>
    public static string ToPresentationForms(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool previousJoinsForward = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsMark(c))
            {
                sb.Append(c);
                continue;
            }

            int next = NextNonMark(text, i + 1);
            if (c == Lam && next < text.Length && s_lamAlef.TryGetValue(text[next], out char[]? ligature) && next == i + 1)
            {
                sb.Append(ligature[previousJoinsForward ? 1 : 0]);
                previousJoinsForward = false; // ALEF joins only to the right
                i = next;
                continue;
            }

            if (!s_forms.TryGetValue(c, out char[]? forms))
            {
                sb.Append(c);
                previousJoinsForward = false;
                continue;
            }

            bool dual = forms.Length == 4;
            bool joinsNext = dual && next < text.Length && s_forms.ContainsKey(text[next]);
            int form = (previousJoinsForward, joinsNext) switch
            {
                (false, false) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
            };
            sb.Append(forms.Length > form ? forms[form] : forms[0]);
            previousJoinsForward = joinsNext;
        }

        return sb.ToString();
    }

    /// <summary>Returns <paramref name="text"/> with a short vowel after every Arabic letter that has no mark.</summary>
    public static string ToVocalized(string text)
    {
        var sb = new StringBuilder(text.Length * 2);
        int cycle = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            sb.Append(c);
            bool letter = c is >= '\u0628' and <= '\u064A' && c is not '\u0640' and not '\u0649'; // BEH..YEH, not TATWEEL, ALEF MAKSURA
            if (letter && (i + 1 == text.Length || !IsMark(text[i + 1])))
            {
                sb.Append(s_vowels[cycle++ % s_vowels.Length]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Returns <paramref name="text"/> with every third letter that has one replaced by its Arabic
    /// Mathematical Alphabetic Symbol (U+1EE00..U+1EEFF, a surrogate pair), so that split points fall between surrogate
    /// halves; <see cref="ArabicNormalizerOptions.FoldCompatibilityForms"/> undoes exactly this.</summary>
    public static string ToMathematical(string text)
    {
        var sb = new StringBuilder(text.Length + (text.Length / 3));
        int letters = 0;
        foreach (char c in text)
        {
            if (s_mathematical.TryGetValue(c, out int cp) && letters++ % 3 == 0)
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsMark(char c) => c is (>= '\u0610' and <= '\u061A') or (>= '\u064B' and <= '\u065F') or '\u0670';

    private static int NextNonMark(string text, int i)
    {
        while (i < text.Length && IsMark(text[i]))
        {
            i++;
        }

        return i;
    }

    private static Dictionary<char, int> BuildMathematical()
    {
        var map = new Dictionary<char, int>();
        for (int cp = 0x1EE00; cp <= 0x1EEFF; cp++)
        {
            if (CompatibilityData.TryGetMapping(cp, out ReadOnlySpan<char> mapping) && mapping.Length == 1)
            {
                map.TryAdd(mapping[0], cp); // the first (plain) form of each letter
            }
        }

        return map;
    }

    private static Dictionary<char, char[]> BuildForms(out Dictionary<char, char[]> lamAlef)
    {
        var forms = new Dictionary<char, char[]>();
        lamAlef = [];
        int cp = 0xFE80;
        while (cp <= 0xFEFC)
        {
            if (!CompatibilityData.TryGetMapping(cp, out ReadOnlySpan<char> mapping))
            {
                cp++;
                continue;
            }

            string target = mapping.ToString();
            int end = cp + 1;
            while (end <= 0xFEFC && CompatibilityData.TryGetMapping(end, out ReadOnlySpan<char> m) && m.SequenceEqual(target))
            {
                end++;
            }

            char[] group = [.. Enumerable.Range(cp, end - cp).Select(x => (char)x)];
            if (target.Length == 1)
            {
                forms[target[0]] = group;
            }
            else if (target.Length == 2 && target[0] == Lam)
            {
                lamAlef[target[1]] = group;
            }

            cp = end;
        }

        return forms;
    }
}
