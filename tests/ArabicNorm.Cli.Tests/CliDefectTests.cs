using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ArabicNorm.Cli.Tests;

/// <summary>
/// The tool as users run it from a shell: devices, FIFOs, links, signals, closed descriptors, pipes. Each test is a
/// defect found in the tool, or a behaviour added for it, run as a process.
/// </summary>
public sealed class CliDefectTests : IDisposable
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string s_seedPath = Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt");
    private readonly string _dir = Directory.CreateTempSubdirectory("arabicnorm-cli-").FullName;

    public CliDefectTests()
    {
        File.Copy(s_seedPath, Path.Combine(_dir, "seed.txt"));
    }

    private static string Seed => File.ReadAllText(s_seedPath);

    private static byte[] SeedNormalized => s_strict.GetBytes(ArabicNormalizer.Default.Normalize(Seed));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void OutputOntoACharacterDevice_WritesThroughItAndKeepsTheDevice()
    {
        RequireLinux();
        CliResult mknod = Sh("mknod null c 1 3");
        if (mknod.ExitCode != 0)
        {
            Assert.Skip($"cannot create a device node here (not root?): {mknod.Stderr}");
        }

        // A private copy of /dev/null: were the defect back, it would be replaced, not the machine's /dev/null.
        CliResult result = Sh("an seed.txt -o null && test -c null && echo still-a-device");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("still-a-device\n", Encoding.ASCII.GetString(result.Stdout));
        Assert.Empty(Directory.GetFiles(_dir, ".*.tmp"));
    }

    [Fact]
    public void OutputOntoAFifo_WritesIntoItAndKeepsTheFifo()
    {
        RequireLinux();
        CliResult result = Sh("mkfifo pipe && { cat pipe > received & } && an seed.txt -o pipe && wait && test -p pipe && echo still-a-fifo");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("still-a-fifo\n", Encoding.ASCII.GetString(result.Stdout));
        Assert.Equal(SeedNormalized, File.ReadAllBytes(Path.Combine(_dir, "received")));
    }

    [Fact]
    public void OutputOntoASymlink_ReplacesItsTargetAndKeepsTheLink()
    {
        RequireLinux();
        File.WriteAllText(Path.Combine(_dir, "target.txt"), "old");
        File.CreateSymbolicLink(Path.Combine(_dir, "link.txt"), "target.txt");

        CliResult result = Sh("an seed.txt -o link.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("target.txt", new FileInfo(Path.Combine(_dir, "link.txt")).LinkTarget);
        Assert.Equal(SeedNormalized, File.ReadAllBytes(Path.Combine(_dir, "target.txt")));
    }

    [Fact]
    public void OutputOntoAnExistingFile_KeepsItsModeAndHardLinks()
    {
        RequireLinux();
        CliResult result = Sh("echo old > out.txt && chmod 640 out.txt && ln out.txt other-name.txt && an seed.txt -o out.txt && stat -c '%a %h %i' out.txt other-name.txt");

        Assert.Equal(0, result.ExitCode);
        string[] lines = Encoding.ASCII.GetString(result.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("640 2 ", lines[0], StringComparison.Ordinal);
        Assert.Equal(lines[0], lines[1]); // the same inode, still two names
        Assert.Equal(SeedNormalized, File.ReadAllBytes(Path.Combine(_dir, "other-name.txt")));
    }

    [Fact]
    public void OutputOntoAnExistingFile_OneLink_KeepsItsMode()
    {
        RequireLinux();
        CliResult result = Sh("echo old > out.txt && chmod 604 out.txt && an seed.txt -o out.txt && stat -c '%a %h' out.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("604 1\n", Encoding.ASCII.GetString(result.Stdout));
        Assert.Equal(SeedNormalized, File.ReadAllBytes(Path.Combine(_dir, "out.txt")));
    }

    [Theory]
    [InlineData("SIGTERM", 15)]
    [InlineData("SIGHUP", 1)]
    [InlineData("SIGINT", 2)]
    public void Signal_WhileWritingAFile_LeavesNoTemporaryFileAndTheTargetUntouched(string name, int signal)
    {
        RequireLinux();
        string output = Path.Combine(_dir, "out.txt");
        File.WriteAllText(output, "previous content");

        // Standard input stays open, so the tool is mid-run, its temporary file created, when the signal comes.
        using Process tool = CliProcess.Start(_dir, "-o", "out.txt");
        tool.StandardInput.BaseStream.Write(File.ReadAllBytes(s_seedPath));
        tool.StandardInput.BaseStream.Flush();
        WaitFor(() => Directory.GetFiles(_dir, ".out.txt.*.tmp").Length == 1, "the temporary file to appear");

        Assert.Equal(0, Sh($"kill -{name[3..]} {tool.Id}").ExitCode);

        Assert.True(tool.WaitForExit(30_000), $"the tool did not stop on {name}");
        Assert.Equal(128 + signal, tool.ExitCode);
        Assert.Empty(Directory.GetFiles(_dir, ".*.tmp"));
        Assert.Equal("previous content", File.ReadAllText(output));
    }

    [Fact]
    public void RepeatedPid_StaleTemporaryFileOfThatPid_DoesNotMakeTheRunFail()
    {
        RequireLinux();

        // What a killed run of PID 1 (a container's first process) used to leave; the tool used to refuse to run again
        // with "already exists". Under a new PID namespace the tool is PID 1 again.
        File.WriteAllText(Path.Combine(_dir, ".out.txt.1.tmp"), "left by a killed run");
        CliResult probe = Sh("unshare --pid --fork sh -c 'echo $$'");
        if (probe.ExitCode != 0 || Encoding.ASCII.GetString(probe.Stdout).Trim() != "1")
        {
            Assert.Skip($"cannot start a PID namespace here: {probe.Stderr}");
        }

        CliResult result = Sh("unshare --pid --fork sh -c 'dotnet \"$ARABICNORM_DLL\" seed.txt -o out.txt'");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SeedNormalized, File.ReadAllBytes(Path.Combine(_dir, "out.txt")));
        Assert.Equal("left by a killed run", File.ReadAllText(Path.Combine(_dir, ".out.txt.1.tmp")));
    }

    [Fact]
    public void Stats_StderrClosed_DoesNotCrashAndWritesTheOutput()
    {
        RequireLinux();
        CliResult result = Sh("exec 2>&-; an --stats seed.txt > out.txt; echo \"exit $?\" > code.txt");

        Assert.Equal("exit 74\n", File.ReadAllText(Path.Combine(_dir, "code.txt"))); // the report asked for is lost: not 0, not 134
        Assert.Equal(SeedNormalized, File.ReadAllBytes(Path.Combine(_dir, "out.txt")));
    }

    [Fact]
    public void StderrClosed_WithoutStats_Exits0()
    {
        RequireLinux();
        CliResult result = Sh("exec 2>&-; an seed.txt > out.txt; echo \"exit $?\" > code.txt");

        Assert.Equal("exit 0\n", File.ReadAllText(Path.Combine(_dir, "code.txt")));
        Assert.Equal(SeedNormalized, File.ReadAllBytes(Path.Combine(_dir, "out.txt")));
    }

    [Fact]
    public void UnreadableInput_AfterAReadableOne_Exits66BeforeAnyOutput()
    {
        RequireLinux();

        // A socket cannot be opened for reading, even by root; for other users a file without read permission.
        string socket = Path.Combine(_dir, "socket");
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        listener.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(socket));

        CliResult toStdout = CliProcess.Run(null, s_seedPath, socket);
        Assert.Equal(66, toStdout.ExitCode);
        Assert.Empty(toStdout.Stdout);
        Assert.Contains("socket: cannot open", toStdout.Stderr, StringComparison.Ordinal);

        CliResult toFile = Sh("an seed.txt socket -o out.txt");
        Assert.Equal(66, toFile.ExitCode);
        Assert.False(File.Exists(Path.Combine(_dir, "out.txt")));
        Assert.Empty(Directory.GetFiles(_dir, ".*.tmp"));

        if (Environment.UserName != "root")
        {
            CliResult denied = Sh("cp seed.txt secret.txt && chmod 000 secret.txt && an seed.txt secret.txt");
            Assert.Equal(66, denied.ExitCode);
            Assert.Empty(denied.Stdout);
        }
    }

    [Theory]
    [InlineData("--stats=no", false)]
    [InlineData("--stats=false", false)]
    [InlineData("--stats=off", false)]
    [InlineData("--stats=yes", true)]
    [InlineData("--stats", true)]
    public void Stats_ExplicitValue_IsHonoured(string option, bool table)
    {
        CliResult result = CliProcess.Run(null, option, s_seedPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SeedNormalized, result.Stdout);
        Assert.Equal(table, result.Stderr.Contains("characters", StringComparison.Ordinal));
    }

    [Fact]
    public void OutputDash_IsStandardOutput()
    {
        CliResult result = Sh("an seed.txt -o - > stdout.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SeedNormalized, File.ReadAllBytes(Path.Combine(_dir, "stdout.txt")));
        Assert.False(File.Exists(Path.Combine(_dir, "-")));
    }

    [Fact]
    public void ClosedStdoutPipe_StopsPromptlyWithANonZeroExit()
    {
        RequireLinux();

        // An endless input: a tool that ignored the closed pipe would never stop (the script's timeout fails it).
        var clock = Stopwatch.StartNew();
        CliResult exit = Sh("{ yes \"$(head -c 300 seed.txt)\" | an; echo $? > code; } | head -c 100 > /dev/null; cat code", 60_000);

        Assert.Equal("141\n", Encoding.ASCII.GetString(exit.Stdout)); // 128 + SIGPIPE, as cat reports it
        Assert.DoesNotContain("arabicnorm", exit.Stderr, StringComparison.Ordinal); // quiet, as cat is
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void WriteError_IsReportedAgainstTheOutputNotTheInput()
    {
        RequireLinux();
        CliResult toFile = Sh("an seed.txt -o /dev/full");
        Assert.Equal(74, toFile.ExitCode);
        Assert.StartsWith("arabicnorm: /dev/full: ", toFile.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("seed.txt", toFile.Stderr, StringComparison.Ordinal);

        CliResult toStdout = Sh("an seed.txt > /dev/full");
        Assert.Equal(74, toStdout.ExitCode);
        Assert.StartsWith("arabicnorm: <stdout>: ", toStdout.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("seed.txt", toStdout.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default", "\u0648", "\u0654\u0627")] // WAW | HAMZA ABOVE: composes to WAW WITH HAMZA ABOVE across the boundary
    [InlineData("search", "x ", " y")] // collapsed spaces across the boundary
    [InlineData("default", "\u06CC", "\u200C")] // FARSI YEH | ZWNJ
    public void SeveralInputs_OutputIsNormalizedAcrossFileBoundaries(string preset, string first, string second)
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), first);
        File.WriteAllText(Path.Combine(_dir, "b.txt"), second);

        CliResult once = Sh($"an --preset {preset} a.txt b.txt > once.txt && an --preset {preset} once.txt");

        Assert.Equal(0, once.ExitCode);
        ArabicNormalizer normalizer = preset == "search" ? ArabicNormalizer.Search : ArabicNormalizer.Default;
        string expected = normalizer.Normalize(first + second);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(_dir, "once.txt")));
        Assert.Equal(expected, s_strict.GetString(once.Stdout)); // a second run changes nothing
    }

    [Fact]
    public void InvalidUtf8InTheSecondInput_NamesItAndItsOwnOffset()
    {
        File.WriteAllBytes(Path.Combine(_dir, "bad.txt"), [(byte)'o', (byte)'k', 0xFF]);

        CliResult result = Sh("an seed.txt bad.txt > /dev/null");

        Assert.Equal(65, result.ExitCode);
        Assert.Contains("arabicnorm: bad.txt: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("byte offset 2", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ProgressBar_OnATerminal_CountsMiBAndIsClearedOnCtrlC()
    {
        RequireLinux();
        if (Sh("command -v script").ExitCode != 0)
        {
            Assert.Skip("script(1) is not installed: no terminal to draw on");
        }

        // 6 MiB, above the progress threshold; the output is a FIFO that nobody reads, so the run stays in the middle.
        WriteBig(Path.Combine(_dir, "big.txt"), 6 * 1024 * 1024);
        using Process terminal = Process.Start(new ProcessStartInfo("script")
        {
            ArgumentList = { "-qfec", $"mkfifo stuck; sleep 600 < stuck & sh -c 'echo $$ > tool.pid; exec dotnet \"$0\" big.txt -o stuck' '{CliAssemblyPath}'; kill %1", "typescript" },
            WorkingDirectory = _dir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        _ = terminal.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        string typescript = Path.Combine(_dir, "typescript");
        WaitFor(() => File.Exists(typescript) && File.ReadAllText(typescript).Contains("MiB", StringComparison.Ordinal), "the progress bar");

        Assert.Equal(0, Sh("kill -INT $(cat tool.pid)").ExitCode);
        Assert.True(terminal.WaitForExit(30_000), "the tool did not stop on SIGINT");

        string screen = File.ReadAllText(typescript);
        int bar = screen.LastIndexOf("MiB", StringComparison.Ordinal);
        Assert.Matches(@"\d+\.\d/6\.0 MiB", screen);
        Assert.DoesNotContain(" MB", screen, StringComparison.Ordinal);
        Assert.Matches(@"^\r {60,}\r", screen[(bar + 3)..]); // erased after the last draw
    }

    [Fact]
    public void StdinClosed_ExitsAt66InsteadOfHanging()
    {
        RequireLinux();
        CliResult result = Sh("exec <&-; an", 60_000);

        Assert.Equal(66, result.ExitCode);
        Assert.Contains("<stdin>: standard input is closed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void StdoutClosed_Exits74()
    {
        RequireLinux();
        CliResult result = Sh("exec >&-; an seed.txt");

        Assert.Equal(74, result.ExitCode);
        Assert.Contains("<stdout>: standard output is closed", result.Stderr, StringComparison.Ordinal);
    }

    private static string CliAssemblyPath => typeof(CliDefectTests).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "CliAssembly").Value!;

    private static void RequireLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("these process tests use Linux shell tools and file types");
        }
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"timed out waiting for {what}");
            Thread.Sleep(50);
        }
    }

    private static void WriteBig(string path, int bytes)
    {
        byte[] seed = File.ReadAllBytes(s_seedPath);
        using var file = File.Create(path);
        for (int written = 0; written < bytes; written += seed.Length)
        {
            file.Write(seed);
        }
    }

    private CliResult Sh(string script, int timeoutMilliseconds = 120_000) => CliProcess.Shell(_dir, script, timeoutMilliseconds);
}
