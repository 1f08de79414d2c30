using ArabicNorm.Internal;

namespace ArabicNorm.Tests.Rules;

/// <summary>
/// Checks the stage table (<see cref="RuleStages"/>) as data: its order, its predicates, each source and target
/// against the tests' spec model, the contextual stages' sources and targets, and that the rule inputs are the union
/// of the sources.
/// </summary>
public class RuleStageTests
{
    private static RuleStage[] Stages => RuleStages.All.ToArray();

    [Fact]
    public void All_Stages_FollowTheContractOrder()
    {
        // The context-free stages in category order (the order the rules apply and the report counts), and space
        // collapsing, which acts last, at the end.
        RuleStage[] maps = [.. Stages.Where(s => s.Kind == RuleStageKind.Map)];
        Assert.Equal(maps.Select(s => s.Category).Order(), maps.Select(s => s.Category));
        Assert.Equal(RuleStageKind.Compatibility, Stages[0].Kind);
        Assert.Equal(nameof(ArabicNormalizerOptions.CollapseSpaces), Stages[^1].Option);
        Assert.True(Stages[^1].IsContextual);
        Assert.Equal(
            new[] { nameof(ArabicNormalizerOptions.ComposeHamza), nameof(ArabicNormalizerOptions.ContextualFarsiYeh), nameof(ArabicNormalizerOptions.CollapseSpaces) },
            Stages.Where(s => s.IsContextual).Select(s => s.Option).Distinct());
        Assert.Equal(Enum.GetValues<NormalizationCategory>().Order(), Stages.Select(s => s.Category).Distinct().Order());
    }

    [Fact]
    public void IsEnabled_EachStage_FollowsItsOption()
    {
        foreach (RuleStage stage in Stages)
        {
            Assert.False(stage.IsEnabled(ArabicNormalizerOptions.None()), stage.Name);
            Assert.True(stage.IsEnabled(Only(stage)), stage.Name);
        }

        // ContextualFarsiYeh needs the Arabic target.
        RuleStage yeh = Stages.Single(s => s.Option == nameof(ArabicNormalizerOptions.ContextualFarsiYeh));
        Assert.False(yeh.IsEnabled(new ArabicNormalizerOptions { ContextualFarsiYeh = true, Letters = LetterTarget.Persian }));
    }

