using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ArabicNorm.Tests.Properties;

namespace ArabicNorm.Tests.Streaming;

/// <summary>
/// Shows, in a process of its own, that streaming is linear: a letter followed by 10^4, 10^5 and 10^6 marks, fed
/// through 16-byte (and 16-character) reads, takes time in proportion to its length. A tail held back without bound
/// made it quadratic (10x the marks, about 100x the time). The test asserts ratios, never absolute times.
/// </summary>
public class StreamingTimeTests(ITestOutputHelper output)
{
    private static readonly string s_timing = typeof(StreamingTimeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "StreamTimingAssembly").Value!;

    [Fact]
    public async Task NormalizeStreams_SixteenUnitReadsOfManyMarks_TimeIsLinear()
    {
        Assert.True(File.Exists(s_timing), $"the timing program is not built: {s_timing}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Fully optimized code from the first call, and no background GC thread: the CPU time the program measures is
        // then the work's, not the JIT's recompiling or a concurrent collection.
        start.Environment["DOTNET_TieredCompilation"] = "0";
        start.Environment["DOTNET_gcConcurrent"] = "0";
        start.ArgumentList.Add(s_timing);
        start.ArgumentList.Add("10000");
        start.ArgumentList.Add("100000");
        start.ArgumentList.Add("1000000");
        using Process process = Process.Start(start)!;
        CancellationToken token = TestContext.Current.CancellationToken;
        Task<string> stderr = process.StandardError.ReadToEndAsync(token);
        string stdout = await process.StandardOutput.ReadToEndAsync(token);
        Assert.True(process.WaitForExit(300_000), "the timing program did not finish in five minutes");
        output.WriteLine(stdout);
        Assert.True(process.ExitCode == 0, await stderr);

        // "<api> <preset> <marks> <CPU ms per run> <same as the string API>"
        var times = new Dictionary<(string, int), double>();
        foreach (string line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] f = line.Split(' ');
            Assert.Equal("True", f[4]); // the stream's output is the string API's
            times[(f[0] + " " + f[1], int.Parse(f[2], CultureInfo.InvariantCulture))] = double.Parse(f[3], CultureInfo.InvariantCulture);
        }

        string[] runs = ["utf8 Default", "text Default", "utf8 Search", "text Search"];
        Assert.Equal(runs.Length * 3, times.Count);
        foreach (string run in runs)
        {
            // 10x the input may cost up to 30x the time (generous for a shared machine); quadratic costs about 100x.
            double small = Math.Max(times[(run, 10_000)], 0.05);
            double middle = times[(run, 100_000)];
            double large = times[(run, 1_000_000)];
            output.WriteLine($"{run}: 10^5/10^4 = {middle / small:F1}x, 10^6/10^5 = {large / middle:F1}x");
            Assert.True(middle / small < 30, $"{run}: 10^5 marks took {middle / small:F1}x the time of 10^4");
            Assert.True(large / middle < 30, $"{run}: 10^6 marks took {large / middle:F1}x the time of 10^5");
        }
    }
}
