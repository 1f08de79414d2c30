using System.Globalization;
using System.Text;
using System.Text.Json;
using ArabicNorm.Internal;

namespace ArabicNorm;

/// <summary>
/// Exports the rules of an <see cref="ArabicNormalizer"/> as mapping char filter rules for Elasticsearch, OpenSearch,
/// Solr and Azure AI Search, so a cluster normalizes at index and query time as the library does.
/// </summary>
/// <remarks>
/// <para>The rules are derived from the normalizer itself: every character its rules may concern is normalized alone,
/// and every pair and triple that composition can join is normalized as a whole; a key becomes a rule when the
/// engine's result differs from what the shorter rules give by longest match. So the rules are, by construction, what
/// the normalizer does:</para>
/// <list type="bullet">
/// <item><description>one-to-one rules (FARSI YEH to YEH, digits, quotation marks, spaces);</description></item>
/// <item><description>expansions (a lam-alef ligature to two letters, U+FDFA to 18 characters);</description></item>
/// <item><description>deletions, with an empty right side (tatweel, bidi controls, diacritics when removed);</description></item>
/// <item><description>the hamza compositions as two-character keys (ALEF + HAMZA ABOVE), and as three-character keys
/// across one character that is deleted anyway or one mark (ALEF + TATWEEL + HAMZA ABOVE).</description></item>
/// </list>
/// <para>Runs of spaces, where the options collapse them, are collapsed by a <c>pattern_replace</c> char filter after
/// the mapping (Elasticsearch, OpenSearch, Azure AI Search; for Solr the file's header names the
/// <c>PatternReplaceCharFilterFactory</c> line). What a mapping cannot express is listed by
/// <see cref="GetUnexpressedRules(ArabicNormalizer)"/>, each item with an example, and written into the output where
/// the format has room for it.</para>
/// <para>A mapping filter is applied to text as Lucene's <c>MappingCharFilter</c> applies it (Elasticsearch, OpenSearch,
/// Solr and Azure AI Search all build on it): at each position the longest matching key is replaced, and the
/// replacement is not looked at again. Outside the listed cases, that gives exactly
/// <see cref="ArabicNormalizer.Normalize(string)"/>'s output; the tests check it with Lucene.Net's own
/// <c>MappingCharFilter</c> on generated text for every preset and random options, on the seed article and on its PDF
/// rendering.</para>
/// <para>Deriving the rules normalizes some hundred thousand short strings: call it once per configuration.</para>
/// </remarks>
public static class SearchEngineExport
{
    /// <summary>The name of the mapping char filter in the exported JSON.</summary>
    private const string MappingFilterName = "arabicnorm_mapping";

    /// <summary>The name of the space-collapsing char filter in the exported JSON.</summary>
    private const string SpacesFilterName = "arabicnorm_spaces";

    /// <summary>The name of the analyzer in the exported JSON.</summary>
    private const string AnalyzerName = "arabicnorm";

    /// <summary>The pattern the exported <c>pattern_replace</c> char filter collapses: two or more U+0020.</summary>
    private const string SpaceRunPattern = " {2,}";

    // U+0653 MADDA ABOVE, U+0654 HAMZA ABOVE, U+0655 HAMZA BELOW: the marks that compose.
    private const string HamzaMarks = "\u0653\u0654\u0655";

    // U+0628 BEH, never changed by any rule: appended to see a FARSI YEH in the middle of a word.
    private const char Beh = '\u0628';

