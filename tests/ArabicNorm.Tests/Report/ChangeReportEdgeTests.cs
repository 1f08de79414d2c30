using System.Text;
using ArabicNorm.Tests.Properties;
using ArabicNorm.Tests.Streaming;

namespace ArabicNorm.Tests.Report;

/// <summary>Whole reports of short texts, written by hand from the report's documented rules (<see cref="NormalizationReport"/>,
/// remarks): each changed character counts once under its own rule; of a collapsed run of spaces the first U+0020 is
/// kept and every other character of the run changed, however the text is cut; characters are scalar values.</summary>
/// <remarks>Each text is checked through the span, reader (cut into 1, 2 and 3 chars) and UTF-8 stream forms, which must
/// give the same report (the report of a text is the sum of the reports of its consumed blocks).</remarks>
public class ChangeReportEdgeTests
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory]
    // A presentation form whose output is one U+0020 (FATHATAN ISOLATED FORM: SPACE + FATHATAN, the mark deleted)
    // continues the run of the SPACE before it: that SPACE is the kept one, the SPACE after it changed.
    [InlineData("Search", " \uFE70 ", 3, "CompatibilityForms=1 Spaces=1")]
    // The form's space opens the run; the SPACE after it is the run's first U+0020, so it is the kept one.
    [InlineData("Search", "a\uFE70 b", 4, "CompatibilityForms=1")]
    [InlineData("Search", "\uFE70 \uFE70 ", 4, "CompatibilityForms=2 Spaces=1")]
    // A deleted TATWEEL does not end the run: the two SPACEs collapse.
    [InlineData("Search", " \u0640 ", 3, "Tatweel=1 Spaces=1")]
    // A changed letter ends the run: two runs of one SPACE each, both kept.
    [InlineData("Search", " \u06CC ", 3, "Letters=1")]
    // The letter ends the first run; the form's space opens a second one, whose first U+0020 is the last SPACE.
    [InlineData("Search", " \u06CC\uFE70 ", 4, "CompatibilityForms=1 Letters=1")]
    [InlineData("Search", "\u00A0\u06CC\u00A0 ", 4, "Letters=1 Spaces=2")]
    // A supplementary character changed under CollapseSpaces (ARABIC MATHEMATICAL ALEF) is one character.
    [InlineData("Search", "\uD83B\uDE00", 1, "CompatibilityForms=1")]
    [InlineData("Search", "\uD83B\uDE00 \u00A0x", 4, "CompatibilityForms=1 Spaces=1")]
    [InlineData("Search", "\uD83D\uDE00  \uD83D\uDE00", 4, "Spaces=1")] // two GRINNING FACEs around a run of two SPACEs
    // The first supplementary character (LINEAR B SYLLABLE B008 A, U+10000) is not looked up in the BMP table.
    [InlineData("Search", "\uD800\uDC00  \u06CC", 4, "Letters=1 Spaces=1")]
    // Already normalized texts: nothing changed, a surrogate pair is one character, a lone surrogate one.
    [InlineData("Default", "a\uD83D\uDE00b", 3, "")]
    [InlineData("Default", "\uD83D\uDE00", 1, "")]
    [InlineData("Search", "\uD83D\uDE00 \uD83D\uDE00", 3, "")]
    public void GetChangeReport_HandCountedText_GivesTheWholeReport(string options, string text, long characters, string changes)
    {
        Check(options, text, characters, changes);
    }

    [Fact]
    public void GetChangeReport_LoneSurrogates_CountOneCharacterEach()
    {
        // Not theory data: xunit does not keep a lone surrogate in a serialized argument.
        Check("Default", "a\uD800", 2, "");        // a high surrogate that ends the text
        Check("Default", "\uD800a\uDC00", 3, "");  // a high and a low surrogate, apart
        Check("Default", "\uDC00\uD800", 2, "");   // a low surrogate before a high one: no pair
        Check("Default", "\uD800\uD83D\uDE00", 2, ""); // a lone high surrogate, then a pair

        // The same in texts that change (FARSI YEH becomes YEH), whose characters are counted one by one.
        Check("Default", "\u06CC\uD800", 2, "Letters=1");           // a high surrogate that ends a changed text
        Check("Default", "\uD800\u06CC\uDC00", 3, "Letters=1");     // a high and a low surrogate around the letter
        Check("Search", "\u06CC  \uD800", 4, "Letters=1 Spaces=1"); // after a collapsed run of spaces
    }

    [Fact]
    public void GetChangeReport_NullCharacterBetweenRuns_EndsTheFirstRun()
    {
        // U+0000 is output as it is, so it ends the run of SPACEs before it like any other character: the SPACE after
        // it starts a new run and is its kept U+0020. (The report looks at an output's last code unit, and U+0000 is
        // the one unit that equals a default code unit.) FARSI YEH makes the text one that changes.
        Check("Search", "  \u0000 \u06CC", 5, "Letters=1 Spaces=1");
        Check("Search", "\u06CC \u0000  ", 5, "Letters=1 Spaces=1");
    }

    private static void Check(string options, string text, long characters, string changes)
    {
        var normalizer = new ArabicNormalizer(SpecModel.Parse(options));
        Dictionary<NormalizationCategory, long> expected = Parse(changes);

        AssertReport(normalizer.GetChangeReport(text), characters, expected, "span");
        foreach (int size in new[] { 1, 2, 3 })
        {
            AssertReport(normalizer.GetChangeReport(new ShortReadReader(text, [size])), characters, expected, $"reader, {size}-char reads");
            normalizer.Normalize(new ShortReadReader(text, [size]), new StringWriter(), out NormalizationReport written);
            AssertReport(written, characters, expected, $"reader to writer, {size}-char reads");
        }

        if (!Generators.HasLoneSurrogate(text))
        {
            normalizer.NormalizeUtf8(new MemoryStream(s_strict.GetBytes(text)), new MemoryStream(), out NormalizationReport utf8);
            AssertReport(utf8, characters, expected, "UTF-8 stream");
        }
    }

    private static void AssertReport(NormalizationReport report, long characters, Dictionary<NormalizationCategory, long> expected, string form)
    {
        Assert.True(characters == report.Characters, $"{form}: {report.Characters} characters, expected {characters}");
        foreach (NormalizationCategory category in Enum.GetValues<NormalizationCategory>())
        {
            long want = expected.GetValueOrDefault(category);
            Assert.True(want == report[category], $"{form}: {category}={report[category]}, expected {want} ({report})");
        }
    }

    private static Dictionary<NormalizationCategory, long> Parse(string changes)
    {
        var counts = new Dictionary<NormalizationCategory, long>();
        foreach (string item in changes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] nameCount = item.Split('=');
            counts.Add(Enum.Parse<NormalizationCategory>(nameCount[0]), long.Parse(nameCount[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        return counts;
    }
}
