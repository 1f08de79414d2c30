using System.Globalization;
using System.Text;
using ArabicNorm.Testing;

namespace ArabicNorm.Fuzz;

/// <summary>Writes the seed corpus: the seed article (whole and by paragraph), its presentation-form and vocalized
/// renderings, and one input per row of the spec's tables (section 3), each under options that apply the row.</summary>
/// <remarks>Each file is the 4-byte header of <see cref="FuzzInput"/> (the options selector, then three printable
/// bytes) followed by UTF-8 text. The corpus is committed; this command regenerates it
/// (<c>dotnet run --project tests/ArabicNorm.Fuzz -- corpus tests/ArabicNorm.Fuzz/corpus seeds/iraq-us-dialogue.ar.txt</c>).</remarks>
internal static class SeedCorpus
{
    private const byte Default = 0, Search = 1, Persian = 2, Identity = 3, ContextualYeh = 4, ZwnjSpaceNoCompose = 5, CollapseOnly = 6;

    // A word before and after each row, so that context rules see letters around it.
    private const string Before = "\u0643\u062A\u0627\u0628 "; // KAF TEH ALEF BEH, a space
    private const string After = " \u0641\u064A"; // a space, FEH YEH

    public static int Write(string directory, string seedArticle)
    {
        Directory.CreateDirectory(directory);
        foreach (string old in Directory.GetFiles(directory))
        {
            File.Delete(old);
        }

        string article = File.ReadAllText(seedArticle, new UTF8Encoding(false, true));
        int count = 0;
        void Add(string name, byte selector, string text)
        {
            byte[] header = [selector, (byte)('a' + (count % 26)), (byte)('a' + (count / 26 % 26)), (byte)'0'];
            File.WriteAllBytes(Path.Combine(directory, name), [.. header, .. Encoding.UTF8.GetBytes(text)]);
            count++;
        }

        Add("article-default", Default, article);
        Add("article-search", Search, article);
        Add("article-pdf-default", Default, Renderings.ToPresentationForms(article));
        Add("article-vocalized-search", Search, Renderings.ToVocalized(article));
        string[] paragraphs = article.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < Math.Min(paragraphs.Length, 6); i++)
        {
            Add($"paragraph{i}-persian", Persian, paragraphs[i]);
            Add($"paragraph{i}-pdf-search", Search, Renderings.ToPresentationForms(paragraphs[i]));
            Add($"paragraph{i}-vocalized-default", Default, Renderings.ToVocalized(paragraphs[i]));
        }

        foreach ((string name, byte selector, string row) in Rows())
        {
            Add("row-" + name, selector, Before + row + After);
        }

        // The comparer, FindAll and char filter targets: a TAB splits a pair of texts, or a text and its query.
        string vocalized = Renderings.ToVocalized(paragraphs[0]);
        string pdf = Renderings.ToPresentationForms(paragraphs[0]);
        Add("comparer-vocalized-search", Search, vocalized + "\t" + paragraphs[0]);
        Add("comparer-vocalized-default", Default, vocalized + "\t" + paragraphs[0]);
        Add("comparer-pdf-search", Search, pdf + "\t" + paragraphs[0]);
        Add("comparer-yeh-keheh-persian", Persian, "\u06CC\u06A9\t\u064A\u0643"); // FARSI YEH KEHEH, YEH KAF
        Add("find-keheh-in-vocalized-search", Search, Before + vocalized + After + "\t\u06A9\u062A\u0627\u0628"); // KEHEH TEH ALEF BEH
        Add("find-lam-alef-in-pdf-search", Search, pdf + "\t\u0644\u0627"); // LAM ALEF
        Add("find-inside-expansion-search", Search, "xy\uFDFAzw \uFEFB\u0628\t\u0627\u0644\u0644\u0647"); // ALEF LAM LAM HEH
        Add("find-marks-default", Default, Before + vocalized + "\t\u0628");
        Add("charfilter-expansions-search", Search, "xy\uFDFAzw \u0640\u200F\u0628\u064E\u0640 \uFEFB\u0628 \uD83B\uDE01\uD83B\uDE00 a\u00A0\u200C  b");
        Add("charfilter-held-back-default", Default, "\u0627" + new string('\u0640', 300) + "\u0654 \u0628");

