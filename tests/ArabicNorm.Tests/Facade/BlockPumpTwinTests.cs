namespace ArabicNorm.Tests.Facade;

// The pump's loop is written once, in BlockPump.Run.cs; BlockPump.RunAsync.cs is generated from it by the textual
// substitutions listed at the top of BlockPump.Run.cs (the shape of Sep's sync/async twins). This test holds them
// equal, so a change to one loop that is not made to the other fails here. With ARABICNORM_REGENERATE=1 it rewrites
// the twin instead.
public class BlockPumpTwinTests
{
    private const string Header = "// GENERATED from BlockPump.Run.cs by BlockPumpTwinTests (set ARABICNORM_REGENERATE=1 and run it): do not edit.\n";

    // Applied in order, as BlockPump.Run.cs lists them; rule 5 (ConfigureAwait) is applied per line below.
    private static readonly (string From, string To)[] s_substitutions =
    [
        ("void Run<TIo>(", "async Task RunAsync<TIo>("),
        ("io.Read(", "await io.ReadAsync("),
        ("io.Write(", "await io.WriteAsync("),
        ("io.Flush(", "await io.FlushAsync("),
    ];

    private static readonly (string From, string To)[] s_docSubstitutions =
    [
        ("the sync twin of RunAsync", "the async twin of Run"),
        ("<returns>Nothing", "<returns>A task"),
    ];

    [Fact]
    public void BlockPumpRunAsync_IsTheSyncLoopAfterTheSubstitutions()
    {
        string folder = Path.Combine(RepositoryRoot(), "src", "ArabicNorm", "Internal");
        string sync = File.ReadAllText(Path.Combine(folder, "BlockPump.Run.cs")).ReplaceLineEndings("\n");
        string expected = Header + ToAsync(sync);
        string asyncPath = Path.Combine(folder, "BlockPump.RunAsync.cs");
        if (Environment.GetEnvironmentVariable("ARABICNORM_REGENERATE") == "1")
        {
            File.WriteAllText(asyncPath, expected);
        }

        string actual = File.ReadAllText(asyncPath).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ToAsync_SubstitutesEveryIoCallAndTheSignature()
    {
        string sync = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "ArabicNorm", "Internal", "BlockPump.Run.cs")).ReplaceLineEndings("\n");
        string body = ToAsync(sync);

        // Every io call of the sync loop has become an awaited one, and nothing sync is left.
        int ioCalls = Count(sync[sync.IndexOf("\nnamespace ", StringComparison.Ordinal)..], "io.");
        Assert.Equal(3, ioCalls);
        Assert.Equal(ioCalls, Count(body, ".ConfigureAwait(false);"));
        Assert.Equal(ioCalls, Count(body, "await io."));
        Assert.DoesNotContain("void Run<", body, StringComparison.Ordinal);
        Assert.Contains("internal async Task RunAsync<TIo>(TIo io, CancellationToken cancellationToken)", body, StringComparison.Ordinal);
    }

    private static string ToAsync(string sync)
    {
        // The header comment (which names the substitutions themselves) is the sync file's own.
        string body = sync[(sync.IndexOf("\nnamespace ", StringComparison.Ordinal) + 1)..];
        foreach ((string from, string to) in s_substitutions)
        {
            body = body.Replace(from, to, StringComparison.Ordinal);
        }

        string[] lines = body.Split('\n');
        for (int k = 0; k < lines.Length; k++)
        {
            int end = lines[k].LastIndexOf(");", StringComparison.Ordinal);
            if (lines[k].Contains("await ", StringComparison.Ordinal) && end >= 0)
            {
                lines[k] = lines[k][..end] + ").ConfigureAwait(false);" + lines[k][(end + 2)..];
            }
        }

        body = string.Join('\n', lines);
        foreach ((string from, string to) in s_docSubstitutions)
        {
            body = body.Replace(from, to, StringComparison.Ordinal);
        }

        return body;
    }

    private static int Count(string text, string what)
    {
        int count = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArabicNorm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ArabicNorm.sln above {AppContext.BaseDirectory}: the twin test reads the sources.");
    }
}
