using System.Buffers;
using System.Diagnostics;
using System.Text;
using ArabicNorm.Testing;
using ArabicNorm.Tests.Streaming;

namespace ArabicNorm.Fuzz;

/// <summary>
/// The load test: many threads share one normalizer per preset and call the string, span, UTF-8 span, UTF-8 stream,
/// reader, offsets and report APIs on the seed corpus for a sustained time; every answer is compared with the one
/// computed single-threaded beforehand.
/// </summary>
/// <remarks>The shared normalizers are built fresh for the run and first used by all threads at once, so that the lazy
/// parts (the report's category table) are raced too. Prints the calls made per API and the mismatches; exits 1 on any
/// mismatch or exception.</remarks>
internal static class Load
{
    private static readonly UTF8Encoding s_strict = new(false, true);

    private enum Api
    {
        String,
        Span,
        Utf8Span,
        Utf8Stream,
        Reader,
        Offsets,
        Report,
    }

    public static int Run(int seconds, int threads, string corpus, string seedArticle)
    {
        string seed = File.ReadAllText(seedArticle, s_strict);
        var texts = new List<string> { seed, Renderings.ToPresentationForms(seed), Renderings.ToVocalized(seed), Renderings.ToMathematical(seed) };
        foreach (string file in Directory.GetFiles(corpus).Order(StringComparer.Ordinal))
        {
            texts.Add(FuzzInput.DecodeUtf16(File.ReadAllBytes(file).AsSpan(Math.Min(FuzzInput.HeaderLength, (int)new FileInfo(file).Length))));
        }

        ArabicNormalizerOptions[] options = [new ArabicNormalizerOptions(), ArabicNormalizer.CreateSearchOptions(), ArabicNormalizer.CreatePersianOptions()];

        // The answers, single-threaded, from normalizers of their own.
        var expected = new Expected[options.Length, texts.Count];
        for (int o = 0; o < options.Length; o++)
        {
            var n = new ArabicNormalizer(options[o]);
            for (int t = 0; t < texts.Count; t++)
            {
                string text = texts[t];
                bool wellFormed = FuzzInput.IsWellFormed(text);
                NormalizedText offsets = n.NormalizeWithOffsets(text);
                expected[o, t] = new Expected(
                    text, wellFormed ? s_strict.GetBytes(text) : null, n.Normalize(text), wellFormed ? s_strict.GetBytes(n.Normalize(text)) : null,
                    offsets.SourceIndices.ToArray(), n.GetChangeReport(text));
            }
        }

        ArabicNormalizer[] shared = [.. options.Select(o => new ArabicNormalizer(o))];
        long[] calls = new long[Enum.GetValues<Api>().Length];
        long mismatches = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var start = new Barrier(threads);
        var stopwatch = new Stopwatch();
        var workers = new Thread[threads];
        for (int w = 0; w < threads; w++)
        {
            int id = w;
            workers[w] = new Thread(() =>
            {
                var random = new Random(id);
                long[] mine = new long[calls.Length];
                start.SignalAndWait();
                while (stopwatch.Elapsed.TotalSeconds < seconds)
                {
                    int o = random.Next(shared.Length);
                    int t = random.Next(texts.Count);
                    var api = (Api)random.Next(calls.Length);
                    Expected e = expected[o, t];
                    if (e.Utf8 is null && api is Api.Utf8Span or Api.Utf8Stream)
                    {
                        api = Api.String;
                    }

                    string? problem;
                    try
                    {
                        problem = Call(shared[o], api, e, random);
                    }
#pragma warning disable CA1031 // every exception is a failure to report
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        problem = ex.ToString();
                    }

                    mine[(int)api]++;
                    if (problem is not null)
                    {
                        Interlocked.Increment(ref mismatches);
                        if (failures.Count < 10)
                        {
                            failures.Enqueue($"{api} on text {t} with options {o}: {problem}");
                        }
                    }
                }

                for (int i = 0; i < mine.Length; i++)
                {
                    Interlocked.Add(ref calls[i], mine[i]);
                }
            });
        }

        stopwatch.Start();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        stopwatch.Stop();
        foreach (string failure in failures)
        {
            Console.WriteLine("MISMATCH " + failure);
        }

        Console.WriteLine($"load: {threads} threads, {stopwatch.Elapsed.TotalSeconds:F1} s, {texts.Count} texts x {shared.Length} shared normalizers, " +
            $"{calls.Sum():N0} calls ({string.Join(", ", Enum.GetValues<Api>().Select(a => $"{a} {calls[(int)a]:N0}"))}), {mismatches} mismatches");
        return mismatches == 0 ? 0 : 1;
    }

    private static string? Call(ArabicNormalizer n, Api api, Expected e, Random random)
    {
        switch (api)
        {
            case Api.String:
                return n.Normalize(e.Text) == e.Normalized ? null : "string differs";
            case Api.Span:
            {
                char[] buffer = ArrayPool<char>.Shared.Rent(e.Normalized.Length + 1);
                try
                {
                    // In pieces, as a caller feeding blocks does.
                    int split = random.Next(e.Text.Length + 1);
                    n.Normalize(e.Text.AsSpan(0, split), buffer, out int consumed, out int written, isFinalBlock: false);
                    OperationStatus status = n.Normalize(e.Text.AsSpan(consumed), buffer.AsSpan(written), out _, out int rest);
                    return status == OperationStatus.Done && buffer.AsSpan(0, written + rest).SequenceEqual(e.Normalized) ? null : "span differs";
                }
                finally
                {
                    ArrayPool<char>.Shared.Return(buffer);
                }
            }

            case Api.Utf8Span:
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(e.NormalizedUtf8!.Length + 1);
                try
                {
                    OperationStatus status = n.NormalizeUtf8(e.Utf8, buffer, out _, out int written);
                    return status == OperationStatus.Done && buffer.AsSpan(0, written).SequenceEqual(e.NormalizedUtf8) ? null : "UTF-8 span differs";
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            case Api.Utf8Stream:
            {
                var destination = new MemoryStream();
                n.NormalizeUtf8(new ShortReadStream(e.Utf8!, ReadSizes(random)), destination);
                return destination.ToArray().AsSpan().SequenceEqual(e.NormalizedUtf8) ? null : "UTF-8 stream differs";
            }

            case Api.Reader:
            {
                var writer = new StringWriter();
                n.Normalize(new ShortReadReader(e.Text, ReadSizes(random)), writer);
                return writer.ToString() == e.Normalized ? null : "reader differs";
            }

            case Api.Offsets:
            {
                NormalizedText result = n.NormalizeWithOffsets(e.Text);
                return result.Text == e.Normalized && result.SourceIndices.SequenceEqual(e.Indices) ? null : "offsets differ";
            }

            default:
                return n.GetChangeReport(e.Text) == e.Report ? null : "report differs";
        }
    }

    private static int[] ReadSizes(Random random)
    {
        int[] sizes = new int[16];
        for (int i = 0; i < sizes.Length; i++)
        {
            sizes[i] = FuzzInput.ReadSize((uint)random.Next());
        }

        return sizes;
    }

    private sealed record Expected(string Text, byte[]? Utf8, string Normalized, byte[]? NormalizedUtf8, int[] Indices, NormalizationReport Report);
}
