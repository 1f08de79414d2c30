using System.Text;

namespace ArabicNorm.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string s_seedPath = Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt");
    private readonly string _dir = Directory.CreateTempSubdirectory("arabicnorm-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Stdin_SeedArticle_WritesTheKnown35ChangesToStdout()
    {
        byte[] seed = File.ReadAllBytes(s_seedPath);
        CliResult result = CliProcess.Run(seed);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        AssertKnown35Changes(s_strict.GetString(seed), s_strict.GetString(result.Stdout));
    }

    [Theory]
    [InlineData("default", "Default")]
    [InlineData("search", "Search")]
    [InlineData("persian", "Persian")]
    public void SeedArticle_EachPreset_MatchesTheGoldenFileByteForByte(string preset, string golden)
    {
        CliResult result = CliProcess.Run(null, "--preset", preset, s_seedPath);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", $"iraq-us-dialogue.{golden}.txt")), result.Stdout);
    }

    [Fact]
    public void Stats_SeedArticle_PrintsTheTableOnStderr()
    {
        CliResult result = CliProcess.Run(File.ReadAllBytes(s_seedPath), "--stats");
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stderr.Split('\n');
        Assert.Contains(lines, l => Row(l) == ("Letters", "8"));
        Assert.Contains(lines, l => Row(l) == ("Digits", "16"));
        Assert.Contains(lines, l => Row(l) == ("Separators", "1"));
        Assert.Contains(lines, l => Row(l) == ("Quotes", "10"));
        Assert.Contains(lines, l => Row(l) == ("Tatweel", "0"));
        Assert.Contains(lines, l => Row(l) == ("changed", "35"));
        Assert.Contains(lines, l => Row(l) == ("characters", "3,008"));
        AssertKnown35Changes(File.ReadAllText(s_seedPath), s_strict.GetString(result.Stdout));
    }

    [Fact]
    public void OutputOption_WritesTheFileAndNothingToStdout()
    {
        string output = Path.Combine(_dir, "out.txt");
        CliResult result = CliProcess.Run(null, s_seedPath, "-o", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        AssertKnown35Changes(File.ReadAllText(s_seedPath), s_strict.GetString(File.ReadAllBytes(output)));
        Assert.Equal(["out.txt"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void PresetAndOverrides_MatchTheLibrary()
    {
        string seed = File.ReadAllText(s_seedPath);
        var options = ArabicNormalizer.Search.GetOptions();
        options.Letters = LetterTarget.Persian;
        options.CollapseSpaces = false;
        options.Digits = DigitTarget.ArabicIndic;
        CliResult result = CliProcess.Run(s_strict.GetBytes(seed), "--preset", "search", "--letters=persian", "--no-collapse-spaces", "--digits", "arabic-indic");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new ArabicNormalizer(options).Normalize(seed), s_strict.GetString(result.Stdout));
        Assert.NotEqual(ArabicNormalizer.Search.Normalize(seed), s_strict.GetString(result.Stdout));
    }

    [Fact]
    public void SeveralInputs_AreNormalizedOneAfterTheOther()
    {
        string a = Path.Combine(_dir, "a.txt");
        File.WriteAllText(a, "\u06CC\u0661"); // FARSI YEH, ARABIC-INDIC ONE
        CliResult result = CliProcess.Run(s_strict.GetBytes("\u201Cx\u201D"), a, "-", a);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("\u064A1\"x\"\u064A1", s_strict.GetString(result.Stdout));
    }

    [Fact]
    public void MissingFile_Exits66BeforeWritingAnything()
    {
        string output = Path.Combine(_dir, "out.txt");
        CliResult result = CliProcess.Run(null, s_seedPath, Path.Combine(_dir, "missing.txt"), "-o", output);
        Assert.Equal(66, result.ExitCode);
        Assert.Contains("missing.txt: no such file", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
        Assert.Empty(Directory.GetFiles(_dir));

        result = CliProcess.Run(null, s_seedPath, Path.Combine(_dir, "missing.txt"));
        Assert.Equal(66, result.ExitCode);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void InvalidUtf8OnStdin_Exits65WithTheByteOffsetAndSaysTheOutputIsIncomplete()
    {
        byte[] input = [.. s_strict.GetBytes("\u06CC ok "), 0xC0, 0x80, .. "tail"u8];
        CliResult result = CliProcess.Run(input);
        Assert.Equal(65, result.ExitCode);
        Assert.Contains("<stdin>: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("byte offset 6", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("output is incomplete", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(s_strict.GetBytes("\u064A ok "), result.Stdout); // what came before the invalid byte
    }

    [Fact]
    public void InvalidUtf8InAFile_WithOutputFile_LeavesTheTargetUntouched()
    {
        string bad = Path.Combine(_dir, "bad.txt");
        File.WriteAllBytes(bad, [.. new byte[70_000].Select(_ => (byte)'a'), 0xFF]);
        string output = Path.Combine(_dir, "out.txt");
        File.WriteAllText(output, "previous content");
        CliResult result = CliProcess.Run(null, s_seedPath, bad, "-o", output);
        Assert.Equal(65, result.ExitCode);
        Assert.Contains("bad.txt: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("byte offset 70000", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was written to", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("previous content", File.ReadAllText(output));
        Assert.Equal(2, Directory.GetFiles(_dir).Length); // no temporary file left behind
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--preset", "lucene")]
    [InlineData("--preset")]
    [InlineData("--digits=roman")]
    [InlineData("--fold-alef=maybe")]
    [InlineData("--no-letters")]
    [InlineData("-o")]
    [InlineData("-", "-")]
    public void BadUsage_Exits64WithAMessage(params string[] args)
    {
        CliResult result = CliProcess.Run([], args);
        Assert.Equal(64, result.ExitCode);
        Assert.StartsWith("arabicnorm: ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void ResponseFile_ArgumentsComeFromTheFile()
    {
        string responseFile = Path.Combine(_dir, "args.rsp");
        File.WriteAllLines(responseFile, ["--preset", "search", "--letters=persian", "--no-collapse-spaces"]);
        string seed = File.ReadAllText(s_seedPath);
        var options = ArabicNormalizer.Search.GetOptions();
        options.Letters = LetterTarget.Persian;
        options.CollapseSpaces = false;
        CliResult result = CliProcess.Run(s_strict.GetBytes(seed), "@" + responseFile);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new ArabicNormalizer(options).Normalize(seed), s_strict.GetString(result.Stdout));
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        CliResult result = CliProcess.Run(null, "--version");
        Assert.Equal(0, result.ExitCode);
        string version = typeof(ArabicNormalizer).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.Equal($"arabicnorm {version}\n", s_strict.GetString(result.Stdout));
    }

    [Theory]
    [InlineData("--stat", "--stats")]
    [InlineData("--colapse-spaces", "--collapse-spaces")]
    public void Typo_SuggestsTheNearestOption(string typo, string suggestion)
    {
        CliResult result = CliProcess.Run([], typo);
        Assert.Equal(64, result.ExitCode);
        Assert.Contains($"did you mean '{suggestion}'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void LastSpellingOfAnOption_Wins()
    {
        byte[] input = s_strict.GetBytes("\u0661 \u0640x"); // ARABIC-INDIC ONE, TATWEEL
        CliResult result = CliProcess.Run(input, "--digits", "ascii", "--digits=keep", "--no-remove-tatweel", "--remove-tatweel=true", "--remove-tatweel=no");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("\u0661 \u0640x", s_strict.GetString(result.Stdout));
    }

    [Fact]
    public void OutputInMissingDirectory_Exits73()
    {
        CliResult result = CliProcess.Run(null, s_seedPath, "-o", Path.Combine(_dir, "no", "such", "dir", "out.txt"));
        Assert.Equal(73, result.ExitCode);
        Assert.Contains("cannot create", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Exits0AndListsEveryOption()
    {
        CliResult result = CliProcess.Run(null, "--help");
        Assert.Equal(0, result.ExitCode);
        string help = s_strict.GetString(result.Stdout);
        Assert.Contains("Usage:\n  arabicnorm [", help, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", help, StringComparison.Ordinal);
        foreach (string name in new[] { "--collapse-spaces", "--no-collapse-spaces", "--letters <", "--digits <", "--quotes <", "--zwnj <", "--stats", "--preset", "--output", "--version" })
        {
            Assert.Contains(name, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LargeInput_RedirectedStderr_NoProgressBarAndSameOutput()
    {
        // 6 MB, above the progress threshold; standard error is a pipe here, so no bar may appear on it.
        string big = Path.Combine(_dir, "big.txt");
        string line = "\u0627\u0644\u0639\u0631\u0627\u0642 \u06CC \u0661\u0662 \u201C\u0640\u201D\n";
        var text = new StringBuilder();
        while (text.Length < 3_000_000)
        {
            text.Append(line);
        }

        File.WriteAllText(big, text.ToString());
        CliResult result = CliProcess.Run(null, big);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(s_strict.GetBytes(ArabicNormalizer.Default.Normalize(text.ToString())), result.Stdout);
    }

    private static (string, string) Row(string line)
    {
        string[] cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return cells.Length == 2 ? (cells[0], cells[1]) : (string.Empty, string.Empty);
    }

    private static void AssertKnown35Changes(string seed, string output)
    {
        // Spec section 5: under Default exactly 35 characters change and the length stays 3,008.
        Assert.Equal(3008, seed.Length);
        Assert.Equal(seed.Length, output.Length);
        int changed = 0;
        for (int i = 0; i < seed.Length; i++)
        {
            if (seed[i] == output[i])
            {
                continue;
            }

            changed++;
            char expected = seed[i] switch
            {
                '\u06CC' => '\u064A', // FARSI YEH -> YEH
                '\u06A9' => '\u0643', // KEHEH -> KAF
                >= '\u0660' and <= '\u0669' => (char)('0' + (seed[i] - '\u0660')), // ARABIC-INDIC DIGITS
                '\u066A' => '%', // ARABIC PERCENT SIGN
                '\u201C' or '\u201D' => '"', // LEFT/RIGHT DOUBLE QUOTATION MARK
                _ => '?',
            };
            Assert.True(expected == output[i], $"position {i}: U+{(int)seed[i]:X4} became U+{(int)output[i]:X4}");
        }

        Assert.Equal(35, changed);
    }
}
