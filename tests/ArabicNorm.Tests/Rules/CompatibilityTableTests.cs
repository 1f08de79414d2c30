using ArabicNorm.Internal;
using ICU4N.Text;

namespace ArabicNorm.Tests.Rules;

/// <summary>How the per-options tables encode the compatibility forms, checked against ICU's NFKC mappings: a form
/// whose NFKC mapping is one character is a one-to-one entry, not an expansion (so the fast paths keep it), and a two-letter
/// expansion of plain letters (the LAM-ALEF ligatures of PDF text) is a pair the vector path writes itself.</summary>
public class CompatibilityTableTests
{
    public static TheoryData<string> Presets => ["Default", "Search", "Persian"];

    [Theory]
    [MemberData(nameof(Presets))]
    public void EveryFormFoldedToOneCharacter_IsAPlainEntryGivingThatCharacter(string preset)
    {
        ArabicNormalizer normalizer = Preset(preset);
        ReadOnlySpan<char> map = normalizer.Tables.Map;
        int plain = 0;
        for (int c = 0xFB50; c <= 0xFEFF; c++)
        {
            if (c is > 0xFDFF and < 0xFE70)
            {
                continue; // between the two blocks FoldCompatibilityForms covers
            }

            string form = ((char)c).ToString();
            string mapping = Normalizer2.NFKCInstance.Normalize(form);
            if (mapping == form || mapping.Length != 1)
            {
                continue; // no compatibility mapping, or one of several characters: an expansion
            }

            Assert.False(NormalizationTables.IsSpecial(map[c]) && map[c] >= NormalizationTables.ExpansionBase, $"U+{c:X4} folds to one character but is encoded as an expansion");
            if (!NormalizationTables.IsSpecial(map[c]))
            {
                plain++;
                Assert.Equal(normalizer.Normalize(form), map[c].ToString());
            }
        }

        Assert.True(plain > 200, $"only {plain} forms are plain entries"); // 241 under the three presets
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void LamAlefLigatures_ArePairsOfTheirTwoLetters(string preset)
    {
        NormalizationTables tables = Preset(preset).Tables;
        foreach (char ligature in "\uFEF5\uFEF6\uFEF7\uFEF8\uFEF9\uFEFA\uFEFB\uFEFC")
        {
            char entry = tables.Map[ligature];
            Assert.True(NormalizationTables.IsSpecial(entry) && entry >= NormalizationTables.ExpansionBase, $"U+{(int)ligature:X4} is not an expansion");
            Assert.True(tables.TryGetPair(entry, out char first, out char second, out char secondSource), $"U+{(int)ligature:X4} is not a pair");
            string folded = Normalizer2.NFKCInstance.Normalize(ligature.ToString());
            Assert.Equal(2, folded.Length);
            Assert.Equal(tables.Map[folded[0]], first); // LAM through the other rules
            Assert.Equal(tables.Map[folded[1]], second); // the ALEF, folded or not
            Assert.Equal(folded[1], secondSource); // the ALEF as NFKC gives it
        }

        // An expansion with a special character (a space of U+FC5E, which then takes marks) is no pair.
        char withMarks = tables.Map['\uFC5E'];
        Assert.False(tables.TryGetPair(withMarks, out _, out _, out char none));
        Assert.Equal('\0', none);
    }

    private static ArabicNormalizer Preset(string name) => name switch
    {
        "Search" => ArabicNormalizer.Search,
        "Persian" => ArabicNormalizer.Persian,
        _ => ArabicNormalizer.Default,
    };
}
