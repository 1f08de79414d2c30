using System.Diagnostics;
using System.Globalization;
using SharpFuzz;

namespace ArabicNorm.Fuzz;

/// <summary>The fuzzing program: runs one target under AFL++, replays inputs through the targets, or writes the corpus.</summary>
/// <remarks>
/// <code>
/// ArabicNorm.Fuzz list                              the targets and the strategies compared
/// ArabicNorm.Fuzz fuzz TARGET                       under afl-fuzz (SharpFuzz's fork server)
/// ArabicNorm.Fuzz replay TARGET|all PATH...         every file (or every file in every folder) through the target(s)
/// ArabicNorm.Fuzz corpus DIR SEED-ARTICLE           writes the seed corpus
/// ArabicNorm.Fuzz load SECONDS THREADS CORPUS SEED   the load test (<see cref="Load"/>)
/// ArabicNorm.Fuzz bomb string|offsets COUNT          normalizes COUNT x U+FDFA with the string or offsets method
/// ArabicNorm.Fuzz guard-selftest before|after|write reads before or after a guarded span, or writes a sealed one: must die of SIGSEGV
/// </code>
/// tests/README.md ("Fuzzing") has the whole procedure.
/// </remarks>
internal static class Program
{
    private static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "list":
                Console.WriteLine("targets: " + string.Join(' ', FuzzTargets.All.Select(t => t.Name)));
                Console.WriteLine("strategies: " + string.Join(' ', Normalizers.StrategyNames));
                return 0;
            case "fuzz" when args.Length == 2 && FuzzTargets.Find(args[1]) is { } target:
                bool warm = false;
                Fuzzer.OutOfProcess.Run(stream =>
                {
                    if (!warm)
                    {
                        // Instrumented code may only run inside the action. Build every normalizer and its lazy parts
                        // once, so that later inputs do not take first-use paths (AFL++'s stability).
                        Normalizers.WarmUp();
                        warm = true;
                    }

                    using var memory = new MemoryStream();
                    stream.CopyTo(memory);
                    target.Run(memory.GetBuffer().AsSpan(0, (int)memory.Length));
                });
                return 0;
            case "load" when args.Length == 5:
                return Load.Run(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), args[3], args[4]);
            case "bomb" when args.Length == 3:
                return Bomb(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
            case "guard-selftest" when args.Length == 2:
                return GuardSelfTest(args[1]);
            case "replay" when args.Length >= 3:
                return Replay(args[1], args[2..]);
            case "corpus" when args.Length == 3:
                Console.WriteLine($"{SeedCorpus.Write(args[1], args[2])} seed inputs written to {args[1]}");
                return 0;
            default:
                Console.Error.WriteLine("usage: ArabicNorm.Fuzz list | fuzz TARGET | replay TARGET|all PATH... | corpus DIR SEED-ARTICLE | load SECONDS THREADS CORPUS SEED-ARTICLE | bomb string|offsets COUNT");
                return 2;
        }
    }

    private static int Bomb(string api, int count)
    {
        string text = new('\uFDFA', count); // ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM, 18 characters
        var stopwatch = Stopwatch.StartNew();
        try
        {
            int length = api == "offsets" ? ArabicNormalizer.Default.NormalizeWithOffsets(text).Text.Length : ArabicNormalizer.Default.Normalize(text).Length;
            Console.WriteLine($"bomb {api} {count:N0}: result of {length:N0} characters in {stopwatch.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        catch (ArgumentException e)
        {
            Console.WriteLine($"bomb {api} {count:N0}: {e.GetType().Name} after {stopwatch.Elapsed.TotalSeconds:F1} s: {e.Message}");
            return 3;
        }
    }

    private static int GuardSelfTest(string what)
    {
        using var memory = new GuardedMemory();
        Span<char> span = what == "before" ? memory.Front<char>(8) : memory.Back<char>(8);
        span.Fill('x');
        ref char first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(span);
        char c = what switch
        {
            "before" => System.Runtime.CompilerServices.Unsafe.Add(ref first, -1),
            "after" => System.Runtime.CompilerServices.Unsafe.Add(ref first, 8),
            _ => '\0',
        };
        if (what == "write")
        {
            memory.Seal();
            first = 'y';
        }

        Console.WriteLine($"guard-selftest {what}: no fault (read {(int)c})");
        return 1;
    }

    private static int Replay(string name, string[] paths)
    {
        IFuzzTarget[] targets = name == "all" ? [.. FuzzTargets.All] : FuzzTargets.Find(name) is { } t ? [t] : [];
        if (targets.Length == 0)
        {
            Console.Error.WriteLine($"no target '{name}'");
            return 2;
        }

        string[] files = [.. paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*", SearchOption.AllDirectories) : [p])
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith("README.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        int failures = 0, runs = 0;
        foreach (string file in files)
        {
            byte[] data = File.ReadAllBytes(file);
            foreach (IFuzzTarget target in targets)
            {
                runs++;
                try
                {
                    target.Run(data);
                }
#pragma warning disable CA1031 // every exception is a finding to report, not to handle
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures++;
                    Console.WriteLine($"FAIL {target.Name} {file}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Console.WriteLine($"replay: {files.Length} inputs, {runs} runs, {failures} failures (strategies: {string.Join(' ', Normalizers.StrategyNames)})");
        return failures == 0 ? 0 : 1;
    }
}
