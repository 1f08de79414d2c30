using ArabicNorm.Lucene;
using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace ArabicNorm.Benchmarks;

/// <summary>Lucene.Net analysis over a whole field: ArabicNormAnalyzer against Lucene's ArabicAnalyzer and
/// PersianAnalyzer, and ArabicNormCharFilter alone against MappingCharFilter loaded with the exported rules. The
/// baseline (ratio 1.00) is Lucene's ArabicAnalyzer.</summary>
/// <remarks>Each analyzer case runs the whole token stream (every term, with offsets) the way IndexWriter consumes
/// it, reusing the analyzer's components across calls as IndexWriter does. The char filter cases read the whole
/// field through the filter into one buffer. ArabicNormAnalyzer does more than ArabicAnalyzer (presentation forms,
/// FARSI YEH and KEHEH, digits, quotation marks, controls, exact offsets) but does not stem unless asked to.</remarks>
[MemoryDiagnoser]
public class LuceneBenchmarks
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly char[] _buffer = new char[4096];
    private string _text = "";
    private ArabicNormAnalyzer _ours = null!;
    private LowerCaseFilterChain _oursWithLowerCaseFilter = null!;
    private ArabicAnalyzer _arabic = null!;
    private PersianAnalyzer _persian = null!;
    private NormalizeCharMap _exported = null!;

    /// <summary>Gets or sets the input (see <see cref="Inputs.Names"/>).</summary>
    [ParamsSource(nameof(InputNames))]
    public string Input { get; set; } = "";

    /// <summary>Gets the inputs: the article and its PDF rendering, about 1 MiB each, unless <c>ARABICNORM_BENCH_INPUTS</c>
    /// names others (the CI smoke pass runs <c>Seed</c>).</summary>
    public static IEnumerable<string> InputNames()
    {
        string? only = Environment.GetEnvironmentVariable("ARABICNORM_BENCH_INPUTS");
        return string.IsNullOrEmpty(only) ? ["Article1M", "PresentationForms1M"] : only.Split(',', StringSplitOptions.TrimEntries);
    }

    [GlobalSetup]
    public void Setup()
    {
        Console.WriteLine($"// ActiveImplementation: {ArabicNormalizer.ActiveImplementation}");
        _text = Inputs.Get(Input);
        _ours = new ArabicNormAnalyzer(Version);
        _oursWithLowerCaseFilter = new LowerCaseFilterChain(_ours);
        _arabic = new ArabicAnalyzer(Version);
        _persian = new PersianAnalyzer(Version);

        // The rules a cluster would load for the Search preset, as NormalizeCharMap holds them.
        var builder = new NormalizeCharMap.Builder();
        foreach (KeyValuePair<string, string> rule in SearchEngineExport.GetMappings(ArabicNormalizer.Search))
        {
            builder.Add(rule.Key, rule.Value);
        }

        _exported = builder.Build();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.Dispose();
        _oursWithLowerCaseFilter.Dispose();
        _arabic.Dispose();
        _persian.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Lucene.Net ArabicAnalyzer")]
    public int ArabicAnalyzer() => CountTokens(_arabic);

    [Benchmark(Description = "Lucene.Net PersianAnalyzer")]
    public int PersianAnalyzer() => CountTokens(_persian);

    [Benchmark(Description = "ArabicNormAnalyzer (Search)")]
    public int ArabicNormAnalyzer() => CountTokens(_ours);

    [Benchmark(Description = "ArabicNormAnalyzer's chain, Lucene's LowerCaseFilter")]
    public int ArabicNormAnalyzerWithLowerCaseFilter() => CountTokens(_oursWithLowerCaseFilter);

    [Benchmark(Description = "ArabicNormCharFilter alone (Search)")]
    public int ArabicNormCharFilter() => ReadAll(new ArabicNormCharFilter(new StringReader(_text), ArabicNormalizer.Search));

    [Benchmark(Description = "MappingCharFilter, exported Search rules")]
    public int MappingCharFilter() => ReadAll(new MappingCharFilter(_exported, new StringReader(_text)));

    private int CountTokens(Analyzer analyzer)
    {
        int n = 0;
        using TokenStream stream = analyzer.GetTokenStream("body", new StringReader(_text));
        stream.Reset();
        while (stream.IncrementToken())
        {
            n++;
        }

        stream.End();
        return n;
    }

    /// <summary>ArabicNormAnalyzer's chain with Lucene's own <see cref="LowerCaseFilter"/> where the analyzer skips
    /// caseless terms: what the analyzer cost before it did, measured in the same run.</summary>
    private sealed class LowerCaseFilterChain(ArabicNormAnalyzer ours) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(source, new StopFilter(Version, new LowerCaseFilter(Version, source), ours.StopWords));
        }

        protected override TextReader InitReader(string fieldName, TextReader reader) => new ArabicNormCharFilter(reader, ours.Normalizer);
    }

    private int ReadAll(TextReader reader)
    {
        int total = 0;
        int n;

        // MappingCharFilter returns -1 at the end, ArabicNormCharFilter 0: stop at either.
        while ((n = reader.Read(_buffer, 0, _buffer.Length)) > 0)
        {
            total += n;
        }

        reader.Dispose();
        return total;
    }
}
