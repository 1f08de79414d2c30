using ArabicNorm;

namespace ArabicNorm.Tests;

public class SmokeTests
{
    [Fact]
    public void Normalize_FarsiYeh_BecomesYeh()
    {
        Assert.Equal("\u064A", ArabicNormalizer.Default.Normalize("\u06CC")); // FARSI YEH -> YEH
    }
}
