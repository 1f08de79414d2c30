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

if (args is ["--coldstart-child", ..])
{
    // One fresh process: the first 64 MiB of Article1M in 1 MiB calls (timed from the first call, the JIT's work
    // included), then the same 64 calls again once the process is warm. Prints both times.
    string text = Inputs.Get("Article1M");
    char[] destination = new char[text.Length * 3 + 64];
    ArabicNorm.ArabicNormalizer normalizer = ArabicNorm.ArabicNormalizer.Default;
    var watch = System.Diagnostics.Stopwatch.StartNew();
    for (int k = 0; k < 64; k++)
    {
        normalizer.Normalize(text, destination, out _, out _);
    }

    double cold = watch.Elapsed.TotalMilliseconds;
    for (int k = 0; k < 2000; k++)
    {
        normalizer.Normalize(text, destination, out _, out _);
    }

    Thread.Sleep(200); // let background tiering finish
    double steady = double.MaxValue;
    for (int round = 0; round < 5; round++)
    {
        watch.Restart();
        for (int k = 0; k < 64; k++)
        {
            normalizer.Normalize(text, destination, out _, out _);
        }

        steady = Math.Min(steady, watch.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"{cold:F3} {steady:F3} {ArabicNorm.ArabicNormalizer.ActiveImplementation}");
    return 0;
}

if (args is ["--coldstart", ..])
{
    // Cold start, process level: N fresh processes (default 15) each time their first 64 MiB in 1 MiB calls
    // against their own steady state. The figure is steady / cold throughput, median over the processes.
    int runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15;
    var ratios = new List<double>();
    string self = Environment.ProcessPath!;
    string dll = typeof(NormalizerBenchmarks).Assembly.Location;
    for (int run = 0; run < runs; run++)
    {
        var start = new System.Diagnostics.ProcessStartInfo(self) { RedirectStandardOutput = true };
        if (!self.EndsWith("ArabicNorm.Benchmarks", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(dll); // started through the dotnet host
        }

        start.ArgumentList.Add("--coldstart-child");
        using var child = System.Diagnostics.Process.Start(start)!;
        string line = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        string[] parts = line.Split(' ');
        double cold = double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        double steady = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        ratios.Add(steady / cold);
        Console.WriteLine($"process {run + 1,2}: first 64 MiB {cold,8:F1} ms, steady state {steady,8:F1} ms: {100 * steady / cold,5:F1}% of steady-state speed ({parts[2]})");
    }

    ratios.Sort();
    Console.WriteLine($"median over {runs} processes: the first 64 MiB run at {100 * ratios[runs / 2]:F1}% of steady-state speed " +
        $"(min {100 * ratios[0]:F1}%, max {100 * ratios[^1]:F1}%)");
    return 0;
}

if (args is ["--growth", ..])
{
    // Cost growth: Default (span), 1 KiB .. 64 MiB per call; time per char should stay flat apart from cache steps.
    // Every size normalizes the same text mix, so that the rows differ in size only: below the article's length a
    // round goes through the article in consecutive calls of that size (the last partial one left out); from its
    // length up, one call takes the article repeated to the size. The clock is read once per pass over the slices
    // (at least 16 calls), not after every call. Best of 15 rounds of at least 50 ms (20 ms for Span.CopyTo).
    string unit = Inputs.Get("Article1M");
    var sizes = new List<int>();
    for (int bytes = 1 << 10; bytes <= 64 << 20; bytes <<= 2)
    {
        sizes.Add(bytes / 2);
    }

    foreach (int chars in sizes)
    {
        string text;
        int slices;
        if (chars < unit.Length)
        {
            text = unit;
            slices = unit.Length / chars;
        }
        else
        {
            var sb = new System.Text.StringBuilder(chars + unit.Length);
            while (sb.Length < chars)
            {
                sb.Append(unit, 0, Math.Min(unit.Length, chars - sb.Length));
            }

            text = sb.ToString();
            slices = 1;
        }

        int repeat = Math.Max(1, 16 / slices);
        long charsPerPass = (long)chars * slices * repeat;
        char[] destination = new char[(chars * 3) + 64];
        double best = double.MaxValue;
        double bestCopy = double.MaxValue;
        for (int round = 0; round < 15; round++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            long passes = 0;
            do
            {
                for (int r = 0; r < repeat; r++)
                {
                    for (int k = 0; k < slices; k++)
                    {
                        ArabicNorm.ArabicNormalizer.Default.Normalize(text.AsSpan(k * chars, chars), destination, out _, out _);
                    }
                }

                passes++;
            }
            while (watch.ElapsedMilliseconds < 50);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds * 1e6 / (passes * charsPerPass));
            watch.Restart();
            passes = 0;
            do
            {
                for (int r = 0; r < repeat; r++)
                {
                    for (int k = 0; k < slices; k++)
                    {
                        text.AsSpan(k * chars, chars).CopyTo(destination);
                    }
                }

                passes++;
            }
            while (watch.ElapsedMilliseconds < 20);
            bestCopy = Math.Min(bestCopy, watch.Elapsed.TotalMilliseconds * 1e6 / (passes * charsPerPass));
        }

        Console.WriteLine($"{2L * chars,10:N0} bytes  Default (span) {best,7:F3} ns/char  Span.CopyTo {bestCopy,7:F3} ns/char  ratio {best / bestCopy,5:F2}");
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
