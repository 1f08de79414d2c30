using System.Text;
using ArabicNorm.Internal;
namespace ArabicNorm.Tests.Vectorization;
public class ZzDiag
{
    [Fact]
    public void Diag()
    {
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
        var random = new Random(4);
        var sb = new StringBuilder();
        for (int k = 0; k < seed.Length; k++)
        {
            char c = seed[k]; sb.Append(c);
            bool letter = c is >= '\u0621' and <= '\u064A' && c != '\u0640';
            if (!letter || random.Next(10) == 0) continue;
            bool wordEnd = k + 1 == seed.Length || seed[k + 1] is ' ' or '\n' or '.' or '\u060C';
            int pick = random.Next(12);
            if (wordEnd && pick < 3) sb.Append((char)('\u064B' + pick));
            else if (pick < 2) sb.Append('\u0651').Append('\u064E');
            else sb.Append("\u064E\u064F\u0650\u0652"[pick % 4]);
        }
        string text = sb.ToString();
        var big = new StringBuilder(); while (big.Length < 527000) big.Append(text).Append('\n');
        string voc = big.ToString();
        big.Clear(); while (big.Length < 527000) big.Append(seed).Append('\n');
        string art = big.ToString();
        char[] outBuf = new char[voc.Length * 2];
        foreach (var (name, n) in new[] { ("Default", ArabicNormalizer.Default), ("Search", ArabicNormalizer.Search), ("Persian", ArabicNormalizer.Persian) })
        foreach (var (iname, input) in new[] { ("voc", voc), ("art", art) })
        {
            double best = double.MaxValue;
            for (int r = 0; r < 80; r++)
            {
                var w = System.Diagnostics.Stopwatch.StartNew();
                n.Normalize(input, outBuf, out _, out _);
                best = Math.Min(best, w.Elapsed.TotalMicroseconds);
            }
            double copy = double.MaxValue;
            for (int r = 0; r < 80; r++)
            {
                var w = System.Diagnostics.Stopwatch.StartNew();
                input.AsSpan().CopyTo(outBuf);
                copy = Math.Min(copy, w.Elapsed.TotalMicroseconds);
            }
            double tr = double.MaxValue; int stops = 0;
            for (int r = 0; r < 80; r++)
            {
                var w = System.Diagnostics.Stopwatch.StartNew();
                EngineState st = EngineState.Initial; int i = 0; stops = 0;
                while (i < input.Length - 32) { int next = n.Tables.PlainRun.Strategy.Translate(n.Tables, input, i, outBuf, ref st, out bool stopped); if (!stopped) break; stops++; i = next + 1; st.Out = Math.Min(st.Out, outBuf.Length - 64); }
                tr = Math.Min(tr, w.Elapsed.TotalMicroseconds);
            }
            Console.WriteLine($"TRANSLATE {name} {iname}: {tr:F0} us stops {stops}");
            Console.WriteLine($"TIME {name} {iname}: {best:F0} us, copy {copy:F0} us, ratio {best / copy:F1}");
        }
        foreach (var opts in new[] { ("Default", new ArabicNormalizerOptions()), ("Search", ArabicNormalizer.CreateSearchOptions()), ("Persian", ArabicNormalizer.CreatePersianOptions()) })
        foreach (string input in new[] { "voc", "art" })
        {
            string src = input == "voc" ? text : seed;
            var tables = new NormalizationTables(opts.Item2, VectorStrategy.Active);
            var hist = new Dictionary<string, int>();
            char[] dst = new char[src.Length * 3];
            int i = 0; int vec = 0;
            EngineState st = EngineState.Initial;
            while (i < src.Length - 32)
            {
                int next = tables.PlainRun.Strategy.Translate(tables, src, i, dst, ref st, out bool stopped);
                vec += next - i;
                if (!stopped) { break; }
                string key = $"{(int)src[next]:X4}<-{(int)src[next - 1]:X4} m={(int)tables.Map[src[next]]:X4}";
                hist[key] = hist.GetValueOrDefault(key) + 1;
                i = next + 1; st = EngineState.Initial; st.Out = 0;
            }
            Console.WriteLine($"{opts.Item1} {input}: len {src.Length} vector {vec}");
            foreach (var kv in hist.OrderByDescending(k => k.Value).Take(8)) Console.WriteLine($"   {kv.Key} {kv.Value}");
        }
    }
}