    // Everything written is ASCII; the relaxed encoder keeps "=>" readable instead of escaping '>'.
    private static readonly JsonWriterOptions s_jsonOptions = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Gets the mapping rules that reproduce <paramref name="normalizer"/>, as key and replacement pairs.</summary>
    /// <param name="normalizer">The normalizer to export.</param>
    /// <returns>The rules in ordinal order of their keys. A replacement is empty for a deletion.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="normalizer"/> is <see langword="null"/>.</exception>
    /// <remarks>Keys are one to four UTF-16 code units (a supplementary character counts two). Spaces are not
    /// collapsed by any rule: with <see cref="ArabicNormalizerOptions.CollapseSpaces"/> on, <see cref="Export"/> adds a
    /// <c>pattern_replace</c> char filter where the target has one. With
    /// <see cref="ArabicNormalizerOptions.ContextualFarsiYeh"/> in effect, FARSI YEH maps to YEH, its form inside a word.</remarks>
    public static IReadOnlyList<KeyValuePair<string, string>> GetMappings(ArabicNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        return new RuleBuilder(normalizer).Build().OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Lists what <paramref name="normalizer"/> does that the exported rules cannot express.</summary>
    /// <param name="normalizer">The normalizer to export.</param>
    /// <returns>One item per behaviour that applies to the normalizer's options, each with an example on which the
    /// normalizer and the exported rules, applied as a mapping char filter applies them, really differ.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="normalizer"/> is <see langword="null"/>.</exception>
    /// <remarks>The candidates are: a word-final FARSI YEH under
    /// <see cref="ArabicNormalizerOptions.ContextualFarsiYeh"/>; a hamza mark that composes across more than one
    /// deleted character or mark; combining marks that the normalizer puts in canonical order; and unpaired surrogate
    /// halves that deletions join into an Arabic mathematical letter. An item is listed only when its example differs.</remarks>
    public static IReadOnlyList<UnexpressedRule> GetUnexpressedRules(ArabicNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        var builder = new RuleBuilder(normalizer);
        builder.Build();
        return builder.FindUnexpressed();
    }

    /// <summary>Writes the rules of <paramref name="normalizer"/> in the format of <paramref name="target"/>.</summary>
    /// <param name="normalizer">The normalizer to export.</param>
    /// <param name="target">The search engine.</param>
    /// <returns>The file text:
    /// for <see cref="SearchEngineTarget.Elasticsearch"/> and <see cref="SearchEngineTarget.OpenSearch"/>, a create-index
    /// body whose <c>settings.analysis</c> defines the <c>arabicnorm_mapping</c> mapping char filter, the
    /// <c>arabicnorm_spaces</c> <c>pattern_replace</c> char filter (when spaces collapse) and an <c>arabicnorm</c> custom
    /// analyzer (standard tokenizer, lowercase), and whose <c>mappings._meta.arabicnorm</c> records the options and what
    /// the rules cannot express;
    /// for <see cref="SearchEngineTarget.AzureSearch"/>, an object with the <c>charFilters</c> and <c>analyzers</c> to put
    /// in an index definition (the format has no place for notes: see <see cref="GetUnexpressedRules(ArabicNormalizer)"/>);
    /// for <see cref="SearchEngineTarget.Solr"/>, a <c>mapping-*.txt</c> file for <c>solr.MappingCharFilterFactory</c>
    /// whose <c>#</c> comment header records the options, the schema lines to use and what the rules cannot express.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="normalizer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is not a defined <see cref="SearchEngineTarget"/>.</exception>
    /// <remarks>Keys and replacements are written as <c>\uXXXX</c> escapes (ASCII letters and digits as they are), which
    /// both rule parsers read back; the JSON is UTF-8 text with only ASCII characters, indented.</remarks>
    public static string Export(ArabicNormalizer normalizer, SearchEngineTarget target)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        if (!Enum.IsDefined(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, $"{target} is not a defined {nameof(SearchEngineTarget)} value.");
        }

        var builder = new RuleBuilder(normalizer);
        List<KeyValuePair<string, string>> rules = builder.Build();
        rules.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        IReadOnlyList<UnexpressedRule> unexpressed = builder.FindUnexpressed();
        bool collapse = normalizer.GetOptions().CollapseSpaces;
        return target switch
        {
            SearchEngineTarget.Solr => WriteSolr(normalizer, rules, unexpressed, collapse),
            SearchEngineTarget.AzureSearch => WriteAzure(rules, collapse),
            _ => WriteElasticsearch(normalizer, rules, unexpressed, collapse),
        };
    }

