using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace ArabicNorm.Benchmarks;

/// <summary>The vector strategies against each other and the scalar loop, in one run: the same benchmarks in three
/// jobs, each process forced to one strategy with <c>ARABICNORM_VECTOR</c> (the Job column names it).</summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class StrategyBenchmarks
{
    private string _text = "";
    private BufferAlignment _buffers = null!;

    /// <summary>Gets or sets the input.</summary>
    [Params("Article1M")]
    public string Input { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = Inputs.Get(Input);
        _buffers = new BufferAlignment(_text, _text.Length * 3 + 64); // the same place in every process
        Console.WriteLine($"// ActiveImplementation: {ArabicNormalizer.ActiveImplementation}");
        Console.WriteLine($"// Buffers: {_buffers.Describe()}");
    }

    [Benchmark(Baseline = true, Description = "ArabicNorm Default (span)")]
    public int Default_Span() => Run(ArabicNormalizer.Default);

    [Benchmark(Description = "ArabicNorm Search (span)")]
    public int Search_Span() => Run(ArabicNormalizer.Search);

    [Benchmark(Description = "Span.CopyTo (ceiling)")]
    public int SpanCopyTo()
    {
        _buffers.Source.CopyTo(_buffers.Destination);
        return _text.Length;
    }

    private int Run(ArabicNormalizer normalizer)
    {
        OperationStatus status = normalizer.Normalize(_buffers.Source, _buffers.Destination, out _, out int written);
        return status == OperationStatus.Done ? written : throw new InvalidOperationException($"Unexpected {status}.");
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            foreach (string strategy in new[] { "Avx2", "Vector128", "Scalar" })
            {
                AddJob(Job.Default.WithEnvironmentVariable("ARABICNORM_VECTOR", strategy).WithId(strategy)
                    .WithWarmupCount(3).WithIterationCount(10).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(150)));
            }
        }
    }
}
