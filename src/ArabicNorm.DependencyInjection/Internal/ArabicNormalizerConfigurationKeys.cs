using ArabicNorm;
using Microsoft.Extensions.Configuration;

namespace ArabicNorm.DependencyInjection.Internal;

/// <summary>
/// Knows the configuration keys of <see cref="ArabicNormalizerOptions"/> and the values each accepts, without
/// reflection: one entry per option, in the order of the options' documentation.
/// </summary>
internal static class ArabicNormalizerConfigurationKeys
{
    // null: a bool option; otherwise the enum's names, the only spellings accepted.
    private static readonly (string Key, string[]? Names)[] s_keys =
    [
        (nameof(ArabicNormalizerOptions.FoldCompatibilityForms), null),
        (nameof(ArabicNormalizerOptions.ComposeHamza), null),
        (nameof(ArabicNormalizerOptions.Letters), Enum.GetNames<LetterTarget>()),
        (nameof(ArabicNormalizerOptions.ContextualFarsiYeh), null),
        (nameof(ArabicNormalizerOptions.Digits), Enum.GetNames<DigitTarget>()),
        (nameof(ArabicNormalizerOptions.Quotes), Enum.GetNames<QuoteTarget>()),
        (nameof(ArabicNormalizerOptions.RemoveTatweel), null),
        (nameof(ArabicNormalizerOptions.RemoveFormatControls), null),
        (nameof(ArabicNormalizerOptions.Zwnj), Enum.GetNames<ZwnjHandling>()),
        (nameof(ArabicNormalizerOptions.NormalizeSpaces), null),
        (nameof(ArabicNormalizerOptions.CollapseSpaces), null),
        (nameof(ArabicNormalizerOptions.RemoveDiacritics), null),
        (nameof(ArabicNormalizerOptions.FoldAlef), null),
        (nameof(ArabicNormalizerOptions.FoldAlefMaksura), null),
        (nameof(ArabicNormalizerOptions.FoldTehMarbuta), null),
        (nameof(ArabicNormalizerOptions.AsciiPunctuation), null),
    ];

    /// <summary>Gets every option's key, as the binder matches it (ignoring case).</summary>
    public static IEnumerable<string> Keys => s_keys.Select(k => k.Key);

    /// <summary>Returns whether the binder may see <paramref name="child"/>: a known key with a valid value.</summary>
    /// <remarks>A key without a value (JSON <c>null</c>, or an empty string) is unset: it is hidden too, so the option
    /// keeps the value it had (the preset's, or what an earlier <c>Configure</c> set).</remarks>
    public static bool IsBindable(IConfigurationSection child) =>
        !string.IsNullOrWhiteSpace(child.Value) && Check(child) is null;

    /// <summary>Returns what is wrong with <paramref name="child"/>, naming its path and the accepted values, or
    /// <see langword="null"/> when nothing is.</summary>
    public static string? Check(IConfigurationSection child)
    {
        int index = Array.FindIndex(s_keys, k => string.Equals(k.Key, child.Key, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return $"{child.Path}: '{child.Key}' is not an option of {nameof(ArabicNormalizerOptions)} (the options are {string.Join(", ", Keys)}).";
        }

        (string key, string[]? names) = s_keys[index];
        string expected = names is null ? "true or false" : $"one of {string.Join(", ", names)}";
        if (child.Value is null)
        {
            return child.GetChildren().Any()
                ? $"{child.Path}: {key} is a section; expected a single value, {expected}."
                : null;
        }

        string value = child.Value.Trim();
        if (value.Length == 0)
        {
            return null;
        }

        bool valid = names is null
            ? bool.TryParse(value, out _)
            : names.Contains(value, StringComparer.OrdinalIgnoreCase); // one name: numbers and comma lists are not names
        return valid
            ? null
            : $"{child.Path}: '{child.Value}' is not a valid {key}; expected {expected}" +
              (names is null ? "." : " (a single name: numbers and comma-separated lists are not accepted).");
    }
}
