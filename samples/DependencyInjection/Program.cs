// DependencyInjection: a Generic Host that holds two normalizers side by side - the app's own, its options bound from
// appsettings.json, and a keyed search normalizer - and normalizes the seed article (or the file given with
// --article PATH) through a service that takes both from the container. Prints a short summary.
using ArabicNorm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory, // where appsettings.json is copied
});

// The app's normalizer: Default's values, then what the "ArabicNormalizer" section of appsettings.json sets.
// The section is validated when the host starts: a mistyped key or value stops it with the key's path.
builder.Services.AddArabicNormalizer(builder.Configuration.GetSection("ArabicNormalizer"));

// A second normalizer beside it, for the search index, resolved by its key.
builder.Services.AddKeyedArabicNormalizer("search", ArabicNormalizer.Search);

builder.Services.AddSingleton<ArticleProcessor>();

using IHost host = builder.Build();
await host.StartAsync();

string path = builder.Configuration["article"] ?? FindSeedArticle();
if (!File.Exists(path))
{
    Console.Error.WriteLine($"dependency-injection: file not found: {path}");
    return 2;
}

ArticleProcessor processor = host.Services.GetRequiredService<ArticleProcessor>();
string article = File.ReadAllText(path);
string clean = processor.Clean(article);
IReadOnlyList<string> terms = processor.IndexTerms(article);

IEnumerable<string> configured = builder.Configuration.GetSection("ArabicNormalizer").GetChildren().Select(s => $"{s.Key}={s.Value}");
Console.WriteLine($"{Path.GetFileName(path)}: {article.Length} characters");
Console.WriteLine($"  app normalizer ({string.Join(", ", configured)} from configuration): {CountChanged(article, clean)} characters changed, length {clean.Length}");
Console.WriteLine($"  keyed \"search\" normalizer: {terms.Count} index terms, {terms.Distinct(StringComparer.Ordinal).Count()} distinct");
await host.StopAsync();
return 0;

// Counts the positions where two texts differ, plus the difference in length.
static int CountChanged(string before, string after)
{
    int changed = Math.Abs(before.Length - after.Length);
    for (int i = 0; i < Math.Min(before.Length, after.Length); i++)
    {
        if (before[i] != after[i])
        {
            changed++;
        }
    }

    return changed;
}

// The seed article ships with the repository under seeds/, and a copy sits next to the app.
static string FindSeedArticle()
{
    const string relative = "seeds/iraq-us-dialogue.ar.txt";
    for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        string candidate = Path.Combine(dir.FullName, relative);
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    return Path.Combine(AppContext.BaseDirectory, relative);
}

/// <summary>Cleans articles for display and splits them into search terms, with the normalizers the host holds.</summary>
internal sealed class ArticleProcessor(
    ArabicNormalizer normalizer,
    [FromKeyedServices("search")] ArabicNormalizer searchNormalizer)
{
    private static readonly char[] s_separators = [' ', '\n', '\r', '\t', '.', ',', ';', ':', '?', '!', '"', '\'', '(', ')'];

    /// <summary>Returns the article as the app shows it.</summary>
    public string Clean(string article) => normalizer.Normalize(article);

    /// <summary>Returns the article's words as the search index stores them.</summary>
    public IReadOnlyList<string> IndexTerms(string article) =>
        searchNormalizer.Normalize(article).Split(s_separators, StringSplitOptions.RemoveEmptyEntries);
}
