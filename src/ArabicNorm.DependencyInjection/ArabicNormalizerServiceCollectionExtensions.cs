using ArabicNorm;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="ArabicNormalizer"/> instances in an <see cref="IServiceCollection"/>.
/// </summary>
/// <remarks>
/// <para>Every registration is a singleton: a normalizer is immutable and thread-safe, so one instance serves the
/// whole application.</para>
/// <para>Registrations use the <c>TryAdd</c> semantics of
/// <see cref="ServiceCollectionDescriptorExtensions"/>: the first registration of <see cref="ArabicNormalizer"/>
/// (for a given service key) wins, and any later call for the same key adds nothing and runs nothing. Calling a method
/// twice is therefore harmless, but a later call cannot change an earlier one: register the application's own
/// configuration before calling libraries that may register the default normalizer, or give each configuration its
/// own key.</para>
/// <para>The <c>configure</c> delegates start from a new <see cref="ArabicNormalizerOptions"/>, which holds the
/// <see cref="ArabicNormalizer.Default"/> preset's values. They run once, when the normalizer is first resolved, and
/// the exceptions they or the options' setters throw surface there.</para>
/// </remarks>
public static class ArabicNormalizerServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ArabicNormalizer.Default"/> as the singleton <see cref="ArabicNormalizer"/>.</summary>
    /// <param name="services">The service collection to add the normalizer to.</param>
    /// <returns><paramref name="services"/>, so that calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>Adds nothing when an unkeyed <see cref="ArabicNormalizer"/> is already registered.</remarks>
    public static IServiceCollection AddArabicNormalizer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(ArabicNormalizer.Default);
        return services;
    }

    /// <summary>Registers a singleton <see cref="ArabicNormalizer"/> built from options that
    /// <paramref name="configure"/> sets.</summary>
    /// <param name="services">The service collection to add the normalizer to.</param>
    /// <param name="configure">Sets the options, starting from the <see cref="ArabicNormalizer.Default"/> preset's values.</param>
    /// <returns><paramref name="services"/>, so that calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is
    /// <see langword="null"/>.</exception>
    /// <remarks>Adds nothing, and never runs <paramref name="configure"/>, when an unkeyed
    /// <see cref="ArabicNormalizer"/> is already registered. Otherwise <paramref name="configure"/> runs once, when
    /// the normalizer is first resolved.</remarks>
    public static IServiceCollection AddArabicNormalizer(this IServiceCollection services, Action<ArabicNormalizerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.TryAddSingleton(_ => Create(configure));
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
    /// <paramref name="serviceKey"/>.</remarks>
    public static IServiceCollection AddKeyedArabicNormalizer(this IServiceCollection services, object? serviceKey, ArabicNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(normalizer);

        services.TryAddKeyedSingleton(serviceKey, normalizer);
        return services;
    }

    /// <summary>Registers a singleton <see cref="ArabicNormalizer"/> for <paramref name="serviceKey"/>, built from
    /// options that <paramref name="configure"/> sets.</summary>
    /// <param name="services">The service collection to add the normalizer to.</param>
    /// <param name="serviceKey">The key to resolve the normalizer with (for example through
    /// <see cref="FromKeyedServicesAttribute"/>); <see langword="null"/> registers the unkeyed service.</param>
    /// <param name="configure">Sets the options, starting from the <see cref="ArabicNormalizer.Default"/> preset's values.</param>
    /// <returns><paramref name="services"/>, so that calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is
    /// <see langword="null"/>.</exception>
    /// <remarks>Adds nothing, and never runs <paramref name="configure"/>, when an <see cref="ArabicNormalizer"/> is
    /// already registered for <paramref name="serviceKey"/>. Otherwise <paramref name="configure"/> runs once, when
    /// the normalizer is first resolved.</remarks>
    public static IServiceCollection AddKeyedArabicNormalizer(this IServiceCollection services, object? serviceKey, Action<ArabicNormalizerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.TryAddKeyedSingleton(serviceKey, (_, _) => Create(configure));
        return services;
    }

    private static ArabicNormalizer Create(Action<ArabicNormalizerOptions> configure)
    {
        var options = new ArabicNormalizerOptions();
        configure(options);
        return new ArabicNormalizer(options);
    }
}
