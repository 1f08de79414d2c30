using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Pattern;
using Lucene.Net.Analysis.Util;

namespace ArabicNorm.Lucene.Tests;

/// <summary>
/// The exported rules, parsed back from the emitted text the way Elasticsearch and Solr parse them, and applied with
/// Lucene.Net's own <see cref="MappingCharFilter"/> (and <see cref="PatternReplaceCharFilter"/> for spaces), must give
/// exactly the normalizer's output.
/// </summary>
public class SearchEngineExportTests
{
    public static TheoryData<string, SearchEngineTarget> PresetsAndTargets()
    {
        var data = new TheoryData<string, SearchEngineTarget>();
        foreach (string preset in new[] { "Default", "Search", "Persian" })
        {
            foreach (SearchEngineTarget target in Enum.GetValues<SearchEngineTarget>())
            {
                data.Add(preset, target);
            }
        }

        return data;
    }

    internal static ArabicNormalizer Preset(string name) => name switch
    {
        "Default" => ArabicNormalizer.Default,
        "Search" => ArabicNormalizer.Search,
        _ => ArabicNormalizer.Persian,
    };

    [Theory]
    [MemberData(nameof(PresetsAndTargets))]
    public void Export_SeedArticleAndItsPdfRendering_MappingGivesNormalize(string preset, SearchEngineTarget target)
    {
        ArabicNormalizer normalizer = Preset(preset);
        ExportedRules rules = ExportedRules.Parse(SearchEngineExport.Export(normalizer, target), target);
        foreach (string text in new[] { TestData.Seed, TestData.Pdf })
        {
            string expected = normalizer.Normalize(text);
            string actual = rules.Apply(text);
            Assert.True(expected == actual, $"{preset}/{target}: first difference at {FirstDifference(expected, actual)}");
        }
    }

    [Theory]
    [MemberData(nameof(PresetsAndTargets))]
    public void Export_GeneratedText_MappingGivesNormalize(string preset, SearchEngineTarget target)
    {
        ArabicNormalizer normalizer = Preset(preset);
        ExportedRules rules = ExportedRules.Parse(SearchEngineExport.Export(normalizer, target), target);
        var generator = new ExportTextGenerator(normalizer);
        for (int seed = 0; seed < 30; seed++)
        {
            string text = generator.Generate(new Random(seed));
            AssertSame(normalizer, rules, text);
        }
    }

    /// <summary>Random options, random text outside the documented context cases (Elasticsearch syntax, then Solr).</summary>
    [Property(Arbitrary = [typeof(ExportGenerators)], MaxTest = 25, Replay = "(20261201,1234567891)")]
    public void ExportedRules_GiveNormalize(ExportCase c)
    {
        ArabicNormalizer normalizer = new(c.Options);
        (ExportedRules es, ExportedRules solr) = ExportGenerators.RulesFor(normalizer);
        var generator = new ExportTextGenerator(normalizer);
        var random = new Random(c.Seed);
        for (int k = 0; k < 4; k++)
        {
            string text = generator.Generate(random);
            AssertSame(normalizer, es, text);
            AssertSame(normalizer, solr, text);
        }
    }

