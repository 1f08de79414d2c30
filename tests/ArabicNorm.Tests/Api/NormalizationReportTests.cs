using System.Runtime.CompilerServices;
using ArabicNorm.Tests.Properties;
using FsCheck.Xunit;

namespace ArabicNorm.Tests.Api;

/// <summary>The change report as a plain value: fixed size, no allocation to copy, add or enumerate, and the laws of
/// its addition.</summary>
public class NormalizationReportTests
{
    private static readonly NormalizationCategory[] s_categories = Enum.GetValues<NormalizationCategory>();

    [Fact]
    public void NormalizationReport_Layout_IsFixedSizeWithoutReferences()
    {
        // The examined total and one long per category, inline: nothing for the GC to follow, nothing shared.
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<NormalizationReport>());
        Assert.Equal(sizeof(long) * (1 + s_categories.Length), Unsafe.SizeOf<NormalizationReport>());
    }

    [Fact]
    public void NormalizationReport_AddCopyEnumerate_AllocatesNothing()
    {
        NormalizationReport a = ArabicNormalizer.Default.GetChangeReport("\u06CC\u201Cx\u201D\u06F1"); // FARSI YEH, quotes, a Persian digit
        NormalizationReport b = ArabicNormalizer.Search.GetChangeReport("\u0623\u064E  \u0629"); // ALEF WITH HAMZA, FATHA, spaces, TEH MARBUTA
        long checksum = Exercise(a, b, 1); // warm up: JIT and tiering allocate, the measured loop must not

        long before = GC.GetAllocatedBytesForCurrentThread();
        checksum += Exercise(a, b, 1000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, checksum); // the loop did its work
    }

    [Fact]
    public void GetEnumerator_YieldsEveryCategoryOnceInAscendingOrder_WithItsCount()
    {
        NormalizationReport report = ArabicNormalizer.Search.GetChangeReport("\u06CC\u0640\u064E\u0629 \u00A0\u060C\u201C\u06F1"); // several rules at once
        var seen = new List<KeyValuePair<NormalizationCategory, long>>();
        foreach (KeyValuePair<NormalizationCategory, long> pair in report)
        {
            seen.Add(pair);
        }

        Assert.Equal(s_categories, seen.Select(p => p.Key));
        Assert.All(seen, p => Assert.Equal(report[p.Key], p.Value));
        Assert.Equal(report.ChangedCharacters, seen.Sum(p => p.Value));
        Assert.True(seen.Count(p => p.Value != 0) >= 5, report.ToString()); // the text really exercises several rules
    }

    [Fact]
    public void GetEnumerator_DefaultReport_YieldsZeros()
    {
        int n = 0;
        foreach ((NormalizationCategory category, long count) in default(NormalizationReport))
        {
            Assert.Equal(s_categories[n++], category);
            Assert.Equal(0, count);
        }

        Assert.Equal(s_categories.Length, n);
    }

    [Fact]
    public void Enumerator_AfterTheEnd_StaysFinished()
    {
        NormalizationReport.Enumerator e = default(NormalizationReport).GetEnumerator();
        int moves = 0;
        while (e.MoveNext())
        {
            moves++;
        }

        Assert.Equal(s_categories.Length, moves);
        Assert.False(e.MoveNext());
    }

    [Fact]
    public void Equals_ReportsOfEqualCounts_AreEqualAndHashAlike()
    {
        // Computed by different paths (span and reader), the same counts are the same value.
        string text = "\u06CC\u0640\u201Cx\u201D";
        NormalizationReport span = ArabicNormalizer.Default.GetChangeReport(text);
        NormalizationReport reader = ArabicNormalizer.Default.GetChangeReport(new StringReader(text));
        Assert.Equal(span, reader);
        Assert.True(span.Equals((object)reader));
        Assert.Equal(span.GetHashCode(), reader.GetHashCode());
        Assert.NotEqual(span, span + ArabicNormalizer.Default.GetChangeReport("a")); // one more character examined
        Assert.False(span.Equals("not a report"));
    }

    [Fact]
    public void ToString_ListsTotalsThenNonZeroCategoriesInOrder()
    {
        NormalizationReport report = ArabicNormalizer.Default.GetChangeReport("\u201C\u06CC\u201D\u0640"); // quote, FARSI YEH, quote, TATWEEL
        Assert.Equal("4 of 4 characters changed: Letters=1, Quotes=2, Tatweel=1", report.ToString());
        Assert.Equal("0 of 0 characters changed", default(NormalizationReport).ToString());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void Add_IsAssociative(RuleText a, RuleText b, RuleText c, OptionsCase options)
    {
        (NormalizationReport x, NormalizationReport y, NormalizationReport z) = Reports(options, a, b, c);
        Assert.Equal((x + y) + z, x + (y + z));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void Add_IsCommutative(RuleText a, RuleText b, OptionsCase options)
    {
        (NormalizationReport x, NormalizationReport y, _) = Reports(options, a, b, b);
        Assert.Equal(x + y, y + x);
        Assert.Equal(NormalizationReport.Add(x, y), y + x);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void Add_HasDefaultAsIdentity(RuleText a, OptionsCase options)
    {
        NormalizationReport x = options.Normalizer.GetChangeReport(a.Value);
        Assert.Equal(x, x + default(NormalizationReport));
        Assert.Equal(x, default(NormalizationReport) + x);
        Assert.Equal(ArabicNormalizer.Default.GetChangeReport(string.Empty), default);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 150)]
    public void Add_SumsEveryCount(RuleText a, RuleText b, OptionsCase options)
    {
        (NormalizationReport x, NormalizationReport y, _) = Reports(options, a, b, b);
        NormalizationReport sum = x + y;
        Assert.Equal(x.Characters + y.Characters, sum.Characters);
        Assert.Equal(x.ChangedCharacters + y.ChangedCharacters, sum.ChangedCharacters);
        foreach (NormalizationCategory category in s_categories)
        {
            Assert.Equal(x[category] + y[category], sum[category]);
        }
    }

    private static (NormalizationReport, NormalizationReport, NormalizationReport) Reports(OptionsCase options, RuleText a, RuleText b, RuleText c) =>
        (options.Normalizer.GetChangeReport(a.Value), options.Normalizer.GetChangeReport(b.Value), options.Normalizer.GetChangeReport(c.Value));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Exercise(NormalizationReport a, NormalizationReport b, int rounds)
    {
        long checksum = 0;
        NormalizationReport sum = default;
        for (int k = 0; k < rounds; k++)
        {
            NormalizationReport copy = a; // a copy is the value itself
            sum = sum + copy + b;
            sum = NormalizationReport.Add(sum, default);
            foreach ((NormalizationCategory category, long count) in sum)
            {
                checksum += (long)category * count;
            }

            checksum += sum.ChangedCharacters + (sum == copy ? 1 : 0) + sum.GetHashCode();
        }

        return checksum;
    }
}
