using System.Reflection;
using ArabicNorm.Internal;

namespace ArabicNorm.Tests.Rules;

/// <summary>
/// Checks the options and presets tables of the README and of <c>docs/normalization.md</c> against the code: the
/// option names and enum values against <see cref="ArabicNormalizerOptions"/>, each preset column against the preset
/// in code, the defaults against a new options instance, and the options table's rows against the stage table
/// (<see cref="RuleStages"/>).
/// </summary>
/// <remarks>
/// The presets table is the Markdown table whose header starts <c>| option | `Default`</c>; the options table is the
/// one whose header is <c>| option | what it does |</c>. Cells: <c>on</c>, <c>off</c>, <c>`Value`</c>, or
/// <c>(n/a)</c> for an option the preset's other values make irrelevant.
/// </remarks>
public class OptionsTableTests
{
    public static TheoryData<string> Documents => ["README.md", "docs/normalization.md"];

    private static readonly PropertyInfo[] s_options =
        [.. typeof(ArabicNormalizerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)];

    [Theory]
    [MemberData(nameof(Documents))]
    public void PresetsTable_EveryOption_MatchesTheOptionsType(string document)
    {
        List<string[]> rows = PresetsTable(document);
        Assert.Equal(s_options.Select(p => p.Name), rows.Select(r => OptionName(r[0])));
        foreach (string[] row in rows)
        {
            PropertyInfo property = Property(OptionName(row[0]));
            string[] listed = ListedValues(row[0]);
            if (property.PropertyType.IsEnum)
            {
                Assert.True(Enum.GetNames(property.PropertyType).SequenceEqual(listed), $"{document}: {row[0]} lists ({string.Join(", ", listed)})");
            }
            else
            {
                Assert.Empty(listed);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void PresetsTable_EveryColumn_IsThePresetInCode(string document)
    {
        List<string[]> rows = PresetsTable(document);
        (string Name, ArabicNormalizerOptions Options)[] presets =
        [
            ("Default", ArabicNormalizer.Default.GetOptions()),
            ("Search", ArabicNormalizer.Search.GetOptions()),
            ("Persian", ArabicNormalizer.Persian.GetOptions()),
        ];
        var failures = new List<string>();
        int notApplicable = 0;
        for (int column = 0; column < presets.Length; column++)
        {
            (string name, ArabicNormalizerOptions options) = presets[column];
            foreach (string[] row in rows)
            {
                PropertyInfo property = Property(OptionName(row[0]));
                string cell = row[column + 1];
                if (cell == "(n/a)")
                {
                    // The option does not matter under this preset: switching it enables or disables no stage.
                    notApplicable++;
                    ArabicNormalizerOptions flipped = new(options);
                    property.SetValue(flipped, property.PropertyType == typeof(bool) ? !(bool)property.GetValue(options)! : Enum.GetValues(property.PropertyType).GetValue(0));
                    if (!EnabledStages(flipped).SequenceEqual(EnabledStages(options)))
                    {
                        failures.Add($"{name}.{property.Name}: (n/a), but it changes the enabled stages");
                    }

                    continue;
                }

                string actual = Cell(property.GetValue(options)!);
                if (cell != actual)
                {
                    failures.Add($"{name}.{property.Name}: the table says {cell}, the code {actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{document}: {string.Join("; ", failures)}");
        Assert.True(notApplicable <= 1, $"{document}: {notApplicable} (n/a) cells");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void PresetsTable_DefaultColumn_IsANewOptionsInstance(string document)
    {
        var defaults = new ArabicNormalizerOptions();
        foreach (string[] row in PresetsTable(document))
        {
            PropertyInfo property = Property(OptionName(row[0]));
            Assert.True(row[1] == Cell(property.GetValue(defaults)!), $"{document}: {property.Name} is {row[1]} in the Default column, {Cell(property.GetValue(defaults)!)} by default");
        }
    }

    [Fact]
    public void OptionsTable_Readme_NamesEveryStageInOrder()
    {
        // Each row names an option (`FoldAlef`) or an option and a value (`Letters = Arabic`); together they must name
        // every stage of the table and every option, and nothing else, in the order of the stages' categories.
        List<string[]> rows = Table("README.md", "| option | what it does |");
        Assert.NotEmpty(rows);
        RuleStage[] stages = RuleStages.All.ToArray();
        var covered = new HashSet<RuleStage>();
        int lastCategory = -1;
        foreach (string[] row in rows)
        {
            string name = row[0].Trim('`');
            RuleStage[] named = [.. stages.Where(s => s.Name == name || s.Option == name)];
            Assert.True(named.Length > 0, $"README options table: `{name}` is no stage of RuleStages");
            Assert.True(!name.Contains('=', StringComparison.Ordinal) || named.All(s => s.Name == name), name);
            Assert.False(string.IsNullOrWhiteSpace(row[1]), $"`{name}` has no description");
            int category = named.Min(s => (int)s.Category);
            Assert.True(category >= lastCategory, $"`{name}` ({(NormalizationCategory)category}) comes after a later rule");
            lastCategory = category;
            covered.UnionWith(named);
        }

        Assert.Empty(stages.Where(s => !covered.Contains(s)).Select(s => s.Name));
        Assert.Equal(s_options.Select(p => p.Name).Order(), stages.Select(s => s.Option).Distinct().Order());
    }

    [Fact]
    public void Cell_KnownValues_AreWrittenAsTheTablesWriteThem()
    {
        // The parser itself: a test that could not tell "on" from "off" would pass on any table.
        Assert.Equal("on", Cell(true));
        Assert.Equal("off", Cell(false));
        Assert.Equal("`Persian`", Cell(LetterTarget.Persian));
        Assert.Equal("Letters", OptionName("`Letters` (`Keep`, `Arabic`, `Persian`)"));
        Assert.Equal(new[] { "Keep", "Arabic", "Persian" }, ListedValues("`Letters` (`Keep`, `Arabic`, `Persian`)"));
        Assert.Empty(ListedValues("`FoldAlef`"));
    }

    private static string Cell(object value) => value is bool b ? (b ? "on" : "off") : $"`{value}`";

    private static string OptionName(string cell) => cell.Split('`', StringSplitOptions.RemoveEmptyEntries)[0].Trim();

    private static string[] ListedValues(string cell)
    {
        int open = cell.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? [] : [.. cell[(open + 1)..cell.LastIndexOf(')')].Split(',').Select(v => v.Trim().Trim('`'))];
    }

    private static PropertyInfo Property(string name) =>
        s_options.SingleOrDefault(p => p.Name == name) ?? throw new Xunit.Sdk.XunitException($"`{name}` is no option of ArabicNormalizerOptions");

    private static RuleStage[] EnabledStages(ArabicNormalizerOptions options) => [.. RuleStages.All.ToArray().Where(s => s.IsEnabled(options))];

    private static List<string[]> PresetsTable(string document)
    {
        List<string[]> rows = Table(document, "| option | `Default`");
        Assert.True(rows.Count > 0, $"{document} has no presets table (a header starting \"| option | `Default`\")");
        Assert.All(rows, r => Assert.Equal(4, r.Length));
        return rows;
    }

    /// <summary>Reads the rows of the first Markdown table whose header line starts with <paramref name="header"/>,
    /// without the header and the separator line; each row's cells trimmed.</summary>
    private static List<string[]> Table(string document, string header)
    {
        string[] lines = File.ReadAllLines(Repository.PathOf(document));
        int start = Array.FindIndex(lines, l => l.StartsWith(header, StringComparison.Ordinal));
        var rows = new List<string[]>();
        if (start < 0)
        {
            return rows;
        }

        for (int i = start + 2; i < lines.Length && lines[i].StartsWith('|'); i++)
        {
            rows.Add([.. lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim())]);
        }

        return rows;
    }
}