        return count;
    }

    /// <summary>Gets one input per table row of spec section 3, named by section and code point.</summary>
    private static IEnumerable<(string Name, byte Selector, string Text)> Rows()
    {
        // 3.1 FoldCompatibilityForms: ligatures, expansions, forms, the mathematical block, one without a decomposition.
        foreach (string s in new[] { "\uFEFB", "\uFDF2", "\uFDFA", "\uFDFC", "\uFE8D", "\uFBAE", "\uFC5E", "\uD83B\uDE00", "\uFD3E" })
        {
            yield return (Name("3.1", s), Default, s);
        }

        // 3.2 ComposeHamza: NFC's eight pairs, a pair a letter mapping makes, a pair across a deletion, a long run of marks.
        foreach (string s in new[] { "\u0627\u0653", "\u0627\u0654", "\u0627\u0655", "\u0648\u0654", "\u064A\u0654", "\u06D5\u0654", "\u06C1\u0654", "\u06D2\u0654", "\u06CC\u0654", "\u0627\u0640\u0654", "\u0627\u064E\u0654" })
        {
            yield return (Name("3.2", s), Default, s);
        }

        yield return ("3.2-stream-safe", Default, "\u0627" + new string('\u0654', 40) + new string('\u064E', 40));

        // 3.3 Letters, Arabic target (and the contextual FARSI YEH), then the Persian target.
        foreach (string s in new[] { "\u06CC", "\u06D2", "\u06D3", "\u06A9", "\u06AA", "\u06C0", "\u06C1", "\u06C2", "\u06D5", "\u06BE", "\u06C3" })
        {
            yield return (Name("3.3-arabic", s), Default, "\u0628" + s + "\u0631");
        }

        yield return ("3.3-contextual-yeh", ContextualYeh, "\u0639\u0644\u06CC \u0639\u0644\u06CC\u0647 \u06CC");
        foreach (string s in new[] { "\u064A", "\u0649", "\u06D2", "\u06D3", "\u0643", "\u06AA", "\u06C1", "\u06C2", "\u06D5", "\u06BE", "\u06C3", "\u06C0" })
        {
            yield return (Name("3.3-persian", s), Persian, "\u0628" + s + "\u0631");
        }

        // 3.4 Digits under each target.
        string digits = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669 \u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9 5\u066A 3\u066B14 1\u066C000 42";
        yield return ("3.4-ascii", Default, digits);
        yield return ("3.4-persian", Persian, digits);
        yield return ("3.4-keep", Identity, digits);

        // 3.5 Quotes.
        foreach (string s in new[] { "\u00AB", "\u00BB", "\u201C", "\u201D", "\u201E", "\u201F", "\u301D", "\u301E", "\u301F", "\uFF02", "\u2018", "\u2019", "\u201A", "\u201B", "\u2039", "\u203A", "\uFF07", "\u2032" })
        {
            yield return (Name("3.5", s), Default, s + "\u0646\u0635" + s);
        }

        // 3.6 Deletions and spaces.
        foreach (string s in new[] { "\u0640", "\u00AD", "\u061C", "\u200B", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2060", "\u2066", "\u2067", "\u2068", "\u2069", "\uFEFF", "\u200D" })
        {
            yield return (Name("3.6", s), Default, "\u0645" + s + "\u0646");
        }

        yield return ("3.6-zwnj-remove", Default, "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
        yield return ("3.6-zwnj-keep", Persian, "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
        yield return ("3.6-zwnj-space", Search, "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
        foreach (string s in new[] { "\u00A0", "\u1680", "\u2000", "\u2005", "\u200A", "\u202F", "\u205F", "\u3000" })
        {
            yield return (Name("3.6-space", s), Default, "a" + s + "b");
        }

        yield return ("3.6-collapse", CollapseOnly, "a  b \u00A0 \u3000c\t \n  d      e");
        yield return ("3.6-collapse-search", Search, "\u0645   \u200C \u0646");

        // 3.7 Search folds.
        foreach (string s in new[] { "\u0610", "\u061A", "\u064B", "\u064E", "\u0651", "\u0652", "\u065F", "\u0670", "\u06D6", "\u06DC", "\u06DF", "\u06E4", "\u06E7", "\u06E8", "\u06EA", "\u06ED", "\u0653", "\u0654" })
        {
            yield return (Name("3.7-diacritic", s), Search, "\u0628" + s + "\u0631");
        }

        yield return ("3.7-diacritics-no-compose", ZwnjSpaceNoCompose, "\u0627\u0654\u064E\u0648\u0654");
        foreach (string s in new[] { "\u0622", "\u0623", "\u0625", "\u0671", "\u0649", "\u0629", "\u060C", "\u061B", "\u061F", "\u06D4" })
        {
            yield return (Name("3.7-fold", s), Search, "\u0628" + s);
        }

        // L5 inputs: lone surrogates, U+FFFF, invalid UTF-8 is made by the fuzzer from these.
        yield return ("L5-lone-surrogates", Default, "\uD800 \uDC00 \uFFFF \uD83D\uDE00");
    }

    private static string Name(string section, string s)
    {
        var sb = new StringBuilder(section);
        foreach (System.Text.Rune r in s.EnumerateRunes())
        {
            sb.Append('-').Append(r.Value.ToString("X4", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
