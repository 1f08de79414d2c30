using System.CommandLine;
using System.Text;

namespace ArabicNorm.Cli;

/// <summary>
/// <c>arabicnorm export --target elasticsearch|opensearch|solr|azure-search [--preset ...] [option overrides]</c>:
/// writes the normalizer's rules for a search cluster's mapping char filter (see <see cref="SearchEngineExport"/>) on
/// standard output, and what the rules cannot express, each with an example, on standard error.
/// </summary>
internal static class ExportCommand
{
    // The choices as users type them; matched ignoring case and hyphens, like every value of the tool.
    private static readonly (string Name, SearchEngineTarget Target)[] s_targets =
    [
        ("elasticsearch", SearchEngineTarget.Elasticsearch),
        ("opensearch", SearchEngineTarget.OpenSearch),
        ("solr", SearchEngineTarget.Solr),
        ("azure-search", SearchEngineTarget.AzureSearch),
    ];

    // The root's options that set the normalizer: the export subcommand takes them too.
    private static readonly string[] s_choiceNames = ["--letters", "--digits", "--quotes", "--zwnj"];

    /// <summary>--target.</summary>
    public static readonly Option<string> Target = new("--target")
    {
        Description = "The search engine: elasticsearch, opensearch, solr or azure-search.",
        HelpName = string.Join('|', s_targets.Select(t => t.Name)),
        Required = true,
        CustomParser = result =>
        {
            string value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            string? known = s_targets.Select(t => t.Name).FirstOrDefault(n => Fold(n) == Fold(value));
            if (known is null)
            {
                result.AddError($"invalid value '{value}' for --target (expected {string.Join(", ", s_targets.Select(t => t.Name))}; case and hyphens do not matter)");
                return value;
            }

            return known;
        },
    };

    /// <summary>Adds the <c>export</c> subcommand to the tool's command tree.</summary>
    public static void AddTo(RootCommand root)
    {
        var export = new Command(
            "export",
            "Write the normalizer's rules as a search cluster's mapping char filter: Elasticsearch and OpenSearch index settings " +
            "JSON, Azure AI Search char filters and analyzer, or a Solr mapping-*.txt file, on standard output. What a mapping " +
            "cannot express is listed on standard error.");
        export.Add(Target);

        // --preset and the option overrides are the root's own options, made visible to the subcommand.
        foreach (Option option in root.Options)
        {
            if (IsNormalizerOption(option.Name))
            {
                option.Recursive = true;
            }
        }

        export.SetAction(Run);
        root.Add(export);
    }

    private static int Run(ParseResult result)
    {
        var normalizer = new ArabicNormalizer(ToolCommand.BuildOptions(result));
        string name = result.GetValue(Target)!;
        SearchEngineTarget target = s_targets.First(t => t.Name == name).Target;
        string text = SearchEngineExport.Export(normalizer, target);
        using (Stream stdout = Console.OpenStandardOutput())
        {
            byte[] bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
            stdout.Write(bytes);
        }

        IReadOnlyList<UnexpressedRule> unexpressed = SearchEngineExport.GetUnexpressedRules(normalizer);
        Diagnostics.WriteLine($"arabicnorm export: {SearchEngineExport.GetMappings(normalizer).Count} mapping rules for {name}" +
            (normalizer.GetOptions().CollapseSpaces ? ", and a pattern_replace that collapses spaces" : string.Empty) +
            $"; {unexpressed.Count} behaviour(s) a mapping cannot express:");
        foreach (UnexpressedRule rule in unexpressed)
        {
            Diagnostics.WriteLine($"  not expressed: {rule}");
        }

        return Tool.Ok;
    }

    private static bool IsNormalizerOption(string name) =>
        name == "--preset"
        || s_choiceNames.Contains(name)
        || ToolCommand.SwitchNames.Any(s => name == "--" + s || name == "--no-" + s);

    private static string Fold(string name) => name.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
