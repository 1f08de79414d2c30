using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Analyzing;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ArabicNorm.Lucene.Tests;

/// <summary>
/// Real Lucene.Net, as users run it: the seed article, its PDF-text copy and a fully vocalized copy in a
/// <see cref="RAMDirectory"/>, queries as users type them, and highlights from the original text.
/// </summary>
public sealed class EndToEndTests : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string BodyField = "body";

    private static readonly string[] s_documents = [TestData.Seed, TestData.Pdf, TestData.Vocalized];

    private readonly ArabicNormAnalyzer _analyzer = new(Version);
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public EndToEndTests()
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer)))
        {
            for (int k = 0; k < s_documents.Length; k++)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", k.ToString(System.Globalization.CultureInfo.InvariantCulture), global::Lucene.Net.Documents.Field.Store.YES),
                    new TextField(BodyField, s_documents[k], global::Lucene.Net.Documents.Field.Store.YES),
                });
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    public static TheoryData<string> QueryNames()
    {
        var data = new TheoryData<string>();
        foreach ((string name, _) in TestData.Queries)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(QueryNames))]
    public void Search_QueryAsTyped_FindsAllThreeCopies(string name)
    {
        Query query = new ArabicNormQueryParser(Version, BodyField, _analyzer).Parse(TestData.Query(name));
        Assert.Equal([0, 1, 2], Hits(query));
    }

    [Theory]
    [MemberData(nameof(QueryNames))]
    public void Search_AnalyzingQueryParser_FindsAllThreeCopies(string name)
    {
        // Lucene's AnalyzingQueryParser sends each piece of a prefix or wildcard term through the analyzer, which folds
        // it as indexed text is folded. A piece must give exactly one token, so the query side uses the same analyzer
        // without stop words (a one-letter piece such as TEH MARBUTA is a stop word once folded).
        using var queryAnalyzer = new ArabicNormAnalyzer(Version, ArabicNormalizer.Search, CharArraySet.Empty, stem: false);
        var parser = new AnalyzingQueryParser(Version, BodyField, queryAnalyzer);
        Assert.Equal([0, 1, 2], Hits(parser.Parse(TestData.Query(name))));
    }

    [Theory]
    [InlineData("talks-prefix-tatweel")]
    [InlineData("strategic-wildcard-farsi-yeh")]
    [InlineData("government-prefix-keheh")]
    public void Search_ClassicQueryParserWithoutTheHelper_MissesPrefixAndWildcardTerms(string name)
    {
        // Why the helper exists: the classic parser sends prefix and wildcard terms around the analyzer.
        Query query = new QueryParser(Version, BodyField, _analyzer).Parse(TestData.Query(name));
        Assert.Empty(Hits(query));
    }

    [Theory]
    [InlineData("government-keheh")]
    [InlineData("american-farsi-yeh-keheh")]
    [InlineData("government-presentation-forms")]
    public void Search_LuceneArabicAnalyzer_MissesSomeCopies(string name)
    {
        // The baseline this analyzer replaces: Lucene's ArabicAnalyzer does not find every copy for these queries.
        using var directory = new RAMDirectory();
        using var arabic = new ArabicAnalyzer(Version);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, arabic)))
        {
            foreach (string text in s_documents)
            {
                writer.AddDocument(new Document { new TextField(BodyField, text, global::Lucene.Net.Documents.Field.Store.NO) });
            }
        }

        using DirectoryReader reader = DirectoryReader.Open(directory);
        Query query = new QueryParser(Version, BodyField, arabic).Parse(TestData.Query(name));
        Assert.True(new IndexSearcher(reader).Search(query, 10).TotalHits < 3);
    }

    [Theory]
    [InlineData("government-keheh")]
    [InlineData("relations-lam-alef-ligature")]
    [InlineData("american-bare-alef-diacritics")]
    [InlineData("talks-prefix-diacritics")]
    [InlineData("strategic-wildcard-star-keheh-tatweel")]
    public void Highlight_EachCopy_MarksTheSourceOfTheMatchedTerm(string name)
    {
        // Prefix and wildcard queries rewrite to the terms they match, so the highlighter can see them.
        var parser = new ArabicNormQueryParser(Version, BodyField, _analyzer) { MultiTermRewriteMethod = MultiTermQuery.SCORING_BOOLEAN_QUERY_REWRITE };
        Query query = _searcher.Rewrite(parser.Parse(TestData.Query(name)));
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (Term term in ExtractTerms(query))
        {
            terms.Add(term.Text);
        }

        Assert.NotEmpty(terms);
        foreach (string text in s_documents)
        {
            var formatter = new RecordingFormatter(text);
            var highlighter = new Highlighter(formatter, new QueryScorer(query, BodyField)) { TextFragmenter = new SimpleFragmenter(80) };
            string[] fragments;
            using (TokenStream tokens = _analyzer.GetTokenStream(BodyField, new StringReader(text)))
            {
                fragments = highlighter.GetBestFragments(tokens, text, 3);
            }

            Assert.NotEmpty(fragments);
            Assert.NotEmpty(formatter.Marked);
            foreach ((string original, int start, int end) in formatter.Marked)
            {
                // The marked text is the original's own, at the token's offsets...
                Assert.Equal(text[start..end], original);

                // ...and it is the source of the matched term: analyzed alone, it gives exactly that term.
                (List<TestData.Token> tokens, _) = TestData.Analyze(_analyzer, original);
                Assert.True(tokens.Count == 1 && terms.Contains(tokens[0].Text), $"{TestData.Escape(original)} gives {string.Join(" ", tokens.Select(t => TestData.Escape(t.Text)))}");
            }

            foreach (string fragment in fragments)
            {
                Assert.Contains(fragment.Replace("<B>", "", StringComparison.Ordinal).Replace("</B>", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Highlight_SallallahouLigature_MarksTheLigature()
    {
        // U+FDFA stands for four words; a query for one of them highlights the one source character.
        string text = "\u0642\u0627\u0644 \u0627\u0644\u0646\u0628\u064A \uFDFA \u0641\u064A"; // QAL, THE PROPHET, U+FDFA, FI
        Query query = new TermQuery(new Term(BodyField, "\u0648\u0633\u0644\u0645")); // WASALLAM
        var formatter = new RecordingFormatter(text);
        var highlighter = new Highlighter(formatter, new QueryScorer(query, BodyField));
        using TokenStream tokens = _analyzer.GetTokenStream(BodyField, new StringReader(text));
        string best = highlighter.GetBestFragment(tokens, text);
        Assert.Contains("<B>\uFDFA</B>", best, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private int[] Hits(Query query) =>
        _searcher.Search(query, 10).ScoreDocs
            .Select(d => int.Parse(_searcher.Doc(d.Doc).Get("id"), System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToArray();

    private static IEnumerable<Term> ExtractTerms(Query query)
    {
        var set = new HashSet<Term>();
        query.ExtractTerms(set);
        return set;
    }

    /// <summary>Records every token group the highlighter marks, with its offsets.</summary>
    private sealed class RecordingFormatter(string text) : IFormatter
    {
        private readonly SimpleHTMLFormatter _html = new();

        public List<(string Original, int Start, int End)> Marked { get; } = [];

        public string HighlightTerm(string originalText, TokenGroup tokenGroup)
        {
            if (tokenGroup.TotalScore > 0)
            {
                Marked.Add((originalText, tokenGroup.StartOffset, tokenGroup.EndOffset));
                Assert.Equal(text.Substring(tokenGroup.StartOffset, tokenGroup.EndOffset - tokenGroup.StartOffset), originalText);
            }

            return _html.HighlightTerm(originalText, tokenGroup);
        }
    }
}

/// <summary>
/// The classic query parser with prefix, wildcard and fuzzy terms folded as the analyzer folds indexed text: the
/// same class as samples/LuceneSearch's, tested here.
/// </summary>
internal sealed class ArabicNormQueryParser(LuceneVersion matchVersion, string field, ArabicNormAnalyzer analyzer)
    : QueryParser(matchVersion, field, analyzer)
{
    protected override Query GetPrefixQuery(string field, string termStr) =>
        base.GetPrefixQuery(field, analyzer.NormalizeQueryTerm(termStr));

    protected override Query GetWildcardQuery(string field, string termStr) =>
        base.GetWildcardQuery(field, analyzer.NormalizeQueryTerm(termStr));

    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        base.GetFuzzyQuery(field, analyzer.NormalizeQueryTerm(termStr), minSimilarity);
}
