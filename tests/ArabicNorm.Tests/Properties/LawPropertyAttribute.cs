using System.Globalization;
using FsCheck.Xunit;

namespace ArabicNorm.Tests.Properties;

/// <summary>
/// Marks a property test of the normalization contract: a fixed replay seed (so CI is repeatable) and a moderate
/// number of cases (so the suite stays within minutes on two cores), both of which the environment can change.
/// </summary>
/// <remarks>
/// <para><c>ARABICNORM_PROPERTY_SEED</c> replaces the seed: <c>"(seed,gamma)"</c> with an odd gamma as FsCheck
/// prints it after "Replay:" on failure, or <c>random</c> for a fresh seed on every run.
/// <c>ARABICNORM_PROPERTY_CASES</c> replaces the number of cases.</para>
/// <para>FsCheck logs the seed of a failing run in the failure message ("Replay: (seed,gamma)").</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method)]
#pragma warning disable xUnit3003 // FsCheck's PropertyAttribute has no source-information constructor to pass them to.
public sealed class LawPropertyAttribute : PropertyAttribute
{
    /// <summary>The replay seed the suite runs with unless the environment says otherwise.</summary>
    public const string DefaultReplay = "(20261129,1234567891)";

    /// <summary>The number of cases per property unless the environment says otherwise.</summary>
    public const int DefaultCases = 300;

    /// <summary>Initializes the attribute with the suite's seed and case count, or the environment's.</summary>
    public LawPropertyAttribute()
    {
        Arbitrary = [typeof(Generators)];
        QuietOnSuccess = false;
        MaxTest = int.TryParse(Environment.GetEnvironmentVariable("ARABICNORM_PROPERTY_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : DefaultCases;
        string? seed = Environment.GetEnvironmentVariable("ARABICNORM_PROPERTY_SEED");
        if (!string.Equals(seed, "random", StringComparison.OrdinalIgnoreCase))
        {
            Replay = string.IsNullOrWhiteSpace(seed) ? DefaultReplay : seed;
        }
    }
}
#pragma warning restore xUnit3003
