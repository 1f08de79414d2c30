namespace ArabicNorm.Tests.Matching;

/// <summary><see cref="NormalizedMatchEnumerator"/> past its end: like every enumerator, once <c>MoveNext</c> has
/// returned <see langword="false"/> it keeps returning <see langword="false"/>.</summary>
public class MatchEnumeratorTests
{
    [Theory]
    [InlineData("\u0628 \u0628", "\u0628", 2, 2)]          // BEH, SPACE, BEH: the last hit ends the text
    [InlineData("\u0628", "\u0628", 1, 1)]                 // the whole text is the only hit
    [InlineData("\u0627\u0628\u0628", "\u0628\u0628", 1, 0)] // ALEF, BEH, BEH; query BEH BEH: inside a word
    [InlineData("\u0627\u0644", "\u0628", 0, 0)]           // no hit at all
    public void MoveNext_AfterTheLastMatch_KeepsReturningFalse(string text, string query, int count, int wholeWordCount)
    {
        ArabicNormalizer normalizer = ArabicNormalizer.Default;
        int length = normalizer.GetNormalizedLength(text);
        var buffer = new char[length];
        var indices = new int[length];
        foreach (bool wholeWords in new[] { false, true })
        {
            NormalizedMatchEnumerator matches = normalizer.EnumerateMatches(text, query, buffer, indices, wholeWords);
            int found = 0;
            while (matches.MoveNext())
            {
                found++;
            }

            Assert.Equal(wholeWords ? wholeWordCount : count, found);
            for (int again = 0; again < 3; again++)
            {
                Assert.False(matches.MoveNext(), $"MoveNext after the end, call {again + 1}, wholeWords {wholeWords}");
            }
        }
    }
}