    [Fact]
    public void Sources_EveryMapStage_GiveTheSpecModelsTarget()
    {
        // Each source alone, with only the stage's option on, becomes the stage's target (or is deleted) in the spec
        // model, and the normalizer agrees; every other BMP character stays.
        var failures = new List<string>();
        int sources = 0;
        foreach (RuleStage stage in Stages.Where(s => s.Kind == RuleStageKind.Map))
        {
            ArabicNormalizerOptions options = Only(stage);
            var normalizer = new ArabicNormalizer(options);
            foreach (RuleRange range in stage.Sources)
            {
                for (int c = range.First; c <= range.Last; c++)
                {
                    sources++;
                    string s = ((char)c).ToString();
                    char target = range.TargetOf(c);
                    string expected = target == NormalizationTables.Delete ? string.Empty : target.ToString();
                    if (SpecModel.Normalize(s, options) != expected || normalizer.Normalize(s) != expected)
                    {
                        failures.Add($"{stage.Name}: U+{c:X4} -> {TestText.Escape(expected)}, model {TestText.Escape(SpecModel.Normalize(s, options))}");
                    }
                }
            }

            // The stages the same option value enables (Digits = Ascii: the digits and the separators).
            RuleStage[] siblings = [.. Stages.Where(s => s.Kind == RuleStageKind.Map && s.IsEnabled(options))];
            for (int c = 0; c < 0x10000; c++)
            {
                if (!char.IsSurrogate((char)c) && !siblings.Any(s => s.IsSource(c)) && SpecModel.Normalize(((char)c).ToString(), options) != ((char)c).ToString())
                {
                    failures.Add($"{stage.Name}: U+{c:X4} changes but is no source");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures.Take(10)));
        Assert.True(sources > 150, $"only {sources} sources");
    }

    [Fact]
    public void Sources_CompatibilityStage_AreTheBlocksOfTheGeneratedData()
    {
        RuleStage compatibility = Stages.Single(s => s.Kind == RuleStageKind.Compatibility);
        Assert.Equal(NormalizationCategory.CompatibilityForms, compatibility.Category);
        for (int cp = 0; cp <= 0x1FFFF; cp++)
        {
            Assert.True(compatibility.IsSource(cp) == SpecModel.IsInCompatibilityBlocks(cp), $"U+{cp:X4}");
        }
    }

    [Fact]
    public void ContextTargets_Composition_AreTheComposedLettersOfTheSpec()
    {
        RuleStage composition = Stages.First(s => s.Option == nameof(ArabicNormalizerOptions.ComposeHamza));
        Assert.Equal(SpecModel.CompositionPairs.Select(p => p.Composed).Order(), composition.ContextTargets.Order());
        char[] sources = [.. SpecModel.CompositionPairs.SelectMany(p => new[] { p.Base, p.Mark }).Distinct().Order()];
        Assert.Equal(sources, Enumerable.Range(0, 0x10000).Where(composition.IsSource).Select(c => (char)c));

        // The canonical-order stage's sources are exactly the Arabic marks with a nonzero combining class.
        RuleStage ordering = Stages.Where(s => s.Option == nameof(ArabicNormalizerOptions.ComposeHamza)).Last();
        Assert.NotSame(composition, ordering);
        for (int c = 0; c < 0x10000; c++)
        {
            Assert.True(ordering.IsSource(c) == CanonicalClasses.IsArabicMark(c), $"U+{c:X4}");
        }
    }

    [Fact]
    public void ContextTargets_ContextualYeh_IsAlefMaksura()
    {
        RuleStage yeh = Stages.Single(s => s.Option == nameof(ArabicNormalizerOptions.ContextualFarsiYeh));
        Assert.Equal(NormalizationCategory.Letters, yeh.Category);
        Assert.Equal("\u0649", yeh.ContextTargets); // ALEF MAKSURA
        Assert.True(yeh.IsSource('\u06CC')); // FARSI YEH
        ArabicNormalizerOptions options = Only(yeh);
        Assert.Equal("\u0649", SpecModel.Normalize("\u06CC", options)); // word-final
        Assert.Equal("\u0649", new ArabicNormalizer(options).Normalize("\u06CC"));
    }

    [Fact]
    public void RuleInputs_AreTheUnionOfTheSourcesAndTheSurrogates()
    {
        ReadOnlySpan<char> ranges = NormalizationTables.RuleInputs;
        var inputs = new bool[0x10000];
        for (int r = 0; r < ranges.Length; r += 2)
        {
            Assert.True(r == 0 || ranges[r] > ranges[r - 1] + 1, "the ranges are merged and in order");
            for (int c = ranges[r]; c <= ranges[r + 1]; c++)
            {
                inputs[c] = true;
            }
        }

        for (int c = 0; c < 0x10000; c++)
        {
            bool expected = char.IsSurrogate((char)c) || Stages.Any(s => s.IsSource(c));
            Assert.True(inputs[c] == expected, $"U+{c:X4}: in the rule inputs {inputs[c]}, a source {expected}");
        }
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Search")]
    [InlineData("Persian")]
    public void MapStages_Preset_AreTheEnabledMapStagesInOrder(string preset)
    {
        ArabicNormalizerOptions options = SpecModel.Parse(preset);
        var tables = new NormalizationTables(options);
        Assert.Equal(Stages.Where(s => s.Kind == RuleStageKind.Map && s.IsEnabled(options)), tables.MapStages);
    }

    /// <summary>Returns options with every rule off but the one that enables <paramref name="stage"/>.</summary>
    private static ArabicNormalizerOptions Only(RuleStage stage)
    {
        ArabicNormalizerOptions options = ArabicNormalizerOptions.None();
        System.Reflection.PropertyInfo property = typeof(ArabicNormalizerOptions).GetProperty(stage.Option)!;
        property.SetValue(options, stage.Value is null ? true : Enum.Parse(property.PropertyType, stage.Value));
        if (stage.Option == nameof(ArabicNormalizerOptions.ContextualFarsiYeh))
        {
            options.Letters = LetterTarget.Arabic;
        }

        return options;
    }
}
