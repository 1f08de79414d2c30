using ArabicNorm.Benchmarks;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Every contender, every input, one run:
//   dotnet run -c Release --project benchmarks/ArabicNorm.Benchmarks -- --filter '*'
// Pass any BenchmarkDotNet option after "--" (--job short, --filter '*Default*', --inProcess, ...).
if (args is ["--inputs", ..])
{
    // Describes the inputs: size, and how many chars Default changes (a rough measure of the work).
    foreach (string name in Inputs.Names)
    {
        string text = Inputs.Get(name);
        string normalized = ArabicNorm.ArabicNormalizer.Default.Normalize(text);
        int same = 0;
        for (int k = 0; k < Math.Min(text.Length, normalized.Length); k++)
        {
            same += text[k] == normalized[k] ? 1 : 0;
        }

        Console.WriteLine($"{name,-20} {text.Length,8} chars {Inputs.SizeInBytes(name),8} bytes  Default output {normalized.Length,8} chars, {text.Length - same,7} positions differ; sample: {text.Substring(0, 60).ReplaceLineEndings(" ")}");
    }

    return;
}

IConfig config = DefaultConfig.Instance
    .AddColumn(new ThroughputColumn())
    .AddColumn(StatisticColumn.Median)
    .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));

BenchmarkSwitcher.FromAssembly(typeof(NormalizerBenchmarks).Assembly).Run(args, config);
