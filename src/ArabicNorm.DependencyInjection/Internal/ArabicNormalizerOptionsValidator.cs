using ArabicNorm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ArabicNorm.DependencyInjection.Internal;

/// <summary>A configuration section bound to the <see cref="ArabicNormalizerOptions"/> of one options name.</summary>
internal sealed record ArabicNormalizerConfigurationBinding(string Name, IConfiguration Section);

/// <summary>
/// Validates <see cref="ArabicNormalizerOptions"/>: every key of the sections bound to the options' name, then the
/// enum values however they were set.
/// </summary>
internal sealed class ArabicNormalizerOptionsValidator(IEnumerable<ArabicNormalizerConfigurationBinding> bindings)
    : IValidateOptions<ArabicNormalizerOptions>
{
    public ValidateOptionsResult Validate(string? name, ArabicNormalizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        name ??= Options.DefaultName;
        var failures = new List<string>();
        foreach (ArabicNormalizerConfigurationBinding binding in bindings)
        {
            if (binding.Name == name)
            {
                failures.AddRange(binding.Section.GetChildren().Select(ArabicNormalizerConfigurationKeys.Check).OfType<string>());
            }
        }

        // Values set in code (Configure delegates) are not in any section: name the option itself.
        string owner = name.Length == 0 ? nameof(ArabicNormalizerOptions) : $"{nameof(ArabicNormalizerOptions)} '{name}'";
        CheckDefined(options.Letters, nameof(ArabicNormalizerOptions.Letters), owner, failures);
        CheckDefined(options.Digits, nameof(ArabicNormalizerOptions.Digits), owner, failures);
        CheckDefined(options.Quotes, nameof(ArabicNormalizerOptions.Quotes), owner, failures);
        CheckDefined(options.Zwnj, nameof(ArabicNormalizerOptions.Zwnj), owner, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDefined<T>(T value, string option, string owner, List<string> failures)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            failures.Add($"{owner}.{option}: {value} is not a defined {typeof(T).Name}; expected one of {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }
}