    /// <summary>Writes <paramref name="s"/> with every character but ASCII letters and digits as a <c>\uXXXX</c> escape.</summary>
    internal static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length * 6);
        foreach (char c in s)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string Version =>
        typeof(SearchEngineExport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static string WriteElasticsearch(
        ArabicNormalizer normalizer, List<KeyValuePair<string, string>> rules, IReadOnlyList<UnexpressedRule> unexpressed, bool collapse)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, s_jsonOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("settings");
            json.WriteStartObject("analysis");
            json.WriteStartObject("char_filter");
            json.WriteStartObject(MappingFilterName);
            json.WriteString("type", "mapping");
            WriteRules(json, "mappings", rules);
            json.WriteEndObject();
            if (collapse)
            {
                json.WriteStartObject(SpacesFilterName);
                json.WriteString("type", "pattern_replace");
                json.WriteString("pattern", SpaceRunPattern);
                json.WriteString("replacement", " ");
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("analyzer");
            json.WriteStartObject(AnalyzerName);
            json.WriteString("type", "custom");
            WriteCharFilterNames(json, "char_filter", collapse);
            json.WriteString("tokenizer", "standard");
            json.WriteStartArray("filter");
            json.WriteStringValue("lowercase");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();

            // Mapping metadata is free-form and stored with the index: the place for what the rules leave out.
            json.WriteStartObject("mappings");
            json.WriteStartObject("_meta");
            json.WriteStartObject("arabicnorm");
            json.WriteString("version", Version);
            json.WriteString("options", normalizer.GetOptions().ToString());
            json.WriteStartArray("not_expressed");
            foreach (UnexpressedRule rule in unexpressed)
            {
                json.WriteStringValue(rule.ToString());
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string WriteAzure(List<KeyValuePair<string, string>> rules, bool collapse)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, s_jsonOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("charFilters");
            json.WriteStartObject();
            json.WriteString("@odata.type", "#Microsoft.Azure.Search.MappingCharFilter");
            json.WriteString("name", MappingFilterName);
            WriteRules(json, "mappings", rules);
            json.WriteEndObject();
            if (collapse)
            {
                json.WriteStartObject();
                json.WriteString("@odata.type", "#Microsoft.Azure.Search.PatternReplaceCharFilter");
                json.WriteString("name", SpacesFilterName);
                json.WriteString("pattern", SpaceRunPattern);
                json.WriteString("replacement", " ");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("analyzers");
            json.WriteStartObject();
            json.WriteString("@odata.type", "#Microsoft.Azure.Search.CustomAnalyzer");
            json.WriteString("name", AnalyzerName);
            json.WriteString("tokenizer", "standard_v2");
            json.WriteStartArray("tokenFilters");
            json.WriteStringValue("lowercase");
            json.WriteEndArray();
            WriteCharFilterNames(json, "charFilters", collapse);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteRules(Utf8JsonWriter json, string name, List<KeyValuePair<string, string>> rules)
    {
        json.WriteStartArray(name);
        foreach (KeyValuePair<string, string> rule in rules)
        {
            json.WriteStringValue(Escape(rule.Key) + "=>" + Escape(rule.Value));
        }

        json.WriteEndArray();
    }

    private static void WriteCharFilterNames(Utf8JsonWriter json, string name, bool collapse)
    {
        json.WriteStartArray(name);
        json.WriteStringValue(MappingFilterName);
        if (collapse)
        {
            json.WriteStringValue(SpacesFilterName);
        }

        json.WriteEndArray();
    }

    private static string WriteSolr(
        ArabicNormalizer normalizer, List<KeyValuePair<string, string>> rules, IReadOnlyList<UnexpressedRule> unexpressed, bool collapse)
    {
        var sb = new StringBuilder();
        sb.Append("# ArabicNorm ").Append(Version).Append(" rules for solr.MappingCharFilterFactory (arabicnorm export).\n");
        sb.Append("# Options: ").Append(normalizer.GetOptions()).Append('\n');
        sb.Append("# In the field type's analyzer, before the tokenizer:\n");
        sb.Append("#   <charFilter class=\"solr.MappingCharFilterFactory\" mapping=\"mapping-arabicnorm.txt\"/>\n");
        if (collapse)
        {
            sb.Append("#   <charFilter class=\"solr.PatternReplaceCharFilterFactory\" pattern=\"").Append(SpaceRunPattern)
                .Append("\" replacement=\" \"/>\n");
        }

        sb.Append("# Not expressed by these rules:\n");
        if (unexpressed.Count == 0)
        {
            sb.Append("#   nothing, for these options.\n");
        }

        foreach (UnexpressedRule rule in unexpressed)
        {
            sb.Append("#   ").Append(rule).Append('\n');
        }

        foreach (KeyValuePair<string, string> rule in rules)
        {
            sb.Append('"').Append(Escape(rule.Key)).Append("\" => \"").Append(Escape(rule.Value)).Append("\"\n");
        }

        return sb.ToString();
    }

    /// <summary>Derives the rules from the normalizer and checks candidate context cases against them.</summary>
    private sealed class RuleBuilder
    {
        private readonly ArabicNormalizer _normalizer;
        private readonly ArabicNormalizerOptions _options;
        private readonly bool _contextualYeh;
        private readonly Dictionary<string, string> _rules = new(StringComparer.Ordinal);
        private int _longestKey = 1;

        internal RuleBuilder(ArabicNormalizer normalizer)
        {
            _normalizer = normalizer;
            _options = normalizer.GetOptions();
            _contextualYeh = _options.ContextualFarsiYeh && _options.Letters == LetterTarget.Arabic && !_options.FoldAlefMaksura;
        }

        internal List<KeyValuePair<string, string>> Build()
        {
            List<string> singles = EnumerateSingles();

            // One-to-one rules, expansions and deletions.
            foreach (string c in singles)
            {
                string n = InWord(c);
                if (n != c)
                {
                    Add(c, n);
                }
            }

            // A hamza mark right after a character: composition, and what the letter and fold rules make of it.
            var composing = new List<string>();
            foreach (string x in singles)
            {
                bool composes = false;
                foreach (char m in HamzaMarks)
                {
                    string key = x + m;
                    composes |= InWord(key) != InWord(x) + InWord(m.ToString());
                    AddIfNeeded(key);
                }

                if (composes)
                {
                    composing.Add(x);
                }
            }

            // A hamza mark one character further: across a deleted character, or a mark the mark may move past.
            var middles = new List<string>();
            foreach (string d in singles)
            {
                if (d.Length == 1 && (InWord(d).Length == 0 || IsMark(d[0])))
                {
                    middles.Add(d);
                }
            }

            foreach (string x in composing)
            {
                foreach (string d in middles)
                {
                    foreach (char m in HamzaMarks)
                    {
                        AddIfNeeded(x + d + m);
                    }
                }
            }

            return [.. _rules];
        }

        internal List<UnexpressedRule> FindUnexpressed()
        {
            var found = new List<UnexpressedRule>();
            Consider(
                found,
                "ContextualFarsiYeh",
                "A FARSI YEH that ends a word becomes ALEF MAKSURA; the mapping cannot see the next character, so it maps every FARSI YEH to YEH, its form inside a word.",
                ["\u0641\u06CC \u0628"]); // FEH, FARSI YEH, SPACE, BEH
            Consider(
                found,
                "ComposeHamzaAcrossSeveral",
                "A hamza mark composes with its base across any number of deleted characters (tatweel, controls, removed diacritics) and lower-class marks; the mapping's keys reach across one.",
                [
                    .. Across("\u0640\u0640"), // two TATWEEL
                    .. Across("\u200F\u200F"), // two RIGHT-TO-LEFT MARK
                    .. Across("\u064E\u0652"), // FATHA, SUKUN
                    .. Across("\u200C\u200C"), // two ZWNJ
                ]);
            Consider(
                found,
                "CanonicalMarkOrder",
                "Combining marks after a letter are put in canonical order (stable by combining class, as NFC orders them); a mapping cannot reorder them.",
                [
                    "\u0628\u0651\u064E", // BEH, SHADDA, FATHA
                    "\u0628\u0654\u064E", // BEH, HAMZA ABOVE, FATHA
                    "\u0628\u0652\u064B", // BEH, SUKUN, FATHATAN
                ]);
            Consider(
                found,
                "JoinedSurrogateHalves",
                "Unpaired surrogate halves that deletions bring together are joined, and the Arabic mathematical letter they form is folded; the mapping sees two unpaired halves.",
                ["\uD83B\u0640\uDE00", "\uD83B\u200F\uDE00", "\uD83B\u200C\uDE00"]); // U+1EE00 split by TATWEEL, RLM, ZWNJ
            return found;
        }

        // ALEF, YEH and WAW, then the characters between, then HAMZA ABOVE.
        private static IEnumerable<string> Across(string between) =>
            ["\u0627" + between + "\u0654", "\u064A" + between + "\u0654", "\u0648" + between + "\u0654"];

        private void Consider(List<UnexpressedRule> found, string name, string description, IEnumerable<string> examples)
        {
            foreach (string example in examples)
            {
                string expected = _normalizer.Normalize(example);
                string mapped = Apply(example);
                if (expected != mapped)
                {
                    found.Add(new UnexpressedRule(name, description, example, expected, mapped));
                    return;
                }
            }
        }

        /// <summary>Applies the rules as a mapping char filter does, then collapses spaces where the options do.</summary>
        internal string Apply(string text)
        {
            var sb = new StringBuilder(text.Length * 2);
            int i = 0;
            while (i < text.Length)
            {
                int length = Math.Min(_longestKey, text.Length - i);
                for (; length > 0; length--)
                {
                    if (_rules.TryGetValue(text.Substring(i, length), out string? value))
                    {
                        sb.Append(value);
                        break;
                    }
                }

                if (length == 0)
                {
                    sb.Append(text[i]);
                    length = 1;
                }

                i += length;
            }

            if (_options.CollapseSpaces)
            {
                for (int k = sb.Length - 1; k > 0; k--)
                {
                    if (sb[k] == ' ' && sb[k - 1] == ' ')
                    {
                        sb.Remove(k, 1);
                    }
                }
            }

            return sb.ToString();
        }

        private void AddIfNeeded(string key)
        {
            string n = InWord(key);
            if (n != Apply(key))
            {
                Add(key, n);
            }
        }

        private void Add(string key, string value)
        {
            _rules[key] = value;
            _longestKey = Math.Max(_longestKey, key.Length);
        }

        /// <summary>Normalizes <paramref name="s"/> as it reads inside a word: followed by a letter, so a contextual
        /// FARSI YEH takes its word-internal form.</summary>
        private string InWord(string s)
        {
            if (!_contextualYeh)
            {
                return _normalizer.Normalize(s);
            }

            string n = _normalizer.Normalize(s + Beh);
            return n.Length > 0 && n[^1] == Beh ? n[..^1] : n;
        }

        private static List<string> EnumerateSingles()
        {
            var singles = new List<string>();
            ReadOnlySpan<char> ranges = NormalizationTables.RuleInputs;
            for (int r = 0; r < ranges.Length; r += 2)
            {
                for (int c = ranges[r]; c <= ranges[r + 1]; c++)
                {
                    if (!char.IsSurrogate((char)c))
                    {
                        singles.Add(((char)c).ToString());
                    }
                }
            }

            for (int cp = 0x1EE00; cp <= 0x1EEFF; cp++)
            {
                // ARABIC MATHEMATICAL ALPHABETIC SYMBOLS: folded when they have a compatibility mapping.
                if (CompatibilityData.TryGetMapping(cp, out _))
                {
                    singles.Add(char.ConvertFromUtf32(cp));
                }
            }

            return singles;
        }

        private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
