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

    return 0;
}

if (args is ["--alloc", ..])
{
    // Checks the span API's zero-allocation claim after warm-up, away from the JIT's own allocations.
    foreach (string name in Inputs.Names)
    {
        string text = Inputs.Get(name);
        char[] destination = new char[(text.Length * 3) + 64];
        foreach ((string preset, ArabicNorm.ArabicNormalizer normalizer) in new[]
        {
            ("Default", ArabicNorm.ArabicNormalizer.Default), ("Search", ArabicNorm.ArabicNormalizer.Search), ("Persian", ArabicNorm.ArabicNormalizer.Persian),
        })
        {
            for (int k = 0; k < 100; k++)
            {
                normalizer.Normalize(text, destination, out _, out _);
            }

            // This thread's allocations (the span API's own) and the whole process's (what BenchmarkDotNet's
            // MemoryDiagnoser reads: it also counts the runtime's other threads, e.g. the tiered JIT's).
            long before = GC.GetAllocatedBytesForCurrentThread();
            long processBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (int k = 0; k < 20; k++)
            {
                normalizer.Normalize(text, destination, out _, out _);
            }

            long thread = GC.GetAllocatedBytesForCurrentThread() - before;
            long process = GC.GetTotalAllocatedBytes(precise: true) - processBefore;
            Console.WriteLine($"{name,-20} {preset,-8} span API: {thread} bytes on this thread over 20 calls ({process} in the whole process)");
        }
    }

    return 0;
}

if (args is ["--quick", ..])
{
    // A rough best-of-N timing for iterating on a busy machine (not for published figures): --quick [filter].
    string filter = args.Length > 1 ? args[1] : "";
    foreach (string name in Inputs.Names)
    {
        var bench = new NormalizerBenchmarks { Input = name };
        bench.Setup();
        foreach (System.Reflection.MethodInfo method in typeof(NormalizerBenchmarks).GetMethods())
        {
            if (method.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false).Length == 0
                || !(method.Name + "@" + name).Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var run = (Func<object?>)(() => method.Invoke(bench, null));
            double best = double.MaxValue;
            var watch = new System.Diagnostics.Stopwatch();
            for (int round = 0; round < 40; round++)
            {
                watch.Restart();
                int n = 0;
                do
                {
                    run();
                    n++;
                }
                while (watch.ElapsedTicks < System.Diagnostics.Stopwatch.Frequency / 100);
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds * 1e6 / n);
            }

            Console.WriteLine($"{name,-20} {method.Name,-24} {best,14:N0} ns  {Inputs.SizeInBytes(name) / best * 1000,8:N0} MB/s");
        }
    }

    return 0;
}

IConfig config = DefaultConfig.Instance
    .AddColumn(new ThroughputColumn())
    .AddColumn(StatisticColumn.Median)
    .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));

IEnumerable<BenchmarkDotNet.Reports.Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(NormalizerBenchmarks).Assembly).Run(args, config);

// A benchmark that throws or a run that cannot start fails the process, so that the CI smoke pass notices.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
