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

    /// <summary>Runs a shell script (sh -c) in <paramref name="directory"/>, in which the function <c>an</c> runs the
    /// tool; the script's standard input is closed (at end of file).</summary>
    public static CliResult Shell(string directory, string script, int timeoutMilliseconds = 120_000)
    {
        Assert.True(File.Exists(s_cli), $"the tool is not built: {s_cli}");
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("an() { dotnet \"$ARABICNORM_DLL\" \"$@\"; }\n" + script);
        start.Environment["ARABICNORM_DLL"] = s_cli;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        var stdout = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeoutMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the script did not finish in {timeoutMilliseconds / 1000} s: {script}");
        }

        copy.Wait();
        return new CliResult(process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    /// <summary>Starts the tool without waiting, for tests that signal it.</summary>
    public static Process Start(string directory, params string[] args)
    {
        Assert.True(File.Exists(s_cli), $"the tool is not built: {s_cli}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(s_cli);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start)!;
    }

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