    [Fact]
    public void GetUnexpressedRules_EveryItem_DiffersAsDocumented()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ArabicNormalizer normalizer in new[]
        {
            ArabicNormalizer.Default, ArabicNormalizer.Search, ArabicNormalizer.Persian,
            new(new ArabicNormalizerOptions { ContextualFarsiYeh = true }),
        })
        {
            ExportedRules rules = ExportedRules.Parse(SearchEngineExport.Export(normalizer, SearchEngineTarget.Elasticsearch), SearchEngineTarget.Elasticsearch);
            foreach (UnexpressedRule item in SearchEngineExport.GetUnexpressedRules(normalizer))
            {
                seen.Add(item.Name);
                Assert.Equal(normalizer.Normalize(item.Example), item.Expected);
                Assert.Equal(item.MappingOutput, rules.Apply(item.Example));
                Assert.NotEqual(item.Expected, item.MappingOutput);
                Assert.Contains(item.Name, item.ToString(), StringComparison.Ordinal);
            }
        }

        // The differences of today's engine; CanonicalMarkOrder joins them when the engine orders marks (spec 3.2).
        Assert.Contains("ContextualFarsiYeh", seen);
        Assert.Contains("ComposeHamzaAcrossSeveral", seen);
        Assert.Contains("JoinedSurrogateHalves", seen);
    }

    [Fact]
    public void GetUnexpressedRules_ContextualFarsiYeh_WordFinalYehDiffers()
    {
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions { ContextualFarsiYeh = true });
        UnexpressedRule item = Assert.Single(SearchEngineExport.GetUnexpressedRules(normalizer), r => r.Name == "ContextualFarsiYeh");
        Assert.Equal("\u0641\u0649 \u0628", item.Expected); // FEH, ALEF MAKSURA, SPACE, BEH
        Assert.Equal("\u0641\u064A \u0628", item.MappingOutput); // FEH, YEH, SPACE, BEH

        // Inside a word the mapping's YEH is right.
        ExportedRules rules = ExportedRules.Parse(SearchEngineExport.Export(normalizer, SearchEngineTarget.Solr), SearchEngineTarget.Solr);
        Assert.Equal(normalizer.Normalize("\u0628\u06CC\u0646"), rules.Apply("\u0628\u06CC\u0646")); // BEH, FARSI YEH, NOON
    }

    [Fact]
    public void Export_Default_HoldsEveryKindOfRule()
    {
        Dictionary<string, string> rules = SearchEngineExport.GetMappings(ArabicNormalizer.Default).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        Assert.Equal("\u064A", rules["\u06CC"]); // one-to-one: FARSI YEH -> YEH
        Assert.Equal("\u0644\u0627", rules["\uFEFB"]); // expansion: LAM-ALEF ligature -> LAM, ALEF
        Assert.Equal(18, rules["\uFDFA"].Length); // expansion: SALLALLAHOU ALAYHE WASALLAM
        Assert.Equal("", rules["\u0640"]); // deletion: TATWEEL
        Assert.Equal("\u0623", rules["\u0627\u0654"]); // pair: ALEF + HAMZA ABOVE
        Assert.Equal("\u0623", rules["\u0627\u0640\u0654"]); // pair across a deleted TATWEEL
        Assert.Equal("\u0626", rules["\u06CC\u0654"]); // FARSI YEH (mapped to YEH) + HAMZA ABOVE
        Assert.Equal("\u0644\u0623", rules["\uFEFB\u0654"]); // the ligature's ALEF composes too
        Assert.Equal("\u0627", rules["\uD83B\uDE00"]); // U+1EE00 ARABIC MATHEMATICAL ALEF
        Assert.DoesNotContain(" ", rules.Keys);
    }

    [Fact]
    public void Export_Elasticsearch_IsIndexSettingsWithMappingPatternAndMeta()
    {
        string json = SearchEngineExport.Export(ArabicNormalizer.Search, SearchEngineTarget.Elasticsearch);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement analysis = doc.RootElement.GetProperty("settings").GetProperty("analysis");
        JsonElement mapping = analysis.GetProperty("char_filter").GetProperty("arabicnorm_mapping");
        Assert.Equal("mapping", mapping.GetProperty("type").GetString());
        string[] lines = mapping.GetProperty("mappings").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains("\\u06CC=>\\u064A", lines); // FARSI YEH -> YEH, as \uXXXX escapes
        Assert.Contains("\\u0640=>", lines); // TATWEEL deleted: empty right side
        JsonElement spaces = analysis.GetProperty("char_filter").GetProperty("arabicnorm_spaces");
        Assert.Equal("pattern_replace", spaces.GetProperty("type").GetString());
        Assert.Equal(
            ["arabicnorm_mapping", "arabicnorm_spaces"],
            analysis.GetProperty("analyzer").GetProperty("arabicnorm").GetProperty("char_filter").EnumerateArray().Select(e => e.GetString()).ToArray());
        JsonElement meta = doc.RootElement.GetProperty("mappings").GetProperty("_meta").GetProperty("arabicnorm");
        Assert.Contains("CollapseSpaces=True", meta.GetProperty("options").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, meta.GetProperty("not_expressed").GetArrayLength());
        Assert.True(json.All(char.IsAscii));
    }

    [Fact]
    public void Export_Default_HasNoSpaceFilter()
    {
        using JsonDocument doc = JsonDocument.Parse(SearchEngineExport.Export(ArabicNormalizer.Default, SearchEngineTarget.OpenSearch));
        Assert.False(doc.RootElement.GetProperty("settings").GetProperty("analysis").GetProperty("char_filter").TryGetProperty("arabicnorm_spaces", out _));
    }

    [Fact]
    public void Export_AzureSearch_HasODataTypes()
    {
        using JsonDocument doc = JsonDocument.Parse(SearchEngineExport.Export(ArabicNormalizer.Search, SearchEngineTarget.AzureSearch));
        string[] types = doc.RootElement.GetProperty("charFilters").EnumerateArray().Select(e => e.GetProperty("@odata.type").GetString()!).ToArray();
        Assert.Equal(["#Microsoft.Azure.Search.MappingCharFilter", "#Microsoft.Azure.Search.PatternReplaceCharFilter"], types);
        Assert.Equal("#Microsoft.Azure.Search.CustomAnalyzer", doc.RootElement.GetProperty("analyzers")[0].GetProperty("@odata.type").GetString());
    }

    [Fact]
    public void Export_Solr_HeaderNamesTheSchemaLinesAndTheDifferences()
    {
        string text = SearchEngineExport.Export(ArabicNormalizer.Search, SearchEngineTarget.Solr);
        string[] header = text.Split('\n').TakeWhile(l => l.StartsWith('#')).ToArray();
        Assert.Contains(header, l => l.Contains("solr.MappingCharFilterFactory", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("solr.PatternReplaceCharFilterFactory", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("ComposeHamzaAcrossSeveral", StringComparison.Ordinal));
        Assert.Contains("\"\\u06CC\" => \"\\u064A\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Elasticsearch_AnalyzerIsCustomWithStandardTokenizerAndLowercase()
    {
        // The create-index body of Elasticsearch's custom analyzer: "type": "custom", a tokenizer, a filter list.
        string json = SearchEngineExport.Export(ArabicNormalizer.Default, SearchEngineTarget.Elasticsearch);
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement analyzer = doc.RootElement.GetProperty("settings").GetProperty("analysis").GetProperty("analyzer").GetProperty("arabicnorm");
        Assert.Equal("custom", analyzer.GetProperty("type").GetString());
        Assert.Equal("standard", analyzer.GetProperty("tokenizer").GetString());
        Assert.Equal(["lowercase"], analyzer.GetProperty("filter").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal(["arabicnorm_mapping"], analyzer.GetProperty("char_filter").EnumerateArray().Select(e => e.GetString()).ToArray());
        JsonElement meta = doc.RootElement.GetProperty("mappings").GetProperty("_meta").GetProperty("arabicnorm");
        Assert.Equal(LibraryVersion(), meta.GetProperty("version").GetString());
        Assert.Equal(ArabicNormalizer.Default.GetOptions().ToString(), meta.GetProperty("options").GetString());
        Assert.StartsWith("{\n  \"settings\": {\n", json, StringComparison.Ordinal); // indented, as documented
        Assert.EndsWith("}\n", json, StringComparison.Ordinal); // a text file: one final newline
    }

    [Theory]
    [InlineData("Default", new[] { "arabicnorm_mapping" })]
    [InlineData("Search", new[] { "arabicnorm_mapping", "arabicnorm_spaces" })]
    public void Export_AzureSearch_AnalyzerNamesItsFiltersAndTheStandardTokenizer(string preset, string[] charFilters)
    {
        // An Azure AI Search index definition names every filter and analyzer, and its custom analyzer lists them by name.
        string json = SearchEngineExport.Export(Preset(preset), SearchEngineTarget.AzureSearch);
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal(charFilters, doc.RootElement.GetProperty("charFilters").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToArray());
        JsonElement analyzer = Assert.Single(doc.RootElement.GetProperty("analyzers").EnumerateArray());
        Assert.Equal("arabicnorm", analyzer.GetProperty("name").GetString());
        Assert.Equal("standard_v2", analyzer.GetProperty("tokenizer").GetString());
        Assert.Equal(["lowercase"], analyzer.GetProperty("tokenFilters").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal(charFilters, analyzer.GetProperty("charFilters").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Search")]
    public void Export_Solr_HeaderIsTheDocumentedComment(string preset)
    {
        ArabicNormalizer normalizer = Preset(preset);
        string[] lines = SearchEngineExport.Export(normalizer, SearchEngineTarget.Solr).Split('\n');
        var expected = new List<string>
        {
            $"# ArabicNorm {LibraryVersion()} rules for solr.MappingCharFilterFactory (arabicnorm export).",
            "# Options: " + normalizer.GetOptions(),
            "# In the field type's analyzer, before the tokenizer:",
            "#   <charFilter class=\"solr.MappingCharFilterFactory\" mapping=\"mapping-arabicnorm.txt\"/>",
        };
        if (normalizer.GetOptions().CollapseSpaces)
        {
            expected.Add("#   <charFilter class=\"solr.PatternReplaceCharFilterFactory\" pattern=\" {2,}\" replacement=\" \"/>");
        }

        expected.Add("# Not expressed by these rules:");
        expected.AddRange(SearchEngineExport.GetUnexpressedRules(normalizer).Select(r => "#   " + r));
        Assert.Equal(expected, lines.Take(expected.Count));
        Assert.StartsWith("\"", lines[expected.Count], StringComparison.Ordinal); // the rules follow the header
    }

    [Fact]
    public void Export_Solr_NothingUnexpressed_SaysSo()
    {
        // No hamza composition, no contextual yeh, no compatibility folding: every rule is a plain mapping.
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions { ComposeHamza = false, FoldCompatibilityForms = false });
        Assert.Empty(SearchEngineExport.GetUnexpressedRules(normalizer));
        string[] lines = SearchEngineExport.Export(normalizer, SearchEngineTarget.Solr).Split('\n');
        int at = Array.IndexOf(lines, "# Not expressed by these rules:");
        Assert.Equal("#   nothing, for these options.", lines[at + 1]);
        Assert.StartsWith("\"", lines[at + 2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SearchEngineTarget.Elasticsearch)]
    [InlineData(SearchEngineTarget.Solr)]
    public void Export_RulesAreInOrdinalOrderOfTheirKeys(SearchEngineTarget target)
    {
        // GetMappings documents ordinal key order, and the exported files list the rules in it: a diff of two exports
        // shows what changed.
        IReadOnlyList<KeyValuePair<string, string>> mappings = SearchEngineExport.GetMappings(ArabicNormalizer.Search);
        string[] keys = mappings.Select(r => r.Key).ToArray();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        string text = SearchEngineExport.Export(ArabicNormalizer.Search, target);
        if (target == SearchEngineTarget.Solr)
        {
            Assert.Equal(
                mappings.Select(r => $"\"{Escaped(r.Key)}\" => \"{Escaped(r.Value)}\""),
                text.Split('\n').Where(l => l.StartsWith('"')));
            return;
        }

        using JsonDocument doc = JsonDocument.Parse(text);
        Assert.Equal(
            mappings.Select(r => $"{Escaped(r.Key)}=>{Escaped(r.Value)}"),
            doc.RootElement.GetProperty("settings").GetProperty("analysis").GetProperty("char_filter")
                .GetProperty("arabicnorm_mapping").GetProperty("mappings").EnumerateArray().Select(e => e.GetString()!));
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Search")]
    [InlineData("Persian")]
    public void GetMappings_EveryLongerKeyIsNeeded(string preset)
    {
        // The remarks: a key becomes a rule only when the engine's result differs from what the shorter rules give by
        // longest match. So without any one key of two or more characters, longest match over the other rules must
        // get that key wrong: no rule is there for nothing.
        var rules = SearchEngineExport.GetMappings(Preset(preset)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        int longest = rules.Keys.Max(k => k.Length);
        foreach (KeyValuePair<string, string> rule in rules.Where(r => r.Key.Length >= 2).ToArray())
        {
            rules.Remove(rule.Key);
            Assert.True(
                LongestMatch(rules, longest, rule.Key) != rule.Value,
                $"{TestData.Escape(rule.Key)} => {TestData.Escape(rule.Value)} is what the other rules give anyway");
            rules.Add(rule.Key, rule.Value);
        }
    }

    // Lucene's MappingCharFilter, as the class remarks describe it: at each position the longest key that matches is
    // replaced, and the text after it is read on; a character no key starts is kept.
    private static string LongestMatch(Dictionary<string, string> rules, int longest, string text)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            int length = Math.Min(longest, text.Length - i);
            while (length > 0 && !rules.ContainsKey(text.Substring(i, length)))
            {
                length--;
            }

            sb.Append(length > 0 ? rules[text.Substring(i, length)] : text[i].ToString());
            i += Math.Max(length, 1);
        }

        return sb.ToString();
    }

    public static TheoryData<string, ArabicNormalizerOptions, string> UnexpressedExamples() => new()
    {
        // The first example that differs is the one reported: each candidate's list runs from the common case on.
        { "ComposeHamzaAcrossSeveral", new ArabicNormalizerOptions(), "\u0627\u0640\u0640\u0654" }, // ALEF, two TATWEEL, HAMZA ABOVE
        { "ComposeHamzaAcrossSeveral", new ArabicNormalizerOptions { RemoveTatweel = false }, "\u0627\u200F\u200F\u0654" }, // two RLM
        { "ComposeHamzaAcrossSeveral", new ArabicNormalizerOptions { RemoveTatweel = false, RemoveFormatControls = false }, "\u0627\u064E\u0652\u0654" }, // FATHA, SUKUN
        { "ComposeHamzaAcrossSeveral", ArabicNormalizer.Search.GetOptions(), "\u064A\u0640\u0640\u0654" }, // FoldAlef folds ALEF WITH HAMZA back: YEH shows it
        { "CanonicalMarkOrder", new ArabicNormalizerOptions(), "\u0628\u0651\u064E" }, // BEH, SHADDA, FATHA
        { "JoinedSurrogateHalves", new ArabicNormalizerOptions(), "\uD83B\u0640\uDE00" }, // U+1EE00 split by TATWEEL
        { "JoinedSurrogateHalves", new ArabicNormalizerOptions { RemoveTatweel = false }, "\uD83B\u200F\uDE00" }, // split by RLM
    };

    [Theory]
    [MemberData(nameof(UnexpressedExamples))]
    public void GetUnexpressedRules_ReportsTheFirstExampleThatDiffers(string name, ArabicNormalizerOptions options, string example)
    {
        var normalizer = new ArabicNormalizer(options);
        IReadOnlyList<UnexpressedRule> rules = SearchEngineExport.GetUnexpressedRules(normalizer);
        Assert.Equal(rules.Select(r => r.Name).Distinct(), rules.Select(r => r.Name)); // one item per behaviour
        UnexpressedRule rule = Assert.Single(rules, r => r.Name == name);
        Assert.Equal(TestData.Escape(example), TestData.Escape(rule.Example));
        Assert.Equal(normalizer.Normalize(example), rule.Expected);
        Assert.NotEqual(rule.Expected, rule.MappingOutput);
    }

    [Fact]
    public void GetUnexpressedRules_Default_NamesAndDescribesEachBehaviour()
    {
        IReadOnlyList<UnexpressedRule> rules = SearchEngineExport.GetUnexpressedRules(ArabicNormalizer.Default);
        Assert.Equal(["ComposeHamzaAcrossSeveral", "CanonicalMarkOrder", "JoinedSurrogateHalves"], rules.Select(r => r.Name).ToArray());
        Assert.Contains("hamza mark composes", rules[0].Description, StringComparison.Ordinal);
        Assert.Contains("canonical order", rules[1].Description, StringComparison.Ordinal);
        Assert.Contains("surrogate halves", rules[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("normalizer", () => SearchEngineExport.Export(null!, SearchEngineTarget.Solr));
        ArgumentOutOfRangeException undefined = Assert.Throws<ArgumentOutOfRangeException>("target", () => SearchEngineExport.Export(ArabicNormalizer.Search, (SearchEngineTarget)42));
        Assert.Contains("42 is not a defined SearchEngineTarget value", undefined.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("normalizer", () => SearchEngineExport.GetMappings(null!));
        Assert.Throws<ArgumentNullException>("normalizer", () => SearchEngineExport.GetUnexpressedRules(null!));
    }

    // The version the library's assembly carries (Directory.Build.props' VersionPrefix), as major.minor.patch.
    private static string LibraryVersion()
    {
        Version version = typeof(SearchEngineExport).Assembly.GetName().Version!;
        Assert.NotEqual(new Version(0, 0, 0, 0), version);
        return version.ToString(3);
    }

    // The documented escaping of keys and replacements: ASCII letters and digits as they are, the rest as \uXXXX.
    private static string Escaped(string s) =>
        string.Concat(s.Select(c => char.IsAsciiLetterOrDigit(c) ? c.ToString() : $"\\u{(int)c:X4}"));

    private static void AssertSame(ArabicNormalizer normalizer, ExportedRules rules, string text)
    {
        string expected = normalizer.Normalize(text);
        string actual = rules.Apply(text);
        if (expected != actual)
        {
            int at = FirstDifference(expected, actual);
            Assert.Fail($"{normalizer}\ntext {TestData.Escape(text)}\nexpected {TestData.Escape(expected)}\nmapping  {TestData.Escape(actual)}\nfirst difference at {at}");
        }
    }

    private static int FirstDifference(string a, string b)
    {
        int k = 0;
        while (k < a.Length && k < b.Length && a[k] == b[k])
        {
            k++;
        }

        return k;
    }
}

/// <summary>Options and a seed for a random text.</summary>
public sealed record ExportCase(ArabicNormalizerOptions Options, int Seed)
{
    public override string ToString() => $"{{ {Options} }} seed {Seed}";
}

public static class ExportGenerators
{
    private static readonly ConcurrentDictionary<string, (ExportedRules, ExportedRules)> s_rules = new(StringComparer.Ordinal);

    public static Arbitrary<ExportCase> Case() => Arb.From(
        from flags in Gen.Elements(true, false).ArrayOf(12)
        from letters in Gen.Elements(LetterTarget.Keep, LetterTarget.Arabic, LetterTarget.Persian)
        from digits in Gen.Elements(DigitTarget.Keep, DigitTarget.Ascii, DigitTarget.ArabicIndic, DigitTarget.Persian)
        from quotes in Gen.Elements(QuoteTarget.Keep, QuoteTarget.Ascii)
        from zwnj in Gen.Elements(ZwnjHandling.Keep, ZwnjHandling.Remove, ZwnjHandling.Space)
        from seed in Gen.Choose(0, int.MaxValue)
        select new ExportCase(
            new ArabicNormalizerOptions
            {
                FoldCompatibilityForms = flags[0],
                ComposeHamza = flags[1],
                ContextualFarsiYeh = flags[2],
                RemoveTatweel = flags[3],
                RemoveFormatControls = flags[4],
                NormalizeSpaces = flags[5],
                CollapseSpaces = flags[6],
                RemoveDiacritics = flags[7],
                FoldAlef = flags[8],
                FoldAlefMaksura = flags[9],
                FoldTehMarbuta = flags[10],
                AsciiPunctuation = flags[11],
                Letters = letters,
                Digits = digits,
                Quotes = quotes,
                Zwnj = zwnj,
            },
            seed));

    /// <summary>Gets the rules for <paramref name="normalizer"/> as Elasticsearch and as Solr read them, built once per options.</summary>
    public static (ExportedRules Elasticsearch, ExportedRules Solr) RulesFor(ArabicNormalizer normalizer) =>
        s_rules.GetOrAdd(normalizer.GetOptions().ToString(), _ => (
            ExportedRules.Parse(SearchEngineExport.Export(normalizer, SearchEngineTarget.Elasticsearch), SearchEngineTarget.Elasticsearch),
            ExportedRules.Parse(SearchEngineExport.Export(normalizer, SearchEngineTarget.Solr), SearchEngineTarget.Solr)));
}

/// <summary>
/// Random text made of clusters that stay inside what a mapping can express: a base character (anything the rules
/// concern, presentation forms and Arabic mathematical letters included, plus plain letters, digits and spaces), then
/// at most one middle character (one that is deleted, or a mark) and at most one mark, then possibly a run of deleted
/// characters. So no two marks meet across clusters, a hamza mark is never more than one character from its base,
/// unpaired surrogates never occur, and, under a contextual FARSI YEH, no character whose result depends on the next
/// one is used: exactly the cases <see cref="SearchEngineExport.GetUnexpressedRules(ArabicNormalizer)"/> leaves out.
/// </summary>
public sealed class ExportTextGenerator
{
    private readonly List<string> _bases = [];
    private readonly List<string> _basesEndingInMark = [];
    private readonly List<string> _middles = [];
    private readonly List<string> _deleted = [];
    private readonly List<string> _marks = [];
    private readonly HashSet<string> _composing = new(StringComparer.Ordinal);

    public ExportTextGenerator(ArabicNormalizer normalizer)
    {
        var candidates = new List<string>();
        foreach ((int first, int last) in new[]
        {
            (0x0020, 0x007E), (0x00A0, 0x00BB), (0x0600, 0x06FF), (0x1680, 0x1680), (0x2000, 0x206F), (0x3000, 0x3000),
            (0x301D, 0x301F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF), (0xFF02, 0xFF07),
        })
        {
            for (int c = first; c <= last; c++)
            {
                candidates.Add(((char)c).ToString());
            }
        }

        for (int cp = 0x1EE00; cp <= 0x1EEFF; cp++)
        {
            if (Rune.IsValid(cp) && Rune.GetUnicodeCategory(new Rune(cp)) != UnicodeCategory.OtherNotAssigned)
            {
                candidates.Add(char.ConvertFromUtf32(cp));
            }
        }

        candidates.Add("\n");
        foreach (string s in candidates)
        {
            string n = normalizer.Normalize(s);
            bool rawMark = s.Length == 1 && IsMark(s[0]);
            if (rawMark)
            {
                _middles.Add(s);
                _marks.Add(s);
                continue;
            }

            if (n.Length == 0)
            {
                _middles.Add(s);
                _deleted.Add(s);
                continue;
            }

            // Whatever depends on the next character (a contextual FARSI YEH, alone or inside an expansion) stays out.
            if (normalizer.Normalize(s + "\u0628") != n + "\u0628" || IsMark(n[0]))
            {
                continue;
            }

            (IsMark(n[^1]) ? _basesEndingInMark : _bases).Add(s);
            if (!IsMark(n[^1]) && "\u0653\u0654\u0655".Any(m => normalizer.Normalize(s + m) != n + normalizer.Normalize(m.ToString())))
            {
                _composing.Add(s);
            }
        }
    }

    public string Generate(Random random)
    {
        var sb = new StringBuilder();
        int clusters = random.Next(1, 120);
        for (int k = 0; k < clusters; k++)
        {
            bool endsInMark = _basesEndingInMark.Count > 0 && random.Next(20) == 0;
            string b = Pick(random, endsInMark ? _basesEndingInMark : _bases);
            sb.Append(b);
            if (!endsInMark)
            {
                string middle = random.Next(3) == 0 && _middles.Count > 0 ? Pick(random, _middles) : "";
                sb.Append(middle);

                // Two marks in a row only as a composing base, a mark and a hamza mark: the normalizer's result for
                // that triple (composed, or marks put in order) is a rule of its own. Otherwise one mark at most.
                bool markMiddle = middle.Length == 1 && IsMark(middle[0]);
                if (random.Next(3) == 0 && (!markMiddle || _composing.Contains(b)))
                {
                    // Half of the marks are the three that compose.
                    sb.Append(markMiddle || random.Next(2) == 0 || _marks.Count == 0 ? "\u0653\u0654\u0655"[random.Next(3)].ToString() : Pick(random, _marks));
                }
            }

            if (random.Next(5) == 0 && _deleted.Count > 0)
            {
                for (int n = random.Next(1, 5); n > 0; n--)
                {
                    sb.Append(Pick(random, _deleted));
                }
            }

            if (random.Next(4) == 0)
            {
                sb.Append(' ', random.Next(1, 3));
            }
        }

        return sb.ToString();
    }

    private static string Pick(Random random, List<string> items) => items[random.Next(items.Count)];

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}

/// <summary>Exported rules read back from the emitted text as the target engine reads them.</summary>
public sealed class ExportedRules
{
    // Elasticsearch's MappingCharFilterFactory: a rule is "lhs => rhs", each side trimmed, then unescaped.
    private static readonly Regex s_esRule = new(@"(.*)\s*=>\s*(.*)\s*$", RegexOptions.CultureInvariant);

    private readonly NormalizeCharMap? _map;
    private readonly MappingCharFilterFactory? _solr;
    private readonly Regex? _spaces;
    private readonly string _spaceReplacement = " ";

    private ExportedRules(NormalizeCharMap? map, MappingCharFilterFactory? solr, Regex? spaces)
    {
        _map = map;
        _solr = solr;
        _spaces = spaces;
    }

    public static ExportedRules Parse(string exported, SearchEngineTarget target)
    {
        if (target == SearchEngineTarget.Solr)
        {
            return ParseSolr(exported);
        }

        using JsonDocument doc = JsonDocument.Parse(exported);
        IEnumerable<JsonElement> filters = target == SearchEngineTarget.AzureSearch
            ? doc.RootElement.GetProperty("charFilters").EnumerateArray()
            : doc.RootElement.GetProperty("settings").GetProperty("analysis").GetProperty("char_filter").EnumerateObject().Select(p => p.Value);
        NormalizeCharMap? map = null;
        Regex? spaces = null;
        foreach (JsonElement filter in filters)
        {
            string type = target == SearchEngineTarget.AzureSearch ? filter.GetProperty("@odata.type").GetString()! : filter.GetProperty("type").GetString()!;
            if (type is "mapping" or "#Microsoft.Azure.Search.MappingCharFilter")
            {
                var builder = new NormalizeCharMap.Builder();
                foreach (JsonElement rule in filter.GetProperty("mappings").EnumerateArray())
                {
                    Match m = s_esRule.Match(rule.GetString()!);
                    Assert.True(m.Success, rule.GetString());
                    string lhs = Unescape(m.Groups[1].Value.Trim());
                    Assert.NotEmpty(lhs);
                    builder.Add(lhs, Unescape(m.Groups[2].Value.Trim()));
                }

                map = builder.Build();
            }
            else
            {
                Assert.Equal(" ", filter.GetProperty("replacement").GetString());
                spaces = new Regex(filter.GetProperty("pattern").GetString()!, RegexOptions.CultureInvariant);
            }
        }

        return new ExportedRules(map, null, spaces);
    }

    /// <summary>Applies the mapping with Lucene.Net's <see cref="MappingCharFilter"/>, then the pattern, as the engine would.</summary>
    public string Apply(string text)
    {
        TextReader reader = _solr is not null ? _solr.Create(new StringReader(text)) : new MappingCharFilter(_map!, new StringReader(text));
        if (_spaces is not null)
        {
            reader = new PatternReplaceCharFilter(_spaces, _spaceReplacement, reader);
        }

        var sb = new StringBuilder();
        char[] buffer = new char[1024];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            sb.Append(buffer, 0, n);
        }

        reader.Dispose();
        return sb.ToString();
    }

    private static ExportedRules ParseSolr(string exported)
    {
        // Solr reads the file through MappingCharFilterFactory itself; the header names the pattern filter to add.
        var factory = new MappingCharFilterFactory(new Dictionary<string, string> { ["mapping"] = "mapping-arabicnorm.txt" });
        factory.Inform(new OneFileLoader(exported));
        Regex? spaces = exported.Contains("solr.PatternReplaceCharFilterFactory", StringComparison.Ordinal) ? new Regex(" {2,}", RegexOptions.CultureInvariant) : null;
        return new ExportedRules(null, factory, spaces);
    }

    // Elasticsearch's unescaping of a rule side: \\, \", \', \n, \t, \r, \b, \f and \uXXXX.
    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            c = s[++i];
            switch (c)
            {
                case 'u':
                    sb.Append((char)int.Parse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    private sealed class OneFileLoader(string content) : IResourceLoader
    {
        public Stream OpenResource(string resource) => new MemoryStream(Encoding.UTF8.GetBytes(content));

        public Type FindType(string cname) => throw new NotSupportedException(cname);

        public T NewInstance<T>(string cname) => throw new NotSupportedException(cname);
    }
}
