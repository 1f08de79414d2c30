using ArabicNorm;
using ArabicNorm.Lucene;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;

// Indexes the seed article one paragraph per document, then searches after every keystroke of the queries in
// typed.txt (or of the arguments) and prints the hits with the matched words marked in the original text.
//   dotnet run --project samples/LuceneSearch [-- "query as typed"]
const LuceneVersion Version = LuceneVersion.LUCENE_48;
string article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "iraq-us-dialogue.ar.txt"));
string[] typed = args.Length > 0
    ? args
    : File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "typed.txt")).Where(l => l.Length > 0 && l[0] != '#').ToArray();

var analyzer = new ArabicNormAnalyzer(Version);
using var directory = new RAMDirectory();
using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer)))
{
    foreach (string paragraph in article.Split('\n', StringSplitOptions.RemoveEmptyEntries))
    {
        writer.AddDocument(new Document { new TextField("body", paragraph, Field.Store.YES) });
    }
}

using DirectoryReader reader = DirectoryReader.Open(directory);
var searcher = new IndexSearcher(reader);
var parser = new ArabicNormQueryParser(Version, "body", analyzer)
{
    DefaultOperator = Operator.AND,
    MultiTermRewriteMethod = MultiTermQuery.SCORING_BOOLEAN_QUERY_REWRITE, // so the highlighter sees prefix matches
};

int lastHits = 0;
foreach (string query in typed)
{
    Console.WriteLine($"query: {query}");
    for (int length = 1; length <= query.Length; length++)
    {
        // As the user types: the words so far must match, the last one as a prefix.
        string soFar = query[..length].Trim();
        if (soFar.Length == 0)
        {
            continue;
        }

        Query q = searcher.Rewrite(parser.Parse(QueryParserBase.Escape(soFar) + "*"));
        TopDocs hits = searcher.Search(q, 3);
        lastHits = hits.TotalHits;
        Console.WriteLine($"  typed {soFar,-24} {hits.TotalHits} paragraph(s)");
        if (length < query.Length)
        {
            continue;
        }

        var highlighter = new Highlighter(new SimpleHTMLFormatter("[", "]"), new QueryScorer(q, "body"))
        {
            TextFragmenter = new SimpleFragmenter(60),
        };
        foreach (ScoreDoc hit in hits.ScoreDocs)
        {
            string text = searcher.Doc(hit.Doc).Get("body");
            using TokenStream tokens = analyzer.GetTokenStream("body", new StringReader(text));
            Console.WriteLine($"    ... {string.Join(" ... ", highlighter.GetBestFragments(tokens, text, 2))} ...");
        }
    }
}

// The last query must find something: .ci/run relies on the exit code.
Console.WriteLine($"searched {typed.Length} queries over {reader.NumDocs} paragraphs; last query: {lastHits} hit(s)");
return lastHits > 0 ? 0 : 1;

/// <summary>The classic query parser, with prefix, wildcard and fuzzy terms folded as the analyzer folds indexed text.</summary>
/// <remarks>The classic parser sends those terms around the analyzer (Lucene.Net 4.8 has no <c>Analyzer.Normalize</c>),
/// so without this a typed <c>KEHEH</c> or tatweel in a prefix never meets the folded index.</remarks>
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
