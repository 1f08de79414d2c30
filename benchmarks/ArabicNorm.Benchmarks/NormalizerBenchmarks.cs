using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using ICU4N.Text;

namespace ArabicNorm.Benchmarks;

/// <summary>Every contender on the same input, in one run. The baseline (ratio 1.00) is ArabicNorm's
/// <c>Default</c> preset through the span API.</summary>
[MemoryDiagnoser]
public class NormalizerBenchmarks
{
    private string _text = "";
    private BufferAlignment _buffers = null!;
    private LuceneChain _lucene = null!;
    private readonly Normalizer2 _icuNfkc = Normalizer2.NFKCInstance;

    /// <summary>Gets or sets the input (see <see cref="Inputs.Names"/>).</summary>
    [ParamsSource(nameof(InputNames))]
    public string Input { get; set; } = "";

    /// <summary>Gets the inputs to run; <c>ARABICNORM_BENCH_INPUTS</c> (comma-separated names) narrows them, for the
    /// CI smoke pass.</summary>
    public static IEnumerable<string> InputNames()
    {
        string? only = Environment.GetEnvironmentVariable("ARABICNORM_BENCH_INPUTS");
        return string.IsNullOrEmpty(only) ? Inputs.Names : only.Split(',', StringSplitOptions.TrimEntries);
    }

    [GlobalSetup]
    public void Setup()
    {
        _text = Inputs.Get(Input);

        // The longest output: U+FDFA becomes 18 chars, but the inputs hold at most lam-alef ligatures (2 chars).
        // The span benchmarks and Span.CopyTo read and write these: the same place in every process (see BufferAlignment).
        _buffers = new BufferAlignment(_text, _text.Length * 3 + 64);
        _lucene = new LuceneChain(_text);
        Console.WriteLine($"// ActiveImplementation: {ArabicNormalizer.ActiveImplementation}");
        Console.WriteLine($"// Buffers: {_buffers.Describe()}");
    }

    [Benchmark(Baseline = true, Description = "ArabicNorm Default (span)")]
    public int Default_Span() => SpanNormalize(ArabicNormalizer.Default);

    [Benchmark(Description = "ArabicNorm Default (string)")]
    public string Default_String() => ArabicNormalizer.Default.Normalize(_text);

    [Benchmark(Description = "ArabicNorm Default IsNormalized")]
    public bool Default_IsNormalized() => ArabicNormalizer.Default.IsNormalized(_text);

    [Benchmark(Description = "ArabicNorm Search (span)")]
    public int Search_Span() => SpanNormalize(ArabicNormalizer.Search);

    [Benchmark(Description = "ArabicNorm Search (string)")]
    public string Search_String() => ArabicNormalizer.Search.Normalize(_text);

    [Benchmark(Description = "ArabicNorm Persian (span)")]
    public int Persian_Span() => SpanNormalize(ArabicNormalizer.Persian);

    [Benchmark(Description = "ArabicNorm Persian (string)")]
    public string Persian_String() => ArabicNormalizer.Persian.Normalize(_text);

    // The floor of the string API: the span API into a ready buffer, plus the one string of the result's length.
    [Benchmark(Description = "ArabicNorm Default (span + new string)")]
    public string Default_SpanNewString() => SpanNewString(ArabicNormalizer.Default);

    [Benchmark(Description = "ArabicNorm Search (span + new string)")]
    public string Search_SpanNewString() => SpanNewString(ArabicNormalizer.Search);

    [Benchmark(Description = "ArabicNorm Persian (span + new string)")]
    public string Persian_SpanNewString() => SpanNewString(ArabicNormalizer.Persian);

    [Benchmark(Description = "Lucene.Net Arabic+Persian per token")]
    public int Lucene_PerToken() => _lucene.PerToken();

    [Benchmark(Description = "Lucene.Net Arabic+Persian per line")]
    public int Lucene_PerLine() => _lucene.PerLine();

    [Benchmark(Description = "string.Replace chain (Default rules)")]
    public string ReplaceChain() => NaiveReplaceChain.Normalize(_text);

    [Benchmark(Description = "Regex + MatchEvaluator (Default rules)")]
    public string RegexEvaluator() => RegexEvaluatorNormalizer.Normalize(_text);

    [Benchmark(Description = "string.Normalize(FormKC)")]
    public string StringNormalize_FormKC() => _text.Normalize(NormalizationForm.FormKC);

    [Benchmark(Description = "ICU4N NFKC Normalizer2 (span)")]
    public int Icu4n_Nfkc()
    {
        if (!_icuNfkc.TryNormalize(_buffers.Source, _buffers.Destination, out int written))
        {
            throw new InvalidOperationException("ICU4N: destination too small.");
        }

        return written;
    }

    [Benchmark(Description = "Span.CopyTo (ceiling)")]
    public int SpanCopyTo()
    {
        _buffers.Source.CopyTo(_buffers.Destination);
        return _text.Length;
    }

    private string SpanNewString(ArabicNormalizer normalizer) => new(_buffers.Destination[..SpanNormalize(normalizer)]);

    private int SpanNormalize(ArabicNormalizer normalizer)
    {
        OperationStatus status = normalizer.Normalize(_buffers.Source, _buffers.Destination, out _, out int written);
        if (status != OperationStatus.Done)
        {
            throw new InvalidOperationException($"Unexpected {status}.");
        }

        return written;
    }
}
