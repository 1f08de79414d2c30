using System.Diagnostics;
using System.Reflection;

namespace ArabicNorm.Cli.Tests;

/// <summary>The result of one run of the tool.</summary>
internal sealed record CliResult(int ExitCode, byte[] Stdout, string Stderr);

/// <summary>Runs arabicnorm as a process: `dotnet ArabicNorm.Cli.dll args`, with bytes on standard input.</summary>
internal static class CliProcess
{
    private static readonly string s_cli = typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CliAssembly").Value!;

    public static CliResult Run(byte[]? stdin, params string[] args)
    {
        Assert.True(File.Exists(s_cli), $"the tool is not built: {s_cli}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(s_cli);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        var stdout = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        Assert.True(process.WaitForExit(120_000), "the tool did not finish in two minutes");
        copy.Wait();
        return new CliResult(process.ExitCode, stdout.ToArray(), stderr.Result);
    }
}
