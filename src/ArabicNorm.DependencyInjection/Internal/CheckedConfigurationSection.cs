using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace ArabicNorm.DependencyInjection.Internal;

/// <summary>
/// Shows the binder only the keys of a section that <see cref="ArabicNormalizerConfigurationKeys.IsBindable"/>
/// accepts; <see cref="ArabicNormalizerOptionsValidator"/> reports the others, against the real section.
/// </summary>
/// <remarks>
/// The binder alone would read "Ascii, ArabicIndic" as the OR of two flags, a number as an undefined value, a JSON
/// null as the enum's zero, and would throw half way through on a bad boolean. Hidden from it, such a key leaves its
/// option as it was, and validation names its path. Reads are live, so a configuration reload is seen.
/// </remarks>
internal sealed class CheckedConfigurationSection(IConfiguration inner, string path) : IConfigurationSection
{
    public string Key => inner is IConfigurationSection section ? section.Key : string.Empty;

    public string Path => path;

    public string? Value
    {
        get => inner is IConfigurationSection section ? section.Value : null;
        set => throw new NotSupportedException("The checked view of a configuration section is read-only.");
    }

    public string? this[string key]
    {
        get => Bindable(key) is { } child ? child.Value : null;
        set => throw new NotSupportedException("The checked view of a configuration section is read-only.");
    }

    public IEnumerable<IConfigurationSection> GetChildren() =>
        inner.GetChildren().Where(ArabicNormalizerConfigurationKeys.IsBindable);

    public IChangeToken GetReloadToken() => inner.GetReloadToken();

    public IConfigurationSection GetSection(string key) =>
        Bindable(key) ?? new EmptySection(key, string.IsNullOrEmpty(path) ? key : path + ConfigurationPath.KeyDelimiter + key);

    private IConfigurationSection? Bindable(string key)
    {
        IConfigurationSection child = inner.GetSection(key);
        return ArabicNormalizerConfigurationKeys.IsBindable(child) ? child : null;
    }

    /// <summary>A key the binder must not see: no value, no children.</summary>
    private sealed class EmptySection(string key, string path) : IConfigurationSection
    {
        private static readonly IChangeToken s_never = new CancellationChangeToken(CancellationToken.None);

        public string Key => key;

        public string Path => path;

        public string? Value
        {
            get => null;
            set => throw new NotSupportedException("The checked view of a configuration section is read-only.");
        }

        public string? this[string childKey]
        {
            get => null;
            set => throw new NotSupportedException("The checked view of a configuration section is read-only.");
        }

        public IEnumerable<IConfigurationSection> GetChildren() => [];

        public IChangeToken GetReloadToken() => s_never;

        public IConfigurationSection GetSection(string childKey) => new EmptySection(childKey, path + ConfigurationPath.KeyDelimiter + childKey);
    }
}
