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
        ProcessStartInfo start = StartInfo("/bin/sh", directory);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("an() { dotnet \"$ARABICNORM_DLL\" \"$@\"; }\n" + script);
        start.Environment["ARABICNORM_DLL"] = s_cli;
        return Complete(start, stdin: null, timeoutMilliseconds, $"the script did not finish in {timeoutMilliseconds / 1000} s: {script}");
    }

    /// <summary>Starts the tool without waiting, for tests that signal it.</summary>
    /// <remarks>The tool starts through <c>env --default-signal</c>, which resets SIGHUP, SIGINT and SIGTERM to their
    /// default handling and then runs <c>dotnet</c> in the same process. A process inherits ignored signals: under
    /// <c>nohup</c>, or in a background job of a shell without job control, the tool would otherwise start with SIGHUP or
    /// SIGINT ignored (as it should, there), and a test of its signal handling would test the test runner's parents.</remarks>
    public static Process Start(string directory, params string[] args)
    {
        ProcessStartInfo start = StartInfo("env", directory);
        start.ArgumentList.Add("--default-signal=HUP,INT,TERM");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(s_cli);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    public static CliResult Run(byte[]? stdin, params string[] args) => RunWith(new Dictionary<string, string>(), stdin, args);

    /// <summary>Runs the tool as <see cref="Run"/> does, with <paramref name="environment"/> added to its environment.</summary>
    public static CliResult RunWith(IReadOnlyDictionary<string, string> environment, byte[]? stdin, params string[] args)
    {
        ProcessStartInfo start = ToolStartInfo(AppContext.BaseDirectory, args);
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        return Complete(start, stdin, 120_000, "the tool did not finish in two minutes");
    }

    private static ProcessStartInfo ToolStartInfo(string directory, string[] args)
    {
        ProcessStartInfo start = StartInfo("dotnet", directory);
        start.ArgumentList.Add(s_cli);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static ProcessStartInfo StartInfo(string fileName, string directory)
    {
        Assert.True(File.Exists(s_cli), $"the tool is not built: {s_cli}");
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }

    /// <summary>Starts the process, writes <paramref name="stdin"/> and closes it, and collects both outputs.</summary>
    private static CliResult Complete(ProcessStartInfo start, byte[]? stdin, int timeoutMilliseconds, string timeoutMessage)
    {
        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        var stdout = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(timeoutMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail(timeoutMessage);
        }

        copy.Wait();
        return new CliResult(process.ExitCode, stdout.ToArray(), stderr.Result);
    }
}
