using ArabicNorm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArabicNorm.DependencyInjection.Tests;

public class ArabicNormalizerServiceCollectionExtensionsTests
{
    // ALEF WITH HAMZA ABOVE, HAH, MEEM, DAL: Default keeps the hamza, Search folds it to a plain ALEF.
    private const string Ahmad = "\u0623\u062D\u0645\u062F";
    private const string AhmadFolded = "\u0627\u062D\u0645\u062F";

    // ARABIC-INDIC DIGIT ONE, ARABIC-INDIC DIGIT TWO: Default maps them to ASCII.
    private const string ArabicIndic12 = "\u0661\u0662";

    private static bool IsNormalizer(ServiceDescriptor descriptor) => descriptor.ServiceType == typeof(ArabicNormalizer);

    private static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public void AddArabicNormalizer_NoConfigure_ResolvesDefaultPreset()
    {
        using ServiceProvider provider = Build(new ServiceCollection().AddArabicNormalizer());

        Assert.Same(ArabicNormalizer.Default, provider.GetRequiredService<ArabicNormalizer>());
    }

    [Fact]
    public void AddArabicNormalizer_NoConfigure_RegistersOneSingleton()
    {
        var services = new ServiceCollection();

        services.AddArabicNormalizer();

        ServiceDescriptor descriptor = Assert.Single(services, IsNormalizer);
        Assert.Equal(typeof(ArabicNormalizer), descriptor.ServiceType);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        Assert.False(descriptor.IsKeyedService);
    }

    [Fact]
    public void AddArabicNormalizer_Configure_RegistersOneSingleton()
    {
        var services = new ServiceCollection();

        services.AddArabicNormalizer(_ => { });

        ServiceDescriptor descriptor = Assert.Single(services, IsNormalizer);
        Assert.Equal(typeof(ArabicNormalizer), descriptor.ServiceType);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }

    [Fact]
    public void AddArabicNormalizer_Configure_SameInstanceAcrossResolutionsAndScopes()
    {
        using ServiceProvider provider = Build(new ServiceCollection().AddArabicNormalizer(o => o.FoldAlef = true));

        ArabicNormalizer first = provider.GetRequiredService<ArabicNormalizer>();
        ArabicNormalizer second = provider.GetRequiredService<ArabicNormalizer>();
        using IServiceScope scope = provider.CreateScope();
        ArabicNormalizer scoped = scope.ServiceProvider.GetRequiredService<ArabicNormalizer>();

        Assert.Same(first, second);
        Assert.Same(first, scoped);
    }

    [Fact]
    public void AddArabicNormalizer_Configure_AppliesOptions()
    {
        using ServiceProvider provider = Build(new ServiceCollection().AddArabicNormalizer(o =>
        {
            o.Digits = DigitTarget.Keep;
            o.FoldAlef = true;
        }));

        ArabicNormalizer normalizer = provider.GetRequiredService<ArabicNormalizer>();

        Assert.Equal(ArabicIndic12, normalizer.Normalize(ArabicIndic12));
        Assert.Equal(AhmadFolded, normalizer.Normalize(Ahmad));
        Assert.Equal(DigitTarget.Keep, normalizer.GetOptions().Digits);
        Assert.True(normalizer.GetOptions().FoldAlef);
    }

    [Fact]
    public void AddArabicNormalizer_Configure_StartsFromDefaultPresetValues()
    {
        ArabicNormalizerOptions? seen = null;
        using ServiceProvider provider = Build(new ServiceCollection().AddArabicNormalizer(o => seen = new ArabicNormalizerOptions(o)));

        ArabicNormalizer normalizer = provider.GetRequiredService<ArabicNormalizer>();

        // The Default column of the spec's presets table (section 2).
        Assert.NotNull(seen);
        Assert.True(seen.FoldCompatibilityForms);
        Assert.True(seen.ComposeHamza);
        Assert.Equal(LetterTarget.Arabic, seen.Letters);
        Assert.False(seen.ContextualFarsiYeh);
        Assert.Equal(DigitTarget.Ascii, seen.Digits);
        Assert.Equal(QuoteTarget.Ascii, seen.Quotes);
        Assert.True(seen.RemoveTatweel);
        Assert.True(seen.RemoveFormatControls);
        Assert.Equal(ZwnjHandling.Remove, seen.Zwnj);
        Assert.True(seen.NormalizeSpaces);
        Assert.False(seen.CollapseSpaces);
        Assert.False(seen.RemoveDiacritics);
        Assert.False(seen.FoldAlef);
        Assert.False(seen.FoldAlefMaksura);
        Assert.False(seen.FoldTehMarbuta);
        Assert.False(seen.AsciiPunctuation);

        // An empty configure gives a normalizer that behaves as Default does.
        Assert.Equal("12", normalizer.Normalize(ArabicIndic12));
        Assert.Equal(Ahmad, normalizer.Normalize(Ahmad));
    }

