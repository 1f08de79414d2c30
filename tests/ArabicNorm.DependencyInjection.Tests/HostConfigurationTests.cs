using System.Reflection;
using ArabicNorm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArabicNorm.DependencyInjection.Tests;

/// <summary>
/// Configuration as users write it: a real Generic Host reading appsettings.json from its content root, as the
/// DependencyInjection sample does, started with StartAsync.
/// </summary>
public sealed class HostConfigurationTests : IDisposable
{
    // ARABIC-INDIC DIGIT ONE, ARABIC-INDIC DIGIT TWO; ALEF WITH HAMZA ABOVE, HAH, MEEM, DAL.
    private const string ArabicIndic12 = "\u0661\u0662";
    private const string Ahmad = "\u0623\u062D\u0645\u062F";
    private const string AhmadFolded = "\u0627\u062D\u0645\u062F";

    private readonly string _contentRoot = Directory.CreateTempSubdirectory("arabicnorm-host-").FullName;

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    [Fact]
    public async Task AddArabicNormalizer_Section_BindsAppsettingsAndStarts()
    {
        using IHost host = Build("""{ "ArabicNormalizer": { "Digits": "Keep", "foldalef": true, "Letters": "persian" } }""",
            (services, configuration) => services.AddArabicNormalizer(configuration.GetSection("ArabicNormalizer")));

        await host.StartAsync();

        ArabicNormalizer normalizer = host.Services.GetRequiredService<ArabicNormalizer>();
        Assert.Equal(ArabicIndic12, normalizer.Normalize(ArabicIndic12));
        Assert.Equal(AhmadFolded, normalizer.Normalize(Ahmad));
        ArabicNormalizerOptions options = host.Services.GetRequiredService<IOptions<ArabicNormalizerOptions>>().Value;
        Assert.Equal(LetterTarget.Persian, options.Letters);
        Assert.True(options.FoldAlef);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("\"Ascii, ArabicIndic\"")] // the binder alone ORs the two into Persian
    [InlineData("\"Ascii,Persian\"")]
    [InlineData("7")] // the binder alone stores an undefined value, and the setter used to throw a TargetInvocationException
    [InlineData("\"-1\"")]
    [InlineData("\"1\"")] // a number, even a defined one, is not a name
    [InlineData("\"Roman\"")]
    public async Task AddArabicNormalizer_EnumValueNotOneName_StartAsyncFailsNamingThePathAndTheValues(string json)
    {
        using IHost host = Build($$"""{ "ArabicNormalizer": { "Digits": {{json}} } }""",
            (services, configuration) => services.AddArabicNormalizer(configuration.GetSection("ArabicNormalizer")));

        string message = await StartFailure(host);

        Assert.Contains("ArabicNormalizer:Digits", message, StringComparison.Ordinal);
        Assert.Contains("Keep, Ascii, ArabicIndic, Persian", message, StringComparison.Ordinal);
        Assert.DoesNotContain("TargetInvocation", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public async Task AddArabicNormalizer_ValueNullOrEmpty_KeepsTheDefault(string json)
    {
        using IHost host = Build($$"""{ "ArabicNormalizer": { "Digits": {{json}}, "Quotes": {{json}}, "RemoveTatweel": {{json}} } }""",
            (services, configuration) => services.AddArabicNormalizer(configuration.GetSection("ArabicNormalizer")));

        await host.StartAsync();

        ArabicNormalizerOptions options = host.Services.GetRequiredService<IOptions<ArabicNormalizerOptions>>().Value;
        Assert.Equal(DigitTarget.Ascii, options.Digits);
        Assert.Equal(QuoteTarget.Ascii, options.Quotes);
        Assert.True(options.RemoveTatweel);
        Assert.Same(ArabicNormalizer.Default, host.Services.GetRequiredService<ArabicNormalizer>());
        await host.StopAsync();
    }

    [Fact]
    public async Task AddArabicNormalizer_MistypedKey_StartAsyncFailsNamingTheKeyAndTheOptions()
    {
        using IHost host = Build("""{ "ArabicNormalizer": { "FoldAlif": true, "Digits": "Keep" } }""",
            (services, configuration) => services.AddArabicNormalizer(configuration.GetSection("ArabicNormalizer")));

        string message = await StartFailure(host);

        Assert.Contains("ArabicNormalizer:FoldAlif", message, StringComparison.Ordinal);
        Assert.Contains("FoldAlef", message, StringComparison.Ordinal); // the list of the real options
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    [InlineData("{ \"Nested\": true }")]
    public async Task AddArabicNormalizer_BadBoolean_StartAsyncFailsNamingThePath(string json)
    {
        using IHost host = Build($$"""{ "ArabicNormalizer": { "FoldAlef": {{json}} } }""",
            (services, configuration) => services.AddArabicNormalizer(configuration.GetSection("ArabicNormalizer")));

        string message = await StartFailure(host);

        Assert.Contains("ArabicNormalizer:FoldAlef", message, StringComparison.Ordinal);
        Assert.Contains("true or false", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddArabicNormalizer_EveryProblem_IsReportedAtOnce()
    {
        using IHost host = Build("""{ "Text": { "Normalizer": { "Digits": "Ascii, ArabicIndic", "Zwnj": 9, "Colapse": true } } }""",
            (services, configuration) => services.AddArabicNormalizer(configuration.GetSection("Text:Normalizer")));

        string message = await StartFailure(host);

        Assert.Contains("Text:Normalizer:Digits", message, StringComparison.Ordinal);
        Assert.Contains("Text:Normalizer:Zwnj", message, StringComparison.Ordinal);
        Assert.Contains("Keep, Remove, Space", message, StringComparison.Ordinal);
        Assert.Contains("Text:Normalizer:Colapse", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddArabicNormalizer_ServicesConfigureInTheHost_IsHonoured()
    {
        using IHost host = Build("""{ }""", (services, _) =>
        {
            services.AddArabicNormalizer();
            services.Configure<ArabicNormalizerOptions>(o => o.Digits = DigitTarget.Keep);
        });

        await host.StartAsync();

        Assert.Equal(ArabicIndic12, host.Services.GetRequiredService<ArabicNormalizer>().Normalize(ArabicIndic12));
        await host.StopAsync();
    }

    [Fact]
    public async Task AddArabicNormalizer_ConfigureSetsUndefinedValue_StartAsyncFails()
    {
        using IHost host = Build("""{ }""", (services, _) => services.AddArabicNormalizer(o => o.Quotes = (QuoteTarget)5));

        string message = await StartFailure(host);

        Assert.Contains("ArabicNormalizerOptions.Quotes: 5 is not a defined QuoteTarget; expected one of Keep, Ascii", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddKeyedArabicNormalizer_Section_BindsTheNamedOptionsOfTheKey()
    {
        using IHost host = Build(
            """{ "ArabicNormalizer": { "Digits": "Keep" }, "SearchNormalizer": { "FoldAlef": true, "Digits": "Persian" } }""",
            (services, configuration) =>
            {
                services.AddArabicNormalizer(configuration.GetSection("ArabicNormalizer"));
                services.AddKeyedArabicNormalizer("search", configuration.GetSection("SearchNormalizer"));
            });

        await host.StartAsync();

        ArabicNormalizer app = host.Services.GetRequiredService<ArabicNormalizer>();
        ArabicNormalizer search = host.Services.GetRequiredKeyedService<ArabicNormalizer>("search");
        Assert.Equal(ArabicIndic12, app.Normalize(ArabicIndic12));
        Assert.Equal(Ahmad, app.Normalize(Ahmad));
        Assert.Equal("\u06F1\u06F2", search.Normalize(ArabicIndic12)); // EXTENDED ARABIC-INDIC (Persian) ONE, TWO
        Assert.Equal(AhmadFolded, search.Normalize(Ahmad));
        Assert.Equal(DigitTarget.Persian, host.Services.GetRequiredService<IOptionsMonitor<ArabicNormalizerOptions>>().Get("search").Digits);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddKeyedArabicNormalizer_InvalidSection_StartAsyncFailsNamingItsPath()
    {
        using IHost host = Build(
            """{ "ArabicNormalizer": { "Digits": "Keep" }, "SearchNormalizer": { "Letters": "Arabic, Persian" } }""",
            (services, configuration) =>
            {
                services.AddArabicNormalizer(configuration.GetSection("ArabicNormalizer"));
                services.AddKeyedArabicNormalizer("search", configuration.GetSection("SearchNormalizer"));
            });

        string message = await StartFailure(host);

        Assert.Contains("SearchNormalizer:Letters", message, StringComparison.Ordinal);
        Assert.Contains("Keep, Arabic, Persian", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ArabicNormalizer:Digits", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddArabicNormalizer_SectionThenConfigure_AppliesInRegistrationOrder()
    {
        using IHost host = Build("""{ "ArabicNormalizer": { "Digits": "Persian", "FoldAlef": true } }""", (services, configuration) =>
        {
            services.AddArabicNormalizer(configuration.GetSection("ArabicNormalizer"));
            services.AddArabicNormalizer(o => o.Digits = DigitTarget.Keep);
        });

        await host.StartAsync();

        ArabicNormalizerOptions options = host.Services.GetRequiredService<IOptions<ArabicNormalizerOptions>>().Value;
        Assert.Equal(DigitTarget.Keep, options.Digits);
        Assert.True(options.FoldAlef);
        await host.StopAsync();
    }

    [Fact]
    public void Package_BindsThroughTheSourceGeneratedBinder()
    {
        // The configuration binding source generator puts its interceptors in this (file-local) class of the package.
        Assembly package = typeof(ArabicNormalizerServiceCollectionExtensions).Assembly;
        Type generated = Assert.Single(package.GetTypes(), t =>
            t.Namespace == "Microsoft.Extensions.Configuration.Binder.SourceGeneration" && t.Name.EndsWith("BindingExtensions", StringComparison.Ordinal));
        Assert.NotNull(generated.GetMethod("BindCore", BindingFlags.Public | BindingFlags.Static, [typeof(IConfiguration), typeof(ArabicNormalizerOptions).MakeByRefType(), typeof(bool), typeof(BinderOptions)]));
    }

    [Fact]
    public void ConfigurationKeys_AreEveryPublicOptionProperty()
    {
        // The validator lists the keys without reflection; this keeps that list equal to the options' properties.
        using IHost host = Build("""{ "ArabicNormalizer": { "NotAnOption": 1 } }""",
            (services, configuration) => services.AddArabicNormalizer(configuration.GetSection("ArabicNormalizer")));
        var e = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ArabicNormalizerOptions>>().Value);
        string listed = e.Message[(e.Message.IndexOf("(the options are ", StringComparison.Ordinal) + "(the options are ".Length)..];
        listed = listed[..listed.IndexOf(')', StringComparison.Ordinal)];
        IEnumerable<string> properties = typeof(ArabicNormalizerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite).Select(p => p.Name);
        Assert.Equal(properties.Order(StringComparer.Ordinal), listed.Split(", ").Order(StringComparer.Ordinal));
    }

    private IHost Build(string appsettings, Action<IServiceCollection, IConfiguration> register)
    {
        File.WriteAllText(Path.Combine(_contentRoot, "appsettings.json"), appsettings);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = _contentRoot,
            EnvironmentName = Environments.Production,
        });
        register(builder.Services, builder.Configuration);
        return builder.Build();
    }

    private static async Task<string> StartFailure(IHost host)
    {
        Exception e = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.True(e is OptionsValidationException or AggregateException, $"expected an options validation failure, got {e}");
        IEnumerable<Exception> all = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [e];
        Assert.All(all, inner => Assert.IsType<OptionsValidationException>(inner));
        return string.Join("\n", all.Select(inner => inner.Message));
    }
}
