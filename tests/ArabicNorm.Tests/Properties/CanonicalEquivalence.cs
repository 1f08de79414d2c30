using System.Text;
using ICU4N.Text;

namespace ArabicNorm.Tests.Properties;

/// <summary>
/// The oracle side of law L2 and of the Stream-Safe Text Format rule: ICU4N's NFC, NFD and NFKD, ICU4N's combining
/// classes (<see cref="CanonicalClasses"/>), and UAX #15's Stream-Safe Text Process as section 13 states it.
/// </summary>
internal static class CanonicalEquivalence
{
    private static readonly Normalizer2 s_nfc = Normalizer2.NFCInstance;
    private static readonly Normalizer2 s_nfd = Normalizer2.NFDInstance;
    private static readonly Normalizer2 s_nfkd = Normalizer2.NFKDInstance;

    public static string Nfc(string s) => s_nfc.Normalize(s);

    public static string Nfd(string s) => s_nfd.Normalize(s);

    /// <summary>Tells whether <paramref name="s"/> is in law L2's domain: NFC and NFD change only characters of
    /// U+0600..U+06FF, U+0750..U+077F and U+08A0..U+08FF, and no combining sequence is longer than 30 non-starters.</summary>
    /// <remarks>
    /// <para>"Change only Arabic characters" is taken as: every other character stays where it is and keeps the
    /// Arabic text on its two sides apart, that is, NFC (and NFD) of the whole text is NFC (NFD) of the pieces between
    /// the other characters, with those characters unchanged in place. So ALEF, U+0316, HAMZA ABOVE is outside (NFC
    /// composes across the Latin mark, which the library treats as a starter), and e + U+0301 is outside too.</para>
    /// <para>The length limit is checked on NFKD with the characters some option deletes counted as part of a
    /// sequence, since deletions join sequences: the Stream-Safe property covers longer ones.</para>
    /// </remarks>
    public static bool IsInDomain(string s)
    {
        if (!PiecewiseEquals(s, s_nfc) || !PiecewiseEquals(s, s_nfd))
        {
            return false;
        }

        int run = 0;
        foreach (char c in s_nfkd.Normalize(s))
        {
            if (CanonicalClasses.Of(c) != 0)
            {
                if (++run > 30)
                {
                    return false;
                }
            }
            else if (!IsDeletedBySomeOption(c))
            {
                run = 0;
            }
        }

        return true;
    }

    /// <summary>Tells whether the Arabic marks of <paramref name="s"/> are in canonical order: no Arabic mark directly
    /// follows an Arabic mark of a higher class.</summary>
    public static bool IsInCanonicalOrder(string s)
    {
        for (int i = 1; i < s.Length; i++)
        {
            if (CanonicalClasses.IsArabicMark(s[i - 1]) && CanonicalClasses.IsArabicMark(s[i])
                && CanonicalClasses.Of(s[i - 1]) > CanonicalClasses.Of(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Applies UAX #15's Stream-Safe Text Process (section 13): walking the code points, a U+034F
    /// COMBINING GRAPHEME JOINER goes in before a code point whose NFKD's leading non-starters would make more than 30
    /// non-starters in a row.</summary>
    public static string StreamSafe(string s)
    {
        var output = new StringBuilder(s.Length);
        int nonStarters = 0;
        for (int i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1)
        {
            string c = char.IsSurrogatePair(s, i) ? s.Substring(i, 2) : s[i].ToString();
            string d = s_nfkd.Normalize(c);
            int leading = 0;
            while (leading < d.Length && CanonicalClasses.Of(d[leading]) != 0)
            {
                leading++;
            }

            if (nonStarters + leading > 30)
            {
                output.Append('\u034F');
                nonStarters = 0;
            }

            output.Append(c);
            if (leading == d.Length)
            {
                nonStarters += d.Length;
            }
            else
            {
                int trailing = 0;
                while (trailing < d.Length && CanonicalClasses.Of(d[d.Length - 1 - trailing]) != 0)
                {
                    trailing++;
                }

                nonStarters = trailing;
            }
        }

        return output.ToString();
    }

    private static bool PiecewiseEquals(string s, Normalizer2 form)
    {
        var pieces = new StringBuilder(s.Length);
        int start = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            if (i == s.Length || !CanonicalClasses.InArabicRanges(s[i]))
            {
                pieces.Append(form.Normalize(s[start..i]));
                if (i < s.Length)
                {
                    pieces.Append(s[i]);
                }

                start = i + 1;
            }
        }

        return form.Normalize(s) == pieces.ToString();
    }

    private static bool IsDeletedBySomeOption(char c) =>
        c == '\u0640' || Array.IndexOf(SpecModel.FormatControls, c) >= 0 || c == '\u200C' || SpecModel.IsSpecDiacritic(c);
}