    [Fact]
    public void AddArabicNormalizer_Configure_RunsOnceOnFirstResolution()
    {
        int calls = 0;
        var services = new ServiceCollection().AddArabicNormalizer(_ => calls++);
        using ServiceProvider provider = Build(services);
        Assert.Equal(0, calls);

        provider.GetRequiredService<ArabicNormalizer>();
        provider.GetRequiredService<ArabicNormalizer>();

        Assert.Equal(1, calls);
    }

    [Fact]
    public void AddArabicNormalizer_ConfigureSetsUndefinedEnum_ResolutionThrowsOptionsValidationNamingTheOption()
    {
        using ServiceProvider provider = Build(new ServiceCollection().AddArabicNormalizer(o => o.Digits = (DigitTarget)99));

        OptionsValidationException e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ArabicNormalizer>());
        Assert.Contains("ArabicNormalizerOptions.Digits: 99 is not a defined DigitTarget; expected one of Keep, Ascii, ArabicIndic, Persian", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddArabicNormalizer_CalledTwice_AddsOneRegistration()
    {
        var services = new ServiceCollection();

        services.AddArabicNormalizer().AddArabicNormalizer();

        Assert.Single(services, IsNormalizer);
        using ServiceProvider provider = Build(services);
        Assert.Same(ArabicNormalizer.Default, provider.GetRequiredService<ArabicNormalizer>());
    }

    [Fact]
    public void AddArabicNormalizer_ConfigureCalledTwice_BothRunInOrder()
    {
        var order = new List<string>();
        var services = new ServiceCollection()
            .AddArabicNormalizer(o =>
            {
                order.Add("first");
                o.Digits = DigitTarget.Keep;
                o.FoldAlef = true;
            })
            .AddArabicNormalizer(o =>
            {
                order.Add("second");
                o.FoldAlef = false;
            });

        Assert.Single(services, IsNormalizer);
        using ServiceProvider provider = Build(services);
        ArabicNormalizer normalizer = provider.GetRequiredService<ArabicNormalizer>();

        Assert.Equal(["first", "second"], order);
        Assert.Equal(ArabicIndic12, normalizer.Normalize(ArabicIndic12));
        Assert.Equal(Ahmad, normalizer.Normalize(Ahmad));
    }

    [Fact]
    public void AddArabicNormalizer_DefaultThenConfigure_ConfigureApplies()
    {
        var services = new ServiceCollection()
            .AddArabicNormalizer()
            .AddArabicNormalizer(o => o.FoldAlef = true);

        using ServiceProvider provider = Build(services);

        Assert.Equal(AhmadFolded, provider.GetRequiredService<ArabicNormalizer>().Normalize(Ahmad));
    }

    [Fact]
    public void AddArabicNormalizer_ServicesConfigure_IsHonoured()
    {
        var services = new ServiceCollection();
        services.Configure<ArabicNormalizerOptions>(o => o.Digits = DigitTarget.Keep);
        services.AddArabicNormalizer();
        services.Configure<ArabicNormalizerOptions>(o => o.FoldAlef = true);
        using ServiceProvider provider = Build(services);

        ArabicNormalizer normalizer = provider.GetRequiredService<ArabicNormalizer>();

        Assert.Equal(ArabicIndic12, normalizer.Normalize(ArabicIndic12));
        Assert.Equal(AhmadFolded, normalizer.Normalize(Ahmad));
        Assert.Equal(DigitTarget.Keep, provider.GetRequiredService<IOptions<ArabicNormalizerOptions>>().Value.Digits);
    }

    [Fact]
    public void AddKeyedArabicNormalizer_Configure_UsesTheNamedOptionsOfItsKey()
    {
        var services = new ServiceCollection();
        services.AddKeyedArabicNormalizer("search", o => o.FoldAlef = true);
        services.Configure<ArabicNormalizerOptions>("search", o => o.Digits = DigitTarget.Keep);
        services.Configure<ArabicNormalizerOptions>(o => o.Digits = DigitTarget.Persian); // the unnamed options: not this key's
        using ServiceProvider provider = Build(services);

        ArabicNormalizer search = provider.GetRequiredKeyedService<ArabicNormalizer>("search");

        Assert.Equal(AhmadFolded, search.Normalize(Ahmad));
        Assert.Equal(ArabicIndic12, search.Normalize(ArabicIndic12));
        Assert.Equal(DigitTarget.Keep, provider.GetRequiredService<IOptionsMonitor<ArabicNormalizerOptions>>().Get("search").Digits);
    }

    [Fact]
    public void AddArabicNormalizer_AfterUserRegistration_KeepsUserInstance()
    {
        var own = new ArabicNormalizer(new ArabicNormalizerOptions { FoldAlef = true });
        var services = new ServiceCollection();
        services.AddSingleton(own);

        services.AddArabicNormalizer();

        Assert.Single(services, IsNormalizer);
        using ServiceProvider provider = Build(services);
        Assert.Same(own, provider.GetRequiredService<ArabicNormalizer>());
    }

    [Fact]
    public void AddArabicNormalizer_Always_ReturnsSameCollection()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddArabicNormalizer());
        Assert.Same(services, services.AddArabicNormalizer(_ => { }));
        Assert.Same(services, services.AddKeyedArabicNormalizer("a", ArabicNormalizer.Search));
        Assert.Same(services, services.AddKeyedArabicNormalizer("b", _ => { }));
    }

    [Fact]
    public void AddKeyedArabicNormalizer_TwoKeys_ResolveSideBySide()
    {
        var services = new ServiceCollection()
            .AddKeyedArabicNormalizer("news", ArabicNormalizer.Default)
            .AddKeyedArabicNormalizer("search", ArabicNormalizer.Search);
        using ServiceProvider provider = Build(services);

        ArabicNormalizer news = provider.GetRequiredKeyedService<ArabicNormalizer>("news");
        ArabicNormalizer search = provider.GetRequiredKeyedService<ArabicNormalizer>("search");

        Assert.Same(ArabicNormalizer.Default, news);
        Assert.Same(ArabicNormalizer.Search, search);
        Assert.Equal(Ahmad, news.Normalize(Ahmad));
        Assert.Equal(AhmadFolded, search.Normalize(Ahmad));
    }

    [Fact]
    public void AddKeyedArabicNormalizer_BesideUnkeyed_FromKeyedServicesInjectsEach()
    {
        var services = new ServiceCollection()
            .AddArabicNormalizer()
            .AddKeyedArabicNormalizer("search", o => o.FoldAlef = true)
            .AddSingleton<TwoNormalizerConsumer>();
        using ServiceProvider provider = Build(services);

        TwoNormalizerConsumer consumer = provider.GetRequiredService<TwoNormalizerConsumer>();

        Assert.Same(ArabicNormalizer.Default, consumer.News);
        Assert.NotSame(consumer.News, consumer.Search);
        Assert.Same(consumer.Search, provider.GetRequiredKeyedService<ArabicNormalizer>("search"));
        Assert.Equal(AhmadFolded, consumer.Search.Normalize(Ahmad));
        Assert.Equal(Ahmad, consumer.News.Normalize(Ahmad));
    }

    [Fact]
    public void AddKeyedArabicNormalizer_Configure_SameInstanceAndAppliesOptions()
    {
        int calls = 0;
        var services = new ServiceCollection().AddKeyedArabicNormalizer(42, o =>
        {
            calls++;
            o.Digits = DigitTarget.Keep;
        });
        ServiceDescriptor descriptor = Assert.Single(services, IsNormalizer);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        Assert.Equal(42, descriptor.ServiceKey);
        using ServiceProvider provider = Build(services);

        ArabicNormalizer first = provider.GetRequiredKeyedService<ArabicNormalizer>(42);
        using IServiceScope scope = provider.CreateScope();
        ArabicNormalizer scoped = scope.ServiceProvider.GetRequiredKeyedService<ArabicNormalizer>(42);

        Assert.Same(first, scoped);
        Assert.Equal(1, calls);
        Assert.Equal(ArabicIndic12, first.Normalize(ArabicIndic12));
    }

    [Fact]
    public void AddKeyedArabicNormalizer_KeyedOnly_DoesNotRegisterUnkeyed()
    {
        using ServiceProvider provider = Build(new ServiceCollection().AddKeyedArabicNormalizer("search", ArabicNormalizer.Search));

        Assert.Null(provider.GetService<ArabicNormalizer>());
        Assert.Null(provider.GetKeyedService<ArabicNormalizer>("other"));
    }

    [Fact]
    public void AddKeyedArabicNormalizer_SameKeyTwice_FirstWins()
    {
        bool configureRan = false;
        var services = new ServiceCollection()
            .AddKeyedArabicNormalizer("search", ArabicNormalizer.Search)
            .AddKeyedArabicNormalizer("search", ArabicNormalizer.Persian)
            .AddKeyedArabicNormalizer("search", _ => configureRan = true);

        Assert.Single(services, IsNormalizer);
        using ServiceProvider provider = Build(services);
        Assert.Same(ArabicNormalizer.Search, provider.GetRequiredKeyedService<ArabicNormalizer>("search"));
        Assert.False(configureRan);
    }

    [Fact]
    public void AddKeyedArabicNormalizer_NullKey_RegistersUnkeyedService()
    {
        using ServiceProvider provider = Build(new ServiceCollection().AddKeyedArabicNormalizer(null, ArabicNormalizer.Persian));

        Assert.Same(ArabicNormalizer.Persian, provider.GetRequiredService<ArabicNormalizer>());
    }

    [Fact]
    public void AddKeyedArabicNormalizer_NullKeyAfterAddArabicNormalizer_FirstWins()
    {
        var services = new ServiceCollection()
            .AddArabicNormalizer()
            .AddKeyedArabicNormalizer(null, ArabicNormalizer.Search);

        Assert.Single(services, IsNormalizer);
        using ServiceProvider provider = Build(services);
        Assert.Same(ArabicNormalizer.Default, provider.GetRequiredService<ArabicNormalizer>());
    }

    [Fact]
    public void AddArabicNormalizer_NullServices_ThrowsArgumentNull()
    {
        IServiceCollection services = null!;

        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => services.AddArabicNormalizer()).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => services.AddArabicNormalizer(_ => { })).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => services.AddKeyedArabicNormalizer("k", ArabicNormalizer.Search)).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => services.AddKeyedArabicNormalizer("k", _ => { })).ParamName);
    }

    [Fact]
    public void AddArabicNormalizer_NullConfigure_ThrowsArgumentNullAndAddsNothing()
    {
        var services = new ServiceCollection();

        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => services.AddArabicNormalizer((Action<ArabicNormalizerOptions>)null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(
            () => services.AddKeyedArabicNormalizer("k", (Action<ArabicNormalizerOptions>)null!)).ParamName);
        Assert.Empty(services);
    }

    [Fact]
    public void AddKeyedArabicNormalizer_NullNormalizer_ThrowsArgumentNullAndAddsNothing()
    {
        var services = new ServiceCollection();

        Assert.Equal("normalizer", Assert.Throws<ArgumentNullException>(
            () => services.AddKeyedArabicNormalizer("k", (ArabicNormalizer)null!)).ParamName);
        Assert.Empty(services);
    }

    private sealed class TwoNormalizerConsumer(
        ArabicNormalizer news,
        [FromKeyedServices("search")] ArabicNormalizer search)
    {
        public ArabicNormalizer News { get; } = news;

        public ArabicNormalizer Search { get; } = search;
    }
}
