using System.Text;
using System.Text.Json;

namespace ArabicNorm.Cli.Tests;

/// <summary><c>arabicnorm export</c>, run as a process: the same text as the library's
/// <see cref="SearchEngineExport.Export(ArabicNormalizer, SearchEngineTarget)"/>, differences on standard error.</summary>
public class ExportCommandTests
{
    public static TheoryData<string, SearchEngineTarget> Targets() => new()
    {
        { "elasticsearch", SearchEngineTarget.Elasticsearch },
        { "opensearch", SearchEngineTarget.OpenSearch },
        { "solr", SearchEngineTarget.Solr },
        { "azure-search", SearchEngineTarget.AzureSearch },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Export_EachTarget_WritesWhatTheLibraryExports(string target, SearchEngineTarget expected)
    {
        CliResult result = CliProcess.Run(null, "export", "--target", target, "--preset", "search");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SearchEngineExport.Export(ArabicNormalizer.Search, expected), Encoding.UTF8.GetString(result.Stdout));
        Assert.Contains("not expressed: ComposeHamzaAcrossSeveral", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_NoPreset_IsDefault()
    {
        CliResult result = CliProcess.Run(null, "export", "--target", "Elasticsearch");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SearchEngineExport.Export(ArabicNormalizer.Default, SearchEngineTarget.Elasticsearch), Encoding.UTF8.GetString(result.Stdout));
    }

    [Fact]
    public void Export_OptionOverrides_ApplyAfterThePreset()
    {
        CliResult result = CliProcess.Run(null, "export", "--target", "solr", "--preset", "persian", "--contextual-farsi-yeh", "--no-remove-tatweel", "--digits", "Ascii");
        Assert.Equal(0, result.ExitCode);
        var options = ArabicNormalizer.Persian.GetOptions();
        options.ContextualFarsiYeh = true;
        options.RemoveTatweel = false;
        options.Digits = DigitTarget.Ascii;
        Assert.Equal(SearchEngineExport.Export(new ArabicNormalizer(options), SearchEngineTarget.Solr), Encoding.UTF8.GetString(result.Stdout));
    }

    [Fact]
    public void Export_ContextualFarsiYeh_ListsItOnStderr()
    {
        CliResult result = CliProcess.Run(null, "export", "--target", "opensearch", "--contextual-farsi-yeh");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not expressed: ContextualFarsiYeh", result.Stderr, StringComparison.Ordinal);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        Assert.Contains(
            doc.RootElement.GetProperty("mappings").GetProperty("_meta").GetProperty("arabicnorm").GetProperty("not_expressed").EnumerateArray(),
            e => e.GetString()!.StartsWith("ContextualFarsiYeh", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("export")]
    [InlineData("export", "--target", "lucene")]
    [InlineData("export", "--target", "solr", "--stats")]
    public void Export_BadUsage_ExitsWithUsage(params string[] args)
    {
        CliResult result = CliProcess.Run(null, args);
        Assert.Equal(64, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("arabicnorm:", result.Stderr, StringComparison.Ordinal);
    }
}
