using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ArabicNorm.Cli.Tests;

/// <summary>--check, --in-place, -j, --report json and the option spellings, run as a process.</summary>
public sealed class CliFeatureTests : IDisposable
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string s_seedPath = Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt");
    private readonly string _dir = Directory.CreateTempSubdirectory("arabicnorm-cli-").FullName;

    private static string Seed => File.ReadAllText(s_seedPath);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Check_SeedArticle_Exits1AndListsEachOfThe35ChangesWithLineColumnAndRule()
    {
        string path = Write("seed.txt", Seed);

        CliResult result = CliProcess.Run(null, "--check", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 of 1 input(s) not normalized", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExpectedSeedChanges(path), s_strict.GetString(result.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Seed, File.ReadAllText(path)); // --check writes nothing
    }

    [Fact]
    public void Check_NormalizedInput_Exits0AndPrintsNothing()
    {
        string path = Write("clean.txt", ArabicNormalizer.Default.Normalize(Seed));

        CliResult result = CliProcess.Run(null, "--check", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Check_Stdin_NamesItStdin()
    {
        CliResult result = CliProcess.Run(s_strict.GetBytes("ok\n\u0640x"), "--check"); // TATWEEL on line 2

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("<stdin>:2:1: Tatweel: U+0640 -> nothing\n", s_strict.GetString(result.Stdout));
    }

    [Fact]
    public void Check_ContextRule_NamesTheRuleOfTheChange()
    {
        // WAW, HAMZA ABOVE: the pair composes (Compositions), and the mark alone is the deleted half.
        CliResult result = CliProcess.Run(s_strict.GetBytes("\u0648\u0654"), "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "<stdin>:1:1: Compositions: U+0648 -> U+0624\n<stdin>:1:2: Compositions: U+0654 -> nothing\n",
            s_strict.GetString(result.Stdout));
    }

    [Fact]
    public void Check_InvalidUtf8_Exits65NamingTheFile()
    {
        string bad = Path.Combine(_dir, "bad.txt");
        File.WriteAllBytes(bad, [(byte)'a', 0xC0, 0x80]);

        CliResult result = CliProcess.Run(null, "--check", bad);

        Assert.Equal(65, result.ExitCode);
        Assert.Contains("bad.txt: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("byte offset 1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void InPlace_ReplacesEachFileWithItsNormalizedTextAndKeepsCleanFilesUntouched()
    {
        string dirty = Write("dirty.txt", Seed);
        string clean = Write("clean.txt", ArabicNormalizer.Default.Normalize(Seed));
        DateTime cleanTime = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(clean, cleanTime);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dirty, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        CliResult result = CliProcess.Run(null, "--in-place", dirty, clean);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(ArabicNormalizer.Default.Normalize(Seed), File.ReadAllText(dirty));
        Assert.Equal(cleanTime, File.GetLastWriteTimeUtc(clean));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(dirty));
        }

        Assert.Equal(["clean.txt", "dirty.txt"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void InPlace_InvalidUtf8_LeavesThatFileAsItWasAndExits65()
    {
        string good = Write("good.txt", Seed);
        string bad = Path.Combine(_dir, "bad.txt");
        byte[] badBytes = [.. s_strict.GetBytes("\u06CC"), 0xFF];
        File.WriteAllBytes(bad, badBytes);

        CliResult result = CliProcess.Run(null, "--in-place", good, bad);

        Assert.Equal(65, result.ExitCode);
        Assert.Contains("bad.txt: left unchanged", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(badBytes, File.ReadAllBytes(bad));
        Assert.Equal(ArabicNormalizer.Default.Normalize(Seed), File.ReadAllText(good));
        Assert.Empty(Directory.GetFiles(_dir, ".*.tmp"));
    }

    [Theory]
    [InlineData("--in-place")]
    [InlineData("--in-place", "-")]
    [InlineData("--in-place", "a.txt", "-o", "b.txt")]
    [InlineData("--check", "a.txt", "-o", "b.txt")]
    [InlineData("--check", "--in-place", "a.txt")]
    [InlineData("-j", "0", "--check", "a.txt")]
    [InlineData("-j", "two", "--check", "a.txt")]
    [InlineData("--report", "xml")]
    public void ModeCombination_Invalid_Exits64(params string[] args)
    {
        Write("a.txt", "x");

        CliResult result = CliProcess.Shell(_dir, "an " + string.Join(' ', args.Select(a => $"'{a}'")));

        Assert.Equal(64, result.ExitCode);
        Assert.StartsWith("arabicnorm: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(Path.Combine(_dir, "a.txt")));
    }

    [Fact]
    public void Jobs_CheckAndInPlace_GiveTheSameResultAsOneAtATime()
    {
        // Files of different sizes and contents, so that parallel workers finish out of order.
        string[] texts = [.. Enumerable.Range(0, 12).Select(i => string.Concat(Enumerable.Repeat(Seed[(i * 97)..], 1 + (i % 4))) + (i % 3 == 0 ? "\u0640" : string.Empty))];
        string[] sequential = [.. texts.Select((t, i) => Write($"s{i:00}.txt", t))];
        string[] parallel = [.. texts.Select((t, i) => Write($"p{i:00}.txt", t))];

        CliResult checkOne = CliProcess.Shell(_dir, "an --check s*.txt");
        CliResult checkFour = CliProcess.Shell(_dir, "an --check -j 4 s*.txt");
        Assert.Equal(1, checkOne.ExitCode);
        Assert.Equal(checkOne.ExitCode, checkFour.ExitCode);
        Assert.Equal(checkOne.Stdout, checkFour.Stdout);
        Assert.Equal(checkOne.Stderr, checkFour.Stderr);

        CliResult one = CliProcess.Shell(_dir, "an --in-place --stats s*.txt");
        CliResult four = CliProcess.Shell(_dir, "an --in-place --stats --jobs=4 p*.txt");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, four.ExitCode);
        Assert.Equal(one.Stderr, four.Stderr);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(File.ReadAllBytes(sequential[i]), File.ReadAllBytes(parallel[i]));
            Assert.Equal(ArabicNormalizer.Default.Normalize(texts[i]), File.ReadAllText(parallel[i]));
        }
    }

    [Fact]
    public void ReportJson_SeedArticle_GivesTheCountsOnStderr()
    {
        CliResult result = CliProcess.Run(null, "--report", "json", s_seedPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(s_strict.GetBytes(ArabicNormalizer.Default.Normalize(Seed)), result.Stdout);
        using JsonDocument json = JsonDocument.Parse(result.Stderr);
        JsonElement root = json.RootElement;
        Assert.Equal(3008, root.GetProperty("characters").GetInt64());
        Assert.Equal(35, root.GetProperty("changed").GetInt64());
        JsonElement categories = root.GetProperty("categories");
        Assert.Equal(8, categories.GetProperty("Letters").GetInt64());
        Assert.Equal(16, categories.GetProperty("Digits").GetInt64());
        Assert.Equal(1, categories.GetProperty("Separators").GetInt64());
        Assert.Equal(10, categories.GetProperty("Quotes").GetInt64());
        Assert.Equal([s_seedPath], root.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void ReportJson_Check_ListsTheChangesOnStdout()
    {
        string path = Write("seed.txt", Seed);

        CliResult result = CliProcess.Run(null, "--check", "--report=JSON", path);

        Assert.Equal(1, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("notNormalized").GetInt32());
        JsonElement file = Assert.Single(json.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal(path, file.GetProperty("name").GetString());
        Assert.False(file.GetProperty("normalized").GetBoolean());
        string[] listed = [.. file.GetProperty("changes").EnumerateArray().Select(c =>
            $"{path}:{c.GetProperty("line").GetInt64()}:{c.GetProperty("column").GetInt64()}: {c.GetProperty("category").GetString()}: {c.GetProperty("from").GetString()} -> {c.GetProperty("to").GetString()}")];
        Assert.Equal(ExpectedSeedChanges(path), listed);
    }

    [Theory]
    [InlineData("--digits", "ArabicIndic")]
    [InlineData("--digits", "arabicindic")]
    [InlineData("--digits", "arabic-indic")]
    [InlineData("--Digits", "ARABICINDIC")]
    [InlineData("--digits=ArabicIndic")]
    public void OptionSpellings_AreTheConfigurationsIgnoringCaseAndHyphens(params string[] digits)
    {
        string seed = Seed;
        var options = ArabicNormalizer.Search.GetOptions();
        options.Digits = DigitTarget.ArabicIndic;
        options.FoldAlef = false;
        string expected = new ArabicNormalizer(options).Normalize(seed);

        foreach (string[] spelling in new[]
        {
            new[] { "--preset", "Search", "--FoldAlef=false" },
            new[] { "--preset", "SEARCH", "--no-foldalef" },
            new[] { "--PRESET=search", "--Fold-Alef=false" },
        })
        {
            CliResult result = CliProcess.Run(s_strict.GetBytes(seed), [.. spelling, .. digits]);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(expected, s_strict.GetString(result.Stdout));
        }
    }

    [Fact]
    public void SuggestDirective_CompletesOptionNamesAndValues()
    {
        CliResult names = CliProcess.Run(null, "[suggest:5]", "--sta");
        Assert.Equal(0, names.ExitCode);
        Assert.Equal("--stats\n", s_strict.GetString(names.Stdout));

        // System.CommandLine offers the values that contain the word typed, ignoring case.
        CliResult values = CliProcess.Run(null, "[suggest:11]", "--digits ar");
        Assert.Equal(0, values.ExitCode);
        Assert.Equal(["ArabicIndic"], s_strict.GetString(values.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Help_ListsTheValuesAsTheConfigurationSpellsThem()
    {
        CliResult result = CliProcess.Run(null, "--help");

        string help = s_strict.GetString(result.Stdout);
        Assert.Contains("--digits <Keep|Ascii|ArabicIndic|Persian>", help, StringComparison.Ordinal);
        Assert.Contains("--preset <Default|Search|Persian>", help, StringComparison.Ordinal);
        foreach (string option in new[] { "--check", "--in-place", "--jobs", "--report <Text|Json>" })
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }
    }

    // The 35 changes of the seed under Default, found here from the characters alone (spec section 5), with the
    // line and the column (in characters) of each: the oracle does not use the tool or the library.
    private static string[] ExpectedSeedChanges(string path)
    {
        var expected = new List<string>();
        string[] lines = Seed.Split('\n');
        for (int l = 0; l < lines.Length; l++)
        {
            int column = 0;
            foreach (Rune rune in lines[l].EnumerateRunes())
            {
                column++;
                (string? category, int? to) = rune.Value switch
                {
                    0x06CC => ("Letters", 0x064A), // FARSI YEH -> YEH
                    0x06A9 => ("Letters", 0x0643), // KEHEH -> KAF
                    >= 0x0660 and <= 0x0669 => ("Digits", '0' + (rune.Value - 0x0660)),
                    0x066A => ("Separators", '%'), // ARABIC PERCENT SIGN
                    0x201C or 0x201D => ("Quotes", '"'),
                    _ => ((string?)null, (int?)null),
                };
                if (category is not null)
                {
                    expected.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{l + 1}:{column}: {category}: U+{rune.Value:X4} -> U+{to:X4}"));
                }
            }
        }

        Assert.Equal(35, expected.Count);
        return [.. expected];
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
