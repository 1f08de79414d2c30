using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ArabicNorm.Internal;

namespace ArabicNorm.Tests.Vectorization;

/// <summary>The factory that chooses the vector strategy, and <see cref="ArabicNormalizer.ActiveImplementation"/>.</summary>
public class VectorStrategyTests(ITestOutputHelper output)
{
    [Fact]
    public void ActiveImplementation_NoForcedStrategy_IsTheWidestSupported()
    {
        string? forced = Environment.GetEnvironmentVariable(VectorStrategy.EnvironmentVariable);
        string supported = string.Join(", ", VectorStrategy.All.Where(s => s.IsSupported).Select(s => s.Name));
        string lacking = string.Join(", ", VectorStrategy.All.Where(s => !s.IsSupported).Select(s => s.Name));

        // The CI log shows this line for each machine the suite runs on (x64, x64 without AVX2, linux-arm64).
        output.WriteLine($"ActiveImplementation={ArabicNormalizer.ActiveImplementation} architecture={RuntimeInformation.ProcessArchitecture} " +
            $"supported=[{supported}] lacking=[{lacking}] {VectorStrategy.EnvironmentVariable}={forced ?? "(unset)"}");

        Assert.Equal(VectorStrategy.Select(forced).Name, ArabicNormalizer.ActiveImplementation);
        if (string.IsNullOrEmpty(forced))
        {
            Assert.Equal(VectorStrategy.All.First(s => s.IsSupported).Name, ArabicNormalizer.ActiveImplementation);
        }
    }

    [Fact]
    public void ActiveImplementation_WithoutHardwareIntrinsics_IsScalar()
    {
        // DOTNET_EnableHWIntrinsic=0 turns Vector128 acceleration off; CI runs the whole suite that way once.
        if (Vector128.IsHardwareAccelerated)
        {
            Assert.Skip("Hardware intrinsics are on in this process; CI checks this case under DOTNET_EnableHWIntrinsic=0.");
        }

        Assert.Equal("Scalar", ArabicNormalizer.ActiveImplementation);
        Assert.False(ArabicNormalizer.Default.Tables.PlainRun.IsEnabled);
    }

    [Fact]
    public void Select_UnknownOrNoName_GivesTheWidestSupported()
    {
        VectorStrategy widest = VectorStrategy.All.First(s => s.IsSupported);
        Assert.Same(widest, VectorStrategy.Select(null));
        Assert.Same(widest, VectorStrategy.Select(""));
        Assert.Same(widest, VectorStrategy.Select("Avx512"));
    }

    [Fact]
    public void Select_ForcedName_GivesItOrTheWidestSupportedBelowIt()
    {
        Assert.Same(VectorStrategy.Scalar, VectorStrategy.Select("Scalar"));
        Assert.Same(VectorStrategy.Scalar, VectorStrategy.Select(" scalar "));
        for (int k = 0; k < VectorStrategy.All.Count; k++)
        {
            VectorStrategy expected = VectorStrategy.All.Skip(k).First(s => s.IsSupported);
            Assert.Same(expected, VectorStrategy.Select(VectorStrategy.All[k].Name));
            Assert.Same(expected, VectorStrategy.Select(VectorStrategy.All[k].Name.ToUpperInvariant()));
        }
    }

    [Fact]
    public void All_WidestFirst_EndsWithTheScalarLoop()
    {
        Assert.Equal(["Avx2", "Vector128", "Scalar"], VectorStrategy.All.Select(s => s.Name));
        Assert.True(VectorStrategy.Scalar.IsSupported);
        Assert.False(VectorStrategy.Scalar.IsVectorized);
        Assert.All(VectorStrategy.All.Take(2), s => Assert.True(s.IsVectorized));
    }

    [Theory]
    [MemberData(nameof(VectorScalarOracle.StrategyNames), MemberType = typeof(VectorScalarOracle))]
    public void Normalizer_WithAStrategy_RunsThatStrategy(string strategyName)
    {
        VectorStrategy strategy = VectorScalarOracle.Require(strategyName);
        var normalizer = new ArabicNormalizer(new ArabicNormalizerOptions(), strategy);
        Assert.Same(strategy, normalizer.Tables.PlainRun.Strategy);
        Assert.True(normalizer.Tables.PlainRun.IsEnabled);
        output.WriteLine($"{strategyName} runs on {RuntimeInformation.ProcessArchitecture}");
    }
}
