using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ArabicNorm;
using ArabicNorm.DependencyInjection.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="ArabicNormalizer"/> instances in an <see cref="IServiceCollection"/>, built from
/// <see cref="ArabicNormalizerOptions"/> through the Options pattern.
/// </summary>
/// <remarks>
/// <para>Every registration is a singleton: a normalizer is immutable and thread-safe, so one instance serves the
/// whole application. It is built once, on first resolve, from the options of its name: the unkeyed normalizer from
/// the default (unnamed) <see cref="ArabicNormalizerOptions"/>, a keyed one from the named options whose name is its
/// key (a string key as it is, any other key through its invariant <see cref="object.ToString"/>). So
/// <c>services.Configure&lt;ArabicNormalizerOptions&gt;(...)</c> and
/// <c>services.Configure&lt;ArabicNormalizerOptions&gt;("search", ...)</c> made anywhere before that resolve apply.
/// Options start from <see cref="ArabicNormalizer.Default"/>'s values; the configure delegates and configuration
/// sections of one name apply in the order they were registered. Reloading configuration later does not rebuild a
/// normalizer already resolved.</para>
/// <para>The normalizer registration itself uses the <c>TryAdd</c> semantics of
/// <see cref="ServiceCollectionDescriptorExtensions"/>: the first <see cref="ArabicNormalizer"/> registered for a key
/// (or the unkeyed one) is the one resolved, so calling these methods twice is harmless. An instance registered
/// directly (<see cref="AddKeyedArabicNormalizer(IServiceCollection, object?, ArabicNormalizer)"/>) takes no
/// options.</para>
/// <para>The options are validated through <see cref="IValidateOptions{TOptions}"/>, and every registration that
/// builds from options calls <c>ValidateOnStart</c>, so with a host invalid options make <c>StartAsync</c> fail
/// with an <see cref="OptionsValidationException"/>; without one they fail the first resolve. A configuration section
/// is checked key by key: an unknown key, a value that is not exactly one name of its enum (numbers and
/// comma-separated lists are refused), a boolean that is not <c>true</c> or <c>false</c>, each fails with the key's
/// configuration path and the accepted values. A key without a value (JSON <c>null</c> or an empty string) is unset
/// and leaves the option as it was. Binding uses the configuration binding source generator, so it is trim- and
/// native-AOT-safe.</para>
/// </remarks>
public static class ArabicNormalizerServiceCollectionExtensions
{
    /// <summary>Registers the singleton <see cref="ArabicNormalizer"/> built from the default
    /// <see cref="ArabicNormalizerOptions"/>.</summary>
    /// <param name="services">The service collection to add the normalizer to.</param>
    /// <returns><paramref name="services"/>, so that calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>Honours <c>services.Configure&lt;ArabicNormalizerOptions&gt;(...)</c>, made before or after this
    /// call. With no configuration at all the resolved instance is <see cref="ArabicNormalizer.Default"/> itself.
    /// Adds no second normalizer when an unkeyed <see cref="ArabicNormalizer"/> is already registered.</remarks>
    public static IServiceCollection AddArabicNormalizer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        AddOptionsServices(services, Options.Options.DefaultName);
        services.TryAddSingleton(provider => Create(provider, Options.Options.DefaultName));
        return services;
    }

    /// <summary>Registers the singleton <see cref="ArabicNormalizer"/>, with <paramref name="configure"/> setting its
    /// default <see cref="ArabicNormalizerOptions"/>.</summary>
    /// <param name="services">The service collection to add the normalizer to.</param>
    /// <param name="configure">Sets the options, starting from the <see cref="ArabicNormalizer.Default"/> preset's
    /// values (and after anything configured earlier).</param>
    /// <returns><paramref name="services"/>, so that calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is
    /// <see langword="null"/>.</exception>
    /// <remarks>The same as <see cref="AddArabicNormalizer(IServiceCollection)"/> followed by
    /// <c>services.Configure(configure)</c>: <paramref name="configure"/> runs once, when the options are first
    /// needed, and every such call adds its delegate in turn.</remarks>
    public static IServiceCollection AddArabicNormalizer(this IServiceCollection services, Action<ArabicNormalizerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddArabicNormalizer();
        services.Configure(configure);
        return services;
    }

    /// <summary>Registers the singleton <see cref="ArabicNormalizer"/>, with its default
    /// <see cref="ArabicNormalizerOptions"/> bound from <paramref name="configuration"/>.</summary>
    /// <param name="services">The service collection to add the normalizer to.</param>
    /// <param name="configuration">The section to bind, for example
    /// <c>builder.Configuration.GetSection("ArabicNormalizer")</c>; its keys are the option names, ignoring
    /// case.</param>
    /// <returns><paramref name="services"/>, so that calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is
    /// <see langword="null"/>.</exception>
    /// <remarks>Each key is checked as the type's remarks describe, and validation runs on host start
    /// (<c>ValidateOnStart</c>).</remarks>
    public static IServiceCollection AddArabicNormalizer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddArabicNormalizer();
        Bind(services, Options.Options.DefaultName, configuration);
        return services;
    }

    /// <summary>Registers <paramref name="normalizer"/> as the singleton <see cref="ArabicNormalizer"/> for
    /// <paramref name="serviceKey"/>.</summary>
    /// <param name="services">The service collection to add the normalizer to.</param>
    /// <param name="serviceKey">The key to resolve the normalizer with (for example through
    /// <see cref="FromKeyedServicesAttribute"/>); <see langword="null"/> registers the unkeyed service.</param>
    /// <param name="normalizer">The normalizer to register, for example a preset such as
    /// <see cref="ArabicNormalizer.Search"/>.</param>
    /// <returns><paramref name="services"/>, so that calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="normalizer"/> is
    /// <see langword="null"/>.</exception>
    /// <remarks>Adds nothing when an <see cref="ArabicNormalizer"/> is already registered for
    /// <paramref name="serviceKey"/>. Options configured for the key do not apply to this instance.</remarks>
    public static IServiceCollection AddKeyedArabicNormalizer(this IServiceCollection services, object? serviceKey, ArabicNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(normalizer);

        services.TryAddKeyedSingleton(serviceKey, normalizer);
        return services;
    }

    /// <summary>Registers a singleton <see cref="ArabicNormalizer"/> for <paramref name="serviceKey"/>, with
    /// <paramref name="configure"/> setting the named <see cref="ArabicNormalizerOptions"/> of that key.</summary>
    /// <param name="services">The service collection to add the normalizer to.</param>
    /// <param name="serviceKey">The key to resolve the normalizer with (for example through
    /// <see cref="FromKeyedServicesAttribute"/>), which is also the options name; <see langword="null"/> registers the
    /// unkeyed service and its default options.</param>
    /// <param name="configure">Sets the options, starting from the <see cref="ArabicNormalizer.Default"/> preset's
    /// values (and after anything configured earlier for the name).</param>
    /// <returns><paramref name="services"/>, so that calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is
    /// <see langword="null"/>.</exception>
    /// <remarks>The same as registering the keyed normalizer and then calling
    /// <c>services.Configure(name, configure)</c>; <paramref name="configure"/> runs once, when the options are first
    /// needed.</remarks>
    public static IServiceCollection AddKeyedArabicNormalizer(this IServiceCollection services, object? serviceKey, Action<ArabicNormalizerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        string name = AddKeyed(services, serviceKey);
        services.Configure(name, configure);
        return services;
    }

    /// <summary>Registers a singleton <see cref="ArabicNormalizer"/> for <paramref name="serviceKey"/>, with the named
    /// <see cref="ArabicNormalizerOptions"/> of that key bound from <paramref name="configuration"/>.</summary>
    /// <param name="services">The service collection to add the normalizer to.</param>
    /// <param name="serviceKey">The key to resolve the normalizer with, which is also the options name;
    /// <see langword="null"/> registers the unkeyed service and its default options.</param>
    /// <param name="configuration">The section to bind, for example
    /// <c>builder.Configuration.GetSection("SearchNormalizer")</c>; its keys are the option names, ignoring
    /// case.</param>
    /// <returns><paramref name="services"/>, so that calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is
    /// <see langword="null"/>.</exception>
    /// <remarks>Each key is checked as the type's remarks describe, and validation runs on host start
    /// (<c>ValidateOnStart</c>).</remarks>
    public static IServiceCollection AddKeyedArabicNormalizer(this IServiceCollection services, object? serviceKey, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        string name = AddKeyed(services, serviceKey);
        Bind(services, name, configuration);
        return services;
    }

    private static string AddKeyed(IServiceCollection services, object? serviceKey)
    {
        string name = serviceKey switch
        {
            null => Options.Options.DefaultName,
            string text => text,
            _ => Convert.ToString(serviceKey, CultureInfo.InvariantCulture) ?? string.Empty,
        };
        AddOptionsServices(services, name);
        if (serviceKey is null)
        {
            services.TryAddSingleton(provider => Create(provider, name));
        }
        else
        {
            services.TryAddKeyedSingleton(serviceKey, (provider, _) => Create(provider, name));
        }

        return name;
    }

    private static void AddOptionsServices(IServiceCollection services, string name)
    {
        services.AddOptions<ArabicNormalizerOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArabicNormalizerOptions>, ArabicNormalizerOptionsValidator>());
    }

    // The trimming analyzer sees the call as written, the reflection-based Bind; the compiler replaces it with the
    // source-generated binder (an interceptor), which a test of the package checks is there. The 9.0.0 generator's
    // own suppressor misses this call, hence the attributes.
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode", Justification = "Bind is intercepted by the configuration binding source generator.")]
    [UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode", Justification = "Bind is intercepted by the configuration binding source generator.")]
    private static void Bind(IServiceCollection services, string name, IConfiguration configuration)
    {
        string path = configuration is IConfigurationSection section ? section.Path : string.Empty;

        // Bind is intercepted by the configuration binding source generator (EnableConfigurationBindingGenerator).
        services.AddOptions<ArabicNormalizerOptions>(name).Bind(new CheckedConfigurationSection(configuration, path));
        services.AddSingleton(new ArabicNormalizerConfigurationBinding(name, configuration));
    }

    private static ArabicNormalizer Create(IServiceProvider provider, string name)
    {
        ArabicNormalizerOptions options = provider.GetRequiredService<IOptionsMonitor<ArabicNormalizerOptions>>().Get(name);

        // Options nobody changed are the Default preset: share its instance rather than build the tables again.
        // ToString lists every option with its value.
        return options.ToString() == ArabicNormalizer.Default.GetOptions().ToString()
            ? ArabicNormalizer.Default
            : new ArabicNormalizer(options);
    }
}
