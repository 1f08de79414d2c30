// PackageConsumer: uses the ArabicNorm and ArabicNorm.DependencyInjection packages as shipped (PackageReference to the
// .nupkg files in artifacts/packages), calls the string, span and DI entry points, and checks each answer against the
// normalization contract. Exits with 1 and says why when an answer is wrong.
using System.Buffers;
using System.Reflection;
using System.Runtime.InteropServices;
using ArabicNorm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

int failures = 0;

// KEHEH, TEH, ALEF, BEH, SPACE, ARABIC-INDIC DIGITS ONE TWO THREE: Default maps KEHEH to KAF and the digits to ASCII.
const string Book = "\u06A9\u062A\u0627\u0628 \u0661\u0662\u0663";
const string BookDefault = "\u0643\u062A\u0627\u0628 123";

// ALEF WITH HAMZA ABOVE, HAH, MEEM, DAL: Default keeps the hamza, Search folds it to a plain ALEF.
const string Ahmad = "\u0623\u062D\u0645\u062F";
const string AhmadFolded = "\u0627\u062D\u0645\u062F";

// The string API.
Check("Default.Normalize(string)", BookDefault, ArabicNormalizer.Default.Normalize(Book));

// The span API: no allocation, progress reported as an OperationStatus.
Span<char> buffer = stackalloc char[32];
OperationStatus status = ArabicNormalizer.Default.Normalize(Book, buffer, out int consumed, out int written);
Check("Default.Normalize(span) status", $"{OperationStatus.Done} {Book.Length}", $"{status} {consumed}");
Check("Default.Normalize(span) text", BookDefault, buffer[..written].ToString());

// Dependency injection: the app's normalizer with its own options, and a keyed search normalizer beside it.
var services = new ServiceCollection();
services.AddArabicNormalizer(options => options.Digits = DigitTarget.Keep);
services.AddKeyedArabicNormalizer("search", ArabicNormalizer.Search);
services.AddSingleton<Indexer>();

using (ServiceProvider provider = services.BuildServiceProvider(validateScopes: true))
{
    Indexer indexer = provider.GetRequiredService<Indexer>();
    Check("injected normalizer (Digits=Keep)", "\u0643\u062A\u0627\u0628 \u0661\u0662\u0663", indexer.Display(Book));
    Check("injected keyed \"search\" normalizer", AhmadFolded, indexer.Term(Ahmad));
    Check("keyed normalizer is the Search preset", "True",
        ReferenceEquals(ArabicNormalizer.Search, provider.GetRequiredKeyedService<ArabicNormalizer>("search")).ToString());
}

// Dependency injection from configuration: bound by the source-generated binder (no reflection, so it works under
// native AOT), checked key by key.
IConfiguration configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["ArabicNormalizer:Digits"] = "keep", ["ArabicNormalizer:FoldAlef"] = "true" })
    .Build();
using (ServiceProvider provider = new ServiceCollection().AddArabicNormalizer(configuration.GetSection("ArabicNormalizer")).BuildServiceProvider())
{
    Check("normalizer bound from configuration", "\u0627\u062D\u0645\u062F \u0661", provider.GetRequiredService<ArabicNormalizer>().Normalize(Ahmad + " \u0661"));
}

IConfiguration invalid = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["ArabicNormalizer:Digits"] = "Ascii, ArabicIndic" })
    .Build();
using (ServiceProvider provider = new ServiceCollection().AddArabicNormalizer(invalid.GetSection("ArabicNormalizer")).BuildServiceProvider())
{
    string message;
    try
    {
        provider.GetRequiredService<ArabicNormalizer>();
        message = "no exception";
    }
    catch (OptionsValidationException e)
    {
        message = e.Message.StartsWith("ArabicNormalizer:Digits: ", StringComparison.Ordinal) ? "rejected with its path" : e.Message;
    }

    Check("comma list in configuration", "rejected with its path", message);
}

Console.WriteLine($"ArabicNorm {Describe(typeof(ArabicNormalizer).Assembly)}");
Console.WriteLine($"ArabicNorm.DependencyInjection {Describe(typeof(ArabicNormalizerServiceCollectionExtensions).Assembly)}");
Console.WriteLine($"runtime {RuntimeInformation.FrameworkDescription}; {(failures == 0 ? "all checks passed" : $"{failures} check(s) failed")}");
return failures == 0 ? 0 : 1;

void Check(string what, string expected, string actual)
{
    if (expected != actual)
    {
        failures++;
        Console.Error.WriteLine($"package-consumer: {what}: expected {Escape(expected)}, got {Escape(actual)}");
    }
}

static string Escape(string text) =>
    string.Concat(text.Select(c => c < 0x80 ? c.ToString() : $"\\u{(int)c:X4}"));

// The assembly's version and the framework it was built for, which tells which lib/ folder of the package loaded.
static string Describe(Assembly assembly)
{
    string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
    string framework = assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()?.FrameworkName ?? "?";
    return $"{version} ({framework})";
}

/// <summary>Takes both normalizers from the container, as an application service would.</summary>
internal sealed class Indexer(ArabicNormalizer normalizer, [FromKeyedServices("search")] ArabicNormalizer search)
{
    /// <summary>Returns the text as the application shows it.</summary>
    public string Display(string text) => normalizer.Normalize(text);

    /// <summary>Returns the text as the search index stores it.</summary>
    public string Term(string text) => search.Normalize(text);
}
