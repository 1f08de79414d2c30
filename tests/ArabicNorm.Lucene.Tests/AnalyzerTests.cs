using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ArabicNorm.Lucene.Tests;

public class AnalyzerTests
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    [Fact]
    public void ArabicNormAnalyzer_VersionOnly_UsesTheSearchPresetWithoutStemming()
    {
        using var analyzer = new ArabicNormAnalyzer(Version);
        Assert.Same(ArabicNormalizer.Search, analyzer.Normalizer);
        Assert.False(analyzer.Stem);
    }

    [Fact]
    public void ArabicNormAnalyzer_StopWords_AreLuceneArabicAndPersianSetsNormalized()
    {
        using var analyzer = new ArabicNormAnalyzer(Version);
        int expected = 0;
        foreach (CharArraySet set in new[] { ArabicAnalyzer.DefaultStopSet, PersianAnalyzer.DefaultStopSet })
        {
            foreach (object word in set)
            {
                string w = word is char[] chars ? new string(chars) : word.ToString()!;
                string folded = ArabicNormalizer.Search.Normalize(w).ToLowerInvariant();
                if (!folded.Contains(' ', StringComparison.Ordinal) && folded.Length > 0)
                {
                    Assert.True(analyzer.StopWords.Contains(folded), TestData.Escape(w));
                    expected++;
                }
            }
        }

        Assert.True(expected > 300);
        Assert.Throws<NotSupportedException>(() => analyzer.StopWords.Add("x"));
    }

    [Fact]
    public void ArabicNormAnalyzer_StopWordTypedOnPersianKeyboard_IsRemoved()
    {
        // FI typed with FARSI YEH, and ALA (ALEF MAKSURA): stop words once folded.
        using var analyzer = new ArabicNormAnalyzer(Version);
        (List<TestData.Token> tokens, _) = TestData.Analyze(analyzer, "\u0641\u06CC \u0627\u0644\u062D\u06A9\u0648\u0645\u0629 \u0639\u0644\u0649");
        Assert.Equal(["\u0627\u0644\u062D\u0643\u0648\u0645\u0647"], tokens.Select(t => t.Text).ToArray()); // AL-HUKUMAH, TEH MARBUTA folded
    }

    [Fact]
    public void ArabicNormAnalyzer_Stem_AppliesArabicStemFilter()
    {
        using var analyzer = new ArabicNormAnalyzer(Version, ArabicNormalizer.Search, null, stem: true);
        (List<TestData.Token> tokens, _) = TestData.Analyze(analyzer, "\u0627\u0644\u062D\u0643\u0648\u0645\u0629"); // AL-HUKUMAH
        Assert.Equal("\u062D\u0643\u0648\u0645", Assert.Single(tokens).Text); // the prefix AL- and the suffix go
    }

    [Fact]
    public void ArabicNormAnalyzer_EmptyStopSet_KeepsEveryWord()
    {
        using var analyzer = new ArabicNormAnalyzer(Version, ArabicNormalizer.Search, CharArraySet.Empty, stem: false);
        (List<TestData.Token> tokens, _) = TestData.Analyze(analyzer, "\u0641\u064A \u0645\u0646"); // FI MIN
        Assert.Equal(2, tokens.Count);
    }

    [Fact]
    public void ArabicNormAnalyzer_FindsWhatLuceneAnalyzersFind()
    {
        // Drop-in: on the seed article, every term Lucene's ArabicAnalyzer (without its stemmer: the same stop words
        // and normalization) and PersianAnalyzer produce is, after our folding, a term of ours or a folded stop word.
        using var ours = new ArabicNormAnalyzer(Version);
        var ourTerms = TestData.Analyze(ours, TestData.Seed).Tokens.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        using var persian = new PersianAnalyzer(Version);
        foreach (TestData.Token token in TestData.Analyze(persian, TestData.Seed).Tokens)
        {
            string folded = ours.NormalizeQueryTerm(token.Text);
            Assert.True(ourTerms.Contains(folded) || ours.StopWords.Contains(folded), TestData.Escape(token.Text));
        }
    }

    [Fact]
    public void ArabicNormAnalyzer_NullNormalizer_Throws() =>
        Assert.Throws<ArgumentNullException>("normalizer", () => new ArabicNormAnalyzer(Version, null!));

    [Fact]
    public void NormalizeQueryTerm_KeepsWildcardsAndFolds()
    {
        using var analyzer = new ArabicNormAnalyzer(Version);
        // KEHEH, TATWEEL, FATHA, then "?" and "*"; Latin upper case.
        Assert.Equal("\u0643\u062A?\u0627*", analyzer.NormalizeQueryTerm("\u06A9\u0640\u062A\u064E?\u0627*"));
        Assert.Equal("abc*", analyzer.NormalizeQueryTerm("ABC*"));
        Assert.Throws<ArgumentNullException>("term", () => analyzer.NormalizeQueryTerm(null!));
    }

    [Fact]
    public void TokenFilter_Terms_AreNormalizedWithOffsetsKept()
    {
        // A whitespace tokenizer cuts the PDF ligature word first; the filter then folds each term.
        string text = "\uFEFB\u0628 \u06A9\u0640\u062A\u0627\u0628 \uFDFA plain";
        using var tokenizer = new WhitespaceTokenizer(Version, new StringReader(text));
        using var filter = new ArabicNormTokenFilter(tokenizer, ArabicNormalizer.Search);
        (List<TestData.Token> tokens, _) = TestData.Collect(filter);
        Assert.Equal(
            [
                new("\u0644\u0627\u0628", 0, 2, 1), // LAM ALEF BEH
                new("\u0643\u062A\u0627\u0628", 3, 8, 1), // KAF TEH ALEF BEH
                new(ArabicNormalizer.Search.Normalize("\uFDFA"), 9, 10, 1), // 18 chars: the term buffer grows
                new("plain", 11, 16, 1),
            ],
            tokens);
    }

    [Fact]
    public void TokenFilter_CleanTerm_KeepsTheSameBuffer()
    {
        using var tokenizer = new WhitespaceTokenizer(Version, new StringReader("\u0643\u062A\u0627\u0628 \u06A9"));
        using var filter = new ArabicNormTokenFilter(tokenizer, ArabicNormalizer.Search);
        ICharTermAttribute term = filter.AddAttribute<ICharTermAttribute>();
        filter.Reset();
        Assert.True(filter.IncrementToken());
        char[] buffer = term.Buffer;
        Assert.True(filter.IncrementToken());
        Assert.Same(buffer, term.Buffer);
        Assert.Equal("\u0643", term.ToString()); // KEHEH -> KAF in the same buffer
        Assert.False(filter.IncrementToken());
        filter.End();
    }

    [Fact]
    public void TokenFilter_NullArguments_Throw()
    {
        using var tokenizer = new WhitespaceTokenizer(Version, new StringReader(""));
        Assert.Throws<ArgumentNullException>("input", () => new ArabicNormTokenFilter(null!, ArabicNormalizer.Search));
        Assert.Throws<ArgumentNullException>("normalizer", () => new ArabicNormTokenFilter(tokenizer, null!));
    }

    [Fact]
    public void AnalyzerWrapper_StandardAnalyzer_SeesNormalizedTextAndOriginalOffsets()
    {
        using var standard = new StandardAnalyzer(Version);
        using var wrapper = new ArabicNormAnalyzerWrapper(standard, ArabicNormalizer.Search);
        string text = "\u0627\u0644\u062D\u06A9\u0640\u0648\u0645\u0629 \uFDFA";
        (List<TestData.Token> tokens, int final) = TestData.Analyze(wrapper, text);
        Assert.Equal(new TestData.Token("\u0627\u0644\u062D\u0643\u0648\u0645\u0647", 0, 8, 1), tokens[0]);
        Assert.Equal(5, tokens.Count);
        Assert.All(tokens.Skip(1), t => Assert.Equal((9, 10), (t.Start, t.End)));
        Assert.Equal(text.Length, final);
        Assert.Same(ArabicNormalizer.Search, wrapper.Normalizer);
    }

    [Fact]
    public void AnalyzerWrapper_WrappedAnalyzersCharFilter_OffsetsCompose()
    {
        // The wrapped analyzer has a char filter of its own (Persian: ZWNJ to space); both corrections apply.
        using var persian = new PersianAnalyzer(Version);
        using var wrapper = new ArabicNormAnalyzerWrapper(persian, ArabicNormalizer.Persian);
        string text = "\u0640\u0640\u0645\u06CC\u200C\u0631\u0648\u0645 \uFEFB";
        (List<TestData.Token> tokens, _) = TestData.Analyze(wrapper, text);
        foreach (TestData.Token token in tokens)
        {
            Assert.True(token.Start < token.End && token.End <= text.Length, token.ToString());
        }

        // TATWEEL TATWEEL, MEEM FARSI YEH (a stop word once Persian's char filter makes the ZWNJ a space), REH WAW MEEM.
        Assert.Equal(new TestData.Token("\u0631\u0648\u0645", 5, 8, 2), tokens[0]); // the stop word leaves a position gap
    }

    [Fact]
    public void AnalyzerWrapper_NullArguments_Throw()
    {
        using var standard = new StandardAnalyzer(Version);
        Assert.Throws<ArgumentNullException>("analyzer", () => new ArabicNormAnalyzerWrapper(null!, ArabicNormalizer.Search));
        Assert.Throws<ArgumentNullException>("normalizer", () => new ArabicNormAnalyzerWrapper(standard, null!));
    }
}
