using System.Reflection;

namespace ArabicNorm.DependencyInjection.Tests;

/// <summary>
/// Keeps the code in the Markdown files identical to the samples' code.
/// </summary>
/// <remarks>
/// Convention: a fenced block on the line right after <c>&lt;!-- snippet: path/from/repo/root --&gt;</c> must appear
/// verbatim (line endings aside, and less the fence's own indentation) in that file. In samples/README.md and the
/// package READMEs under src/, every C# block must be marked so.
/// </remarks>
public class ReadmeSnippetTests
{
    private const string MarkerStart = "<!-- snippet:";
    private const string MarkerEnd = "-->";

    private static readonly string s_repoRoot = typeof(ReadmeSnippetTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    private static readonly string[] s_skippedDirectories = ["bin", "obj", "artifacts", ".git", "node_modules", "TestResults", "BenchmarkDotNet.Artifacts"];

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in EnumerateMarkdown(s_repoRoot))
        {
            data.Add(Path.GetRelativePath(s_repoRoot, file).Replace('\\', '/'));
        }

        return data;
    }

    public static TheoryData<string> UserFacingMarkdownFiles()
    {
        // Each package has its own README under src/; the user documentation the README links to lives in docs/.
        var data = new TheoryData<string> { "README.md", "samples/README.md" };
        foreach (string file in Directory.EnumerateFiles(Path.Combine(s_repoRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add($"docs/{Path.GetFileName(file)}");
        }

        foreach (string dir in Directory.EnumerateDirectories(Path.Combine(s_repoRoot, "src")))
        {
            if (File.Exists(Path.Combine(dir, "README.md")))
            {
                data.Add($"src/{Path.GetFileName(dir)}/README.md");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void MarkedSnippets_InMarkdownFile_AppearVerbatimInTheirSource(string markdown)
    {
        string text = File.ReadAllText(Path.Combine(s_repoRoot, markdown));

        List<string> problems = FindSnippetProblems(text, ReadSource);

        Assert.True(problems.Count == 0, $"{markdown}:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(UserFacingMarkdownFiles))]
    public void CSharpBlocks_InUserFacingMarkdown_AreMarkedAsSnippets(string markdown)
    {
        string text = File.ReadAllText(Path.Combine(s_repoRoot, markdown));

        List<string> problems = FindUnmarkedCSharpBlocks(text);

        Assert.True(problems.Count == 0, $"{markdown}:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Readme_DependencyInjectionSection_HoldsSnippetsOfTheSample()
    {
        string text = File.ReadAllText(Path.Combine(s_repoRoot, "README.md"));

        List<Snippet> snippets = ParseSnippets(text);

        Assert.Contains(snippets, s => s.Source == "samples/DependencyInjection/Program.cs" && s.Code != null && s.Code.Contains("AddKeyedArabicNormalizer", StringComparison.Ordinal));
        Assert.Contains(snippets, s => s.Source == "samples/DependencyInjection/appsettings.json");
    }

    [Fact]
    public void FindSnippetProblems_SnippetThatDiffersFromSource_IsReported()
    {
        const string markdown = "<!-- snippet: a.cs -->\n```csharp\nint x = 2;\n```\n";

        List<string> problems = FindSnippetProblems(markdown, _ => "int x = 1;\n");

        Assert.Single(problems);
    }

    [Fact]
    public void FindSnippetProblems_IndentedSnippetThatMatches_IsAccepted()
    {
        const string markdown = "- item\n\n  <!-- snippet: a.cs -->\n  ```csharp\n  int x = 1;\n  ```\n";

        List<string> problems = FindSnippetProblems(markdown, _ => "// head\r\nint x = 1;\r\n");

        Assert.Empty(problems);
    }

    [Fact]
    public void FindSnippetProblems_MissingSourceOrFence_IsReported()
    {
        const string markdown = "<!-- snippet: gone.cs -->\n```csharp\nint x = 1;\n```\n<!-- snippet: a.cs -->\ntext\n";

        List<string> problems = FindSnippetProblems(markdown, _ => null);

        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void FindUnmarkedCSharpBlocks_UnmarkedBlock_IsReported()
    {
        const string markdown = "```sh\nls\n```\n\n```csharp\nint x = 1;\n```\n<!-- snippet: a.cs -->\n```cs\nint y;\n```\n";

        List<string> problems = FindUnmarkedCSharpBlocks(markdown);

        Assert.Single(problems);
    }

    private static string? ReadSource(string relativePath)
    {
        string path = Path.Combine(s_repoRoot, relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static IEnumerable<string> EnumerateMarkdown(string directory)
    {
        foreach (string file in Directory.EnumerateFiles(directory, "*.md"))
        {
            yield return file;
        }

        foreach (string sub in Directory.EnumerateDirectories(directory))
        {
            if (!s_skippedDirectories.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase))
            {
                foreach (string file in EnumerateMarkdown(sub))
                {
                    yield return file;
                }
            }
        }
    }

    private static List<string> FindSnippetProblems(string markdown, Func<string, string?> readSource)
    {
        var problems = new List<string>();
        foreach (Snippet snippet in ParseSnippets(markdown))
        {
            if (snippet.Code is null)
            {
                problems.Add($"line {snippet.Line}: the snippet marker is not followed by a fenced block");
                continue;
            }

            string? source = readSource(snippet.Source);
            if (source is null)
            {
                problems.Add($"line {snippet.Line}: {snippet.Source} does not exist");
            }
            else if (snippet.Code.Length == 0 || !source.ReplaceLineEndings("\n").Contains(snippet.Code, StringComparison.Ordinal))
            {
                problems.Add($"line {snippet.Line}: this block is not in {snippet.Source} verbatim:\n{snippet.Code}");
            }
        }

        return problems;
    }

    private static List<string> FindUnmarkedCSharpBlocks(string markdown)
    {
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var problems = new List<string>();
        bool inFence = false;
        string fence = "";
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].Trim();
            if (inFence)
            {
                inFence = trimmed != fence;
                continue;
            }

            if (TryOpenFence(trimmed, out fence, out string info))
            {
                inFence = true;
                bool csharp = info is "csharp" or "cs" or "c#" or "C#";
                bool marked = i > 0 && IsMarker(lines[i - 1].Trim(), out _);
                if (csharp && !marked)
                {
                    problems.Add($"line {i + 1}: a C# block without a '{MarkerStart} path {MarkerEnd}' line right before it");
                }
            }
        }

        return problems;
    }

    private static List<Snippet> ParseSnippets(string markdown)
    {
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var snippets = new List<Snippet>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!IsMarker(lines[i].Trim(), out string source))
            {
                continue;
            }

            string opening = i + 1 < lines.Length ? lines[i + 1] : "";
            if (!TryOpenFence(opening.Trim(), out string fence, out _))
            {
                snippets.Add(new Snippet(i + 1, source, null));
                continue;
            }

            int indent = opening.Length - opening.TrimStart(' ').Length;
            var body = new List<string>();
            int j = i + 2;
            for (; j < lines.Length && lines[j].Trim() != fence; j++)
            {
                string line = lines[j];
                int strip = Math.Min(indent, line.Length - line.TrimStart(' ').Length);
                body.Add(line[strip..]);
            }

            snippets.Add(new Snippet(i + 1, source, j < lines.Length ? string.Join("\n", body) : null));
            i = j;
        }

        return snippets;
    }

    private static bool IsMarker(string trimmedLine, out string source)
    {
        source = "";
        if (!trimmedLine.StartsWith(MarkerStart, StringComparison.Ordinal) || !trimmedLine.EndsWith(MarkerEnd, StringComparison.Ordinal))
        {
            return false;
        }

        source = trimmedLine[MarkerStart.Length..^MarkerEnd.Length].Trim();
        return source.Length > 0;
    }

    private static bool TryOpenFence(string trimmedLine, out string fence, out string info)
    {
        foreach (char c in "`~")
        {
            int run = 0;
            while (run < trimmedLine.Length && trimmedLine[run] == c)
            {
                run++;
            }

            if (run >= 3)
            {
                fence = new string(c, run);
                info = trimmedLine[run..].Trim();
                return true;
            }
        }

        fence = "";
        info = "";
        return false;
    }

    private sealed record Snippet(int Line, string Source, string? Code);
}
